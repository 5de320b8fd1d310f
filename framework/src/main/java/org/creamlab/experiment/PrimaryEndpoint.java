package org.creamlab.experiment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A primary endpoint of an experiment, declared with the experiment before any of its runs: the
 * unweighted mean accuracy over the evaluation cells of one task, optionally only lengths beyond the
 * pre-trained window and only some gold positions. The session records the declarations in the
 * store when the experiment starts; the report tests the compared methods on exactly these, with a
 * multiplicity correction over them, and labels every other cell exploratory.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(PrimaryEndpoint.List.class)
public @interface PrimaryEndpoint {

    /** A short name, e.g. {@code lines beyond N}. */
    String name();

    /** The evaluation task whose cells are averaged, e.g. {@code lines}. */
    String task();

    /** Only cells longer than the run's {@code window} parameter. */
    boolean beyondWindow() default false;

    /** Only cells at these gold positions (fractions of the context); empty: every cell. */
    double[] positions() default {};

    /** The container of repeated {@link PrimaryEndpoint}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        PrimaryEndpoint[] value();
    }
}
