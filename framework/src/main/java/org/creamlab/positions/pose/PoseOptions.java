package org.creamlab.positions.pose;

import java.util.OptionalInt;
import java.util.Set;
import org.creamlab.positions.SchemeSettings;

/**
 * PoSE's options. Built directly or from text settings with {@link #from(SchemeSettings)} (names in
 * brackets).
 *
 * @param firstChunkBias [{@code first-chunk-bias}: zero | random] the first chunk's position skip.
 *     Default {@code zero}: the 2023-10-10 revision of the PoSE code, also in the CREAM repo's copy
 *     (and the paper's {@code u_0 = 0}).
 * @param contentLimit [{@code content-limit}] documents are truncated to this many tokens before
 *     the second chunk's text is placed; empty means {@code L = f N}, as in the CREAM repo's PoSE
 *     (spec 2.3). Spec 2.2 reports {@code 5N} for the PoSE repo's own script; pass
 *     {@code content-limit=5N} for that. Must be at least {@code N}.
 */
public record PoseOptions(FirstChunkBias firstChunkBias, OptionalInt contentLimit) {

    /** Setting names read by {@link #from(SchemeSettings)}. */
    public static final Set<String> SETTING_NAMES = Set.of("first-chunk-bias", "content-limit");

    /** The first chunk's skip {@code u_0}. */
    public enum FirstChunkBias {
        /** {@code u_0 = 0}: the first chunk keeps ids {@code 0 .. l_0 - 1} (revised code, default). */
        ZERO,
        /**
         * {@code u_0} uniform in {@code [0, L - N]} and the second chunk's skip uniform in
         * {@code [u_0, L - N]} (the code before the 2023-10-10 revision).
         */
        RANDOM
    }

    public PoseOptions {
        if (firstChunkBias == null || contentLimit == null) {
            throw new IllegalArgumentException("firstChunkBias and contentLimit are required");
        }
        if (contentLimit.isPresent() && contentLimit.getAsInt() < 1) {
            throw new IllegalArgumentException("content-limit must be >= 1, got " + contentLimit.getAsInt());
        }
    }

    /** Revised bias 0, content truncated to {@code L}. */
    public static PoseOptions defaults() {
        return new PoseOptions(FirstChunkBias.ZERO, OptionalInt.empty());
    }

    /** Reads {@link #SETTING_NAMES}; absent ones take the defaults. */
    public static PoseOptions from(SchemeSettings settings) {
        return new PoseOptions(settings.getChoice("first-chunk-bias", FirstChunkBias.class, FirstChunkBias.ZERO),
                settings.getOptionalInt("content-limit"));
    }
}
