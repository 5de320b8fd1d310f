package org.creamlab.experiment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link PlanCheck} every sweep point of this experiment must pass before any run of the
 * session starts; a failing point fails the whole selection at once, naming the point and the reason.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface ValidatedBy {
    Class<? extends PlanCheck> value();
}
