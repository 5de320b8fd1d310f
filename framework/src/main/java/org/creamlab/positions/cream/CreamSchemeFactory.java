package org.creamlab.positions.cream;

import java.util.Set;
import org.creamlab.positions.PositionScheme;
import org.creamlab.positions.PositionSchemeFactory;
import org.creamlab.positions.SchemeSettings;
import org.creamlab.positions.WindowExtension;

/** Builds {@link CreamScheme}s from {@link CreamOptions#SETTING_NAMES}. */
public final class CreamSchemeFactory implements PositionSchemeFactory {

    @Override
    public String name() {
        return CreamScheme.NAME;
    }

    @Override
    public Set<String> settingNames() {
        return CreamOptions.SETTING_NAMES;
    }

    @Override
    public PositionScheme create(WindowExtension extension, SchemeSettings settings) {
        return new CreamScheme(extension, CreamOptions.from(settings));
    }
}
