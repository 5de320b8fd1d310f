package org.creamlab.positions.coverage;

/**
 * Which group of Theorem B.1's conditions a head/middle/tail sample satisfies, in the
 * reconstruction of spec 7.2 (blocks {@code W = [0, w]}, {@code D_HM}, {@code D_MT}, {@code D_HT}):
 * at most one can hold, and {@code |D_r|} reaches the bound {@code w + 2N - 2} exactly when one
 * does.
 */
public enum BoundGroup {
    /**
     * {@code W < D_HM < D_MT < D_HT}: {@code P_s - L_h + 1 > w}, {@code 2 P_e < L - L_t},
     * {@code P_s > L_h + L_t - 2}.
     */
    A,
    /**
     * {@code W < D_MT < D_HM < D_HT}: {@code L - L_t - P_e > w}, {@code 2 P_s > L + L_h - 2},
     * {@code P_e < L - L_t - L_h + 1}.
     */
    B,
    /** A head/middle/tail sample satisfying neither group: its blocks overlap. */
    NONE,
    /** The sample is not head ({@code 0..}) / middle / tail ({@code ..L-1}). */
    NOT_APPLICABLE
}
