package org.creamlab.positions.pose;

import java.util.Set;
import org.creamlab.positions.PositionScheme;
import org.creamlab.positions.PositionSchemeFactory;
import org.creamlab.positions.SchemeSettings;
import org.creamlab.positions.WindowExtension;

/** Builds {@link PoseScheme}s from {@link PoseOptions#SETTING_NAMES}. */
public final class PoseSchemeFactory implements PositionSchemeFactory {

    @Override
    public String name() {
        return PoseScheme.NAME;
    }

    @Override
    public Set<String> settingNames() {
        return PoseOptions.SETTING_NAMES;
    }

    @Override
    public PositionScheme create(WindowExtension extension, SchemeSettings settings) {
        return new PoseScheme(extension, PoseOptions.from(settings));
    }
}
