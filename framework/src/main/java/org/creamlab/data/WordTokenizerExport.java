package org.creamlab.data;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Writes a {@link WordTokenizer} as a Hugging Face {@code tokenizer.json} that the {@code tokenizers}
 * library (and DJL's {@code HuggingFaceTokenizer}) loads and that gives the same ids for every text:
 * <ul>
 *   <li>normalizer: a zero-width {@code Replace} that writes {@code " ##"} before each continuation
 *       piece of a digit run (the pieces are right-aligned, {@link NumberPieces#split});</li>
 *   <li>pre-tokenizer: spaces and tabs removed (newlines kept), then the word tokenizer's own
 *       piece pattern, with {@code ##digits} as one piece;</li>
 *   <li>model: {@code WordLevel} over the same vocabulary and ids, {@code <unk>} for the rest;</li>
 *   <li>the special tokens as added tokens; decoder: {@code WordPiece} (continuations glued).</li>
 * </ul>
 * Spacing around newlines differs in decoded text (the ids do not).
 */
public final class WordTokenizerExport {

    private WordTokenizerExport() {}

    /** The {@code tokenizer.json} text of {@code tokenizer}. */
    public static String json(WordTokenizer tokenizer) {
        int width = tokenizer.numbers().digitsPerPiece();
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", null);
        root.add("padding", null);
        JsonArray added = new JsonArray();
        for (String special : WordTokenizer.SPECIALS) {
            JsonObject t = new JsonObject();
            t.addProperty("id", tokenizer.id(special));
            t.addProperty("content", special);
            t.addProperty("single_word", false);
            t.addProperty("lstrip", false);
            t.addProperty("rstrip", false);
            t.addProperty("normalized", false);
            t.addProperty("special", true);
            added.add(t);
        }
        root.add("added_tokens", added);
        JsonObject continuation = new JsonObject();
        continuation.addProperty("type", "Replace");
        continuation.add("pattern", regex("(?<=[0-9])(?=(?:[0-9]{" + width + "})+(?![0-9]))"));
        continuation.addProperty("content", " " + NumberPieces.CONTINUATION);
        root.add("normalizer", continuation);
        JsonObject spaces = split("[^\\S\\n]+", "Removed");
        JsonObject pieces = split("\\n|<[a-z]+>|" + NumberPieces.CONTINUATION + "[0-9]+|[0-9]+|[A-Za-z_]+(?:-[A-Za-z_]+)*|[^\\s]",
                "Isolated");
        JsonObject pre = new JsonObject();
        pre.addProperty("type", "Sequence");
        JsonArray steps = new JsonArray();
        steps.add(spaces);
        steps.add(pieces);
        pre.add("pretokenizers", steps);
        root.add("pre_tokenizer", pre);
        root.add("post_processor", null);
        JsonObject decoder = new JsonObject();
        decoder.addProperty("type", "WordPiece");
        decoder.addProperty("prefix", NumberPieces.CONTINUATION);
        decoder.addProperty("cleanup", false);
        root.add("decoder", decoder);
        JsonObject model = new JsonObject();
        model.addProperty("type", "WordLevel");
        JsonObject vocab = new JsonObject();
        List<String> tokens = tokenizer.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            vocab.addProperty(tokens.get(i), i);
        }
        model.add("vocab", vocab);
        model.addProperty("unk_token", WordTokenizer.SPECIALS.get(tokenizer.specialTokens().unk()));
        root.add("model", model);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }

    private static JsonObject regex(String pattern) {
        JsonObject p = new JsonObject();
        p.addProperty("Regex", pattern);
        return p;
    }

    private static JsonObject split(String pattern, String behavior) {
        JsonObject s = new JsonObject();
        s.addProperty("type", "Split");
        s.add("pattern", regex(pattern));
        s.addProperty("behavior", behavior);
        s.addProperty("invert", false);
        return s;
    }
}
