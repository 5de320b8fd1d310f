package org.creamlab.experiment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The seeds each sweep point runs with (default: one run with seed 1). Overridden from the command
 * line with {@code -Dseeds=1,2,3}. The seed is the only source of randomness a run may use.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Seeds {
    long[] value();
}
