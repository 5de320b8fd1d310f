package org.creamlab.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One evaluation (or training) example of a retrieval task.
 *
 * <p>The prompt starts with {@code <bos>} and ends where the model must answer; its length (all its
 * tokens, {@code <bos>} included, the answer excluded) is the sample's context length. The answer
 * tokens are what teacher-forced scoring checks; the answer text is what the published scorers look
 * for in decoded output. The gold answer's tokens also appear inside the prompt at
 * {@link #goldOffset()} (the number of the gold line, the value of the gold pair, the number in the
 * needle, the first spelling of the pass key).
 *
 * @param task {@code lines}, {@code kv}, {@code needle} or {@code passkey}
 * @param prompt the prompt tokens (copied in and out)
 * @param answer the answer tokens (copied in and out)
 * @param answerText the gold answer as text (a number or an id)
 * @param goldOffset token offset in the prompt of the gold answer's first token
 * @param goldIndex index of the gold line or pair, or -1 for needle and passkey
 * @param items number of lines or pairs, or 0 for needle and passkey
 * @param position gold index as a fraction of the record ({@code goldIndex / (items - 1)}, 0 for a
 *     single item), or null for needle and passkey
 * @param depth the requested depth in percent for needle and passkey, or null
 */
public record TaskSample(String task, int[] prompt, int[] answer, String answerText, int goldOffset, int goldIndex,
        int items, Double position, Double depth) {

    public TaskSample {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(answerText, "answerText");
        prompt = prompt.clone();
        answer = answer.clone();
        if (prompt.length == 0 || answer.length == 0) {
            throw new IllegalArgumentException("a task sample needs a prompt and an answer");
        }
        if (goldOffset < 0 || goldOffset + answer.length > prompt.length) {
            throw new IllegalArgumentException("gold offset " + goldOffset + " outside the prompt");
        }
    }

    @Override
    public int[] prompt() {
        return prompt.clone();
    }

    @Override
    public int[] answer() {
        return answer.clone();
    }

    /** The context length: number of prompt tokens. */
    public int length() {
        return prompt.length;
    }

    /** The prompt followed by the answer: a training sequence for this example. */
    public int[] promptAndAnswer() {
        int[] all = Arrays.copyOf(prompt, prompt.length + answer.length);
        System.arraycopy(answer, 0, all, prompt.length, answer.length);
        return all;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskSample t && task.equals(t.task) && Arrays.equals(prompt, t.prompt)
                && Arrays.equals(answer, t.answer) && answerText.equals(t.answerText) && goldOffset == t.goldOffset
                && goldIndex == t.goldIndex && items == t.items && Objects.equals(position, t.position)
                && Objects.equals(depth, t.depth);
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, Arrays.hashCode(prompt), Arrays.hashCode(answer), answerText, goldOffset);
    }

    @Override
    public String toString() {
        return "TaskSample[" + task + ", length " + prompt.length + ", answer " + answerText + ", gold offset "
                + goldOffset + "]";
    }
}
