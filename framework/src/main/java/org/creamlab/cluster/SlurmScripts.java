package org.creamlab.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * The batch scripts of a submission: the array script (one task per sweep point, the array task id
 * is the point's {@code -Dsweep.index}) and the report job's. Tasks run {@code bin/creamlab}, not
 * Maven, in the test JVMs' launch environment.
 */
final class SlurmScripts {

    private SlurmScripts() {}

    /**
     * @param root the project checkout every node sees
     * @param logs where the tasks' output goes
     * @param properties the run's settings as {@code -Dname=value} arguments (experiment, overrides, store)
     */
    static String array(String experiment, String jobName, Path root, Path logs, SlurmOptions o, List<String> properties) {
        StringBuilder s = header(jobName, o.partition());
        if (o.gres() != null) {
            s.append("#SBATCH --gres=").append(o.gres()).append('\n');
        }
        s.append("#SBATCH --cpus-per-task=").append(o.cpus()).append('\n');
        s.append("#SBATCH --mem=").append(o.mem()).append('\n');
        s.append("#SBATCH --time=").append(o.time()).append('\n');
        // preempted or requeued tasks come back and resume their run from its checkpoint
        s.append("#SBATCH --requeue\n");
        s.append("#SBATCH --open-mode=append\n");
        s.append("#SBATCH --output=").append(logs.resolve(experiment + "_%A_%a.out")).append('\n');
        s.append("# One task per point of the sweep: the array task id is the point's index (-Dsweep.index).\n");
        s.append("# SIGTERM (scancel, preemption) makes the task checkpoint and release its run; resubmitting the\n");
        s.append("# same command (or a requeue) resumes it. The store password comes from the environment\n");
        s.append("# (CREAMLAB_DB_PASSWORD, exported by sbatch), never from this file. Written by -Dsubmit=slurm; see docs/slurm.md.\n");
        s.append("set -euo pipefail\n");
        s.append("cd ").append(quote(root.toString())).append('\n');
        s.append("exec bin/creamlab run");
        for (String p : properties) {
            s.append(" \\\n    ").append(quote(p));
        }
        s.append(" \\\n    -Dsweep.index=\"$SLURM_ARRAY_TASK_ID\" -Dthreads=\"${SLURM_CPUS_PER_TASK:-").append(o.cpus())
                .append("}\"\n");
        return s.toString();
    }

    /** The report job: rebuilds the report from the store after the array ({@code afterany}). */
    static String report(String experiment, String jobName, Path root, Path logs, SlurmOptions o, List<String> storeProperties) {
        StringBuilder s = header(jobName + "-report", o.partition());
        s.append("#SBATCH --cpus-per-task=1\n#SBATCH --mem=4G\n#SBATCH --time=01:00:00\n");
        s.append("#SBATCH --output=").append(logs.resolve(experiment + "_report_%j.out")).append('\n');
        s.append("# Runs after every task of the array has ended, whatever its state (afterany): renders every\n");
        s.append("# stored run it can and names the ones it skips.\n");
        s.append("set -euo pipefail\n");
        s.append("cd ").append(quote(root.toString())).append('\n');
        s.append("exec bin/creamlab report");
        // results of its own: a checkout's target/allure-results holds test results whose run ids name another store's runs
        s.append(" \\\n    ").append(quote("-Dallure.results.directory=" + logs.getParent().resolve("allure-results")));
        for (String p : storeProperties) {
            s.append(" \\\n    ").append(quote(p));
        }
        s.append('\n');
        return s.toString();
    }

    private static StringBuilder header(String name, String partition) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("#SBATCH --job-name=").append(name).append('\n');
        if (partition != null) {
            s.append("#SBATCH --partition=").append(partition).append('\n');
        }
        return s;
    }

    /** {@code text} as one bash word (single quotes). */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
