package org.creamlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** How far before the gold answer the fake model copies its wrong answers from. */
    private static final int MISS = 3;

    @TempDir
    Path dir;

    /**
     * Right on samples whose answer text has an even length; on the others it answers with the prompt's
     * tokens {@link #MISS} before the gold answer (a retrieval from the wrong place).
     */
    private static ScoringModel missingBy(List<TaskSample> samples) {
        return new ScoringModel() {
            @Override
            public List<TargetScores> scoreTargets(List<int[]> prompts, List<int[]> targets) {
                List<TargetScores> out = new ArrayList<>();
                for (int[] prompt : prompts) {
                    TaskSample s = samples.stream().filter(x -> Arrays.equals(x.prompt(), prompt)).findFirst().orElseThrow();
                    int from = s.goldOffset() - MISS;
                    int[] argmax = s.answerText().length() % 2 == 0 ? s.answer()
                            : Arrays.copyOfRange(prompt, from, from + s.answer().length);
                    out.add(new TargetScores(new float[argmax.length], argmax));
                }
                return out;
            }

            @Override
            public int[] greedyDecode(int[] prompt, int maxNewTokens, int stopToken) {
                throw new UnsupportedOperationException("teacher-forced only");
            }
        };
    }

    @Test
    void everySampleIsWrittenWithTheAnswerThePredictionAndWhereThePredictionOccurs() throws IOException {
        EvalGrid grid = EvalGrid.of(List.of("lines", "kv", "passkey"), List.of(64, 128), List.of(0.0, 1.0), List.of(50.0));
        EvalSet set = EvalSet.build(TASKS, grid, 5, 11);
        List<TaskSample> samples = new ArrayList<>();
        set.samples().values().forEach(samples::addAll);
        Path file = dir.resolve("predictions.tsv.gz");
        try (PredictionsFile predictions = new PredictionsFile(file, TOKENIZER)) {
            new EvalHarness(TOKENIZER).run(missingBy(samples), set, new EvalOptions(false, true, 4, 8, "eval"), m -> { },
                    Map.of(), predictions);
            assertTrue(predictions.finish());
        }

        List<String[]> rows = read(file);
        assertEquals("task\tlength\tposition\tdepth\tsample\tcorrect\tprompt_tokens\tgold_offset\tanswer\tpredicted\t"
                + "first_wrong\tpredicted_offset", String.join("\t", rows.get(0)));
        assertEquals(set.size(), rows.size() - 1, "one line per sample");
        int row = 1;
        int misses = 0;
        for (Map.Entry<EvalCell, List<TaskSample>> e : set.samples().entrySet()) {
            for (int i = 0; i < e.getValue().size(); i++, row++) {
                String[] r = rows.get(row);
                TaskSample s = e.getValue().get(i);
                boolean right = s.answerText().length() % 2 == 0;
                assertEquals(e.getKey().task(), r[0]);
                assertEquals(Integer.toString(e.getKey().length()), r[1]);
                Double position = e.getKey().dimensions().position();   // the cell's, as in its metrics
                Double depth = e.getKey().dimensions().depth();
                assertEquals(position == null ? "" : position.toString(), r[2]);
                assertEquals(depth == null ? "" : depth.toString(), r[3]);
                assertEquals(Integer.toString(i), r[4], "sample index, as the step of eval/correct");
                assertEquals(right ? "1" : "0", r[5]);
                assertEquals(Integer.toString(s.prompt().length), r[6]);
                assertEquals(Integer.toString(s.goldOffset()), r[7]);
                assertEquals(TOKENIZER.decode(s.answer()).strip(), r[8]);
                if (right) {
                    assertEquals(r[8], r[9], "a right prediction is the answer");
                    assertEquals("-1", r[10]);
                    assertEquals(r[7], r[11], "a right answer is where the gold is");
                } else {
                    misses++;
                    int[] predicted = Arrays.copyOfRange(s.prompt(), s.goldOffset() - MISS, s.goldOffset() - MISS + s.answer().length);
                    assertEquals(TOKENIZER.decode(predicted).strip(), r[9]);
                    int wrong = Integer.parseInt(r[10]);
                    assertEquals(Arrays.mismatch(s.answer(), predicted), wrong);
                    assertTrue(wrong >= 0 && predicted[wrong] != s.answer()[wrong], "the first wrong token");
                    int at = Integer.parseInt(r[11]);
                    assertTrue(at >= 0 && Math.abs(at - (s.goldOffset() + wrong)) <= MISS,
                            "found at most MISS tokens from the gold token: " + at);
                    assertEquals(predicted[wrong], s.prompt()[at], "the wrong token is at the offset given");
                }
            }
        }
        assertTrue(misses > 0 && misses < set.size(), "both outcomes occur");
        assertFalse(Files.exists(file.resolveSibling(file.getFileName() + ".partial")), "no partial file is left");
    }

    @Test
    void anEvaluationCutShortLeavesNoFile() throws IOException {
        Path file = dir.resolve("cut.tsv.gz");
        try (PredictionsFile predictions = new PredictionsFile(file, TOKENIZER)) {
            assertTrue(Files.exists(file.resolveSibling("cut.tsv.gz.partial")));
        }
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(file.resolveSibling("cut.tsv.gz.partial")));
    }

    @Test
    void theOccurrenceNearestTheGoldOffsetIsReported() {
        int[] prompt = {5, 1, 2, 9, 1, 2, 7};
        assertEquals(4, PredictionsFile.nearestOccurrence(prompt, 1, 5));
        assertEquals(1, PredictionsFile.nearestOccurrence(prompt, 1, 0));
        assertEquals(0, PredictionsFile.nearestOccurrence(new int[] {1, 0, 1}, 1, 1), "a tie goes to the earlier");
        assertEquals(6, PredictionsFile.nearestOccurrence(prompt, 7, 0));
        assertEquals(-1, PredictionsFile.nearestOccurrence(prompt, 3, 0));
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
