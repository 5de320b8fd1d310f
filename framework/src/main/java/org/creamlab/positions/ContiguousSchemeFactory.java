package org.creamlab.positions;

import java.util.Set;

/** Builds one of the two {@link ContiguousScheme} baselines; they have no settings. */
public final class ContiguousSchemeFactory implements PositionSchemeFactory {

    private final ContiguousScheme.Span span;

    public ContiguousSchemeFactory(ContiguousScheme.Span span) {
        if (span == null) {
            throw new IllegalArgumentException("span is required");
        }
        this.span = span;
    }

    @Override
    public String name() {
        return span == ContiguousScheme.Span.WINDOW ? ContiguousScheme.WINDOW_NAME : ContiguousScheme.FULL_NAME;
    }

    @Override
    public Set<String> settingNames() {
        return Set.of();
    }

    @Override
    public PositionScheme create(WindowExtension extension, SchemeSettings settings) {
        return new ContiguousScheme(extension, span);
    }
}
