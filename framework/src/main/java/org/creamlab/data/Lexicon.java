package org.creamlab.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The closed word lists of the synthetic corpus, from which {@link WordTokenizer#forLexicon} builds
 * the vocabulary deterministically.
 *
 * <p>Line keys are adjective-noun compounds such as {@code amber-falcon}, each ONE vocabulary token:
 * the miniature study found that two-token keys did not learn at this scale (see
 * docs/data-eval.md). Key-value ids are two-syllable strings such as {@code bako}, each one token;
 * keys and values of a sample are drawn distinct from the same pool.
 *
 * @param keyAdjectives how many of the built-in adjectives form line keys, 1 to 32
 * @param keyNouns how many of the built-in nouns form line keys, 1 to 32
 * @param idCount size of the key-value id pool, 2 to 4900
 * @param numbers how digit strings are spelled
 */
public record Lexicon(int keyAdjectives, int keyNouns, int idCount, NumberPieces numbers) {

    private static final List<String> ADJECTIVES = List.of("amber", "brave", "calm", "dusty", "eager", "fancy",
            "gentle", "hollow", "icy", "jolly", "keen", "lucky", "misty", "noble", "odd", "proud", "rapid",
            "shiny", "tidy", "upper", "vivid", "wild", "zesty", "bold", "crisp", "dim", "faint", "grand", "humble",
            "lazy", "merry", "plain");
    private static final List<String> NOUNS = List.of("falcon", "apple", "castle", "dragon", "engine", "feather",
            "guitar", "harbor", "island", "jacket", "kettle", "ladder", "mirror", "needle", "orchid", "pencil",
            "quartz", "rocket", "saddle", "tunnel", "violin", "wagon", "yacht", "zebra", "anchor", "basket",
            "candle", "dolphin", "fossil", "glacier", "helmet", "lantern");
    private static final String CONSONANTS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";

    public Lexicon {
        if (keyAdjectives < 1 || keyAdjectives > ADJECTIVES.size()) {
            throw new IllegalArgumentException("setting 'keyAdjectives' must be in [1, " + ADJECTIVES.size()
                    + "], got " + keyAdjectives);
        }
        if (keyNouns < 1 || keyNouns > NOUNS.size()) {
            throw new IllegalArgumentException("setting 'keyNouns' must be in [1, " + NOUNS.size() + "], got "
                    + keyNouns);
        }
        int syllables = CONSONANTS.length() * VOWELS.length();
        if (idCount < 2 || idCount > syllables * syllables) {
            throw new IllegalArgumentException("setting 'idCount' must be in [2, " + syllables * syllables
                    + "], got " + idCount);
        }
        if (numbers == null) {
            throw new IllegalArgumentException("setting 'numbers' is required");
        }
    }

    /**
     * The miniature default: 16 x 16 = 256 line keys, 512 ids, numbers in two-digit pieces (values
     * below 10,000 take at most two tokens); 1,102 tokens in all.
     */
    public static Lexicon miniature() {
        return new Lexicon(16, 16, 512, new NumberPieces(2));
    }

    /** The line keys, {@code keyAdjectives * keyNouns} compounds in a fixed order. */
    public List<String> lineKeys() {
        List<String> keys = new ArrayList<>();
        for (int n = 0; n < keyNouns; n++) {
            for (int a = 0; a < keyAdjectives; a++) {
                keys.add(ADJECTIVES.get(a) + "-" + NOUNS.get(n));
            }
        }
        return keys;
    }

    /**
     * The key-value id pool: {@code idCount} distinct two-syllable strings, enumerated in a fixed
     * scrambled order (index {@code i * 2731 mod 4900}) and skipping any that is another word of the
     * vocabulary.
     */
    public List<String> ids() {
        int syllables = CONSONANTS.length() * VOWELS.length();
        int combos = syllables * syllables;
        Set<String> reserved = new LinkedHashSet<>(FillerGrammar.words());
        reserved.addAll(templateWords());
        List<String> ids = new ArrayList<>(idCount);
        for (int i = 0; i < combos && ids.size() < idCount; i++) {
            int j = (int) ((long) i * 2731 % combos);
            String id = syllable(j / syllables) + syllable(j % syllables);
            if (!reserved.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.size() < idCount) {
            throw new IllegalArgumentException("setting 'idCount': only " + ids.size() + " ids are available");
        }
        return ids;
    }

    private static String syllable(int index) {
        return "" + CONSONANTS.charAt(index / VOWELS.length()) + VOWELS.charAt(index % VOWELS.length());
    }

    /** The words of the fixed task texts. */
    public static List<String> templateWords() {
        Set<String> words = new LinkedHashSet<>();
        for (String text : Templates.all()) {
            for (String piece : text.split("[\\s]+")) {
                if (!piece.isEmpty() && !piece.contains("%") && Character.isLetter(piece.charAt(0))) {
                    words.add(piece);
                }
            }
        }
        return new ArrayList<>(words);
    }

    /** Every word of the vocabulary beyond specials, punctuation and numbers, in id order. */
    public List<String> words() {
        Set<String> words = new LinkedHashSet<>(templateWords());
        words.addAll(FillerGrammar.words());
        words.addAll(lineKeys());
        words.addAll(ids());
        return new ArrayList<>(words);
    }
}
