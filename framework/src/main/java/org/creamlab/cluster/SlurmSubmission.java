package org.creamlab.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.creamlab.config.Settings;
import org.creamlab.experiment.ExperimentDescriptor;
import org.creamlab.experiment.SweepIndex;
import org.creamlab.experiment.SweepStatus;

/**
 * {@code -Dsubmit=slurm}: submits the points of a sweep that the store does not have as FINISHED
 * (nor running elsewhere) as one Slurm job array, one task per point (array task id = sweep index),
 * and a report job that runs after the array whatever its outcome ({@code afterany}). The scripts go
 * to {@code target/slurm/<experiment>/}; {@code -Dslurm.dryRun=true} prints them and the sbatch lines
 * and submits nothing. Resubmitting the same command submits what is still missing: interrupted runs
 * resume from their checkpoints.
 *
 * <p>Everything that can be refused is refused before anything is written or submitted: a store
 * other nodes cannot reach (H2), no {@code sbatch} on the PATH, a partition the cluster does not
 * have, a build that has not written the launcher's files, a {@code -Dsweep.index} (the array sets it).
 */
public final class SlurmSubmission {

    /** The property that asks for a submission. */
    public static final String SUBMIT = "submit";
    /** Settings the tasks get from the submitting command, besides {@code p.*}. */
    private static final List<String> PASSED = List.of("seeds", "db.url", "db.user", "device");
    private static final List<String> STORE = List.of("db.url", "db.user", "report.commit");

    /**
     * What one experiment's submission did.
     *
     * @param submitted the sweep indices submitted (the array's task ids)
     * @param skipped the points not submitted (finished, or running elsewhere)
     * @param arrayJob the array's job id, empty for a dry run or when nothing was submitted
     * @param reportJob the report job's id, likewise
     */
    public record Result(String experiment, List<Integer> submitted, List<SweepStatus.Point> skipped, Path arrayScript,
                         Path reportScript, Optional<String> arrayJob, Optional<String> reportJob) {}

    private final Settings settings;
    private final Properties properties;
    private final SlurmOptions options;
    private final Commands commands;
    private final PrintStream out;

    SlurmSubmission(Settings settings, Properties properties, Commands commands, PrintStream out) {
        this.settings = settings;
        this.properties = properties;
        this.options = SlurmOptions.from(properties, settings.threads());
        this.commands = commands;
        this.out = out;
    }

    /** Whether {@code -Dsubmit} asks for a submission; only {@code slurm} is known. */
    public static boolean requested(Properties properties) {
        String v = properties.getProperty(SUBMIT, "").strip();
        if (v.isEmpty()) {
            return false;
        }
        if (!v.equals("slurm")) {
            throw new IllegalArgumentException("setting '" + SUBMIT + "': unknown scheduler '" + v + "'; allowed: slurm");
        }
        return true;
    }

    /**
     * A submission with the real scheduler tools, its settings checked.
     *
     * @throws IllegalArgumentException naming the setting that cannot work, before anything is done
     */
    public static SlurmSubmission checked(Settings settings, Properties properties, PrintStream out) {
        SlurmSubmission s = new SlurmSubmission(settings, properties, Commands.system(), out);
        s.check();
        return s;
    }

    /**
     * Refuses, with a clear message, what cannot work; writes and submits nothing.
     *
     * @throws IllegalArgumentException naming the setting
     */
    void check() {
        if (!settings.dbUrl().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("setting 'db.url': Slurm tasks run on other nodes and cannot share the H2 file "
                    + settings.dbUrl().replaceAll("(?i)(password=)[^;&]*", "$1***")
                    + "; give them a PostgreSQL store: -Ddb.url=jdbc:postgresql://HOST:PORT/DB -Ddb.user=... -Ddb.password=..."
                    + " (docs/slurm.md)");
        }
        if (!properties.getProperty(SweepIndex.INDEX, "").isBlank()) {
            throw new IllegalArgumentException("setting '" + SweepIndex.INDEX + "': not with -Dsubmit: each array task sets it");
        }
        for (String f : List.of("experiments/target/classpath.txt", "experiments/target/launch.env",
                "reports/target/classpath.txt")) {
            if (!Files.isRegularFile(settings.root().resolve(f))) {
                throw new IllegalArgumentException("the tasks run bin/creamlab, which needs " + f
                        + " from the build: run mvn -B -q compile (or the README's commands) first");
            }
        }
        if (options.dryRun()) {
            return;
        }
        if (!commands.onPath("sbatch")) {
            throw new IllegalArgumentException("no 'sbatch' on the PATH: submitting needs the Slurm client tools "
                    + "(Debian: slurm-client); -Dslurm.dryRun=true prints the scripts without them");
        }
        if (options.partition() != null) {
            Commands.Output shown = run(List.of("scontrol", "show", "partition", options.partition()));
            if (shown.status() != 0) {
                Commands.Output all = run(List.of("sinfo", "-h", "-o", "%R"));
                throw new IllegalArgumentException("setting 'slurm.partition': this cluster has no partition '"
                        + options.partition() + "'; its partitions: " + String.join(", ", all.stdout().lines().distinct().toList()));
            }
        }
    }

    /**
     * Writes the scripts and submits the points of {@code points} that need a run.
     *
     * @param points the experiment's whole sweep with each point's state in the store
     */
    public Result submit(ExperimentDescriptor experiment, List<SweepStatus.Point> points) throws IOException {
        String name = experiment.name();
        String fingerprint = SweepIndex.fingerprint(points.stream().map(SweepStatus.Point::plan).toList());
        String jobName = "creamlab-" + name + "-" + fingerprint;
        java.util.Set<Integer> queued = options.dryRun() ? java.util.Set.of() : queued(jobName);
        List<Integer> indices = new ArrayList<>();
        List<SweepStatus.Point> skipped = new ArrayList<>();
        for (SweepStatus.Point p : points) {
            if (p.state().needsRun() && !queued.contains(p.index())) {
                indices.add(p.index());
            } else {
                skipped.add(p);
                String why = queued.contains(p.index()) ? "queued or running in Slurm as " + jobName
                        : p.state().name().toLowerCase(java.util.Locale.ROOT) + p.run().map(r -> ", run " + r.id()).orElse("");
                out.println("[slurm] skipped point " + p.index() + " (" + why + "): " + p.plan().displayName());
            }
        }
        Path dir = settings.root().resolve("target").resolve("slurm").resolve(name);
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Path arrayScript = dir.resolve("array.sbatch");
        Path reportScript = dir.resolve("report.sbatch");
        List<String> passed = new ArrayList<>();
        passed.add("-Dexperiment=" + name);
        properties.stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("p.") || PASSED.contains(k))
                .filter(k -> !properties.getProperty(k).isBlank())
                .forEach(k -> passed.add("-D" + k + "=" + properties.getProperty(k)));
        // shared folders as this machine resolved them: a task may start in another directory
        passed.add("-Druns.dir=" + settings.runsDirectory());
        passed.add("-Dmodels.dir=" + settings.modelsDirectory());
        passed.add("-D" + SweepIndex.FINGERPRINT + "=" + fingerprint);
        List<String> store = new ArrayList<>();
        STORE.stream().filter(k -> !properties.getProperty(k, "").isBlank())
                .forEach(k -> store.add("-D" + k + "=" + properties.getProperty(k)));
        write(arrayScript, SlurmScripts.array(name, jobName, settings.root(), logs, options, passed));
        write(reportScript, SlurmScripts.report(name, jobName, settings.root(), logs, options, store));
        if (indices.isEmpty()) {
            out.println("[slurm] " + name + ": every point is finished, running or queued; nothing to submit (scripts in " + dir + ")");
            return new Result(name, indices, skipped, arrayScript, reportScript, Optional.empty(), Optional.empty());
        }
        List<String> array = List.of("sbatch", "--parsable", "--array=" + ArrayIndices.of(indices, options.parallel()),
                arrayScript.toString());
        if (options.dryRun()) {
            out.println("[slurm] dry run: " + name + ", " + indices.size() + " of " + points.size() + " points; nothing submitted");
            // printed with any password in the store's URL hidden (redacted before the values are quoted)
            out.println("[slurm] " + arrayScript + ":\n" + SlurmScripts.array(name, jobName, settings.root(), logs, options,
                    passed.stream().map(SlurmSubmission::redacted).toList()));
            out.println("[slurm] " + reportScript + ":\n" + SlurmScripts.report(name, jobName, settings.root(), logs, options,
                    store.stream().map(SlurmSubmission::redacted).toList()));
            out.println("[slurm] would run: " + String.join(" ", array));
            out.println("[slurm] then: sbatch --parsable --dependency=afterany:<array job> " + reportScript);
            return new Result(name, indices, skipped, arrayScript, reportScript, Optional.empty(), Optional.empty());
        }
        String arrayJob = jobId(run(array, taskEnvironment()), array);
        out.println("[slurm] " + name + ": submitted " + indices.size() + " of " + points.size() + " points as array job "
                + arrayJob + " (" + String.join(" ", array) + "); logs in " + logs);
        List<String> report = List.of("sbatch", "--parsable", "--dependency=afterany:" + arrayJob, reportScript.toString());
        String reportJob;
        try {
            reportJob = jobId(run(report, taskEnvironment()), report);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("array job " + arrayJob + " is submitted, but its report job is not: " + e.getMessage()
                    + "; submit it by hand: " + String.join(" ", report), e);
        }
        out.println("[slurm] " + name + ": report job " + reportJob + " after array job " + arrayJob);
        return new Result(name, indices, skipped, arrayScript, reportScript, Optional.of(arrayJob), Optional.of(reportJob));
    }

    /** The environment sbatch passes on to the tasks: the store password, kept off files and command lines. */
    private java.util.Map<String, String> taskEnvironment() {
        return settings.dbPassword().isEmpty() ? java.util.Map.of()
                : java.util.Map.of(Settings.PASSWORD_VARIABLE, settings.dbPassword());
    }

    /** Array indices of {@code jobName} still queued or running ({@code squeue -r}); empty without squeue. */
    private java.util.Set<Integer> queued(String jobName) {
        if (!commands.onPath("squeue")) {
            return java.util.Set.of();
        }
        Commands.Output q = run(List.of("squeue", "-h", "-r", "-n", jobName, "-o", "%K"));
        if (q.status() != 0) {
            throw new IllegalStateException("squeue -n " + jobName + " failed (exit " + q.status() + "): " + q.stderr());
        }
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (String line : q.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            try {
                out.add(Integer.parseInt(line));
            } catch (NumberFormatException e) {
                // not an array element (N/A): ignore
            }
        }
        return out;
    }

    private Commands.Output run(List<String> command, java.util.Map<String, String> environment) {
        try {
            return commands.run(command, environment);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    private Commands.Output run(List<String> command) {
        try {
            return commands.run(command);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /** The job id {@code sbatch --parsable} printed ({@code 123} or {@code 123;cluster}). */
    private static String jobId(Commands.Output o, List<String> command) {
        if (o.status() != 0 || o.stdout().isBlank()) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + o.status() + "): " + o.stderr());
        }
        String line = o.stdout().lines().reduce((a, b) -> b).orElseThrow();
        return line.split(";")[0].strip();
    }

    /** A {@code -Dname=value} argument as printed: a password in a URL replaced by {@code ***}. */
    static String redacted(String argument) {
        return argument.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    /** Writes a script readable by its owner only from its creation on (a store URL may hold credentials). */
    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);   // not a POSIX file system: its defaults
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
