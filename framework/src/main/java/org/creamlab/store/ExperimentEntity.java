package org.creamlab.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code experiment}: one per experiment name. */
@Entity
@Table(name = "experiment")
class ExperimentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100)
    String name;

    @Column(length = 2000)
    String description;

    /** The declared primary endpoints, one {@code Endpoint.line()} per line; null when none. */
    @Column(length = 4000)
    String endpoints;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected ExperimentEntity() {}

    ExperimentEntity(String name, String description, Instant createdAt) {
        this.name = name;
        this.description = description;
        this.createdAt = createdAt;
    }
}
