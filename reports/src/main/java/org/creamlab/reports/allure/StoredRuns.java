package org.creamlab.reports.allure;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creamlab.metric.Metric;
import org.creamlab.reports.summary.StudyRun;
import org.creamlab.store.StoredRun;

/** Converts stored runs for the summary and renders their metrics. */
public final class StoredRuns {

    private static final Gson GSON = new Gson();

    private StoredRuns() {}

    /** The run's parameters from its JSON object, values as text, in stored order. */
    public static Map<String, String> params(StoredRun run) {
        Map<String, String> out = new LinkedHashMap<>();
        if (run.paramsJson() == null || run.paramsJson().isBlank()) {
            return out;
        }
        JsonObject o = GSON.fromJson(run.paramsJson(), JsonObject.class);
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            JsonElement v = e.getValue();
            out.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
        }
        return out;
    }

    public static StudyRun study(StoredRun run, List<Metric> metrics) {
        return new StudyRun(run.id(), params(run), run.seed(), metrics);
    }

    /** The same CSV the JUnit recorder attaches ({@link Metric#csv}). */
    public static String csv(List<Metric> metrics) {
        return Metric.csv(metrics);
    }

    /** The last value of every final (unstepped) metric, keyed {@code name task=.. len=.. pos=.. depth=..}. */
    public static Map<String, Double> finals(List<Metric> metrics) {
        Map<String, Double> last = new LinkedHashMap<>();
        for (Metric m : metrics) {
            if (m.step() == null) {
                last.put(m.label(), m.value());
            }
        }
        return last;
    }

}
