package org.creamlab.data;

import java.util.List;

/** The task names, as stored in metric dimensions. */
public final class Tasks {

    private Tasks() {}

    public static final String LINES = "lines";
    public static final String KV = "kv";
    public static final String NEEDLE = "needle";
    public static final String PASSKEY = "passkey";

    /** All four, in report order. */
    public static final List<String> ALL = List.of(LINES, KV, NEEDLE, PASSKEY);
}
