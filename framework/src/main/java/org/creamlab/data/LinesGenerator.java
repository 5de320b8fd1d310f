package org.creamlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * LongChat-Lines (spec 5.1) in miniature: a header, lines {@code line <key> : REGISTER_CONTENT is
 * <number>}, and the question about one line, by default chosen uniformly at random.
 *
 * <p>Keys are distinct line keys drawn at random from the lexicon (each one token with the word
 * tokenizer); numbers are distinct draws from the value range, so the gold number appears once.
 * Lines are added while the whole prompt still fits in {@code length}: the prompt is at most
 * {@code length} tokens and less than one line shorter. {@link #withNumberBlocks} draws a sample's
 * numbers in clusters instead, so that many of them share their first number piece.
 */
public final class LinesGenerator implements AskableTaskGenerator {

    private final Tokenizer tokenizer;
    private final List<String> keys;
    private final ValueRange values;
    private final NumberBlocks blocks;
    private final int fixed;
    private final int longestLine;
    private final int longestQuestion;
    private final int longestNumber;
    private final int numberOffsetInLine;

    /**
     * @param keys the line keys to draw from, at least one
     * @param values the range of the line numbers
     */
    public LinesGenerator(Tokenizer tokenizer, List<String> keys, ValueRange values) {
        this(tokenizer, keys, values, null);
    }

    private LinesGenerator(Tokenizer tokenizer, List<String> keys, ValueRange values, NumberBlocks blocks) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("setting 'lineKeys': need at least one line key");
        }
        this.tokenizer = tokenizer;
        this.keys = List.copyOf(keys);
        this.values = values;
        if (blocks != null) {
            blocks.requireFits(values);
        }
        this.blocks = blocks;
        this.fixed = 1 + tokenizer.encode(Templates.LINES_HEADER).length;
        int line = 0;
        int question = 0;
        String widest = Long.toString(values.max());
        for (String key : this.keys) {
            line = Math.max(line, lineTokens(key, widest).length);
            question = Math.max(question, tokenizer.encode(Templates.LINES_QUESTION.formatted(key)).length);
        }
        this.longestLine = line;
        this.longestQuestion = question;
        this.longestNumber = tokenizer.encode(widest).length;
        this.numberOffsetInLine = tokenizer.encode(Templates.LINE.formatted(this.keys.get(0), "")).length - 1;
    }

    /**
     * This generator with each sample's numbers drawn from {@code blocks} ({@link NumberBlocks#distinct})
     * instead of uniformly from the value range; keys, layout and question are unchanged.
     *
     * @throws IllegalArgumentException if the value range holds fewer whole blocks than asked
     */
    public LinesGenerator withNumberBlocks(NumberBlocks blocks) {
        return new LinesGenerator(tokenizer, keys, values, blocks);
    }

    @Override
    public String task() {
        return Tasks.LINES;
    }

    @Override
    public int minimumLength() {
        return fixed + longestLine + longestQuestion;
    }

    /** The most lines a prompt can hold: one per line key. */
    public int maximumLines() {
        return keys.size();
    }

    @Override
    public TaskSample sample(RandomGenerator rng, int length, Placement placement) {
        if (length < minimumLength()) {
            throw new IllegalArgumentException("setting 'length': " + length
                    + " tokens cannot hold the header, one line and the question (minimum " + minimumLength() + ")");
        }
        return build(rng, length, Integer.MAX_VALUE, placement);
    }

    /**
     * A sample with exactly {@code lines} lines, whatever its length.
     *
     * @throws IllegalArgumentException if {@code lines} is below 1 or above the line keys or values available
     */
    public TaskSample sampleLines(RandomGenerator rng, int lines, Placement placement) {
        if (lines < 1 || lines > Math.min(keys.size(), distinctNumbers())) {
            throw new IllegalArgumentException("setting 'lines': " + lines + " lines do not fit: need 1 to "
                    + Math.min(keys.size(), distinctNumbers()) + " (distinct line keys and numbers)");
        }
        return build(rng, Integer.MAX_VALUE, lines, placement);
    }

    /**
     * {@inheritDoc} Follow-ups ask for other lines' numbers; {@link #followUpTokens} bounds the tokens
     * they add.
     */
    @Override
    public AskedSample sampleAsked(RandomGenerator rng, int length, int questions) {
        if (questions < 1) {
            throw new IllegalArgumentException("setting 'questions': must be >= 1, got " + questions);
        }
        if (length < minimumLength()) {
            sample(rng, length, Placement.uniform());   // throws with the reason
        }
        List<String> lineKeys = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        TaskSample first = build(rng, length, Integer.MAX_VALUE, Placement.uniform(), lineKeys, numbers, offsets);
        return AskedSample.drawFollowUps(rng, first, lineKeys.size(), questions, i -> new AskedSample.FollowUp(
                tokenizer.encode(Templates.LINES_QUESTION.formatted(lineKeys.get(i))), tokenizer.encode(numbers.get(i)),
                offsets.get(i)));
    }

    @Override
    public int followUpTokens(int count) {
        return count * (longestQuestion + longestNumber + 1);
    }

    private TaskSample build(RandomGenerator rng, int length, int count, Placement placement) {
        return build(rng, length, count, placement, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /**
     * Lines while the prompt fits {@code length} tokens, at most {@code count} of them; lists each
     * line's key, number and the offset of its number in the prompt.
     */
    private TaskSample build(RandomGenerator rng, int length, int count, Placement placement, List<String> lineKeys,
                             List<String> numbers, List<Integer> numberOffsets) {
        if (placement instanceof Placement.Depth) {
            throw new IllegalArgumentException("setting 'placement': lines takes a position or uniform, not a depth");
        }
        Draws.Shuffle<String> keyDraws = Draws.shuffle(keys, rng);
        LongSupplier numberDraws = blocks == null ? new Draws.DistinctLongs(rng, values.min(), values.max())::next
                : blocks.distinct(rng, values);
        List<int[]> lines = new ArrayList<>();
        long used = fixed + longestQuestion;
        while (lines.size() < count && used + longestLine <= length) {
            if (!keyDraws.hasNext() || lines.size() >= distinctNumbers()) {
                throw new IllegalArgumentException("setting 'length': " + length + " tokens need more than the "
                        + lines.size() + " lines that the line keys and the value range" + (blocks == null ? "" : "'s blocks")
                        + " allow");
            }
            String key = keyDraws.next();
            String number = Long.toString(numberDraws.getAsLong());
            int[] line = lineTokens(key, number);
            lineKeys.add(key);
            numbers.add(number);
            lines.add(line);
            used += line.length;
        }
        int n = lines.size();
        int gold = placement instanceof Placement.Position p ? p.index(n) : rng.nextInt(n);
        PromptBuilder prompt = new PromptBuilder(tokenizer);
        prompt.appendToken(tokenizer.specialTokens().bos());
        prompt.append(Templates.LINES_HEADER);
        int goldOffset = -1;
        for (int i = 0; i < n; i++) {
            int start = prompt.append(lines.get(i));
            numberOffsets.add(start + numberOffsetInLine);
            if (i == gold) {
                goldOffset = start + numberOffsetInLine;
            }
        }
        prompt.append(Templates.LINES_QUESTION.formatted(lineKeys.get(gold)));
        String answer = numbers.get(gold);
        return new TaskSample(Tasks.LINES, prompt.toArray(), tokenizer.encode(answer), answer, goldOffset, gold, n,
                n == 1 ? 0.0 : (double) gold / (n - 1), null);
    }

    /** How many distinct numbers one sample can draw: the value range, or the blocks' capacity. */
    private long distinctNumbers() {
        return blocks == null ? values.size() : blocks.capacity();
    }

    private int[] lineTokens(String key, String number) {
        return tokenizer.encode(Templates.LINE.formatted(key, number));
    }
}
