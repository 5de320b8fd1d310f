package org.creamlab.experiments.study;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.ParamType;
import org.creamlab.experiment.ValidatedBy;

/**
 * The fine-tuning and evaluation parameters every extension experiment shares (a composed
 * annotation; an experiment may declare any of them itself to change its default).
 * {@link ExtensionRun} reads them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Param(name = "factor", values = "8", type = ParamType.INT, min = 2, max = 64, description = "extension factor f (L = fN)")
@Param(name = "steps", values = "1600", type = ParamType.INT, min = 1, max = 1_000_000,
        description = "fine-tuning steps (calibrated on base seed 2, seed 9: docs/study.md; the main job ~30 min at 2 threads)")
@Param(name = "fullSteps", values = "0", type = ParamType.INT, min = 0, max = 1_000_000,
        description = "fine-tuning steps of the full-length bound (method full) only; 0: the same as steps")
@Param(name = "batch", values = "16", type = ParamType.INT, min = 1, max = 4096,
        description = "rows of N tokens per step (full: the same tokens as rows of L)")
@Param(name = "lr", values = "0.001", type = ParamType.DOUBLE, min = 1e-7, max = 1,
        description = "peak fine-tuning rate (warm-up 10%, linear decay)")
@Param(name = "evalSamples", values = "50", type = ParamType.INT, min = 1, max = 10_000, description = "samples per lines and kv cell")
@Param(name = "gridSamples", values = "10", type = ParamType.INT, min = 1, max = 10_000, description = "samples per needle and passkey cell")
@Param(name = "greedy", values = "false", type = ParamType.BOOLEAN, description = "also decode greedily (slower; teacher-forced always)")
@Param(name = "curvePoints", values = "4", type = ParamType.INT, min = 1, max = 100,
        description = "points of the accuracy-vs-steps curve (light evaluations while fine-tuning; the last is the final evaluation)")
@Param(name = "corpus", values = "rows", allowed = {"rows", "documents"},
        description = "fine-tuning tokens: rows (each row its own document; fair by construction) or documents "
                + "(N tokens picked from documents of L; the scheme's geometry decides what is learnable)")
@Param(name = "fillerLoss", values = "true", type = ParamType.BOOLEAN,
        description = "whether filler targets (prose, <eos>) carry loss; false: answers and copies only")
@Param(name = "mix", values = StudyData.CALIBRATED_MIX,
        description = "episode kinds of the fine-tuning rows by weight: even, or e.g. kv=3+lines=2 (others weigh 1; kinds lines, kv, needle, passkey, copy)")
@Param(name = "farCopies", values = "false", type = ParamType.BOOLEAN,
        description = "full-length rows get copies whose gap may span the row (off: copies of at most ~120 tokens, as in rows of N)")
@Param(name = "fullSpanShare", values = "0", type = ParamType.DOUBLE, min = 0, max = 1,
        description = "share of full-length rows that hold one task sample spanning the row (evidence-to-answer distances up to L); rows of N unaffected")
@Param(name = "fullSpanQuestions", values = "1", type = ParamType.INT, min = 1, max = 64,
        description = "questions a spanning key-value record of a full-length row is asked (answers at distances up to L)")
@Param(name = "fullSpanLinesQuestions", values = "1", type = ParamType.INT, min = 1, max = 64,
        description = "questions a spanning LongChat-Lines record of a full-length row is asked (answers at distances up to L)")
@Param(name = "fullSpanLinesBlocks", values = "0", type = ParamType.INT, min = 0, max = 64,
        description = "a spanning LongChat-Lines record of a full-length row draws its numbers from this many blocks "
                + "sharing a first number piece (0: uniform, as everywhere else)")
@Param(name = "yarnBetaFast", values = "32", type = ParamType.DOUBLE, min = 1e-3, max = 1e6,
        description = "YaRN's beta_fast: rotations within N below which a frequency pair is kept exact (yarn, yarn-original only)")
@Param(name = "yarnBetaSlow", values = "1", type = ParamType.DOUBLE, min = 1e-3, max = 1e6,
        description = "YaRN's beta_slow: rotations within N above which a pair is still partly kept; larger narrows the kept band toward Linear (yarn, yarn-original only)")
@Param(name = "attentionFactor", values = "auto",
        description = "cos and sin times this (logits times its square): auto keeps the scaling's own (YaRN's mscale, 1 otherwise); "
                + "a number > 0 replaces it, e.g. Linear with YaRN's 1.2079 at f = 8")
@Param(name = "fastPairs", values = "0", type = ParamType.INT, min = 0, max = 4096,
        description = "the fastest RoPE frequency pairs divided by fastPairDivisor instead of the factor (linear only; 0: plain Linear)")
@Param(name = "fastPairDivisor", values = "1", type = ParamType.DOUBLE, min = 1, max = 1e6,
        description = "divisor of the fastPairs fastest frequencies: 1 keeps them exact (YaRN's kept band without its ramp), the factor is Linear")
@ValidatedBy(ExtensionPlanCheck.class)
public @interface FineTuneParams {}
