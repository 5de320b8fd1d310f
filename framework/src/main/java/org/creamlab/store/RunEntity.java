package org.creamlab.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code run}: one run of an experiment, with its provenance. */
@Entity
@Table(name = "run")
class RunEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "experiment_id", nullable = false)
    ExperimentEntity experiment;

    @Column(nullable = false, length = 2000)
    String variant;

    @Column(nullable = false, length = 4000)
    String params;

    @Column(nullable = false)
    long seed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    RunStatus status;

    @Column(name = "failure_category", length = 40)
    String failureCategory;

    @Column(name = "failure_message", length = 4000)
    String failureMessage;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "git_commit", length = 64)
    String gitCommit;

    @Column(name = "git_dirty")
    Boolean gitDirty;

    @Column(name = "java_version", length = 120)
    String javaVersion;

    @Column(name = "djl_version", length = 40)
    String djlVersion;

    @Column(name = "pytorch_version", length = 40)
    String pytorchVersion;

    @Column(length = 255)
    String host;

    @Column(length = 120)
    String device;

    Integer threads;

    @Column(name = "owner_host", length = 255)
    String ownerHost;

    @Column(name = "owner_pid")
    Long ownerPid;

    @Column(name = "heartbeat_at")
    Instant heartbeatAt;

    @Column(name = "owner_task", length = 120)
    String ownerTask;

    protected RunEntity() {}
}
