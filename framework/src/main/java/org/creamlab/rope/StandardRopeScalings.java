package org.creamlab.rope;

import java.util.List;

/**
 * The built-in scaling factories: {@code none}, {@code linear}, {@code ntk}, {@code yarn}
 * (revised), {@code yarn-original} and {@code dynamic-ntk}.
 */
public final class StandardRopeScalings {

    private StandardRopeScalings() {}

    /** How a named factory builds its scaling. */
    @FunctionalInterface
    interface Builder {
        RopeScaling build(double factor, int originalWindow);
    }

    /** A factory that is a name and a builder. */
    record Named(String name, Builder builder) implements RopeScalingFactory {
        @Override
        public RopeScaling create(double factor, int originalWindow) {
            return builder.build(factor, originalWindow);
        }
    }

    /** New instances of the built-in factories, in a fixed order. */
    public static List<RopeScalingFactory> factories() {
        return List.of(
                new Named("none", (factor, window) -> new NoScaling()),
                new Named("linear", (factor, window) -> new LinearScaling(factor)),
                new Named("ntk", (factor, window) -> new NtkScaling(factor)),
                new Named("yarn", (factor, window) -> new YarnScaling(factor, window, YarnScaling.Variant.REVISED)),
                new Named("yarn-original",
                        (factor, window) -> new YarnScaling(factor, window, YarnScaling.Variant.ORIGINAL)),
                new Named("dynamic-ntk", DynamicNtkScaling::new),
                new Named("llama3", Llama3Scaling::new));
    }
}
