package org.creamlab.data;

import java.util.random.RandomGenerator;

/**
 * A seeded generator of one retrieval task's samples at a requested context length. The same
 * generator state and the same sequence of draws from {@code rng} give the same samples.
 */
public interface TaskGenerator {

    /** The task name: {@code lines}, {@code kv}, {@code needle} or {@code passkey}. */
    String task();

    /** The shortest context length this generator can reach. */
    int minimumLength();

    /**
     * One sample whose prompt length lands on {@code length} (needle, passkey) or at most one line or
     * pair below it (lines, kv).
     *
     * @throws IllegalArgumentException naming the setting when the length cannot be reached or the
     *     placement is not one this task supports
     */
    TaskSample sample(RandomGenerator rng, int length, Placement placement);
}
