package org.creamlab.positions;

import java.util.Set;

/**
 * Builds one kind of {@link PositionScheme} from experiment parameters. Factories are bound by
 * name in {@link PositionsModule} and looked up through {@link PositionSchemes}.
 */
public interface PositionSchemeFactory {

    /** The registry name of the schemes this factory builds. */
    String name();

    /** The setting names {@link #create} reads; others are ignored by this factory. */
    Set<String> settingNames();

    /**
     * Builds a scheme, validating every setting before returning.
     *
     * @throws IllegalArgumentException naming the setting when a value is invalid for this extension
     */
    PositionScheme create(WindowExtension extension, SchemeSettings settings);
}
