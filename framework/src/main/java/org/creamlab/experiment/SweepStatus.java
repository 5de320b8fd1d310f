package org.creamlab.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.creamlab.store.RunStatus;
import org.creamlab.store.StoredRun;

/**
 * Where each point of a sweep stands in the store ({@code -Dstatus}, and what a submission skips):
 * like {@code squeue}, for the study. A point is matched to stored runs by experiment, canonical
 * parameters and seed, whatever code made them (the line names the commit).
 */
public final class SweepStatus {

    /** A point's state. */
    public enum State {
        /** No run in the store. */
        MISSING,
        /** A run whose owner's heartbeat is recent. */
        RUNNING,
        /** A RUNNING run whose owner went silent: the next run of the point resumes it. */
        INTERRUPTED,
        /** A finished run (the newest one is shown). */
        FINISHED,
        /** Only failed runs (the newest one is shown). */
        FAILED;

        /** Whether a submission must run this point (everything but FINISHED and live RUNNING). */
        public boolean needsRun() {
            return this != FINISHED && this != RUNNING;
        }
    }

    /**
     * @param index the point's index in the sweep ({@code -Dsweep.index})
     * @param plan the point
     * @param state its state
     * @param run the stored run the state comes from, if any
     */
    public record Point(int index, RunPlan plan, State state, Optional<StoredRun> run) {}

    private SweepStatus() {}

    /**
     * The points that still need a run here ({@link State#needsRun()}: not finished, and not running in a live
     * process elsewhere), in sweep order: what {@code -Dskip.finished} runs.
     */
    public static List<RunPlan> toRun(List<Point> points) {
        return points.stream().filter(p -> p.state().needsRun()).map(Point::plan).toList();
    }

    /**
     * The state of each point of {@code plans} given the experiment's stored {@code runs}.
     *
     * @param staleAfter how long a heartbeat may be silent before a RUNNING run counts as interrupted
     */
    public static List<Point> of(List<RunPlan> plans, List<StoredRun> runs, Instant now, Duration staleAfter) {
        Map<String, List<StoredRun>> byPoint = runs.stream()
                .collect(Collectors.groupingBy(r -> key(r.variant(), r.seed())));
        List<Point> points = new ArrayList<>();
        for (int k = 0; k < plans.size(); k++) {
            RunPlan plan = plans.get(k);
            List<StoredRun> mine = byPoint.getOrDefault(key(plan.params().canonical(), plan.seed()), List.of()).stream()
                    .sorted(Comparator.comparingLong(StoredRun::id).reversed()).toList();
            Optional<StoredRun> finished = mine.stream().filter(r -> r.status() == RunStatus.FINISHED).findFirst();
            Optional<StoredRun> running = mine.stream().filter(r -> r.status() == RunStatus.RUNNING).findFirst();
            State state;
            Optional<StoredRun> run;
            if (finished.isPresent()) {
                state = State.FINISHED;
                run = finished;
            } else if (running.isPresent()) {
                Instant beat = running.get().heartbeatAt();
                boolean stale = beat == null || beat.plus(staleAfter).isBefore(now);
                state = stale ? State.INTERRUPTED : State.RUNNING;
                run = running;
            } else if (!mine.isEmpty()) {
                state = State.FAILED;
                run = Optional.of(mine.get(0));
            } else {
                state = State.MISSING;
                run = Optional.empty();
            }
            points.add(new Point(k, plan, state, run));
        }
        return points;
    }

    /** The table {@code -Dstatus} prints: one line per point, then the count of each state. */
    public static String describe(String experiment, List<Point> points, Instant now) {
        StringBuilder out = new StringBuilder();
        Map<State, Long> counts = points.stream().collect(Collectors.groupingBy(Point::state, Collectors.counting()));
        out.append(experiment).append(": ").append(points.size()).append(points.size() == 1 ? " point; " : " points; ")
                .append(java.util.Arrays.stream(State.values()).filter(counts::containsKey)
                        .map(s -> counts.get(s) + " " + s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")))
                .append('\n');
        int width = Integer.toString(Math.max(0, points.size() - 1)).length();
        for (Point p : points) {
            out.append(String.format(Locale.ROOT, "  %" + width + "d  %-11s  %s", p.index(),
                    p.state().name().toLowerCase(Locale.ROOT), p.plan().displayName()));
            p.run().ifPresent(r -> out.append("  (run ").append(r.id()).append(detail(p.state(), r, now)).append(')'));
            out.append('\n');
        }
        return out.toString();
    }

    private static String detail(State state, StoredRun r, Instant now) {
        String commit = r.provenance() == null || r.provenance().gitCommit() == null ? ""
                : ", commit " + r.provenance().gitCommit().substring(0, Math.min(7, r.provenance().gitCommit().length()));
        String where = r.ownerTask() != null ? ", " + r.ownerTask() : r.provenance() == null ? "" : ", " + r.provenance().host();
        return switch (state) {
            case RUNNING, INTERRUPTED -> Instant.EPOCH.equals(r.heartbeatAt())
                    ? ", stopped and released by its owner; resumable"
                    : where + ", heartbeat " + age(r.heartbeatAt(), now)
                    + (state == State.INTERRUPTED ? "; resumable by the same code, else failed and run afresh" : "");
            case FINISHED -> commit + (r.endedAt() == null ? "" : ", ended " + age(r.endedAt(), now));
            case FAILED -> commit + ": " + r.failureCategory() + ": " + shorten(r.failureMessage());
            case MISSING -> "";
        };
    }

    /** {@code 42 s ago}, {@code 5 min ago}, {@code 3 h ago}, {@code never}. */
    static String age(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        return s < 120 ? s + " s ago" : s < 7200 ? s / 60 + " min ago" : s / 3600 + " h ago";
    }

    private static String shorten(String message) {
        if (message == null) {
            return "";
        }
        String oneLine = message.replace('\n', ' ');
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }

    private static String key(String variant, long seed) {
        return variant + "|seed=" + seed;
    }
}
