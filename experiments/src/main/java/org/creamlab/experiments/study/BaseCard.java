package org.creamlab.experiments.study;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recipe card of a shared base ({@code card.json} in its folder): what it is (configuration hash
 * and recipe), how good it is in-window, where it came from, and the SHA-256 of every file beside it,
 * checked before the base is used.
 *
 * @param name the folder name, {@code base-<hash>}
 * @param configurationHash {@link BaseRecipe#hash()}
 * @param recipe the full recipe
 * @param inWindowScores the in-window accuracies that passed the bar, by task
 * @param provenance how it was made: the exporting commit, date, pre-training engine and threads
 * @param sha256 hex SHA-256 of each file in the folder except the card, by file name
 */
public record BaseCard(String name, String configurationHash, BaseRecipe recipe, Map<String, Double> inWindowScores,
                       Map<String, String> provenance, Map<String, String> sha256) {

    /** The card's file name. */
    public static final String FILE = "card.json";
    /** The files a shared base must have besides its card. */
    public static final List<String> FILES = List.of("model.safetensors", "config.json", "tokenizer.json", "base.json");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public BaseCard {
        inWindowScores = Map.copyOf(inWindowScores);
        provenance = Map.copyOf(provenance);
        sha256 = Map.copyOf(sha256);
    }

    /**
     * Writes the card for the files now in {@code dir} (every file of {@link #FILES} must be there);
     * the card names the base {@code base-<hash>} wherever it is staged.
     */
    public static BaseCard write(Path dir, BaseRecipe recipe, Map<String, Double> scores, Map<String, String> provenance)
            throws IOException {
        Map<String, String> sums = new TreeMap<>();
        for (String f : FILES) {
            sums.put(f, sha256(dir.resolve(f)));
        }
        BaseCard card = new BaseCard("base-" + recipe.hash(), recipe.hash(), recipe, new TreeMap<>(scores),
                new TreeMap<>(provenance), sums);
        Files.writeString(dir.resolve(FILE), GSON.toJson(card) + "\n", StandardCharsets.UTF_8);
        return card;
    }

    /** Reads the card of {@code dir}. */
    public static BaseCard read(Path dir) throws IOException {
        return GSON.fromJson(Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8), BaseCard.class);
    }

    /**
     * Checks that {@code dir} holds the base this card describes: the hash matches {@code recipe} and
     * every listed file has its recorded SHA-256.
     *
     * @throws IllegalStateException naming the folder and the first file that differs
     */
    public void verify(Path dir, BaseRecipe expected) throws IOException {
        if (!configurationHash.equals(expected.hash())) {
            throw new IllegalStateException("base " + dir + ": its card is for configuration " + configurationHash
                    + ", not " + expected.hash());
        }
        for (String required : FILES) {
            if (!sha256.containsKey(required)) {
                throw new IllegalStateException("base " + dir + ": its card lists no checksum for " + required);
            }
        }
        for (Map.Entry<String, String> e : sha256.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("base " + dir + ": " + e.getKey() + " listed in its card is missing");
            }
            String actual = sha256(file);
            if (!actual.equals(e.getValue())) {
                throw new IllegalStateException("base " + dir + ": " + e.getKey() + " has SHA-256 " + actual
                        + " but its card records " + e.getValue() + " (changed or corrupted; restore it from git)");
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
