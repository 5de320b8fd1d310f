package org.creamlab.experiments.study;

import java.util.List;
import org.creamlab.model.BatchScorer;
import org.creamlab.model.LlamaModel;
import org.creamlab.positions.WindowExtension;
import org.creamlab.positions.remap.PositionRemap;
import org.creamlab.positions.remap.ReRope;
import org.creamlab.positions.remap.SelfExtend;
import org.creamlab.positions.remap.StringRemap;
import org.creamlab.rope.NoScaling;

/**
 * The training-free extension methods of the study (no fine-tuning: the base model evaluated under an
 * inference-time position remapping, RoPE unscaled), with each paper's settings carried to a window
 * of {@code N} extended to {@code L = fN} (docs/positions.md):
 * <ul>
 *   <li>{@code self-extend}: neighbour window {@code W = N/4} (the paper's 1,024 of 4,096), group size
 *       {@code G = ceil((L - W) / (N - W))}, the smallest that keeps every mapped distance below N;</li>
 *   <li>{@code rerope}: window {@code w = N/2} (Su: half the training length);</li>
 *   <li>{@code leaky-rerope}: {@code w = N/2}, {@code k = ceil((L - w) / (N - w))}, so that {@code L}
 *       maps to at most {@code N};</li>
 *   <li>{@code string}: shift {@code S = N/3}, local window {@code W = max(1, N/32)} (the paper: a third of
 *       the training length, 128 of 128K); it reuses well-trained distances within the window and does
 *       not bring distances beyond {@code N} below it;</li>
 *   <li>{@code ms-poe}: ratios 1.2 to 1.8 over the heads by position-awareness, per layer (the paper's);
 *       at L the largest distance stays above N.</li>
 * </ul>
 */
public final class TrainingFreeMethods {

    /** The methods, in the order reports list them. */
    public static final List<String> NAMES = List.of("self-extend", "rerope", "leaky-rerope", "string", "ms-poe");

    private TrainingFreeMethods() {}

    /** Whether {@code method} needs no fine-tuning. */
    public static boolean isTrainingFree(String method) {
        return NAMES.contains(method);
    }

    /** The remapping of a head-independent method at this extension ({@code ms-poe} has none: see {@link #forward}). */
    public static PositionRemap remap(String method, WindowExtension e) {
        int n = e.window();
        int l = e.targetLength();
        return switch (method) {
            case "self-extend" -> {
                int w = Math.max(1, n / 4);
                yield new SelfExtend(w, Math.max(1, Math.min(w, ceilDiv(l - w, n - w))));
            }
            case "rerope" -> ReRope.clamped(n / 2);
            case "leaky-rerope" -> new ReRope(n / 2, Math.max(2, ceilDiv(l - n / 2, n - n / 2)));
            case "string" -> new StringRemap(Math.max(2, n / 3), Math.max(1, n / 32));
            default -> throw new IllegalArgumentException("no head-independent remapping named '" + method + "'; known: " + NAMES);
        };
    }

    /** The forward a scorer runs for {@code method} on {@code model} (RoPE unscaled). */
    public static BatchScorer.Forward forward(String method, LlamaModel model, WindowExtension e) {
        if (method.equals("ms-poe")) {
            return (m, tokens, positions) -> model.logitsMsPoe(m, tokens, positions, new NoScaling(), 1.2, 1.8);
        }
        PositionRemap remap = remap(method, e);
        return (m, tokens, positions) -> model.logitsRemapped(m, tokens, positions, new NoScaling(), remap);
    }

    /** How many score matrices a layer of {@code method} materializes (its regions). */
    public static int regions(String method) {
        return method.equals("ms-poe") ? 1 : 2;
    }

    /** Rows a scorer batches for {@code method}: one for Ms-PoE, whose head ranking reads each input's last query. */
    public static int batchSize(String method) {
        return method.equals("ms-poe") ? 1 : 8;
    }

    /** The settings of {@code method} at this extension, for logs and reports. */
    public static String describe(String method, WindowExtension e) {
        return method.equals("ms-poe") ? "MsPoe[rho 1.2..1.8 by head awareness, per layer]" : remap(method, e).toString();
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
