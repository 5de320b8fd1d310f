package org.creamlab.experiments.regression;

import java.util.List;
import org.creamlab.experiment.ClassifiedFailure;
import org.creamlab.store.FailureCategory;

/** Key accuracies fell below the stored baseline; the message names each metric, its baseline and the new value. */
public final class RegressionFailure extends AssertionError implements ClassifiedFailure {

    private static final long serialVersionUID = 1L;

    public RegressionFailure(List<RegressionBaseline.Drop> drops) {
        super("regression against experiments/regression-baseline.json:\n  "
                + String.join("\n  ", drops.stream().map(Object::toString).toList())
                + "\nIf the change is intended, update the baseline on purpose: mvn test -Dexperiment=regression -Dp.update=true");
    }

    @Override
    public FailureCategory category() {
        return FailureCategory.REGRESSION;
    }
}
