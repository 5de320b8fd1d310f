package org.creamlab.experiments.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The adaptive curriculum of the base pre-training (reference/miniature-study-notes.md,
 * docs/base-recipe.md): first a copy warm-up phase that lasts until the copy is learned, and for
 * lines and key-value documents an item count that doubles (exactly 2, 4, 8, 16 items, then any
 * length up to the window) each time the model's teacher-forced exact match at the current level
 * reaches {@link #PASS}. A level's cap is also expressed as a document length: the task's minimum
 * length plus room for the extra items.
 *
 * <p>Levels hold exactly their item count, so that a level cannot be passed at chance (with 1..2
 * kv pairs a random pick already scores 0.75).
 *
 * <p>Its state (the copy phase and the level per task) is part of the training checkpoint, so a
 * resumed run goes on where it stopped.
 */
final class Curriculum {

    /** Exact match at which a task moves to the next level. */
    static final double PASS = 0.9;

    private static final int[] ITEMS = {2, 4, 8, 16};
    private static final String COPY = "copy";

    private final Map<String, Integer> minimumLength;
    private final Map<String, Integer> itemTokens;
    private final int window;
    private final Map<String, Integer> level = new LinkedHashMap<>();
    private boolean copyLearned;

    /**
     * @param minimumLength per curriculum task, its shortest prompt (one item)
     * @param itemTokens per curriculum task, tokens one more item takes (a line, a pair)
     */
    Curriculum(Map<String, Integer> minimumLength, Map<String, Integer> itemTokens, int window) {
        this.minimumLength = Map.copyOf(minimumLength);
        this.itemTokens = Map.copyOf(itemTokens);
        this.window = window;
        minimumLength.keySet().forEach(t -> level.put(t, 0));
    }

    /** The pre-training window: no document may be longer. */
    int window() {
        return window;
    }

    List<String> tasks() {
        return List.copyOf(level.keySet());
    }

    boolean governs(String task) {
        return level.containsKey(task);
    }

    boolean finished(String task) {
        return level.get(task) >= ITEMS.length;
    }

    /** The exact item count of the task's current level, or 0 once it has finished the curriculum. */
    synchronized int items(String task) {
        int l = level.get(task);
        return l >= ITEMS.length ? 0 : ITEMS[l];
    }

    /** Whether the copy warm-up has passed its probe (then its share drops to the late share). */
    synchronized boolean copyLearned() {
        return copyLearned;
    }

    synchronized void markCopyLearned() {
        copyLearned = true;
    }

    /** The longest prompt a document of this task may have now. */
    synchronized int maxPromptLength(String task) {
        int l = level.get(task);
        if (l >= ITEMS.length) {
            return window;
        }
        return Math.min(window, minimumLength.get(task) + (ITEMS[l] - 1) * itemTokens.get(task));
    }

    /** Moves a task to its next level; returns the new level. */
    synchronized int advance(String task) {
        int l = Math.min(ITEMS.length, level.get(task) + 1);
        level.put(task, l);
        return l;
    }

    synchronized int level(String task) {
        return level.get(task);
    }

    /** {@code copy=1,lines=2,kv=1}: the checkpointed state. */
    synchronized String state() {
        StringBuilder sb = new StringBuilder(COPY + "=" + (copyLearned ? 1 : 0));
        level.forEach((t, l) -> sb.append(sb.length() == 0 ? "" : ",").append(t).append('=').append(l));
        return sb.toString();
    }

    synchronized void restore(String state) {
        if (state == null || state.isEmpty()) {
            return;
        }
        for (String part : state.split(",")) {
            String[] kv = part.split("=");
            if (kv.length == 2 && kv[0].equals(COPY)) {
                copyLearned = kv[1].equals("1");
                continue;
            }
            if (kv.length != 2 || !level.containsKey(kv[0])) {
                throw new IllegalStateException("checkpointed curriculum state '" + state + "' does not match tasks " + level.keySet());
            }
            level.put(kv[0], Integer.parseInt(kv[1]));
        }
    }
}
