package org.creamlab.positions.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.PositionSampler;
import org.creamlab.positions.PositionSchemes;
import org.creamlab.positions.SchemeSettings;
import org.creamlab.positions.WindowExtension;
import org.junit.jupiter.api.Test;

class RelativeDistancesTest {

    @Test
    void intervalUnionEqualsBruteForcePairsForEveryScheme() {
        PositionSchemes schemes = PositionSchemes.standard();
        WindowExtension extension = new WindowExtension(40, 3);
        SchemeSettings smallK = SchemeSettings.of(java.util.Map.of("k", "5"));
        for (String name : schemes.names()) {
            SchemeSettings settings = name.equals("cream") ? smallK : SchemeSettings.empty();
            PositionSampler sampler = schemes.create(name, extension, settings).sampler(new SplittableRandom(21));
            for (int i = 0; i < 300; i++) {
                PositionSample sample = sampler.next(500);
                BitSet brute = bruteForce(sample.positionIds());
                RelativeDistances fromSegments = RelativeDistances.of(sample.segments());
                RelativeDistances fromIds = RelativeDistances.ofPositions(sample.positionIds());
                assertEquals(brute.cardinality(), fromSegments.size(), name + " sample " + i + ": |D_r|");
                assertEquals(fromSegments.ranges(), fromIds.ranges(), name + " sample " + i + ": same ranges");
                for (int d = 0; d < 120; d++) {
                    assertEquals(brute.get(d), fromSegments.contains(d), name + " sample " + i + ": distance " + d);
                }
            }
        }
    }

    @Test
    void rangesAreMergedAndSorted() {
        RelativeDistances d = RelativeDistances.ofPositions(new int[] {0, 1, 2, 10, 11});
        // within: [0, 2]; cross: [10 - 2, 11 - 0] = [8, 11]
        assertEquals(List.of(new DistanceRange(0, 2), new DistanceRange(8, 11)), d.ranges());
        assertEquals(7, d.size());
        assertTrue(d.contains(9));
    }

    private static BitSet bruteForce(int[] ids) {
        BitSet set = new BitSet();
        for (int i = 0; i < ids.length; i++) {
            for (int j = i; j < ids.length; j++) {
                set.set(ids[j] - ids[i]);
            }
        }
        return set;
    }
}
