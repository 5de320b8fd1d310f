package org.creamlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.creamlab.config.Settings;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.ExperimentDescriptor;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.RunPlan;
import org.creamlab.experiment.Seeds;
import org.creamlab.experiment.SweepExpander;
import org.creamlab.experiment.SweepOverrides;
import org.creamlab.experiment.SweepStatus;
import org.creamlab.store.Provenance;
import org.creamlab.store.RunStatus;
import org.creamlab.store.StoredRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a submission refuses before anything is written or submitted, and what it submits: the
 * scheduler's tools are a recording fake here ({@code SlurmEndToEndTest} in the reports module runs a
 * real cluster).
 */
class SlurmSubmissionTest {

    @Experiment(name = "slurm-fixture", description = "four points")
    @Param(name = "k", values = {"1", "2"})
    @Seeds({1, 2})
    static final class Four implements ExperimentBody {
        @Override
        public void run(RunContext context) {}
    }

    private static final ExperimentDescriptor FOUR = ExperimentDescriptor.of(Four.class);
    private static final String PG = "jdbc:postgresql://db.cluster:5432/creamlab";

    @TempDir
    Path root;
    private final List<List<String>> calls = new ArrayList<>();
    private final List<java.util.Map<String, String>> environments = new ArrayList<>();
    /** What the fake squeue lists as queued or running array elements. */
    private String queuedIndices = "";
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private boolean sbatchOnPath = true;

    /** sbatch answers job ids 100, 101, ...; scontrol knows partition "gpu" only. */
    private final Commands fake = new Commands() {
        @Override
        public Output run(List<String> command, java.util.Map<String, String> environment) {
            calls.add(command);
            environments.add(environment);
            return switch (command.get(0)) {
                case "squeue" -> new Output(0, queuedIndices, "");
                case "sbatch" -> new Output(0, (100 + calls.stream().filter(c -> c.get(0).equals("sbatch")).count() - 1) + ";cluster", "");
                case "scontrol" -> command.get(3).equals("gpu") ? new Output(0, "PartitionName=gpu", "")
                        : new Output(1, "", "Partition " + command.get(3) + " not found");
                case "sinfo" -> new Output(0, "gpu\ncpu", "");
                default -> throw new AssertionError("unexpected command " + command);
            };
        }

        @Override
        public boolean onPath(String program) {
            return sbatchOnPath;
        }
    };

    @BeforeEach
    void build() throws Exception {
        for (String f : List.of("experiments/target/classpath.txt", "experiments/target/launch.env", "reports/target/classpath.txt")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.writeString(root.resolve(f), "x");
        }
    }

    private SlurmSubmission submission(String... keyValues) {
        Properties p = new Properties();
        p.setProperty("creamlab.root", root.toString());
        p.setProperty("db.url", PG);
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return new SlurmSubmission(Settings.from(p), p, fake, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private void assertRefused(String expected, SlurmSubmission s) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::check);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(calls.stream().anyMatch(c -> c.get(0).equals("sbatch")), "nothing submitted");
        assertFalse(Files.exists(root.resolve("target/slurm")), "nothing written");
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingSubmitted() {
        assertRefused("cannot share the H2 file", submission("db.url", "jdbc:h2:file:/tmp/x;AUTO_SERVER=TRUE"));
        assertRefused("this cluster has no partition 'debugg'; its partitions: gpu, cpu", submission("slurm.partition", "debugg"));
        assertRefused("'sweep.index': not with -Dsubmit", submission("sweep.index", "3"));
        sbatchOnPath = false;
        assertRefused("no 'sbatch' on the PATH", submission());
        assertThrows(IllegalArgumentException.class, () -> submission("slurm.time", "two hours"));
        assertThrows(IllegalArgumentException.class, () -> submission("slurm.mem", "lots"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> SlurmSubmission.requested(props("submit", "pbs")));
        assertTrue(unknown.getMessage().contains("unknown scheduler 'pbs'; allowed: slurm"), unknown.getMessage());
    }

    @Test
    void missingPointsAreSubmittedAsOneArrayThenTheReportAfterIt() throws Exception {
        List<RunPlan> plans = SweepExpander.expand(FOUR, SweepOverrides.none());
        java.time.Instant now = java.time.Instant.now();
        StoredRun finished = new StoredRun(7, "slurm-fixture", "k=1", "{}", 2, RunStatus.FINISHED, null, null, now, now,
                new Provenance("abc", false, "17", "x", "y", "node", "cpu()", 1), now, null);
        List<SweepStatus.Point> points = SweepStatus.of(plans, List.of(finished), now, java.time.Duration.ofMinutes(2));
        SlurmSubmission s = submission("slurm.partition", "gpu", "slurm.gres", "gpu:1", "slurm.parallel", "2",
                "p.k", "1,2", "db.password", "secret", "slurm.cpus", "4");
        s.check();
        queuedIndices = "3\n";   // a task of this sweep still queued (or requeued): not submitted again
        SlurmSubmission.Result r = s.submit(FOUR, points);

        assertEquals(List.of(0, 2), r.submitted());
        assertEquals(2, r.skipped().size());
        String fingerprint = org.creamlab.experiment.SweepIndex.fingerprint(plans);
        assertEquals(List.of("squeue", "-h", "-r", "-n", "creamlab-slurm-fixture-" + fingerprint, "-o", "%K"),
                calls.stream().filter(c -> c.get(0).equals("squeue")).findFirst().orElseThrow());
        assertEquals(List.of("sbatch", "--parsable", "--array=0,2%2", r.arrayScript().toString()), calls.get(calls.size() - 2));
        assertEquals(java.util.Map.of("CREAMLAB_DB_PASSWORD", "secret"), environments.get(environments.size() - 2),
                "the password reaches the tasks through sbatch's environment");
        assertEquals(List.of("sbatch", "--parsable", "--dependency=afterany:100", r.reportScript().toString()), calls.get(calls.size() - 1));
        assertEquals("100", r.arrayJob().orElseThrow());
        String script = Files.readString(r.arrayScript());
        for (String line : List.of("#SBATCH --partition=gpu", "#SBATCH --gres=gpu:1", "#SBATCH --cpus-per-task=4", "#SBATCH --requeue",
                "#SBATCH --job-name=creamlab-slurm-fixture-" + fingerprint, "'-Dsweep.fingerprint=" + fingerprint + "'",
                "'-Dexperiment=slurm-fixture'", "'-Dp.k=1,2'", "-Dsweep.index=\"$SLURM_ARRAY_TASK_ID\"", "exec bin/creamlab run")) {
            assertTrue(script.contains(line), line + " in\n" + script);
        }
        assertTrue(!script.contains("secret") && !Files.readString(r.reportScript()).contains("secret"),
                "no password in the scripts (nor on the tasks' command lines)");
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("skipped point 3 (queued or running in Slurm"), printed.toString());
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(r.arrayScript())),
                "the script holds the store's password: the owner alone reads it");
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("skipped point 1 (finished, run 7)"), printed.toString());
    }

    @Test
    void aDryRunPrintsTheScriptsWithoutThePasswordAndSubmitsNothing() throws Exception {
        sbatchOnPath = false;
        SlurmSubmission s = submission("slurm.dryRun", "true", "db.password", "secret",
                "db.url", PG + "?user=creamlab&password=it's-secret");
        s.check();
        List<RunPlan> plans = SweepExpander.expand(FOUR, SweepOverrides.none());
        SlurmSubmission.Result r = s.submit(FOUR, SweepStatus.of(plans, List.of(), java.time.Instant.now(), java.time.Duration.ofMinutes(2)));
        assertTrue(calls.isEmpty(), "no scheduler command: " + calls);
        assertTrue(r.arrayJob().isEmpty());
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("would run: sbatch --parsable --array=0-3 "), out);
        assertTrue(out.contains("password=***") && !out.contains("secret"), out);
    }

    @Test
    void arrayListsUseRanges() {
        assertEquals("0-3,7,9-12", ArrayIndices.of(List.of(0, 1, 2, 3, 7, 9, 10, 11, 12), 0));
        assertEquals("5%1", ArrayIndices.of(List.of(5), 1));
    }

    private static Properties props(String k, String v) {
        Properties p = new Properties();
        p.setProperty(k, v);
        return p;
    }
}
