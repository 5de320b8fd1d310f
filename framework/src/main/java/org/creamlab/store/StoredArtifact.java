package org.creamlab.store;

/**
 * A file a run produced.
 *
 * @param runId the run
 * @param kind e.g. {@code checkpoint}
 * @param path absolute path when recorded
 * @param sha256 hex SHA-256 of the file when recorded
 * @param sizeBytes its size
 */
public record StoredArtifact(long runId, String kind, String path, String sha256, long sizeBytes) {}
