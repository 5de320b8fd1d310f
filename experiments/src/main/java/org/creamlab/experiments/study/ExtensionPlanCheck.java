package org.creamlab.experiments.study;

import java.util.List;
import java.util.SplittableRandom;
import org.creamlab.data.Placement;
import org.creamlab.data.Tasks;
import org.creamlab.experiment.PlanCheck;
import org.creamlab.experiment.RunParams;
import org.creamlab.positions.PositionSchemes;
import org.creamlab.positions.SchemeSettings;
import org.creamlab.positions.WindowExtension;

/**
 * Checks an extension run before any compute: its position scheme can be built for the window and
 * factor (e.g. CREAM's {@code k} leaves a middle), and every cell of its evaluation set can be
 * generated at its length (e.g. kv at L needs more distinct keys than the vocabulary has at large
 * factors). Without this such a point failed only after its fine-tuning had run.
 */
public final class ExtensionPlanCheck implements PlanCheck {

    private static final List<String> FINE_TUNED = List.of("cream", "pose", "randpos", "full");

    private final StudyData data = StudyData.miniature();
    /** (window, target length) pairs whose evaluation set was already generated: one check per pair, not per point. */
    private final java.util.Set<List<Integer>> evaluationsChecked = new java.util.HashSet<>();

    @Override
    public void check(RunParams p) {
        check(p, ExtensionRun.schemeSettings(p));
    }

    /** The same with explicit position-scheme settings (e.g. a CREAM ablation arm's). */
    public void check(RunParams p, SchemeSettings settings) {
        int window = p.getInt("window");
        int factor = p.getInt("factor");
        WindowExtension extension = new WindowExtension(window, factor);
        String method = p.values().containsKey("method") ? p.get("method") : "cream";
        if (FINE_TUNED.contains(method)) {
            PositionSchemes.standard().create(method, extension, settings);
        }
        if (p.values().containsKey("scaling")) {
            StudyScaling.create(p.get("scaling"), factor, window, p);
        }
        if (p.values().containsKey("mix")) {
            org.creamlab.data.EpisodeMix.parse(p.get("mix"));
        }
        // only the bound trains rows of L, the rows that span (ExtensionRun: sample length above the window)
        if (method.equals("full") && p.values().containsKey("fullSpanLinesBlocks") && p.getInt("fullSpanLinesBlocks") > 0) {
            checkSpanningLines(p.getInt("fullSpanLinesBlocks"), extension.targetLength());
        }
        List<Integer> evaluation = List.of(window, extension.targetLength());
        if (evaluationsChecked.contains(evaluation)) {
            return;
        }
        try {
            new StudyEvaluation(data).evaluationSet(window, extension.targetLength(), 1, 1, 1, true);
            evaluationsChecked.add(evaluation);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("the evaluation at L = " + extension.targetLength() + " (window "
                    + window + ", factor " + factor + ") cannot be generated: " + e.getMessage(), e);
        }
    }

    /** A spanning LongChat-Lines record of L tokens can be drawn from {@code blocks} number blocks. */
    private void checkSpanningLines(int blocks, int length) {
        try {
            data.spanningTasksWithLinesBlocks(blocks).get(Tasks.LINES).sample(new SplittableRandom(0), length,
                    Placement.uniform());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("setting 'fullSpanLinesBlocks': " + blocks + " blocks cannot number a "
                    + "LongChat-Lines record of L = " + length + " tokens: " + e.getMessage(), e);
        }
    }
}
