package org.creamlab.experiments.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.creamlab.data.HuggingFaceTokenizerAdapter;
import org.creamlab.data.TaskSample;
import org.creamlab.data.WordTokenizer;
import org.creamlab.data.WordTokenizerExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tokenizer.json} shipped with every shared base gives, through DJL's Hugging Face
 * tokenizer, exactly the ids the study used: every prompt and answer of the study's evaluation set
 * (all tasks, lengths 64 to 1,024 tokens), written out as text and encoded again.
 */
class SharedTokenizerRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyStudyPromptRoundTripsThroughTheExportedTokenizer() throws IOException {
        StudyData data = StudyData.miniature();
        WordTokenizer words = data.tokenizer();
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, WordTokenizerExport.json(words));
        List<TaskSample> samples = new StudyEvaluation(data).evaluationSet(128, 1024, 5, 2, 1, true).samples().values()
                .stream().flatMap(List::stream).toList();
        assertTrue(samples.size() > 100, "the evaluation set: " + samples.size());
        try (HuggingFaceTokenizerAdapter hf = HuggingFaceTokenizerAdapter.open(file,
                new HuggingFaceTokenizerAdapter.SpecialNames("<pad>", "<bos>", "<eos>", "<unk>"))) {
            for (TaskSample s : samples) {
                int[] ids = IntStream.concat(IntStream.of(s.prompt()), IntStream.of(s.answer())).toArray();
                String text = words.decode(ids);
                assertArrayEquals(ids, hf.encode(text), () -> s.task() + " sample: " + text.substring(0, Math.min(200, text.length())));
            }
        }
    }
}
