package org.creamlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * A task sample whose record is asked about more than once (fine-tuning only): the sample as its
 * generator makes it, then follow-up questions about other items of the same record, which a
 * document appends after the first answer ({@link LabelledDocumentBuilder}).
 *
 * @param first the sample: prompt, first question and its answer
 * @param followUps the further questions, in order; empty when the record was asked once
 */
public record AskedSample(TaskSample first, List<FollowUp> followUps) {

    public AskedSample {
        followUps = List.copyOf(followUps);
    }

    /**
     * The sample and {@code questions - 1} follow-ups about other items of its record: items drawn
     * uniformly without replacement from all but the gold one (fewer follow-ups when the record holds
     * fewer items).
     *
     * @param items how many items the record holds, in prompt order
     * @param questions how many times the record is asked in all, at least 1 (the callers check it)
     * @param followUp the follow-up that asks about item {@code i} (built only for drawn items)
     */
    static AskedSample drawFollowUps(RandomGenerator rng, TaskSample first, int items, int questions,
                                     IntFunction<FollowUp> followUp) {
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            if (i != first.goldIndex()) {
                others.add(i);
            }
        }
        List<FollowUp> followUps = new ArrayList<>();
        for (int q = 1; q < questions && !others.isEmpty(); q++) {
            followUps.add(followUp.apply(others.remove(rng.nextInt(others.size()))));
        }
        return new AskedSample(first, followUps);
    }

    /**
     * One more question about the sample's record.
     *
     * @param question the question's tokens
     * @param answer the answer's tokens
     * @param goldOffset where the answer's value starts in the first sample's prompt (its evidence)
     */
    public record FollowUp(int[] question, int[] answer, int goldOffset) {}
}
