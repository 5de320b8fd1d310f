package org.creamlab.store;

/**
 * Where and with what a run was produced.
 *
 * @param gitCommit the commit of the project checkout, or {@code unknown}
 * @param gitDirty whether the checkout had uncommitted changes (null when unknown)
 * @param javaVersion e.g. {@code 17.0.15 (Debian)}
 * @param djlVersion e.g. {@code 0.36.0}
 * @param pytorchVersion the engine's version, e.g. {@code 2.7.1}
 * @param host the host name
 * @param device e.g. {@code cpu()} or {@code gpu(0)}
 * @param threads intra-op threads
 */
public record Provenance(String gitCommit, Boolean gitDirty, String javaVersion, String djlVersion,
                         String pytorchVersion, String host, String device, int threads) {}
