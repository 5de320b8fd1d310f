package org.creamlab.data;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} (the file real models ship) behind {@link Tokenizer}, through
 * DJL's tokenizers library, offline.
 *
 * <p>Encoding never adds special tokens; decoding keeps them. The vocabulary size and the special
 * token ids are read from the file itself (the model's vocabulary plus {@code added_tokens}), since
 * the DJL wrapper does not expose them; the caller names the special tokens, because their spelling
 * differs between models ({@code <s>}, {@code </s>}, {@code <unk>} for Llama). Holds a native
 * resource: close it.
 */
public final class HuggingFaceTokenizerAdapter implements Tokenizer, AutoCloseable {

    /**
     * How the special tokens are spelled in the file.
     *
     * @param pad e.g. {@code <unk>} for Llama, which has no pad token
     */
    public record SpecialNames(String pad, String bos, String eos, String unk) {

        /** Llama-2's names: pad is {@code <unk>}. */
        public static SpecialNames llama() {
            return new SpecialNames("<unk>", "<s>", "</s>", "<unk>");
        }
    }

    private final HuggingFaceTokenizer tokenizer;
    private final int vocabularySize;
    private final SpecialTokens specials;

    private HuggingFaceTokenizerAdapter(HuggingFaceTokenizer tokenizer, int vocabularySize, SpecialTokens specials) {
        this.tokenizer = tokenizer;
        this.vocabularySize = vocabularySize;
        this.specials = specials;
    }

    /**
     * Opens {@code tokenizerJson}.
     *
     * @throws IllegalArgumentException if the file has no token spelled like one of {@code names}
     * @throws UncheckedIOException if the file cannot be read
     */
    public static HuggingFaceTokenizerAdapter open(Path tokenizerJson, SpecialNames names) {
        Map<String, Integer> vocabulary = readVocabulary(tokenizerJson);
        int size = vocabulary.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        SpecialTokens specials = new SpecialTokens(idOf(vocabulary, names.pad(), "pad"),
                idOf(vocabulary, names.bos(), "bos"), idOf(vocabulary, names.eos(), "eos"),
                idOf(vocabulary, names.unk(), "unk"));
        try {
            HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
            return new HuggingFaceTokenizerAdapter(hf, size, specials);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + tokenizerJson, e);
        }
    }

    private static int idOf(Map<String, Integer> vocabulary, String name, String setting) {
        Integer id = vocabulary.get(name);
        if (id == null) {
            throw new IllegalArgumentException("setting '" + setting + "': token '" + name
                    + "' is not in the tokenizer's vocabulary");
        }
        return id;
    }

    /** The model vocabulary and added tokens of a {@code tokenizer.json}, token to id. */
    static Map<String, Integer> readVocabulary(Path tokenizerJson) {
        try (Reader reader = Files.newBufferedReader(tokenizerJson, StandardCharsets.UTF_8)) {
            JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
            Map<String, Integer> vocabulary = new HashMap<>();
            JsonElement vocab = root.getAsJsonObject("model").get("vocab");
            if (vocab != null && vocab.isJsonObject()) {
                vocab.getAsJsonObject().entrySet().forEach(e -> vocabulary.put(e.getKey(), e.getValue().getAsInt()));
            } else if (vocab != null && vocab.isJsonArray()) {
                for (int i = 0; i < vocab.getAsJsonArray().size(); i++) {
                    vocabulary.put(vocab.getAsJsonArray().get(i).getAsJsonArray().get(0).getAsString(), i);
                }
            }
            JsonElement added = root.get("added_tokens");
            if (added != null && added.isJsonArray()) {
                for (JsonElement t : added.getAsJsonArray()) {
                    JsonObject token = t.getAsJsonObject();
                    vocabulary.put(token.get("content").getAsString(), token.get("id").getAsInt());
                }
            }
            return vocabulary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + tokenizerJson, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a tokenizer.json: " + tokenizerJson + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public int[] encode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text to encode is null");
        }
        if (text.isEmpty()) {
            return new int[0];
        }
        Encoding encoding = tokenizer.encode(text, false, false);
        long[] ids = encoding.getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    @Override
    public String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return tokenizer.decode(longs, false);
    }

    @Override
    public int vocabularySize() {
        return vocabularySize;
    }

    @Override
    public SpecialTokens specialTokens() {
        return specials;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
