package org.creamlab.experiments.study;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.creamlab.data.Tasks;
import org.creamlab.eval.EvalGrid;
import org.creamlab.eval.EvalHarness;
import org.creamlab.eval.EvalOptions;
import org.creamlab.eval.EvalResult;
import org.creamlab.eval.EvalSet;
import org.creamlab.eval.LlamaScoringModel;
import org.creamlab.eval.PooledAccuracy;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.MetricLog;
import org.creamlab.model.LlamaModel;
import org.creamlab.rope.NoScaling;

/**
 * The stricter in-window gate on LongChat-Lines (docs/study.md section 12): a base enters a study only
 * when its teacher-forced lines accuracy in the window, on {@value #SAMPLES_PER_LENGTH} samples at N/2
 * and as many at N, reaches {@value #THRESHOLD}. Across nine 4-layer bases (section 11) the full-length
 * bound at 8x met issue 13's bar on every base at >= 0.98 on the card's 60 samples and on none at
 * <= 0.97; this gate measures the same quantity on five times as many samples (one sample is a third
 * of a point), from a set seeded apart from the card's so that it does not re-read the same prompts.
 *
 * <p>Pure measurement: it scores a model and says whether it passes; it never changes a base's card.
 */
public final class LinesGate {

    /** The accuracy a base must reach. */
    public static final double THRESHOLD = 0.98;
    /** Samples at each of the two in-window lengths (N/2 and N). */
    public static final int SAMPLES_PER_LENGTH = 150;
    /** The key of the gate's score in a base's scores (next to the tasks of the card). */
    public static final String SCORE_KEY = "linesGate";
    /** Metric name of the pooled gate score (one per scored base). */
    public static final String METRIC = "gate/lines_in_window_accuracy";

    private static final long SET_SEED_OFFSET = 104_729;

    private final StudyData data;

    public LinesGate(StudyData data) {
        this.data = data;
    }

    /** Whether a gate score passes. */
    public static boolean passes(double score) {
        return score >= THRESHOLD;
    }

    /**
     * The gate's samples: lines at N/2 and at N, {@value #SAMPLES_PER_LENGTH} each, drawn with a seed
     * apart from the card's set ({@code seed + 7919}).
     */
    public EvalSet sampleSet(int window, long seed) {
        EvalGrid grid = EvalGrid.of(List.of(Tasks.LINES), List.of(window / 2, window), List.of(0.5), List.of(50.0));
        return EvalSet.build(data.tasks(), grid, SAMPLES_PER_LENGTH, seed + SET_SEED_OFFSET);
    }

    /**
     * The pooled teacher-forced lines accuracy of {@code model} at N/2 and N; every cell is also logged
     * under the {@code gate} metric prefix, and the pooled score as {@link #METRIC}.
     *
     * @param window the base's pre-trained window N
     * @param seed the base's seed (the gate's sample set is derived from it)
     */
    public double score(NDManager nd, LlamaModel model, int window, long seed, MetricLog metrics) {
        EvalSet set = sampleSet(window, seed);
        EvalResult result = new EvalHarness(data.tokenizer()).run(new LlamaScoringModel(nd, model, new NoScaling(), 16),
                set, new EvalOptions(false, true, 8, 16, "gate"), metrics);
        PooledAccuracy lines = result.pooledByTask(true).get(Tasks.LINES);
        if (lines == null || lines.total() != 2L * SAMPLES_PER_LENGTH) {
            throw new IllegalStateException("lines gate scored " + (lines == null ? 0 : lines.total())
                    + " samples, expected " + 2 * SAMPLES_PER_LENGTH);
        }
        double accuracy = lines.accuracy();
        metrics.log(METRIC, accuracy, Dimensions.task(Tasks.LINES));
        return accuracy;
    }
}
