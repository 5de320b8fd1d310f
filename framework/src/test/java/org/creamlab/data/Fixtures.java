package org.creamlab.data;

/** Shared miniature vocabulary and generators for the data tests. */
final class Fixtures {

    static final Lexicon LEXICON = Lexicon.miniature();
    static final WordTokenizer TOKENIZER = WordTokenizer.forLexicon(LEXICON);
    static final TaskGenerators TASKS = TaskGenerators.miniature(TOKENIZER, LEXICON);

    private Fixtures() {}

    /** Number of places {@code needle} occurs in {@code haystack} as a contiguous run. */
    static int occurrences(int[] haystack, int[] needle) {
        int count = 0;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (matchesAt(haystack, needle, i)) {
                count++;
            }
        }
        return count;
    }

    static boolean matchesAt(int[] haystack, int[] needle, int at) {
        for (int j = 0; j < needle.length; j++) {
            if (haystack[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
