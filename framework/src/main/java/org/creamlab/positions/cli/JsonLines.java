package org.creamlab.positions.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.Segment;
import org.creamlab.positions.WindowExtension;
import org.creamlab.positions.coverage.BoundGroup;
import org.creamlab.positions.coverage.CoverageSummary;

/** Renders samples and coverage summaries as one-line JSON objects. */
final class JsonLines {

    private final Gson gson = new Gson();

    /**
     * {@code {"type":"sample","scheme","seed","index","variant","ids":[..],"segments":[..],"draws":{..}}},
     * plus {@code "tokens"} when asked.
     */
    String sample(PositionSample sample, long seed, int index, boolean withTokens) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "sample");
        o.addProperty("scheme", sample.scheme());
        o.addProperty("seed", seed);
        o.addProperty("index", index);
        o.addProperty("variant", sample.variant());
        o.add("ids", array(sample.positionIds()));
        JsonArray segments = new JsonArray();
        for (Segment s : sample.segments()) {
            JsonObject j = new JsonObject();
            j.addProperty("label", s.label());
            j.addProperty("start", s.start());
            j.addProperty("length", s.length());
            j.addProperty("firstId", s.firstPositionId());
            j.addProperty("lastId", s.lastPositionId());
            j.addProperty("firstToken", s.firstTokenOffset());
            segments.add(j);
        }
        o.add("segments", segments);
        JsonObject draws = new JsonObject();
        sample.draws().forEach(draws::addProperty);
        o.add("draws", draws);
        if (withTokens) {
            o.addProperty("documentLength", sample.documentLength());
            o.add("tokens", array(sample.tokenOffsets()));
        }
        return gson.toJson(o);
    }

    /** {@code {"type":"coverage","scheme","seed","window","factor",...summary fields}}. */
    String coverage(String scheme, long seed, WindowExtension extension, CoverageSummary summary) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "coverage");
        o.addProperty("scheme", scheme);
        o.addProperty("seed", seed);
        o.addProperty("window", extension.window());
        o.addProperty("factor", extension.factor());
        o.addProperty("targetLength", summary.targetLength());
        o.addProperty("samples", summary.samples());
        o.addProperty("coveredFraction", round(summary.coveredFraction()));
        o.addProperty("meanSize", round(summary.meanSize()));
        o.addProperty("meanBound", round(summary.meanBound()));
        o.addProperty("atBoundFraction", round(summary.atBoundFraction()));
        JsonObject groups = new JsonObject();
        for (BoundGroup g : BoundGroup.values()) {
            groups.addProperty(g.name(), summary.groups().getOrDefault(g, 0));
        }
        o.add("theoremB1Groups", groups);
        JsonArray bins = new JsonArray();
        summary.binRates().forEach(rate -> bins.add(round(rate)));
        o.add("binRates", bins);
        return gson.toJson(o);
    }

    /** {@code {"type":"scheme","name","settings":[..]}}. */
    String scheme(String name, Iterable<String> settings) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "scheme");
        o.addProperty("name", name);
        JsonArray names = new JsonArray();
        settings.forEach(names::add);
        o.add("settings", names);
        return gson.toJson(o);
    }

    private static JsonArray array(int[] values) {
        JsonArray a = new JsonArray(values.length);
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
