package org.creamlab.positions.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.PositionSampler;
import org.creamlab.positions.Segment;
import org.creamlab.positions.WindowExtension;
import org.creamlab.positions.cream.CreamScheme;
import org.junit.jupiter.api.Test;

/** Spec 7.2: |D_r| <= w + 2N - 2, with equality exactly when group A or B holds. */
class TheoremB1Test {

    private static PositionSample headMiddleTail(int head, int middleStart, int middleEnd, int tail, int target) {
        int middle = middleEnd - middleStart + 1;
        return new PositionSample("cream", "constructed", target, List.of(
                new Segment("head", 0, head, 0, 0),
                new Segment("middle", head, middle, middleStart, middleStart),
                new Segment("tail", head + middle, tail, target - tail, target - tail)), Map.of());
    }

    @Test
    void groupAReachesTheBound() {
        // N = 12, L = 1000: head [0,1], middle [100,107], tail [998,999]; w = 7, bound 7 + 24 - 2 = 29
        SampleCoverage c = SampleCoverage.of(headMiddleTail(2, 100, 107, 2, 1000), 1000);
        assertEquals(BoundGroup.A, c.group());
        assertEquals(29, c.bound());
        assertEquals(29, c.size(), "blocks [0,7], [99,107], [891,899], [997,999] are disjoint");
        assertEquals(29, TheoremB1.bound(2, 100, 107, 2));
    }

    @Test
    void groupBReachesTheBound() {
        SampleCoverage c = SampleCoverage.of(headMiddleTail(2, 880, 887, 2, 1000), 1000);
        assertEquals(BoundGroup.B, c.group());
        assertEquals(29, c.size());
        assertTrue(c.atBound());
    }

    @Test
    void aMiddleTouchingTheHeadFallsBelowTheBound() {
        // CREAM's r = 2 case: P_s = L_h, so ids 0..9 are contiguous
        SampleCoverage c = SampleCoverage.of(headMiddleTail(2, 2, 9, 2, 1000), 1000);
        assertEquals(BoundGroup.NONE, c.group());
        assertEquals(29, c.bound());
        assertTrue(c.size() < 29, "|D_r| = " + c.size());
        assertEquals(10 + 11, c.size(), "ids 0..9 give [0, 9]; to the tail 998..999 they give [989, 999]");
    }

    @Test
    void aMiddleTouchingTheTailFallsBelowTheBound() {
        SampleCoverage c = SampleCoverage.of(headMiddleTail(2, 990, 997, 2, 1000), 1000);
        assertEquals(BoundGroup.NONE, c.group());
        assertTrue(c.size() < c.bound(), c.toString());
    }

    @Test
    void aMiddleNearTheCentreOverlapsItsCrossBands() {
        // 2 P_e >= L - L_t and 2 P_s <= L + L_h - 2: D_HM and D_MT overlap
        SampleCoverage c = SampleCoverage.of(headMiddleTail(2, 495, 502, 2, 1000), 1000);
        assertEquals(BoundGroup.NONE, c.group());
        assertTrue(c.size() < c.bound(), c.toString());
    }

    @Test
    void equalityHoldsExactlyWhenAGroupHoldsExhaustively() {
        int n = 9;
        for (int target : new int[] {18, 27, 40}) {
            for (int head = 1; head <= 3; head++) {
                for (int tail = 1; tail <= 3; tail++) {
                    int middle = n - head - tail;
                    for (int start = head; start + middle - 1 <= target - tail - 1; start++) {
                        PositionSample sample = headMiddleTail(head, start, start + middle - 1, tail, target);
                        SampleCoverage c = SampleCoverage.of(sample, target);
                        String where = "L " + target + ", head " + head + ", middle at " + start + ", tail " + tail;
                        assertTrue(c.size() <= c.bound(), where + ": within the bound");
                        assertEquals(c.group() != BoundGroup.NONE, c.atBound(), where + ": " + c);
                    }
                }
            }
        }
    }

    @Test
    void creamSamplesNeverExceedTheBoundAndMostReachItWhenNIsSmallAgainstL() {
        WindowExtension extension = new WindowExtension(256, 16);
        PositionSampler sampler = new CreamScheme(extension).sampler(new SplittableRandom(12));
        int atBound = 0;
        for (int i = 0; i < 2000; i++) {
            SampleCoverage c = SampleCoverage.of(sampler.next(8192), extension.targetLength());
            assertTrue(c.size() <= c.bound());
            assertEquals(c.group() != BoundGroup.NONE, c.atBound(), c.toString());
            atBound += c.atBound() ? 1 : 0;
        }
        assertTrue(atBound > 1000, "most samples reach the bound: " + atBound + " of 2000");
    }
}
