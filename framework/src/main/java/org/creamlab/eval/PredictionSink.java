package org.creamlab.eval;

import org.creamlab.data.TaskSample;

/**
 * Receives what the model predicted for each teacher-forced sample, in the evaluation set's order:
 * the answer's tokens next to the model's argmax at each of them. Used to look at what a model
 * answers where it fails (the metrics keep only whether it was right).
 */
@FunctionalInterface
public interface PredictionSink {

    /** A sink that drops everything. */
    PredictionSink NONE = (cell, index, sample, scores) -> { };

    /**
     * @param cell the sample's cell
     * @param index the sample's index in its cell (the step of its {@code eval/correct} metric)
     * @param sample the prompt and the answer
     * @param scores the model's teacher-forced scores of the answer tokens ({@code answer.length} entries)
     */
    void accept(EvalCell cell, int index, TaskSample sample, TargetScores scores);

    /** A sink that hands every prediction to this one, then to {@code next}. */
    default PredictionSink andThen(PredictionSink next) {
        java.util.Objects.requireNonNull(next, "next");
        return (cell, index, sample, scores) -> {
            accept(cell, index, sample, scores);
            next.accept(cell, index, sample, scores);
        };
    }
}
