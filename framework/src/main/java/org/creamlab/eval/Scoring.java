package org.creamlab.eval;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creamlab.data.Tasks;

/**
 * The published scorers, on decoded model output. Each returns a score in [0, 1]; a sample counts as
 * correct when its score is 1.
 */
public final class Scoring {

    private static final Pattern INTEGER = Pattern.compile("\\d+");

    private Scoring() {}

    /**
     * LongChat-Lines as the CREAM code scores it (spec 5.1): the FIRST integer in the output
     * ({@code re.findall("\d+")[0]}) equals the expected number; no integer scores 0.
     */
    public static double firstInteger(String output, String expectedNumber) {
        Matcher m = INTEGER.matcher(output);
        if (!m.find()) {
            return 0;
        }
        return new BigInteger(m.group()).equals(new BigInteger(expectedNumber)) ? 1 : 0;
    }

    /** Lost-in-the-middle key-value (spec 5.2): the gold value, lower-cased, is a substring of the output. */
    public static double substringIgnoreCase(String output, String gold) {
        return output.toLowerCase(Locale.ROOT).contains(gold.toLowerCase(Locale.ROOT)) ? 1 : 0;
    }

    /**
     * RULER's {@code string_match_all}: the fraction of references that are case-insensitive substrings
     * of the output (RULER reports it x 100).
     */
    public static double stringMatchAll(String output, List<String> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("string_match_all needs at least one reference");
        }
        double hits = 0;
        for (String r : references) {
            hits += substringIgnoreCase(output, r);
        }
        return hits / references.size();
    }

    /** The published scorer of {@code task} applied to {@code output}. */
    public static double score(String task, String output, String answer) {
        return switch (task) {
            case Tasks.LINES -> firstInteger(output, answer);
            case Tasks.KV -> substringIgnoreCase(output, answer);
            case Tasks.NEEDLE, Tasks.PASSKEY -> stringMatchAll(output, List.of(answer));
            default -> throw new IllegalArgumentException("setting 'task': no scorer for '" + task + "'");
        };
    }
}
