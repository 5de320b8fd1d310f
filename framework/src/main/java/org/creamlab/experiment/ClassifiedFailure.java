package org.creamlab.experiment;

import org.creamlab.store.FailureCategory;

/** An exception that knows which report category its failure belongs to (e.g. a diverged loss). */
public interface ClassifiedFailure {

    FailureCategory category();
}
