package org.creamlab.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code metric}: one measured number with its dimensions. */
@Entity
@Table(name = "metric")
class MetricEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "run_id", nullable = false)
    long runId;

    @Column(nullable = false, length = 200)
    String name;

    Long step;

    @Column(name = "metric_value", nullable = false)
    double value;

    @Column(length = 100)
    String task;

    @Column(name = "context_length")
    Integer contextLength;

    @Column(name = "gold_position")
    Double goldPosition;

    Double depth;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected MetricEntity() {}
}
