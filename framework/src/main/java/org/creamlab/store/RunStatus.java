package org.creamlab.store;

/** Life cycle of a stored run. */
public enum RunStatus {
    RUNNING,
    FINISHED,
    FAILED
}
