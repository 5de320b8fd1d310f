package org.creamlab.experiments.study;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.ParamType;

/**
 * The parameters that decide the pre-trained base, shared by every study experiment (a composed
 * annotation: experiments carry {@code @BaseParams} and get these). Read them with
 * {@link BaseRecipe#from}. Same values, same cached base.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Param(name = "window", values = "128", type = ParamType.INT, min = 32, max = 8192, description = "pre-trained window N")
@Param(name = "hidden", values = "128", type = ParamType.INT, min = 16, max = 8192, description = "base hidden size")
@Param(name = "layers", values = "2", type = ParamType.INT, min = 1, max = 64, description = "base decoder layers")
@Param(name = "heads", values = "4", type = ParamType.INT, min = 1, max = 128, description = "base attention heads")
@Param(name = "pretrainSteps", values = "4000", type = ParamType.INT, min = 1, max = 1_000_000, description = "base pre-training steps")
@Param(name = "pretrainBatch", values = "32", type = ParamType.INT, min = 1, max = 4096, description = "base pre-training rows per step")
@Param(name = "pretrainLr", values = "0.002", type = ParamType.DOUBLE, min = 1e-6, max = 1, description = "base peak learning rate")
@Param(name = "baseSeed", values = "1", type = ParamType.INT, description = "seed of the base's weights and data")
public @interface BaseParams {}
