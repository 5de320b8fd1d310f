package org.creamlab.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creamlab.experiment.index.ExperimentIndexProcessor;

/** All experiments on the classpath, by name (from the build-time index). */
public final class ExperimentRegistry {

    private final Map<String, ExperimentDescriptor> byName;

    public ExperimentRegistry(List<ExperimentDescriptor> experiments) {
        Map<String, ExperimentDescriptor> map = new TreeMap<>();
        for (ExperimentDescriptor d : experiments) {
            ExperimentDescriptor previous = map.put(d.name(), d);
            if (previous != null && previous.type() != d.type()) {
                throw new IllegalStateException("experiment name '" + d.name() + "' is used by both "
                        + previous.type().getName() + " and " + d.type().getName());
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** Reads every index resource visible to the class loader. */
    public static ExperimentRegistry fromClasspath(ClassLoader loader) {
        List<ExperimentDescriptor> found = new ArrayList<>();
        try {
            Enumeration<URL> indexes = loader.getResources(ExperimentIndexProcessor.INDEX);
            while (indexes.hasMoreElements()) {
                URL url = indexes.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (!line.isBlank()) {
                            found.add(ExperimentDescriptor.of(Class.forName(line.trim(), false, loader)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the experiment index", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the experiment index names a missing class (rebuild): " + e.getMessage(), e);
        }
        return new ExperimentRegistry(found);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public List<ExperimentDescriptor> all() {
        return List.copyOf(byName.values());
    }

    /** @throws UnknownExperimentException listing the known names */
    public ExperimentDescriptor get(String name) {
        ExperimentDescriptor d = byName.get(name);
        if (d == null) {
            throw new UnknownExperimentException(name, names());
        }
        return d;
    }

    /**
     * Resolves a comma list of names, in order.
     *
     * @throws UnknownExperimentException for the first unknown name
     */
    public List<ExperimentDescriptor> select(String commaList) {
        List<ExperimentDescriptor> selected = new ArrayList<>();
        for (String n : SweepOverrides.split(commaList)) {
            selected.add(get(n));
        }
        if (selected.isEmpty()) {
            throw new UnknownExperimentException(commaList, names());
        }
        return selected;
    }
}
