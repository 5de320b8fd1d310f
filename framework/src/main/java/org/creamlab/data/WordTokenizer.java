package org.creamlab.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's word-level tokenizer: one id per word of a closed vocabulary, readable in reports.
 *
 * <p>Layout of the ids, fixed by construction order: the special tokens {@code <pad> <bos> <eos>
 * <unk> <sep>} (ids 0-4), then the punctuation tokens and newline, then the number pieces of
 * {@link NumberPieces}, then the given words in their given order (duplicates dropped). The same
 * inputs always give the same ids.
 *
 * <p>Encoding splits text into newlines, special-token names such as {@code <bos>}, digit runs
 * (spelled as number pieces), words (letters and underscores, with hyphenated compounds such as
 * {@code happy-apple} kept whole), and single other characters; whitespace only separates. A word or
 * character outside the vocabulary becomes {@code <unk>}; empty or blank text gives no ids.
 * Decoding joins tokens with single spaces, except that a newline is written without spaces around
 * it and a number continuation piece is glued to the number before it. For ids without
 * {@code <unk>}, {@code encode(decode(ids))} returns {@code ids}.
 */
public final class WordTokenizer implements Tokenizer {

    /** Special token names in id order. */
    public static final List<String> SPECIALS = List.of("<pad>", "<bos>", "<eos>", "<unk>", "<sep>");
    /** Punctuation tokens, after the specials. */
    public static final List<String> PUNCTUATION = List.of("\n", ":", ",", ".", "?", "{", "}");

    private static final Pattern PIECES = Pattern.compile(
            "\\n|<[a-z]+>|[0-9]+|[A-Za-z_]+(?:-[A-Za-z_]+)*|[^\\s]");

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    private final NumberPieces numbers;
    private final SpecialTokens specials;
    private final int separator;

    private WordTokenizer(List<String> tokens, NumberPieces numbers) {
        this.tokens = List.copyOf(tokens);
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            map.put(tokens.get(i), i);
        }
        this.ids = Map.copyOf(map);
        this.numbers = numbers;
        this.specials = new SpecialTokens(0, 1, 2, 3);
        this.separator = 4;
    }

    /**
     * A tokenizer over the specials, punctuation, the number pieces and {@code words}.
     *
     * @throws IllegalArgumentException if a word is blank, contains whitespace, or would not survive
     *     encoding as one token
     */
    public static WordTokenizer of(NumberPieces numbers, Collection<String> words) {
        Set<String> all = new LinkedHashSet<>(SPECIALS);
        all.addAll(PUNCTUATION);
        all.addAll(numbers.vocabulary());
        for (String w : words) {
            Matcher m = PIECES.matcher(w == null ? "" : w);
            if (w == null || w.isBlank() || !m.matches() || w.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("vocabulary word '" + w
                        + "' is not a single word token (letters, '_' and inner '-' only)");
            }
            all.add(w);
        }
        return new WordTokenizer(new ArrayList<>(all), numbers);
    }

    /** The vocabulary of {@code lexicon}: its template and filler words, line keys and ids. */
    public static WordTokenizer forLexicon(Lexicon lexicon) {
        return of(lexicon.numbers(), lexicon.words());
    }

    /** Splits {@code text} into the word-level pieces this tokenizer assigns one id each. */
    public List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PIECES.matcher(text);
        while (m.find()) {
            String piece = m.group();
            if (Character.isDigit(piece.charAt(0))) {
                out.addAll(numbers.split(piece));
            } else {
                out.add(piece);
            }
        }
        return out;
    }

    @Override
    public int[] encode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text to encode is null");
        }
        List<String> pieces = pieces(text);
        int[] out = new int[pieces.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.getOrDefault(pieces.get(i), specials.unk());
        }
        return out;
    }

    @Override
    public String decode(int[] tokenIds) {
        StringBuilder s = new StringBuilder();
        boolean previousIsNumber = false;
        for (int id : tokenIds) {
            String t = token(id);
            boolean continuation = t.startsWith(NumberPieces.CONTINUATION);
            if (continuation && previousIsNumber) {
                s.append(t, NumberPieces.CONTINUATION.length(), t.length());
            } else if (t.equals("\n")) {
                trimTrailingSpace(s);
                s.append('\n');
            } else {
                if (s.length() > 0 && s.charAt(s.length() - 1) != '\n') {
                    s.append(' ');
                }
                s.append(t);
            }
            previousIsNumber = continuation || Character.isDigit(t.charAt(0));
        }
        return s.toString();
    }

    private static void trimTrailingSpace(StringBuilder s) {
        while (s.length() > 0 && s.charAt(s.length() - 1) == ' ') {
            s.setLength(s.length() - 1);
        }
    }

    /** The token string of {@code id}. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("token id " + id + " outside [0, " + tokens.size() + ")");
        }
        return tokens.get(id);
    }

    /** The id of a vocabulary token, or {@code <unk>}'s id. */
    public int id(String token) {
        return ids.getOrDefault(token, specials.unk());
    }

    /** Whether {@code token} is in the vocabulary. */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** Every token in id order. */
    public List<String> tokens() {
        return tokens;
    }

    /** The id of {@code <sep>}, used by copy warm-up data. */
    public int separator() {
        return separator;
    }

    /** How digit strings are spelled. */
    public NumberPieces numbers() {
        return numbers;
    }

    @Override
    public int vocabularySize() {
        return tokens.size();
    }

    @Override
    public SpecialTokens specialTokens() {
        return specials;
    }
}
