package org.creamlab.data;

import java.util.List;

/**
 * The fixed texts of the synthetic tasks: miniature versions of the published prompts (spec 5.1-5.3
 * and PoSE's passkey), shortened so that a prompt fits a 128-token window with room for the record.
 * Placeholders are filled by the generators; every word here is in the {@link Lexicon} vocabulary.
 */
public final class Templates {

    private Templates() {}

    /** LongChat-Lines header (spec 5.1, shortened). */
    public static final String LINES_HEADER =
            "below is a record of lines . remember the REGISTER_CONTENT of each line .\n";
    /**
     * One record line: {@code REGISTER_CONTENT of line <key> is <number>}. The number sits two tokens
     * after its key, as the value does in a kv pair.
     */
    public static final String LINE = "REGISTER_CONTENT of line %s is %s\n";
    /**
     * The question after the record; the answer (the number) follows the key directly. The key is
     * the question's last token on purpose: measured in docs/base-recipe.md, a 2-layer base learns
     * retrieval within a few hundred steps once the key sits right before the answer, and not in 1,500
     * steps when template tokens sit between them ({@code ... line <key> ? answer :}).
     */
    public static final String LINES_QUESTION =
            "now the record is over . what is the REGISTER_CONTENT of line %s";

    /** Key-value header (spec 5.2, shortened); the object follows as {@code { k : v , ... }}. */
    public static final String KV_HEADER = "extract the value of the key in the json object below .\n";
    /** The question after the object; the answer (the value id) follows the key, the last token (see {@link #LINES_QUESTION}). */
    public static final String KV_QUESTION = "\ncorresponding value of key %s";

    /** Needle description prefix (spec 5.3, shortened). */
    public static final String NEEDLE_HEADER =
            "there is an important information hidden in the text below . find it and remember it .\n";
    /** The needle sentence; the answer is the number. */
    public static final String NEEDLE = "the special magic number is %s . ";
    /** The needle question. */
    public static final String NEEDLE_QUESTION = "\nwhat is the special magic number ? answer :";

    /** PoSE passkey prefix (shortened). */
    public static final String PASSKEY_HEADER =
            "there is an important information hidden in the text below . find it and remember it .\n";
    /** PoSE's repeated filler, five sentences. */
    public static final List<String> PASSKEY_FILLER = List.of("the grass is green . ", "the sky is blue . ",
            "the sun is yellow . ", "here we go . ", "there and back again . ");
    /** PoSE's key sentence; the key appears twice, as in PoSE. */
    public static final String PASSKEY = "the pass key is %s . remember it . %s is the pass key . ";
    /** PoSE's question. */
    public static final String PASSKEY_QUESTION = "\nwhat is the pass key ? the pass key is";

    /** Every fixed text, for building the vocabulary. */
    public static List<String> all() {
        return List.of(LINES_HEADER, LINE, LINES_QUESTION, KV_HEADER, KV_QUESTION, NEEDLE_HEADER, NEEDLE,
                NEEDLE_QUESTION, PASSKEY_HEADER, String.join("", PASSKEY_FILLER), PASSKEY, PASSKEY_QUESTION);
    }
}
