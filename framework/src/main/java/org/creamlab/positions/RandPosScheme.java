package org.creamlab.positions;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * RandPos (CREAM repo {@code src/train.py::RandPos}, PoSE's "2048 chunks" ablation): {@code N}
 * distinct position ids drawn uniformly without replacement from {@code [0, L)} and sorted; the
 * tokens are the document's first {@code N}. Segments are the maximal runs of consecutive ids,
 * labelled {@code run}.
 *
 * <p>Draws use Floyd's subset algorithm: for {@code j = L-N .. L-1}, one uniform integer in
 * {@code [0, j]}. Every {@code N}-subset is equally likely, as with Python's
 * {@code random.sample}.
 */
public record RandPosScheme(WindowExtension extension) implements PositionScheme {

    /** Registry name. */
    public static final String NAME = "randpos";

    public RandPosScheme {
        if (extension == null) {
            throw new IllegalArgumentException("extension is required");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PositionSampler sampler(RandomGenerator rng) {
        return documentLength -> draw(requireDocumentLength(documentLength), rng);
    }

    private PositionSample draw(int documentLength, RandomGenerator rng) {
        int n = extension.window();
        int target = extension.targetLength();
        BitSet chosen = new BitSet(target);
        for (int j = target - n; j < target; j++) {
            int t = RandomDraws.uniformInclusive(rng, 0, j);
            chosen.set(chosen.get(t) ? j : t);
        }
        List<Segment> runs = new ArrayList<>();
        int index = 0;
        for (int first = chosen.nextSetBit(0); first >= 0; ) {
            int afterRun = chosen.nextClearBit(first);
            int length = afterRun - first;
            runs.add(new Segment("run", index, length, first, index));
            index += length;
            first = chosen.nextSetBit(afterRun);
        }
        return new PositionSample(NAME, NAME, documentLength, runs, Map.of());
    }
}
