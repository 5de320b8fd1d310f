package org.creamlab.data;

import static org.creamlab.data.Fixtures.TASKS;
import static org.creamlab.data.Fixtures.TOKENIZER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EpisodeMixTest {

    @Test
    void parsesNamedWeightsAndDefaultsTheRestToOne() {
        EpisodeMix m = EpisodeMix.parse("kv=3+lines=2");
        double[] w = m.weights();
        assertEquals(2, w[Tasks.ALL.indexOf(Tasks.LINES)]);
        assertEquals(3, w[Tasks.ALL.indexOf(Tasks.KV)]);
        assertEquals(1, w[Tasks.ALL.indexOf(Tasks.NEEDLE)]);
        assertEquals(1, w[Tasks.ALL.size()], "copy");
        assertTrue(EpisodeMix.parse("even").isEven());
        assertEquals(EpisodeMix.even(), EpisodeMix.parse("lines=1"));
    }

    @Test
    void badMixesNameTheSetting() {
        for (String bad : new String[] {"kv", "kv=x", "story=2", "kv=-1", "lines=0+kv=0+needle=0+passkey=0"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> EpisodeMix.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("setting 'mix'"), e.getMessage());
        }
    }

    @Test
    void theConstructorWithoutAMixIsTheEvenMixAndAWeightedOneShiftsTheKinds() {
        CopyWarmup copy = new CopyWarmup(TOKENIZER, Fixtures.LEXICON.ids(), 8, 50, 16);
        var plain = new LongDocumentGenerator(TOKENIZER, TASKS, new FillerGrammar(), Map.of(LongDocumentGenerator.EPISODES, 1.0),
                2, 128, copy);
        var even = new LongDocumentGenerator(TOKENIZER, TASKS, new FillerGrammar(), Map.of(LongDocumentGenerator.EPISODES, 1.0),
                2, 128, copy, EpisodeMix.even());
        var kvOnly = new LongDocumentGenerator(TOKENIZER, TASKS, new FillerGrammar(), Map.of(LongDocumentGenerator.EPISODES, 1.0),
                2, 128, copy, EpisodeMix.parse("lines=0+needle=0+passkey=0+copy=0"));
        for (int seed = 0; seed < 5; seed++) {
            assertEquals(plain.next(new SplittableRandom(seed), 1024), even.next(new SplittableRandom(seed), 1024));
            TrainingDocument d = kvOnly.next(new SplittableRandom(seed), 1024);
            for (int i = 0; i < d.length(); i++) {
                assertTrue(d.targetClass(i) != TargetClass.COPY, "no copies in a kv-only mix");
            }
        }
    }
}
