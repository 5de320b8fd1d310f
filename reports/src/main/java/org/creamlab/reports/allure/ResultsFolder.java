package org.creamlab.reports.allure;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.creamlab.junit.AllureRunRecorder;

/**
 * An Allure results folder: reads the results in it, writes results and attachments with names
 * derived from stable keys (so writing the same thing twice replaces it instead of duplicating it).
 */
public final class ResultsFolder {

    /** Label marking results this module wrote from the store; they are rewritten on every build. */
    public static final String SOURCE_LABEL = "creamlab.source";
    public static final String FROM_STORE = "store";

    private final Path dir;
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    public ResultsFolder(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Every {@code *-result.json}, sorted by file name. */
    public List<Path> resultFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList();
        }
    }

    public JsonObject read(Path file) throws IOException {
        return gson.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
    }

    public void rewrite(Path file, JsonObject result) throws IOException {
        Files.writeString(file, gson.toJson(result), StandardCharsets.UTF_8);
    }

    /** Run ids carried by results that did not come from the store (JUnit runs). */
    public Set<Long> testRunIds() throws IOException {
        Set<Long> ids = new HashSet<>();
        for (Path f : resultFiles()) {
            JsonObject r = read(f);
            String id = label(r, AllureRunRecorder.RUN_ID_LABEL);
            if (id != null && !FROM_STORE.equals(label(r, SOURCE_LABEL))) {
                ids.add(Long.parseLong(id));
            }
        }
        return ids;
    }

    /** Writes an attachment named after {@code key}; returns its Allure attachment object. */
    public JsonObject attach(String key, String name, String type, String extension, byte[] content) throws IOException {
        String source = uuid(key) + "-attachment." + extension;
        Files.write(dir.resolve(source), content);
        JsonObject a = new JsonObject();
        a.addProperty("name", name);
        a.addProperty("source", source);
        a.addProperty("type", type);
        return a;
    }

    /** Writes {@code result} as {@code <uuid(key)>-result.json}, setting its {@code uuid}. */
    public Path write(String key, JsonObject result) throws IOException {
        String uuid = uuid(key);
        result.addProperty("uuid", uuid);
        Path file = dir.resolve(uuid + "-result.json");
        Files.writeString(file, gson.toJson(result), StandardCharsets.UTF_8);
        return file;
    }

    /** Writes a plain file into the folder ({@code categories.json}, {@code environment.properties}). */
    public void writeFile(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    public String toJson(Object value) {
        return gson.toJson(value);
    }

    static String uuid(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The value of the first label named {@code name}, or null. */
    public static String label(JsonObject result, String name) {
        JsonArray labels = result.getAsJsonArray("labels");
        if (labels == null) {
            return null;
        }
        for (JsonElement e : labels) {
            JsonObject l = e.getAsJsonObject();
            if (name.equals(l.get("name").getAsString())) {
                return l.get("value").getAsString();
            }
        }
        return null;
    }

    /** {@code [{"name": n, "value": v}, ...]} from alternating names and values. */
    public static JsonArray pairs(String... namesAndValues) {
        JsonArray out = new JsonArray();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            out.add(pair(namesAndValues[i], namesAndValues[i + 1]));
        }
        return out;
    }

    public static JsonObject pair(String name, String value) {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("value", value);
        return o;
    }

    /** All attachment objects as a JSON array. */
    public static JsonArray array(List<JsonObject> items) {
        JsonArray a = new JsonArray();
        new ArrayList<>(items).forEach(a::add);
        return a;
    }
}
