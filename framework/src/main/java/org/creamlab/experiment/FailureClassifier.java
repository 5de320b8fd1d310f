package org.creamlab.experiment;

import java.util.Locale;
import org.creamlab.store.FailureCategory;

/** Maps a run's exception to a {@link FailureCategory}. */
public final class FailureClassifier {

    private FailureClassifier() {}

    public static FailureCategory classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClassifiedFailure c) {
                return c.category();
            }
            if (t instanceof OutOfMemoryError) {
                return FailureCategory.OUT_OF_MEMORY;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("out of memory") || message.contains("cannot allocate memory")) {
                return FailureCategory.OUT_OF_MEMORY;
            }
            if (t instanceof InvalidParameterException) {
                return FailureCategory.INVALID_CONFIGURATION;
            }
        }
        return FailureCategory.ERROR;
    }
}
