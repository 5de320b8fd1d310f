package org.creamlab.bench;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code BENCH {json}} lines that {@code bench/run.sh} and {@code bench/table.py} parse: one
 * flat object per line, keys in insertion order, doubles as {@code %.6g} (non-finite as
 * {@code null}), other numbers as they print, everything else as a JSON string.
 */
final class BenchLines {

    private BenchLines() {}

    /** Prints {@code BENCH {json}} (flat object of numbers and strings) for bench/run.sh to join. */
    static void emit(Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder("BENCH {");
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append('"').append(e.getKey()).append("\": ");
            Object v = e.getValue();
            if (v instanceof Double dv) {
                sb.append(Double.isFinite(dv) ? String.format(Locale.ROOT, "%.6g", dv) : "null");
            } else if (v instanceof Number) {
                sb.append(v);
            } else {
                sb.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        System.out.println(sb.append('}'));
    }
}
