package org.creamlab.experiment;

import java.lang.annotation.Annotation;
import org.creamlab.metric.Endpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything declared on an {@link Experiment} class: name, description, parameters, seeds.
 *
 * @param name the experiment name
 * @param description one sentence
 * @param type the class, an {@link ExperimentBody}
 * @param params the parameter declarations, in annotation order
 * @param seeds the declared seeds
 * @param seedLimits points that run with fewer of the seeds ({@link SeedLimit})
 * @param endpoints the primary endpoints declared before any run ({@link PrimaryEndpoint}), in order
 * @param skips points left out of the sweep ({@link SkipPoint})
 */
public record ExperimentDescriptor(String name, String description, Class<? extends ExperimentBody> type,
                                   List<ParamSpec> params, List<Long> seeds, List<SeedLimitSpec> seedLimits,
                                   List<Endpoint> endpoints, List<SkipSpec> skips) {

    public ExperimentDescriptor {
        params = List.copyOf(params);
        seeds = List.copyOf(seeds);
        seedLimits = List.copyOf(seedLimits);
        endpoints = List.copyOf(endpoints);
        skips = List.copyOf(skips);
    }

    /** A descriptor without seed limits or endpoints. */
    public ExperimentDescriptor(String name, String description, Class<? extends ExperimentBody> type,
                                List<ParamSpec> params, List<Long> seeds) {
        this(name, description, type, params, seeds, List.of(), List.of(), List.of());
    }

    /** Reads the annotations of an experiment class. */
    public static ExperimentDescriptor of(Class<?> type) {
        Experiment e = type.getAnnotation(Experiment.class);
        if (e == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Experiment annotation");
        }
        if (!ExperimentBody.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("@Experiment class " + type.getName() + " must implement "
                    + ExperimentBody.class.getSimpleName());
        }
        List<ParamSpec> params = new ArrayList<>();
        // parameters of composed annotations first (JUnit-style meta-annotations), e.g. a shared @BaseParams
        for (Annotation a : type.getAnnotations()) {
            for (Param p : a.annotationType().getAnnotationsByType(Param.class)) {
                if (params.stream().anyMatch(q -> q.name().equals(p.name()))) {
                    throw new IllegalArgumentException("experiment '" + e.name() + "' gets parameter '" + p.name()
                            + "' from two composed annotations");
                }
                params.add(ParamSpec.of(p));
            }
        }
        // the class's own parameters; one named like a composed one replaces it in place (class > composed)
        Set<String> own = new HashSet<>();
        for (Param p : type.getAnnotationsByType(Param.class)) {
            if (!own.add(p.name())) {
                throw new IllegalArgumentException("experiment '" + e.name() + "' declares parameter '" + p.name() + "' twice");
            }
            int at = -1;
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i).name().equals(p.name())) {
                    at = i;
                }
            }
            if (at >= 0) {
                params.set(at, ParamSpec.of(p));
                continue;
            }
            params.add(ParamSpec.of(p));
        }
        Seeds s = type.getAnnotation(Seeds.class);
        List<Long> seeds = s == null ? List.of(1L) : Arrays.stream(s.value()).boxed().toList();
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("experiment '" + e.name() + "' declares no seeds");
        }
        @SuppressWarnings("unchecked")
        Class<? extends ExperimentBody> body = (Class<? extends ExperimentBody>) type;
        List<SeedLimitSpec> limits = Arrays.stream(type.getAnnotationsByType(SeedLimit.class)).map(SeedLimitSpec::of).toList();
        SeedLimitSpec.check(e.name(), limits, params);
        List<Endpoint> endpoints = Arrays.stream(type.getAnnotationsByType(PrimaryEndpoint.class)).map(ep -> Endpoint.of(ep.name(), ep.task(), ep.beyondWindow(), ep.positions())).toList();
        List<SkipSpec> skips = Arrays.stream(type.getAnnotationsByType(SkipPoint.class))
                .map(skip -> SkipSpec.of(e.name(), skip, params)).toList();
        return new ExperimentDescriptor(e.name(), e.description(), body, params, seeds, limits, endpoints, skips);
    }

    /** The declaration of one parameter. */
    public Optional<ParamSpec> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** A multi-line listing: name, description, each parameter with defaults and allowed values, seeds. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(": ").append(description).append('\n');
        for (ParamSpec p : params) {
            sb.append("    -Dp.").append(p.name()).append('=').append(String.join(",", p.defaults()))
                    .append("    (").append(p.describeAllowed()).append(')');
            if (!p.description().isBlank()) {
                sb.append("  ").append(p.description());
            }
            sb.append('\n');
        }
        sb.append("    -Dseeds=").append(seeds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""))
                .append('\n');
        seedLimits.forEach(l -> sb.append("    (points with ").append(l.param()).append('=').append(l.value())
                .append(" run the first ").append(l.seeds()).append(" seed(s) only)\n"));
        skips.forEach(k -> sb.append("    (points with ").append(k.conditions()).append(" are left out)\n"));
        endpoints.forEach(ep -> sb.append("    primary endpoint: ").append(ep.describe()).append('\n'));
        return sb.toString();
    }
}
