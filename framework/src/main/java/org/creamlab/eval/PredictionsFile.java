package org.creamlab.eval;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.creamlab.data.TaskSample;
import org.creamlab.data.Tokenizer;
import org.creamlab.metric.Dimensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every teacher-forced prediction as one line of a gzip-compressed, tab-separated file with a
 * header ({@link #HEADER}): {@code task, length, position, depth, sample, correct, prompt_tokens,
 * gold_offset, answer, predicted, first_wrong, predicted_offset}. {@code answer} and {@code predicted}
 * are decoded text (tabs and line breaks shown as spaces); {@code predicted} is the argmax at each answer
 * token given the gold tokens before it (teacher forcing), so only its first wrong token says what the
 * model would have answered. {@code first_wrong} is that token's index in the answer (-1 when all are
 * right); {@code predicted_offset} is where that wrong token occurs in the prompt, the occurrence nearest
 * the gold's token at the same index ({@code gold_offset + first_wrong}; of two equally near, the
 * earlier), or -1 when it occurs nowhere (for a right answer: {@code gold_offset}). So a retrieval
 * answered from the wrong record shows how far from the right one it looked.
 *
 * <p>Lines go to {@code <file>.partial}; {@link #finish()} moves it to the file, so the file is either
 * absent or complete, and {@link #close()} without {@code finish()} (an evaluation cut short) removes it.
 * A failed write (a full disk) is logged once and ends the writing, not the evaluation: {@code finish()}
 * then says false and leaves no file.
 */
public final class PredictionsFile implements PredictionSink, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(PredictionsFile.class);

    /** The first line of the file. */
    public static final String HEADER =
            "task\tlength\tposition\tdepth\tsample\tcorrect\tprompt_tokens\tgold_offset\tanswer\tpredicted\tfirst_wrong\t"
            + "predicted_offset";

    private final Path file;
    private final Path partial;
    private final Tokenizer tokenizer;
    private BufferedWriter out;
    private boolean failed;
    private boolean finished;

    /** Starts {@code file} (written to {@code <file>.partial} until {@link #close()}) with the header. */
    public PredictionsFile(Path file, Tokenizer tokenizer) throws IOException {
        this.file = file;
        this.partial = file.resolveSibling(file.getFileName() + ".partial");
        this.tokenizer = tokenizer;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(partial)), StandardCharsets.UTF_8));
        try {
            writer.write(HEADER);
            writer.newLine();
        } catch (IOException | RuntimeException e) {
            writer.close();
            Files.deleteIfExists(partial);
            throw e;
        }
        this.out = writer;
    }

    @Override
    public void accept(EvalCell cell, int index, TaskSample sample, TargetScores scores) {
        if (failed) {
            return;
        }
        int[] predicted = scores.argmax();
        int[] answer = sample.answer();
        int firstWrong = Arrays.mismatch(answer, predicted);   // equal lengths: TargetScores has one entry per answer token
        int offset = firstWrong < 0 ? sample.goldOffset()
                : nearestOccurrence(sample.prompt(), predicted[firstWrong], sample.goldOffset() + firstWrong);
        Dimensions d = cell.dimensions();
        String line = String.join("\t", cell.task(), Integer.toString(cell.length()), text(d.position()),
                text(d.depth()), Integer.toString(index), firstWrong < 0 ? "1" : "0",
                Integer.toString(sample.prompt().length), Integer.toString(sample.goldOffset()),
                flat(tokenizer.decode(answer)), flat(tokenizer.decode(predicted)), Integer.toString(firstWrong),
                Integer.toString(offset));
        try {
            out.write(line);
            out.newLine();
        } catch (IOException e) {
            LOG.warn("predictions not written any more ({}): {} is left out, the evaluation goes on", e.toString(), file);
            failed = true;
        }
    }

    /** The position of the occurrence of {@code token} in {@code prompt} nearest {@code around} (a tie: the earlier), or -1. */
    static int nearestOccurrence(int[] prompt, int token, int around) {
        int best = -1;
        for (int i = 0; i < prompt.length; i++) {
            if (prompt[i] == token && (best < 0 || Math.abs(i - around) < Math.abs(best - around))) {
                best = i;
            }
        }
        return best;
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }

    private static String flat(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').strip();
    }

    /**
     * Finishes the file: moves the partial file into place, or removes it after a failed write.
     *
     * @return whether the file is in place, complete
     */
    public boolean finish() throws IOException {
        if (finished) {
            return !failed;
        }
        finished = true;
        try {
            out.close();
        } catch (IOException e) {
            if (!failed) {
                LOG.warn("predictions not written ({}): {} is left out", e.toString(), file);
            }
            failed = true;
        }
        if (failed) {
            Files.deleteIfExists(partial);
            return false;
        }
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            LOG.warn("predictions not written ({}): {} is left out", e.toString(), file);
            failed = true;
            Files.deleteIfExists(partial);
            return false;
        }
    }

    /** Removes the partial file unless {@link #finish()} was called: an evaluation cut short leaves no file. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        failed = true;
        try {
            out.close();
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
