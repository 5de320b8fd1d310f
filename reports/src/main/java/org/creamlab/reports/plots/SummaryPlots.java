package org.creamlab.reports.plots;

import java.util.ArrayList;
import java.util.List;
import org.creamlab.positions.WindowExtension;
import org.creamlab.reports.summary.ComparisonTable;
import org.creamlab.reports.summary.ExperimentSummary;
import org.creamlab.reports.summary.StudyRun;
import org.slf4j.LoggerFactory;

/**
 * The plots of one experiment's summary, in reading order: accuracy vs length, accuracy vs gold
 * position, needle heatmaps, accuracy vs fine-tuning steps, loss curves (total and per target
 * class), perplexity vs length and, for experiments that compare
 * position schemes ({@code method} cream/pose), the schemes' position-id coverage.
 */
public final class SummaryPlots {

    /** Draws per scheme for the coverage plot. */
    public static final int COVERAGE_SAMPLES = 2000;
    private static final List<String> SCHEMES = List.of("cream", "pose", "randpos");

    private SummaryPlots() {}

    /**
     * @param all every run (loss curves include failed runs: a diverged loss is worth seeing)
     * @param finished the finished runs
     */
    public static List<Plot> of(ExperimentSummary s, List<StudyRun> all, List<StudyRun> finished) {
        List<Plot> plots = new ArrayList<>();
        s.primary().forEach(r -> plots.add(ForestPlot.of(s.experiment(), r)));
        ComparisonTable lines = s.tables().get("lines");
        if (lines != null) {
            StudyPlots.accuracyCurve("accuracy vs context length", s.experiment() + ": LongChat-Lines accuracy vs context length",
                    "context length (tokens)", lines, d -> d.length() == null ? 0 : d.length()).ifPresent(plots::add);
        }
        ComparisonTable kv = s.tables().get("kv");
        if (kv != null) {
            StudyPlots.accuracyCurve("accuracy vs gold position", s.experiment() + ": key-value accuracy vs gold position",
                    "gold position (% of the context)", kv, d -> d.position() == null ? 0 : 100 * d.position())
                    .ifPresent(plots::add);
        }
        ComparisonTable needle = s.tables().get("needle");
        if (needle != null) {
            plots.addAll(StudyPlots.heatmaps("needle", needle));
        }
        List<String> varying = s.settings().varying();
        plots.addAll(StudyPlots.stepCurves(s.experiment(), s.curves()));
        StudyPlots.curves("train/loss", all, varying).ifPresent(plots::add);
        // per-class loss: a flat total says nothing about a class that is a few percent of it
        StudyPlots.curves("train/loss_answer", all, varying).ifPresent(plots::add);
        StudyPlots.curves("train/loss_copy", all, varying).ifPresent(plots::add);
        StudyPlots.auditDistances(s.experiment(), finished, varying).ifPresent(plots::add);
        StudyPlots.meansVsLength("perplexity vs length", s.experiment() + ": perplexity of held-out documents vs length",
                "perplexity", s.perplexity()).ifPresent(plots::add);
        if (comparesSchemes(all)) {
            WindowExtension extension = extension(all);
            List<PositionCoverage> coverages = new ArrayList<>();
            for (String scheme : SCHEMES) {
                try {
                    coverages.add(PositionCoverage.of(scheme, extension, COVERAGE_SAMPLES, 1L));
                } catch (IllegalArgumentException e) {
                    // a setting that cannot build the scheme fails its run, not the report
                    LoggerFactory.getLogger(SummaryPlots.class).warn("coverage plot: {} left out at {}: {}", scheme,
                            extension, e.getMessage());
                }
            }
            if (!coverages.isEmpty()) {
                plots.add(CoveragePlot.of(extension, coverages));
            }
        }
        return plots;
    }

    private static boolean comparesSchemes(List<StudyRun> runs) {
        return runs.stream().map(r -> r.param("method", "")).anyMatch(SCHEMES::contains);
    }

    /** N and f of the first run that names them; defaults 128 and 8. */
    static WindowExtension extension(List<StudyRun> runs) {
        StudyRun first = runs.get(0);
        return new WindowExtension(Integer.parseInt(first.param("window", "128")),
                Integer.parseInt(first.param("factor", "8")));
    }
}
