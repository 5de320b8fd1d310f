package org.creamlab.experiment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves out of the sweep the points whose parameters match every {@code name=value} of
 * {@link #value()}, e.g. {@code @SkipPoint({"method=rerope", "scaling=yarn"})} where a parameter means
 * nothing for some values of another. Applied by {@link SweepExpander}; each named parameter must be
 * declared and each value allowed by it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SkipPoint.List.class)
public @interface SkipPoint {

    /** {@code name=value} conditions, all of which a skipped point meets. */
    String[] value();

    /** The container of repeated {@link SkipPoint}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        SkipPoint[] value();
    }
}
