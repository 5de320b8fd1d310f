package org.creamlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny hand-written WordLevel tokenizer.json, loaded offline through DJL's native tokenizers. */
class HuggingFaceTokenizerAdapterTest {

    private static final String JSON = """
            {
              "version": "1.0",
              "truncation": null,
              "padding": null,
              "added_tokens": [
                {"id": 0, "content": "<unk>", "single_word": false, "lstrip": false, "rstrip": false,
                 "normalized": false, "special": true},
                {"id": 1, "content": "<s>", "single_word": false, "lstrip": false, "rstrip": false,
                 "normalized": false, "special": true},
                {"id": 2, "content": "</s>", "single_word": false, "lstrip": false, "rstrip": false,
                 "normalized": false, "special": true}
              ],
              "normalizer": null,
              "pre_tokenizer": {"type": "Whitespace"},
              "post_processor": null,
              "decoder": null,
              "model": {"type": "WordLevel",
                        "vocab": {"<unk>": 0, "<s>": 1, "</s>": 2, "the": 3, "pass": 4, "key": 5, "is": 6,
                                  "42": 7},
                        "unk_token": "<unk>"}
            }
            """;

    @TempDir
    Path dir;

    private HuggingFaceTokenizerAdapter open() throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, JSON);
        return HuggingFaceTokenizerAdapter.open(file, HuggingFaceTokenizerAdapter.SpecialNames.llama());
    }

    @Test
    void encodesDecodesAndReportsTheVocabulary() throws IOException {
        try (HuggingFaceTokenizerAdapter t = open()) {
            assertArrayEquals(new int[] {3, 4, 5, 6, 7}, t.encode("the pass key is 42"));
            assertEquals("the pass key is 42", t.decode(new int[] {3, 4, 5, 6, 7}));
            assertEquals(8, t.vocabularySize());
            assertEquals(new SpecialTokens(0, 1, 2, 0), t.specialTokens());
        }
    }

    @Test
    void unknownWordsBecomeUnkAndEmptyInputGivesNoTokens() throws IOException {
        try (HuggingFaceTokenizerAdapter t = open()) {
            assertArrayEquals(new int[] {3, 0, 6}, t.encode("the walrus is"));
            assertEquals(0, t.encode("").length);
            assertEquals(0, t.encode("   ").length);
            assertArrayEquals(new int[] {1, 3}, t.encode("<s> the"), "special tokens in text are matched, none added");
        }
    }

    @Test
    void aMissingSpecialTokenIsNamed() throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, JSON);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HuggingFaceTokenizerAdapter
                .open(file, new HuggingFaceTokenizerAdapter.SpecialNames("<pad>", "<s>", "</s>", "<unk>")));
        assertTrue(e.getMessage().contains("'pad'") && e.getMessage().contains("<pad>"), e.getMessage());
    }

    @Test
    void generatorsWorkThroughTheAdapter() throws IOException {
        try (HuggingFaceTokenizerAdapter t = open()) {
            PasskeyGenerator g = new PasskeyGenerator(t, new ValueRange(42, 42));
            TaskSample s = g.sample(new java.util.SplittableRandom(1), 60, Placement.depth(50));
            assertEquals(60, s.length());
            assertArrayEquals(new int[] {7}, s.answer());
            assertEquals(7, s.prompt()[s.goldOffset()]);
        }
    }
}
