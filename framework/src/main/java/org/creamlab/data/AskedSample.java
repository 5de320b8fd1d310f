package org.creamlab.data;

import java.util.List;

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
     * One more question about the sample's record.
     *
     * @param question the question's tokens
     * @param answer the answer's tokens
     * @param goldOffset where the answer's value starts in the first sample's prompt (its evidence)
     */
    public record FollowUp(int[] question, int[] answer, int goldOffset) {}
}
