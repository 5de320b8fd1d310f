package org.creamlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Filler prose from a small grammar of the project's own: the haystack of the needle task and the
 * language-modelling part of training documents. Sentences follow one of four patterns over fixed
 * word lists; no sentence contains a digit, a line key or an id, so filler never holds an answer.
 * Stateless; every draw comes from the caller's generator.
 */
public final class FillerGrammar {

    static final List<String> NAMES = List.of("anna", "bruno", "clara", "david", "emma", "felix", "greta",
            "hugo", "ida", "jonas", "karla", "leon");
    static final List<String> ADJECTIVES = List.of("old", "young", "quiet", "busy", "small", "large", "dark",
            "bright", "warm", "cold", "slow", "quick");
    static final List<String> NOUNS = List.of("river", "garden", "house", "road", "forest", "market", "bridge",
            "village", "hill", "window", "boat", "letter", "field", "tower", "song", "lamp");
    static final List<String> VERBS = List.of("sees", "finds", "builds", "paints", "carries", "follows",
            "watches", "opens", "leaves", "visits");
    static final List<String> PLACES = List.of("near", "behind", "under", "beside", "across");
    static final List<String> TIMES = List.of("in the morning", "at night", "every day", "after the rain",
            "before winter");

    /** Every word the grammar can emit. */
    public static List<String> words() {
        List<String> words = new ArrayList<>();
        words.addAll(NAMES);
        words.addAll(ADJECTIVES);
        words.addAll(NOUNS);
        words.addAll(VERBS);
        words.addAll(PLACES);
        for (String t : TIMES) {
            words.addAll(List.of(t.split(" ")));
        }
        words.addAll(List.of("the", "a", "and", "walks", "to", "is"));
        return words;
    }

    /** One sentence ending in {@code " . "}, 6 to 10 tokens. */
    public String sentence(RandomGenerator rng) {
        return switch (rng.nextInt(4)) {
            case 0 -> "the " + pick(rng, ADJECTIVES) + " " + pick(rng, NOUNS) + " " + pick(rng, VERBS) + " the "
                    + pick(rng, NOUNS) + " . ";
            case 1 -> pick(rng, NAMES) + " " + pick(rng, VERBS) + " a " + pick(rng, NOUNS) + " " + pick(rng, PLACES)
                    + " the " + pick(rng, NOUNS) + " . ";
            case 2 -> pick(rng, NAMES) + " and " + pick(rng, NAMES) + " walks to the " + pick(rng, NOUNS) + " "
                    + pick(rng, TIMES) + " . ";
            default -> "the " + pick(rng, NOUNS) + " " + pick(rng, PLACES) + " the " + pick(rng, NOUNS) + " is "
                    + pick(rng, ADJECTIVES) + " . ";
        };
    }

    private static String pick(RandomGenerator rng, List<String> words) {
        return words.get(rng.nextInt(words.size()));
    }
}
