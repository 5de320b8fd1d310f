package org.creamlab.reports.summary;

/**
 * One run as listed in a summary.
 *
 * @param id run id
 * @param arm its arm's label
 * @param seed seed
 * @param status {@code FINISHED}, {@code FAILED} or {@code RUNNING}
 * @param failureCategory for failed runs, e.g. {@code diverged}; else null
 * @param failureMessage for failed runs, the reason; else null
 */
public record RunLine(long id, String arm, long seed, String status, String failureCategory, String failureMessage) {}
