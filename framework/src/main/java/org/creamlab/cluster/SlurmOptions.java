package org.creamlab.cluster;

import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What a Slurm submission asks the scheduler for ({@code -Dslurm.*}), checked before anything is
 * written or submitted.
 *
 * @param partition {@code --partition} ({@code slurm.partition}), or null for the cluster's default
 * @param gres {@code --gres}, e.g. {@code gpu:1} ({@code slurm.gres}), or null
 * @param cpus {@code --cpus-per-task} ({@code slurm.cpus}, default the run's {@code -Dthreads}); each
 *     task's engine uses this many threads
 * @param mem {@code --mem}, e.g. {@code 8G} ({@code slurm.mem}, default 8G)
 * @param time {@code --time}, e.g. {@code 02:00:00} ({@code slurm.time}, default 4 h)
 * @param parallel at most this many tasks at once ({@code %N} of {@code --array}; {@code slurm.parallel},
 *     0 for no limit)
 * @param dryRun print the scripts and the sbatch lines, submit nothing ({@code slurm.dryRun})
 */
public record SlurmOptions(String partition, String gres, int cpus, String mem, String time, int parallel,
                           boolean dryRun) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:,=+-]+");
    private static final Pattern MEM = Pattern.compile("[0-9]+[KMGT]?");
    private static final Pattern TIME = Pattern.compile("([0-9]+-)?[0-9]+(:[0-9]{2}){0,2}");

    public SlurmOptions {
        check("slurm.partition", partition, NAME, "a partition name");
        check("slurm.gres", gres, NAME, "a generic resource such as gpu:1");
        check("slurm.mem", mem, MEM, "a size such as 8G or 16000M");
        check("slurm.time", time, TIME, "a time limit such as 02:00:00 or 1-00:00:00");
        if (cpus < 1) {
            throw new IllegalArgumentException("setting 'slurm.cpus': must be >= 1, got " + cpus);
        }
        if (parallel < 0) {
            throw new IllegalArgumentException("setting 'slurm.parallel': must be >= 0 (0: no limit), got " + parallel);
        }
    }

    private static void check(String setting, String value, Pattern pattern, String expected) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("setting '" + setting + "': '" + value + "' is not " + expected);
        }
    }

    /** Reads {@code slurm.*} from {@code properties}; {@code threads} is the default CPU count. */
    public static SlurmOptions from(Properties properties, int threads) {
        return new SlurmOptions(text(properties, "slurm.partition"), text(properties, "slurm.gres"),
                integer(properties, "slurm.cpus", threads), textOr(properties, "slurm.mem", "8G"),
                textOr(properties, "slurm.time", "04:00:00"), integer(properties, "slurm.parallel", 0),
                flag(properties, "slurm.dryRun"));
    }

    private static String text(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() ? null : v;
    }

    private static String textOr(Properties p, String key, String fallback) {
        String v = text(p, key);
        return v == null ? fallback : v;
    }

    private static int integer(Properties p, String key, int fallback) {
        String v = text(p, key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + key + "': '" + v + "' is not an integer");
        }
    }

    private static boolean flag(Properties p, String key) {
        String v = text(p, key);
        return v != null && !v.toLowerCase(Locale.ROOT).equals("false");
    }
}
