package org.creamlab.junit;

import org.creamlab.config.Settings;
import org.creamlab.experiment.ExperimentRegistry;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method the {@link ExperimentSession}, one per JUnit session (kept in the root store,
 * which closes it at the end).
 */
public final class ExperimentExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExperimentExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ExperimentSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ExperimentSession.class,
                key -> new ExperimentSession(Settings.fromSystemProperties(),
                        ExperimentRegistry.fromClasspath(Thread.currentThread().getContextClassLoader()),
                        System.getProperties()),
                ExperimentSession.class);
    }
}
