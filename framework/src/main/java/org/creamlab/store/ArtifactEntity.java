package org.creamlab.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code artifact}: a file a run produced, with its checksum. */
@Entity
@Table(name = "artifact")
class ArtifactEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "run_id", nullable = false)
    long runId;

    @Column(nullable = false, length = 60)
    String kind;

    @Column(nullable = false, length = 1000)
    String path;

    @Column(nullable = false, length = 64)
    String sha256;

    @Column(name = "size_bytes", nullable = false)
    long sizeBytes;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected ArtifactEntity() {}
}
