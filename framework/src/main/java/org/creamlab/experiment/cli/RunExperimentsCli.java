package org.creamlab.experiment.cli;

import java.util.List;
import org.creamlab.experiment.ExperimentDescriptor;
import org.creamlab.experiment.ExperimentSession;
import org.creamlab.experiment.RunPlan;
import org.creamlab.experiment.SweepStatus;
import org.creamlab.cluster.SlurmSubmission;

/**
 * Runs experiments without JUnit, from the same system properties as {@code mvn test}
 * ({@code -Dexperiment=NAME[,NAME]}, {@code -Dp.PARAM=v1,v2}, {@code -Dseeds=...}, {@code -Ddb.url=...};
 * {@code -Dsweep.list} prints the points with their indices, {@code -Dsweep.index=K} runs point K alone,
 * {@code -Dstatus} prints each point's state in the store, {@code -Dskip.finished=true} runs only the points
 * the store has not finished, {@code -Dsubmit=slurm} submits the missing points as a Slurm job array:
 * {@link SlurmSubmission}; a bare {@code -Dname} counts only through {@code bin/creamlab} or Maven, which
 * make it {@code true}).
 * Exit status: 0 when every run finished, 1 when a run failed, 2 for an unknown experiment or an
 * invalid parameter (reported before anything runs), 143 when SIGTERM stopped the run in progress at
 * a checkpoint (it stays resumable).
 */
public final class RunExperimentsCli {

    /** Exit status after a stop request (SIGTERM): 128 + 15, as a shell reports a process the signal ended. */
    static final int STOPPED = 143;

    private RunExperimentsCli() {}

    public static void main(String[] args) {
        System.exit(run());
    }

    static int run() {
        try (ExperimentSession session = ExperimentSession.fromSystemProperties()) {
            List<ExperimentDescriptor> experiments;
            List<List<RunPlan>> plans;
            try {
                String names = System.getProperty("experiment", "");
                if (names.isBlank()) {
                    System.err.println("set -Dexperiment=NAME; known experiments: " + String.join(", ", session.registry().names()));
                    return 2;
                }
                experiments = session.selected(names);
                if (session.sweepListOnly()) {
                    System.out.print(session.describeSweeps(experiments));
                    return 0;
                }
                if (session.statusOnly()) {
                    System.out.print(session.describeStatus(experiments));
                    return 0;
                }
                if (SlurmSubmission.requested(System.getProperties())) {
                    SlurmSubmission submission = SlurmSubmission.checked(session.settings(), System.getProperties(), System.out);
                    List<List<SweepStatus.Point>> points = session.status(experiments);
                    for (int i = 0; i < experiments.size(); i++) {
                        try {
                            submission.submit(experiments.get(i), points.get(i));
                        } catch (IllegalStateException e) {
                            System.err.println("submission of " + experiments.get(i).name() + " failed: " + e.getMessage());
                            return 1;
                        }
                    }
                    return 0;
                }
                plans = session.plans(experiments);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            } catch (java.io.IOException e) {
                System.err.println("cannot write the Slurm scripts: " + e.getMessage());
                return 1;
            }
            int failed = 0;
            for (List<RunPlan> runs : plans) {
                for (RunPlan plan : runs) {
                    try {
                        session.runner().run(plan);
                    } catch (org.creamlab.experiment.RunStoppedException stopped) {
                        System.err.println(plan.displayName() + " stopped on request (" + stopped.getMessage()
                                + "); the same command resumes it");
                        return STOPPED;
                    } catch (Exception | Error e) {
                        failed++;   // the runner stored and logged it; say it here too in case it failed before storing
                        System.err.println(plan.displayName() + " failed: " + e);
                        e.printStackTrace();
                    }
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }
}
