package org.creamlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported tokenizer.json gives the word tokenizer's ids through DJL's Hugging Face tokenizer. */
class WordTokenizerExportTest {

    @TempDir
    Path dir;

    @Test
    void theHuggingFaceTokenizerGivesTheSameIds() throws IOException {
        WordTokenizer words = WordTokenizer.of(new NumberPieces(2), List.of("the", "pass", "key", "is", "happy-apple", "line"));
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, WordTokenizerExport.json(words));
        List<String> texts = List.of("the pass key is 12345", "<bos> line 7: key is 90210\nthe pass key is 5",
                "happy-apple , is the 1 2 34 567 8910 ?\n\n{ key : 00042 }", "the unknown word zebra is 3", "", "  \t ");
        try (HuggingFaceTokenizerAdapter hf = HuggingFaceTokenizerAdapter.open(file,
                new HuggingFaceTokenizerAdapter.SpecialNames("<pad>", "<bos>", "<eos>", "<unk>"))) {
            assertEquals(words.vocabularySize(), hf.vocabularySize());
            for (String text : texts) {
                int[] expected = words.encode(text);
                assertArrayEquals(expected, hf.encode(text), () -> "ids of '" + text + "': " + words.pieces(text));
                assertArrayEquals(expected, words.encode(hf.decode(expected)), "decoded text encodes to the same ids");
            }
        }
    }
}
