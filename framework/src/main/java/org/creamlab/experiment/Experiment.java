package org.creamlab.experiment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an experiment: a unit of research that runs once per point of its parameter
 * sweep and per seed.
 *
 * <p>The class must implement {@link ExperimentBody}. It is created by Guice (constructor
 * injection, one instance per run) and is discovered at build time by
 * {@link org.creamlab.experiment.index.ExperimentIndexProcessor}, then selected at run time by
 * {@link #name()} ({@code mvn test -Dexperiment=NAME}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Experiment {

    /** Unique name used on the command line, lower-case with dashes, e.g. {@code cream-vs-pose}. */
    String name();

    /** One sentence for the list of experiments and the report. */
    String description();
}
