package org.creamlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.creamlab.data.Lexicon;
import org.creamlab.data.TaskGenerators;
import org.creamlab.data.TaskSample;
import org.creamlab.data.WordTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness hands every teacher-forced prediction to a sink; {@link PredictionsFile} writes them as TSV. */
class PredictionsFileTest {

    private static final Lexicon LEXICON = Lexicon.miniature();
    private static final WordTokenizer TOKENIZER = WordTokenizer.forLexicon(LEXICON);
    private static final TaskGenerators TASKS = TaskGenerators.miniature(TOKENIZER, LEXICON);

    @TempDir
    Path dir;

    @Test
    void everySampleIsWrittenWithTheAnswerThePredictionAndWhereThePredictionOccurs() throws IOException {
        EvalGrid grid = EvalGrid.of(List.of("lines", "kv", "passkey"), List.of(64, 128), List.of(0.0, 1.0), List.of(50.0));
        EvalSet set = EvalSet.build(TASKS, grid, 5, 11);
        List<TaskSample> samples = new ArrayList<>();
        set.samples().values().forEach(samples::addAll);
        FakeModels.Oracle model = new FakeModels.Oracle(samples, s -> s.answerText().length() % 2 == 0,
                TOKENIZER.specialTokens().eos());
        Path file = dir.resolve("predictions.tsv.gz");
        try (PredictionsFile predictions = new PredictionsFile(file, TOKENIZER)) {
            new EvalHarness(TOKENIZER).run(model, set, EvalOptions.defaults(), m -> { }, Map.of(), predictions);
        }

        List<String[]> rows = read(file);
        assertEquals(PredictionsFile.HEADER, String.join("\t", rows.get(0)));
        assertEquals(set.size(), rows.size() - 1, "one line per sample");
        int row = 1;
        for (Map.Entry<EvalCell, List<TaskSample>> e : set.samples().entrySet()) {
            for (int i = 0; i < e.getValue().size(); i++, row++) {
                String[] r = rows.get(row);
                TaskSample s = e.getValue().get(i);
                boolean right = s.answerText().length() % 2 == 0;
                assertEquals(e.getKey().task(), r[0]);
                assertEquals(Integer.toString(e.getKey().length()), r[1]);
                assertEquals(Integer.toString(i), r[4], "sample index, as the step of eval/correct");
                assertEquals(right ? "1" : "0", r[5]);
                assertEquals(Integer.toString(s.goldOffset()), r[7]);
                assertEquals(TOKENIZER.decode(s.answer()).strip(), r[8]);
                if (right) {
                    assertEquals(r[8], r[9], "a right prediction is the answer");
                    assertEquals(r[7], r[10], "found at the gold offset");
                } else {
                    assertEquals(TOKENIZER.decode(new int[s.answer().length]).strip(), r[9], "the fake's wrong answer");
                }
            }
        }
        assertTrue(rows.stream().skip(1).anyMatch(r -> r[5].equals("0")) && rows.stream().skip(1).anyMatch(r -> r[5].equals("1")),
                "both outcomes occur");
        assertTrue(rows.stream().skip(1).filter(r -> r[0].equals("kv")).allMatch(r -> !r[2].isEmpty() && r[3].isEmpty()),
                "kv lines carry their gold position, not a depth");
    }

    @Test
    void theOccurrenceNearestTheGoldOffsetIsReported() {
        int[] prompt = {5, 1, 2, 9, 1, 2, 7};
        assertEquals(4, PredictionsFile.nearestOccurrence(prompt, new int[] {1, 2}, 5));
        assertEquals(1, PredictionsFile.nearestOccurrence(prompt, new int[] {1, 2}, 0));
        assertEquals(6, PredictionsFile.nearestOccurrence(prompt, new int[] {7}, 0));
        assertEquals(-1, PredictionsFile.nearestOccurrence(prompt, new int[] {3}, 0));
        assertEquals(-1, PredictionsFile.nearestOccurrence(prompt, new int[] {7, 8}, 6), "never past the prompt's end");
    }

    private static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }
}
