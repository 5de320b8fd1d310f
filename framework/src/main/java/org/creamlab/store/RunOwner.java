package org.creamlab.store;

import java.util.Map;

/**
 * Who owns a RUNNING run: the host and process, and the scheduler task when there is one. A Slurm
 * array task keeps its name ({@code slurm 812_3}) when it is requeued, possibly on another node, so
 * the requeued task recognises the run it owned before.
 *
 * @param host the host name
 * @param pid the process id
 * @param task the scheduler task ({@code slurm JOB_TASK} or {@code slurm JOB}), or null outside a scheduler
 */
public record RunOwner(String host, long pid, String task) {

    /** This process on {@code host}, with its Slurm task read from the environment. */
    public static RunOwner current(String host) {
        return new RunOwner(host, ProcessHandle.current().pid(), slurmTask(System.getenv()));
    }

    /** {@code slurm <array job>_<array task>}, else {@code slurm <job>}, else null. */
    static String slurmTask(Map<String, String> env) {
        String array = env.get("SLURM_ARRAY_JOB_ID");
        String index = env.get("SLURM_ARRAY_TASK_ID");
        if (array != null && !array.isBlank() && index != null && !index.isBlank()) {
            return "slurm " + array + "_" + index;
        }
        String job = env.get("SLURM_JOB_ID");
        return job == null || job.isBlank() ? null : "slurm " + job;
    }
}
