package org.creamlab.positions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creamlab.positions.PositionSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionsCliTest {

    /** Output, error text and exit status of one run. */
    record Result(int status, List<String> lines, String error) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new PositionsCli(PositionSchemes.standard()).run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        return new Result(status, text.isEmpty() ? List.of() : List.of(text.split("\n")),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsOneJsonObjectPerSample() {
        Result result = run("--scheme", "cream", "--window", "128", "--factor", "8", "--sigma", "3", "--seed", "1",
                "--count", "5");
        assertEquals(0, result.status(), result.error());
        assertEquals(5, result.lines().size());
        for (int i = 0; i < 5; i++) {
            JsonObject o = JsonParser.parseString(result.lines().get(i)).getAsJsonObject();
            assertEquals("sample", o.get("type").getAsString());
            assertEquals("cream", o.get("scheme").getAsString());
            assertEquals(i, o.get("index").getAsInt());
            assertEquals(128, o.getAsJsonArray("ids").size());
            assertEquals(0, o.getAsJsonArray("ids").get(0).getAsInt());
            assertEquals(1023, o.getAsJsonArray("ids").get(127).getAsInt());
            assertEquals(3, o.getAsJsonArray("segments").size());
        }
    }

    @Test
    void sameArgumentsSameOutputAndEachSchemeIndependentOfTheOthers() {
        Result first = run("--scheme", "cream,pose", "--window", "64", "--factor", "4", "--k", "8", "--seed", "3");
        Result second = run("--scheme", "cream,pose", "--window", "64", "--factor", "4", "--k", "8", "--seed", "3");
        Result poseOnly = run("--scheme", "pose", "--window", "64", "--factor", "4", "--seed", "3");
        assertEquals(first.lines(), second.lines());
        assertEquals(first.lines().subList(5, 10), poseOnly.lines());
    }

    @Test
    void coverageSummaryFollowsTheSamples() {
        Result result = run("--scheme", "pose", "--window", "32", "--factor", "4", "--count", "2", "--coverage",
                "--coverage-samples", "50", "--coverage-bins", "4", "--tokens");
        assertEquals(0, result.status(), result.error());
        assertEquals(3, result.lines().size());
        JsonObject sample = JsonParser.parseString(result.lines().get(0)).getAsJsonObject();
        assertEquals(32, sample.getAsJsonArray("tokens").size());
        JsonObject summary = JsonParser.parseString(result.lines().get(2)).getAsJsonObject();
        assertEquals("coverage", summary.get("type").getAsString());
        assertEquals(50, summary.get("samples").getAsInt());
        assertEquals(4, summary.getAsJsonArray("binRates").size());
        assertTrue(summary.get("meanSize").getAsDouble() <= summary.get("meanBound").getAsDouble());
    }

    @Test
    void badInputExitsWithTwoAndNamesTheSetting() {
        assertBad("unknown position scheme 'nope'", "--scheme", "nope");
        assertBad("factor f must be >= 2", "--factor", "1");
        assertBad("window N must be >= 3", "--window", "2");
        assertBad("sigma must be a finite number > 0", "--sigma", "0");
        assertBad("k (continuity head/tail length, 4f) = 32", "--window", "32", "--factor", "8", "--k", "4f");
        assertBad("unknown setting(s) [sigma]", "--scheme", "pose", "--sigma", "3");
        assertBad("--count must be an integer", "--count", "many");
        assertBad("documentLength 100 is shorter", "--document-length", "100");
        assertBad("expected a flag", "cream");
    }

    @Test
    void outputFlagWritesTheLinesToAFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("ids.jsonl");
        Result toFile = run("--scheme", "randpos", "--window", "16", "--factor", "4", "--output", file.toString());
        Result toStdout = run("--scheme", "randpos", "--window", "16", "--factor", "4");
        assertEquals(0, toFile.status(), toFile.error());
        assertTrue(toFile.lines().isEmpty(), "nothing on stdout");
        assertEquals(toStdout.lines(), Files.readAllLines(file));
        assertBad("cannot write --output", "--output", directory.resolve("missing/dir/x.jsonl").toString());
    }

    @Test
    void listAndHelp() {
        Result list = run("--list");
        assertEquals(0, list.status());
        assertEquals(PositionSchemes.standard().names().size(), list.lines().size());
        Result help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.lines().get(0).startsWith("usage: PositionsCli"));
    }

    private static void assertBad(String expectedMessage, String... args) {
        Result result = run(args);
        assertEquals(2, result.status(), "exit status for " + List.of(args));
        assertTrue(result.error().contains(expectedMessage), "stderr for " + List.of(args) + ": " + result.error());
        assertTrue(result.lines().isEmpty(), "nothing on stdout");
    }
}
