package org.creamlab.experiment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the sweep points whose parameter {@link #param()} has the value {@link #value()} with only
 * the first {@link #seeds()} of the seeds in effect ({@code @Seeds} or {@code -Dseeds}), e.g. a
 * costly reference arm on one seed per base while the compared arms run on all. A point matched by
 * several limits takes the smallest. Applied by {@link SweepExpander}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SeedLimit.List.class)
public @interface SeedLimit {

    /** The parameter, e.g. {@code method}. */
    String param();

    /** The value of that parameter the limit applies to, e.g. {@code full}. */
    String value();

    /** How many of the seeds in effect (the first ones) such points run; at least 1. */
    int seeds();

    /** The container of repeated {@link SeedLimit}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        SeedLimit[] value();
    }
}
