package org.creamlab.store;

import java.time.Instant;

/**
 * A run as read back from the store.
 *
 * @param id run id
 * @param experiment experiment name
 * @param variant the canonical parameter text ({@code a=1, b=2})
 * @param paramsJson the parameters as a JSON object
 * @param seed the seed
 * @param status its status
 * @param failureCategory for FAILED runs: e.g. {@code diverged}, {@code invalid-configuration}
 * @param failureMessage for FAILED runs: the reason
 * @param startedAt start time
 * @param endedAt end time, null while RUNNING
 * @param provenance where and with what it ran
 */
public record StoredRun(long id, String experiment, String variant, String paramsJson, long seed, RunStatus status,
                        String failureCategory, String failureMessage, Instant startedAt, Instant endedAt,
                        Provenance provenance, Instant heartbeatAt, String ownerTask) {}
