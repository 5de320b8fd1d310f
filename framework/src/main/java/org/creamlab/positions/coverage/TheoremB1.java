package org.creamlab.positions.coverage;

/**
 * Theorem B.1 of the CREAM paper in the reconstruction of spec 7.2, for a sample with head
 * {@code [0, L_h-1]}, middle {@code [P_s, P_e]} and tail {@code [L-L_t, L-1]},
 * {@code L_h + (P_e - P_s + 1) + L_t = N}.
 *
 * <p>{@code D_r} is the union of {@code W = [0, w]} with {@code w = max(L_h-1, P_e-P_s, L_t-1)},
 * {@code D_HM = [P_s-L_h+1, P_e]}, {@code D_MT = [L-L_t-P_e, L-1-P_s]} and
 * {@code D_HT = [L-L_t-L_h+1, L-1]}, whose sizes sum to {@code w + 2N - 2} whatever the split. So
 * {@code |D_r| <= w + 2N - 2} with inclusive counting (the paper writes {@code w + 2N}, an offset
 * that does not move the maximiser), with equality exactly when the four blocks are disjoint,
 * i.e. when group {@link BoundGroup#A} or {@link BoundGroup#B} holds.
 */
public final class TheoremB1 {

    private TheoremB1() {}

    /** {@code w = max(L_h - 1, P_e - P_s, L_t - 1)}, the widest within-segment distance. */
    public static int widestSpan(int headLength, int middleStart, int middleEnd, int tailLength) {
        return Math.max(Math.max(headLength - 1, middleEnd - middleStart), tailLength - 1);
    }

    /** The bound {@code w + 2N - 2}, {@code N = L_h + L_m + L_t}. */
    public static long bound(int headLength, int middleStart, int middleEnd, int tailLength) {
        long n = (long) headLength + (middleEnd - middleStart + 1) + tailLength;
        return widestSpan(headLength, middleStart, middleEnd, tailLength) + 2 * n - 2;
    }

    /** Which group's inequalities hold ({@link BoundGroup#NONE} if neither). */
    public static BoundGroup group(int headLength, int middleStart, int middleEnd, int tailLength, int targetLength) {
        long lh = headLength;
        long ps = middleStart;
        long pe = middleEnd;
        long lt = tailLength;
        long l = targetLength;
        long w = widestSpan(headLength, middleStart, middleEnd, tailLength);
        if (ps - lh + 1 > w && 2 * pe < l - lt && ps > lh + lt - 2) {
            return BoundGroup.A;
        }
        if (l - lt - pe > w && 2 * ps > l + lh - 2 && pe < l - lt - lh + 1) {
            return BoundGroup.B;
        }
        return BoundGroup.NONE;
    }
}
