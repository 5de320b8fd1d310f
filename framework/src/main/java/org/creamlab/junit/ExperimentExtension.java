package org.creamlab.junit;

import org.creamlab.experiment.ExperimentSession;
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
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(ClosingSession.class, key -> new ClosingSession(ExperimentSession.fromSystemProperties()),
                        ClosingSession.class)
                .session();
    }

    /** Closed by JUnit at the end of the session: writes Allure's environment.properties, then closes the session. */
    private record ClosingSession(ExperimentSession session) implements AutoCloseable {
        @Override
        public void close() {
            if (session.provenance() != null) {
                AllureRunRecorder.writeEnvironment(session.settings(), session.provenance());
            }
            session.close();
        }
    }
}
