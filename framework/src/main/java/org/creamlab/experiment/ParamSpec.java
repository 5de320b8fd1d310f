package org.creamlab.experiment;

import java.util.List;
import java.util.Locale;

/**
 * A parameter's declaration, read from {@link Param}: its default values and what it accepts.
 *
 * @param name the parameter name
 * @param defaults the annotation's values, in order
 * @param type the value type
 * @param allowed the only accepted values, or empty for any value of the type
 * @param min smallest numeric value (inclusive)
 * @param max largest numeric value (inclusive)
 * @param description what it means
 */
public record ParamSpec(String name, List<String> defaults, ParamType type, List<String> allowed,
                        double min, double max, String description) {

    public ParamSpec {
        defaults = List.copyOf(defaults);
        allowed = List.copyOf(allowed);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a @Param needs a name");
        }
        if (defaults.isEmpty()) {
            throw new IllegalArgumentException("@Param '" + name + "' needs at least one value");
        }
    }

    static ParamSpec of(Param p) {
        return new ParamSpec(p.name(), List.of(p.values()), p.type(), List.of(p.allowed()), p.min(), p.max(),
                p.description());
    }

    /**
     * Checks one value.
     *
     * @throws InvalidParameterException naming the experiment, this parameter and what it allows
     */
    public void validate(String experiment, String value) {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidParameterException(
                    "experiment '" + experiment + "', parameter '" + name + "': " + problem + "; allowed: " + describeAllowed());
        }
    }

    /** Human-readable description of the accepted values. */
    public String describeAllowed() {
        if (!allowed.isEmpty()) {
            return String.join(", ", allowed);
        }
        String range = range();
        return switch (type) {
            case STRING -> "any text";
            case BOOLEAN -> "true, false";
            case INT -> "integers" + range;
            case DOUBLE -> "numbers" + range;
        };
    }

    private String range() {
        boolean lo = min != Double.NEGATIVE_INFINITY;
        boolean hi = max != Double.POSITIVE_INFINITY;
        if (!lo && !hi) {
            return "";
        }
        return " in [" + (lo ? format(min) : "-inf") + ", " + (hi ? format(max) : "inf") + "]";
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private String problemWith(String value) {
        if (value == null || value.isBlank()) {
            return "empty value";
        }
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            return "'" + value + "' is not an allowed value";
        }
        double numeric;
        switch (type) {
            case STRING:
                return null;
            case BOOLEAN: {
                String v = value.toLowerCase(Locale.ROOT);
                return v.equals("true") || v.equals("false") ? null : "'" + value + "' is not a boolean";
            }
            case INT:
                try {
                    numeric = Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    return "'" + value + "' is not an integer";
                }
                break;
            case DOUBLE:
                try {
                    numeric = Double.parseDouble(value.trim());
                } catch (NumberFormatException e) {
                    return "'" + value + "' is not a number";
                }
                if (Double.isNaN(numeric)) {
                    return "NaN is not a number";
                }
                break;
            default:
                throw new IllegalStateException(type.toString());
        }
        if (numeric < min || numeric > max) {
            return "'" + value + "' is out of range";
        }
        return null;
    }
}
