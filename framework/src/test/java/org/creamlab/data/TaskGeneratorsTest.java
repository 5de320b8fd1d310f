package org.creamlab.data;

import static org.creamlab.data.Fixtures.TASKS;
import static org.creamlab.data.Fixtures.TOKENIZER;
import static org.creamlab.data.Fixtures.matchesAt;
import static org.creamlab.data.Fixtures.occurrences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TaskGeneratorsTest {

    private static final int[] LENGTHS = {64, 100, 128, 256, 512, 1024};

    /** Longest line {@code REGISTER_CONTENT of line k is NN ##NN \n} and pair {@code k : v ,}. */
    private static final int LINE = 8;
    private static final int PAIR = 4;

    @Test
    void linesLandWithinOneLineOfTheTargetWithTheGoldNumberOnce() {
        TaskGenerator g = TASKS.get(Tasks.LINES);
        for (int length : LENGTHS) {
            for (int seed = 0; seed < 5; seed++) {
                TaskSample s = g.sample(new SplittableRandom(seed), length, Placement.uniform());
                checkCommon(s, length, LINE);
                assertEquals(1, occurrences(s.prompt(), s.answer()), s.toString());
                String text = TOKENIZER.decode(s.prompt());
                assertEquals(s.items() + 1, text.split("REGISTER_CONTENT of line").length - 1);
                String key = text.substring(text.lastIndexOf("of line ") + 8).strip();
                assertEquals(s.prompt()[s.length() - 1], TOKENIZER.encode(key)[0], "the key is the question's last token");
                assertTrue(text.contains("REGISTER_CONTENT of line " + key + " is " + s.answerText() + "\n"), text);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.25, 0.5, 0.75, 1})
    void kvPutsTheGoldPairAtTheRequestedIndex(double position) {
        TaskGenerator g = TASKS.get(Tasks.KV);
        for (int length : LENGTHS) {
            TaskSample s = g.sample(new SplittableRandom(7), length, Placement.position(position));
            checkCommon(s, length, PAIR);
            assertEquals((int) Math.floor(position * (s.items() - 1)), s.goldIndex());
            // the pair k : v sits at 1 + header + 1 + 4 * index; the value is its third token
            int header = 1 + TOKENIZER.encode(Templates.KV_HEADER).length + 1;
            assertEquals(header + PAIR * s.goldIndex() + 2, s.goldOffset());
            assertEquals(1, occurrences(s.prompt(), s.answer()));
            int goldKey = s.prompt()[s.goldOffset() - 2];
            assertEquals(goldKey, s.prompt()[s.length() - 1], "question '\\ncorresponding value of key K' ends with the gold key");
        }
    }

    @Test
    void kvLandsOnFourTokensPerPairAnd75PairsGiveThePublishedGoldIndices() {
        KvRetrievalGenerator g = (KvRetrievalGenerator) TASKS.get(Tasks.KV);
        int[] expected = {0, 18, 37, 55, 74}; // floor(p * 74); the published 54 for 0.75 is not floor or round
        double[] positions = {0, 0.25, 0.5, 0.75, 1};
        for (int i = 0; i < positions.length; i++) {
            TaskSample s = g.samplePairs(new SplittableRandom(3), 75, Placement.position(positions[i]));
            assertEquals(75, s.items());
            assertEquals(expected[i], s.goldIndex());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 10, 33.3, 50, 90, 100})
    void needleLandsExactlyAtTheSpecOffset(double depth) {
        TaskGenerator g = TASKS.get(Tasks.NEEDLE);
        int desc = 1 + TOKENIZER.encode(Templates.NEEDLE_HEADER).length;
        int question = TOKENIZER.encode(Templates.NEEDLE_QUESTION).length;
        for (int length : LENGTHS) {
            TaskSample s = g.sample(new SplittableRandom(11), length, Placement.depth(depth));
            checkCommon(s, length, 0);
            int needle = TOKENIZER.encode(Templates.NEEDLE.formatted(s.answerText())).length;
            int offset = desc + (int) Math.rint((length - question - needle - 1 - desc) * depth / 100);
            assertEquals(offset + 5, s.goldOffset(), "needle 'the special magic number is' starts at the offset");
            assertTrue(matchesAt(s.prompt(), TOKENIZER.encode("the special magic number is"), offset));
            assertEquals(1, occurrences(s.prompt(), s.answer()));
            assertEquals(depth, s.depth());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 25, 50, 75, 100})
    void passkeySitsAtTheNearestSentenceBoundaryToTheDepth(double depth) {
        TaskGenerator g = TASKS.get(Tasks.PASSKEY);
        int prefix = 1 + TOKENIZER.encode(Templates.PASSKEY_HEADER).length;
        for (int length : LENGTHS) {
            TaskSample s = g.sample(new SplittableRandom(5), length, Placement.depth(depth));
            checkCommon(s, length, 0);
            int keySentence = TOKENIZER.encode(Templates.PASSKEY.formatted(s.answerText(), s.answerText())).length;
            int filler = length - prefix - keySentence - TOKENIZER.encode(Templates.PASSKEY_QUESTION).length;
            int before = s.goldOffset() - 4 - prefix;
            // the longest PoSE filler sentence is 5 tokens: the boundary is within 2.5 tokens of the target
            assertTrue(Math.abs(before - filler * depth / 100) <= 2.5 + 1e-9, "before " + before + " of " + filler);
            assertEquals(2, occurrences(s.prompt(), s.answer()), "PoSE's key sentence names the key twice");
        }
    }

    private static void checkCommon(TaskSample s, int length, int slack) {
        assertTrue(s.length() <= length && s.length() > length - Math.max(slack, 1),
                s.task() + " length " + s.length() + " for target " + length);
        assertEquals(TOKENIZER.specialTokens().bos(), s.prompt()[0]);
        assertTrue(Arrays.stream(s.prompt()).noneMatch(t -> t == TOKENIZER.specialTokens().unk()),
                "no <unk> in " + TOKENIZER.decode(s.prompt()));
        assertTrue(matchesAt(s.prompt(), s.answer(), s.goldOffset()), "gold answer at its offset");
        assertEquals(s.answerText(), TOKENIZER.decode(s.answer()));
        assertTrue(s.answer().length <= 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {Tasks.LINES, Tasks.KV, Tasks.NEEDLE, Tasks.PASSKEY})
    void theSameSeedGivesTheSameSamples(String task) {
        TaskGenerator g = TASKS.get(task);
        Placement where = task.equals(Tasks.KV) || task.equals(Tasks.LINES) ? Placement.uniform() : Placement.depth(40);
        SplittableRandom a = new SplittableRandom(99);
        SplittableRandom b = new SplittableRandom(99);
        for (int i = 0; i < 3; i++) {
            assertEquals(g.sample(a, 300, where), g.sample(b, 300, where));
        }
        assertNotEquals(g.sample(new SplittableRandom(1), 300, where), g.sample(new SplittableRandom(2), 300, where));
    }

    @Test
    void linesChoosesTheQuestionedLineUniformly() {
        TaskGenerator g = TASKS.get(Tasks.LINES);
        SplittableRandom rng = new SplittableRandom(4);
        int[] counts = new int[2];
        for (int i = 0; i < 400; i++) {
            TaskSample s = g.sample(rng, 128, Placement.uniform());
            counts[s.goldIndex() < s.items() / 2.0 ? 0 : 1]++;
        }
        assertTrue(Math.abs(counts[0] - counts[1]) < 80, Arrays.toString(counts));
    }

    @Test
    void badInputNamesTheSetting() {
        SplittableRandom rng = new SplittableRandom(0);
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> TASKS.get(Tasks.LINES).sample(rng, 20, Placement.uniform()));
        assertTrue(tooShort.getMessage().startsWith("setting 'length': 20 tokens cannot hold"), tooShort.getMessage());
        assertTrue(tooShort.getMessage().contains("minimum " + TASKS.get(Tasks.LINES).minimumLength()));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> TASKS.get(Tasks.LINES).sample(rng, 4000, Placement.uniform()));
        assertTrue(tooLong.getMessage().contains("setting 'length'") && tooLong.getMessage().contains("256 lines"),
                tooLong.getMessage());
        IllegalArgumentException depth = assertThrows(IllegalArgumentException.class, () -> Placement.depth(101));
        assertEquals("setting 'depth': 101.0 is outside [0, 100]", depth.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Placement.depth(-0.5));
        assertThrows(IllegalArgumentException.class, () -> Placement.position(1.5));
        KvRetrievalGenerator kv = (KvRetrievalGenerator) TASKS.get(Tasks.KV);
        IllegalArgumentException pairs = assertThrows(IllegalArgumentException.class,
                () -> kv.samplePairs(rng, 257, Placement.uniform()));
        assertTrue(pairs.getMessage().startsWith("setting 'pairs': 257 pairs do not fit"), pairs.getMessage());
        IllegalArgumentException kvLong = assertThrows(IllegalArgumentException.class,
                () -> kv.sample(rng, 2000, Placement.uniform()));
        assertTrue(kvLong.getMessage().contains("setting 'length'") && kvLong.getMessage().contains("idCount"));
        IllegalArgumentException wrongPlacement = assertThrows(IllegalArgumentException.class,
                () -> TASKS.get(Tasks.NEEDLE).sample(rng, 200, Placement.position(0.5)));
        assertTrue(wrongPlacement.getMessage().startsWith("setting 'placement'"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> TASKS.get("qa"));
        assertTrue(unknown.getMessage().contains("'qa'") && unknown.getMessage().contains("needle"));
        assertFalse(TASKS.names().isEmpty());
    }
}
