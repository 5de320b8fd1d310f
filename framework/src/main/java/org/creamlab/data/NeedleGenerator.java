package org.creamlab.data;

import java.util.random.RandomGenerator;

/**
 * Needle in a haystack (spec 5.3) in miniature: the description, filler prose from
 * {@link FillerGrammar} cut to fit, the needle sentence {@code the special magic number is <n> .}
 * inserted at a token offset set by the depth, and the question. The prompt is exactly
 * {@code length} tokens.
 *
 * <p>As in the released code, with {@code |d|} the description (here with {@code <bos>}),
 * {@code |n|} the needle and {@code |q|} the question, the haystack is cut to
 * {@code length - |d| - |n| - |q|} tokens and the needle starts at token offset
 * {@code |d| + round((length - |q| - |n| - 1 - |d|) * depth / 100)} (round half to even, Python's
 * {@code round}); the cut may fall inside a sentence.
 */
public final class NeedleGenerator implements TaskGenerator {

    private final Tokenizer tokenizer;
    private final FillerGrammar grammar;
    private final ValueRange values;
    private final int description;
    private final int longestNeedle;
    private final int question;

    public NeedleGenerator(Tokenizer tokenizer, FillerGrammar grammar, ValueRange values) {
        this.tokenizer = tokenizer;
        this.grammar = grammar;
        this.values = values;
        this.description = 1 + tokenizer.encode(Templates.NEEDLE_HEADER).length;
        this.longestNeedle = tokenizer.encode(Templates.NEEDLE.formatted(values.max())).length;
        this.question = tokenizer.encode(Templates.NEEDLE_QUESTION).length;
    }

    @Override
    public String task() {
        return Tasks.NEEDLE;
    }

    @Override
    public int minimumLength() {
        return description + longestNeedle + question + 1;
    }

    @Override
    public TaskSample sample(RandomGenerator rng, int length, Placement placement) {
        if (length < minimumLength()) {
            throw new IllegalArgumentException("setting 'length': " + length
                    + " tokens cannot hold the description, the needle, one filler token and the question (minimum "
                    + minimumLength() + ")");
        }
        if (placement instanceof Placement.Position) {
            throw new IllegalArgumentException("setting 'placement': needle takes a depth or uniform, not a position");
        }
        double depth = placement instanceof Placement.Depth d ? d.percent() : 100 * rng.nextDouble();
        String number = Long.toString(Draws.between(rng, values.min(), values.max()));
        int[] needle = tokenizer.encode(Templates.NEEDLE.formatted(number));
        int hay = length - description - needle.length - question;
        int[] haystack = new FillerStream(tokenizer, grammar, rng).take(hay);
        int offset = description + (int) Math.rint((length - question - needle.length - 1 - description) * depth / 100);
        int cut = offset - description;
        PromptBuilder prompt = new PromptBuilder(tokenizer);
        prompt.appendToken(tokenizer.specialTokens().bos());
        prompt.append(Templates.NEEDLE_HEADER);
        prompt.append(haystack, 0, cut);
        int needleStart = prompt.append(needle);
        prompt.append(haystack, cut, haystack.length);
        prompt.append(Templates.NEEDLE_QUESTION);
        int goldOffset = needleStart + tokenizer.encode(Templates.NEEDLE.substring(0, Templates.NEEDLE.indexOf("%s"))).length;
        return new TaskSample(Tasks.NEEDLE, prompt.toArray(), tokenizer.encode(number), number, goldOffset, -1, 0,
                null, depth);
    }
}
