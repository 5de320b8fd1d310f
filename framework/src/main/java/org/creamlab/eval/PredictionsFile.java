package org.creamlab.eval;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.creamlab.data.TaskSample;
import org.creamlab.data.Tokenizer;
import org.creamlab.metric.Dimensions;

/**
 * Writes every teacher-forced prediction as one line of a gzip-compressed, tab-separated file with a
 * header: {@code task, length, position, depth, sample, correct, prompt_tokens, gold_offset, answer,
 * predicted, predicted_offset}. {@code answer} and {@code predicted} are decoded text (tabs and line
 * breaks shown as spaces); {@code predicted_offset} is where the predicted tokens occur in the prompt,
 * the occurrence nearest the gold answer's ({@code gold_offset}), or -1 when they occur nowhere, so a
 * retrieval answered from the wrong record shows how far from the right one it looked.
 */
public final class PredictionsFile implements PredictionSink, Closeable {

    static final String HEADER = "task\tlength\tposition\tdepth\tsample\tcorrect\tprompt_tokens\tgold_offset\tanswer\tpredicted\tpredicted_offset";

    private final Tokenizer tokenizer;
    private final BufferedWriter out;

    /** Creates (or replaces) {@code file} and writes the header. */
    public PredictionsFile(Path file, Tokenizer tokenizer) throws IOException {
        this.tokenizer = tokenizer;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                StandardCharsets.UTF_8));
        out.write(HEADER);
        out.newLine();
    }

    @Override
    public void accept(EvalCell cell, int index, TaskSample sample, TargetScores scores) {
        int[] predicted = scores.argmax();
        Dimensions d = cell.dimensions();
        String line = String.join("\t", cell.task(), Integer.toString(cell.length()), text(d.position()),
                text(d.depth()), Integer.toString(index), scores.exactMatch(sample.answer()) ? "1" : "0",
                Integer.toString(sample.prompt().length), Integer.toString(sample.goldOffset()),
                flat(tokenizer.decode(sample.answer())), flat(tokenizer.decode(predicted)),
                Integer.toString(nearestOccurrence(sample.prompt(), predicted, sample.goldOffset())));
        try {
            out.write(line);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a prediction", e);
        }
    }

    /** The start of the occurrence of {@code tokens} in {@code prompt} nearest {@code around}, or -1. */
    static int nearestOccurrence(int[] prompt, int[] tokens, int around) {
        int best = -1;
        for (int start = 0; start + tokens.length <= prompt.length; start++) {
            if (matchesAt(prompt, tokens, start) && (best < 0 || Math.abs(start - around) < Math.abs(best - around))) {
                best = start;
            }
        }
        return best;
    }

    private static boolean matchesAt(int[] prompt, int[] tokens, int start) {
        for (int j = 0; j < tokens.length; j++) {
            if (prompt[start + j] != tokens[j]) {
                return false;
            }
        }
        return true;
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }

    private static String flat(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').strip();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
