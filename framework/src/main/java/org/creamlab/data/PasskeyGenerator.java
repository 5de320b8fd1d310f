package org.creamlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Passkey retrieval as in PoSE: a prefix, PoSE's five filler sentences repeated, the key sentence
 * {@code the pass key is <k> . remember it . <k> is the pass key .} between two filler sentences, and
 * the question {@code what is the pass key ? the pass key is}. The prompt is exactly {@code length}
 * tokens (the repeated filler is cut to fit).
 *
 * <p>The key sentence goes at the filler sentence boundary nearest to {@code depth} percent of the
 * filler tokens (ties to the earlier one; the end of the cut filler counts as a boundary); with a uniform placement, at a boundary chosen uniformly,
 * like PoSE's random prefix. The key appears twice, as in PoSE; {@link TaskSample#goldOffset()} is
 * the first.
 */
public final class PasskeyGenerator implements TaskGenerator {

    private final Tokenizer tokenizer;
    private final ValueRange values;
    private final int prefix;
    private final int longestKey;
    private final int question;
    private final List<int[]> filler;

    public PasskeyGenerator(Tokenizer tokenizer, ValueRange values) {
        this.tokenizer = tokenizer;
        this.values = values;
        this.prefix = 1 + tokenizer.encode(Templates.PASSKEY_HEADER).length;
        String widest = Long.toString(values.max());
        this.longestKey = tokenizer.encode(Templates.PASSKEY.formatted(widest, widest)).length;
        this.question = tokenizer.encode(Templates.PASSKEY_QUESTION).length;
        List<int[]> sentences = new ArrayList<>();
        for (String s : Templates.PASSKEY_FILLER) {
            sentences.add(tokenizer.encode(s));
        }
        this.filler = List.copyOf(sentences);
    }

    @Override
    public String task() {
        return Tasks.PASSKEY;
    }

    @Override
    public int minimumLength() {
        return prefix + longestKey + question + 1;
    }

    @Override
    public TaskSample sample(RandomGenerator rng, int length, Placement placement) {
        if (length < minimumLength()) {
            throw new IllegalArgumentException("setting 'length': " + length
                    + " tokens cannot hold the prefix, the key sentence, one filler token and the question (minimum "
                    + minimumLength() + ")");
        }
        if (placement instanceof Placement.Position) {
            throw new IllegalArgumentException("setting 'placement': passkey takes a depth or uniform, not a position");
        }
        String key = Long.toString(Draws.between(rng, values.min(), values.max()));
        int[] keySentence = tokenizer.encode(Templates.PASSKEY.formatted(key, key));
        int count = length - prefix - keySentence.length - question;
        PromptBuilder stream = new PromptBuilder(tokenizer);
        List<Integer> boundaries = new ArrayList<>();
        boundaries.add(0);
        for (int i = 0; stream.size() < count; i++) {
            stream.append(filler.get(i % filler.size()));
            if (stream.size() <= count) {
                boundaries.add(stream.size());
            }
        }
        if (boundaries.get(boundaries.size() - 1) != count) {
            boundaries.add(count);
        }
        int[] fillerTokens = java.util.Arrays.copyOf(stream.toArray(), count);
        int boundary = placement instanceof Placement.Depth d
                ? nearest(boundaries, count * d.percent() / 100)
                : boundaries.get(rng.nextInt(boundaries.size()));
        PromptBuilder prompt = new PromptBuilder(tokenizer);
        prompt.appendToken(tokenizer.specialTokens().bos());
        prompt.append(Templates.PASSKEY_HEADER);
        prompt.append(fillerTokens, 0, boundary);
        int keyStart = prompt.append(keySentence);
        prompt.append(fillerTokens, boundary, count);
        prompt.append(Templates.PASSKEY_QUESTION);
        int goldOffset = keyStart + tokenizer.encode(Templates.PASSKEY.substring(0, Templates.PASSKEY.indexOf("%s"))).length;
        Double depth = placement instanceof Placement.Depth d ? d.percent() : 100.0 * boundary / count;
        return new TaskSample(Tasks.PASSKEY, prompt.toArray(), tokenizer.encode(key), key, goldOffset, -1, 0, null,
                depth);
    }

    private static int nearest(List<Integer> boundaries, double target) {
        int best = boundaries.get(0);
        for (int b : boundaries) {
            if (Math.abs(b - target) < Math.abs(best - target)) {
                best = b;
            }
        }
        return best;
    }
}
