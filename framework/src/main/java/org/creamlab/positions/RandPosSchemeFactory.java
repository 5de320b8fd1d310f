package org.creamlab.positions;

import java.util.Set;

/** Builds {@link RandPosScheme}s; it has no settings. */
public final class RandPosSchemeFactory implements PositionSchemeFactory {

    @Override
    public String name() {
        return RandPosScheme.NAME;
    }

    @Override
    public Set<String> settingNames() {
        return Set.of();
    }

    @Override
    public PositionScheme create(WindowExtension extension, SchemeSettings settings) {
        return new RandPosScheme(extension);
    }
}
