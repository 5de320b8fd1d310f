package org.creamlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Lost-in-the-middle key-value retrieval (spec 5.2) in miniature: a JSON-like object
 * {@code { k : v , k : v , ... }} of random id pairs, then the question for the gold key.
 *
 * <p>All keys and values of a sample are distinct ids from the pool, so the gold value appears once.
 * Since pairs are independent draws, putting the gold pair at index {@code g} is the same as moving a
 * random gold pair there, as the published data does. With {@link #sample} the object holds as many
 * pairs as fit in {@code length} (prompt at most {@code length}, less than one pair shorter); with
 * {@link #samplePairs} it holds exactly the requested number.
 */
public final class KvRetrievalGenerator implements AskableTaskGenerator {

    private final Tokenizer tokenizer;
    private final List<String> ids;
    private final int fixed;
    private final int longestPair;
    private final int longestQuestion;
    private final int longestValue;

    /** @param ids the id pool, at least two */
    public KvRetrievalGenerator(Tokenizer tokenizer, List<String> ids) {
        if (ids.size() < 2) {
            throw new IllegalArgumentException("setting 'idCount': need at least two ids");
        }
        this.tokenizer = tokenizer;
        this.ids = List.copyOf(ids);
        this.fixed = 1 + tokenizer.encode(Templates.KV_HEADER).length + tokenizer.encode("{").length;
        int pair = 0;
        int question = 0;
        int value = 0;
        for (String id : this.ids) {
            value = Math.max(value, tokenizer.encode(id).length);
            pair = Math.max(pair, pairTokens(id, id, true).length);
            question = Math.max(question, tokenizer.encode(Templates.KV_QUESTION.formatted(id)).length);
        }
        this.longestPair = pair;
        this.longestQuestion = question;
        this.longestValue = value;
    }

    @Override
    public String task() {
        return Tasks.KV;
    }

    @Override
    public int minimumLength() {
        return fixed + longestPair + longestQuestion;
    }

    /** The most pairs a prompt can hold: half the id pool. */
    public int maximumPairs() {
        return ids.size() / 2;
    }

    /** The number of pairs {@link #sample} puts in a prompt of {@code length} tokens. */
    public int pairsFitting(int length) {
        return Math.max(0, (length - fixed - longestQuestion) / longestPair);
    }

    @Override
    public TaskSample sample(RandomGenerator rng, int length, Placement placement) {
        if (length < minimumLength()) {
            throw new IllegalArgumentException("setting 'length': " + length
                    + " tokens cannot hold the header, one pair and the question (minimum " + minimumLength() + ")");
        }
        int pairs = pairsFitting(length);
        if (pairs > maximumPairs()) {
            throw new IllegalArgumentException("setting 'length': " + length + " tokens need " + pairs
                    + " pairs, more than the " + maximumPairs() + " the id pool allows (idCount " + ids.size() + ")");
        }
        return build(rng, pairs, placement);
    }

    /**
     * A sample with exactly {@code pairs} pairs, whatever its length.
     *
     * @throws IllegalArgumentException if {@code pairs} is below 1 or above {@link #maximumPairs()}
     */
    public TaskSample samplePairs(RandomGenerator rng, int pairs, Placement placement) {
        if (pairs < 1 || pairs > maximumPairs()) {
            throw new IllegalArgumentException("setting 'pairs': " + pairs + " pairs do not fit: need 1 to "
                    + maximumPairs() + " (two distinct ids per pair, idCount " + ids.size() + ")");
        }
        return build(rng, pairs, placement);
    }

    /**
     * {@inheritDoc} Follow-ups ask for other pairs' values; {@link #followUpTokens} bounds the tokens
     * they add.
     */
    @Override
    public AskedSample sampleAsked(RandomGenerator rng, int length, int questions) {
        if (questions < 1) {
            throw new IllegalArgumentException("setting 'questions': must be >= 1, got " + questions);
        }
        int pairs = pairsFitting(length);
        if (length < minimumLength() || pairs > maximumPairs()) {
            sample(rng, length, Placement.uniform());   // throws with the reason
        }
        List<Integer> offsets = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        TaskSample first = build(rng, pairs, Placement.uniform(), keys, values, offsets);
        return AskedSample.drawFollowUps(rng, first, pairs, questions, i -> new AskedSample.FollowUp(
                tokenizer.encode(Templates.KV_QUESTION.formatted(keys.get(i))), tokenizer.encode(values.get(i)),
                offsets.get(i)));
    }

    @Override
    public int followUpTokens(int count) {
        return count * (longestQuestion + longestValue + 1);
    }

    private TaskSample build(RandomGenerator rng, int n, Placement placement) {
        return build(rng, n, placement, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** As above, also listing each pair's key, value and the offset of its value in the prompt. */
    private TaskSample build(RandomGenerator rng, int n, Placement placement, List<String> keys, List<String> values,
                             List<Integer> valueOffsets) {
        if (placement instanceof Placement.Depth) {
            throw new IllegalArgumentException("setting 'placement': kv takes a position or uniform, not a depth");
        }
        Draws.Shuffle<String> draws = Draws.shuffle(ids, rng);
        for (int i = 0; i < n; i++) {
            keys.add(draws.next());
            values.add(draws.next());
        }
        int gold = placement instanceof Placement.Position p ? p.index(n) : rng.nextInt(n);
        PromptBuilder prompt = new PromptBuilder(tokenizer);
        prompt.appendToken(tokenizer.specialTokens().bos());
        prompt.append(Templates.KV_HEADER);
        prompt.append("{");
        int goldOffset = -1;
        for (int i = 0; i < n; i++) {
            int[] pair = pairTokens(keys.get(i), values.get(i), i == n - 1);
            int start = prompt.append(pair);
            valueOffsets.add(start + tokenizer.encode(keys.get(i) + " :").length);
            if (i == gold) {
                goldOffset = valueOffsets.get(i);
            }
        }
        prompt.append(Templates.KV_QUESTION.formatted(keys.get(gold)));
        String answer = values.get(gold);
        return new TaskSample(Tasks.KV, prompt.toArray(), tokenizer.encode(answer), answer, goldOffset, gold, n,
                n == 1 ? 0.0 : (double) gold / (n - 1), null);
    }

    private int[] pairTokens(String key, String value, boolean last) {
        return tokenizer.encode(key + " : " + value + (last ? " }" : " ,") + " ");
    }
}
