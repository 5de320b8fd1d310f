package org.creamlab.reports.allure;

import java.util.List;
import java.util.Map;

/**
 * Allure's {@code categories.json}: failed and broken runs classified as diverged, regression,
 * invalid configuration or out of memory by their message. Messages of runs known to the store
 * start with {@code [<failure category>]} (see {@link #tag}), which the patterns match first; the
 * rest catch the usual wording of results the store does not know.
 */
public final class Categories {

    private static final List<String> FAILED = List.of("failed", "broken");

    private Categories() {}

    /** The {@code [category] } prefix put before a stored failure's message. */
    public static String tag(String failureCategory) {
        return "[" + failureCategory + "] ";
    }

    /** The categories, in Allure's JSON shape (a list of objects). */
    public static List<Map<String, Object>> definitions() {
        return List.of(
                category("Diverged (loss became NaN or infinite)", "(?s).*(\\[diverged\\]|diverged|non-finite loss|loss is NaN).*"),
                category("Regression (below the stored baseline)", "(?s).*(\\[regression\\]|regression|below (its |the )?baseline).*"),
                category("Invalid configuration", "(?s).*(\\[invalid-configuration\\]|InvalidParameterException|invalid (setting|parameter|configuration)).*"),
                category("Out of memory", "(?s).*(\\[out-of-memory\\]|OutOfMemoryError|out of memory|cannot allocate memory).*"));
    }

    private static Map<String, Object> category(String name, String regex) {
        return Map.of("name", name, "messageRegex", regex, "matchedStatuses", FAILED);
    }
}
