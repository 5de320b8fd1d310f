package org.creamlab.rope;

/**
 * Builds one kind of {@link RopeScaling} from the experiment's factor {@code s} and the pre-trained
 * window {@code N}. Bound by name in {@link RopeModule}; looked up through {@link RopeScalings}.
 */
public interface RopeScalingFactory {

    /** The registry name, equal to the built scaling's {@link RopeScaling#name()}. */
    String name();

    /**
     * @param factor {@code s = L / N} (ignored by {@code none})
     * @param originalWindow {@code N} (used by YaRN and dynamic NTK)
     * @throws IllegalArgumentException naming the setting when a value is invalid
     */
    RopeScaling create(double factor, int originalWindow);
}
