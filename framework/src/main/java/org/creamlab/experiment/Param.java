package org.creamlab.experiment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One parameter of an {@link Experiment}. Its {@link #values()} list is one axis of the sweep: the
 * runs are the cartesian product of all lists (JMH's {@code @Param}), times the seeds.
 *
 * <p>A list can be replaced from the command line without recompiling:
 * {@code -Dp.NAME=v1,v2} (command line, else annotation). Every value, from either source, is
 * checked against {@link #type()}, {@link #allowed()} and [{@link #min()}, {@link #max()}] before any
 * run starts; a bad value fails with a message naming the parameter and what it allows.
 *
 * <p>Parameters shared by several experiments can live on an annotation of their own, which the
 * experiments then carry (a composed annotation, as in JUnit); its parameters come first, and a
 * parameter the class declares itself under the same name replaces the composed one (command line,
 * else class, else composed annotation).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Params.class)
public @interface Param {

    /** The parameter name, used in {@code -Dp.NAME=...} and in {@link RunParams}. */
    String name();

    /** The default values, as text; at least one. */
    String[] values();

    /** The value type. */
    ParamType type() default ParamType.STRING;

    /** If not empty, the only values accepted. */
    String[] allowed() default {};

    /** Smallest accepted value for numeric types (inclusive). */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest accepted value for numeric types (inclusive). */
    double max() default Double.POSITIVE_INFINITY;

    /** What it means; shown by the experiment list. */
    String description() default "";
}
