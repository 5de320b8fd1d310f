package org.creamlab.reports.plots;

import java.util.SplittableRandom;
import org.creamlab.positions.PositionSampler;
import org.creamlab.positions.PositionScheme;
import org.creamlab.positions.PositionSchemes;
import org.creamlab.positions.SchemeSettings;
import org.creamlab.positions.WindowExtension;
import org.creamlab.positions.coverage.CoverageStatistics;

/**
 * How often each relative distance in {@code [0, L)} is trained by a scheme: the fraction of
 * {@code samples} draws (documents of length {@code L}, a fixed seed) whose relative-distance set
 * contains the distance.
 *
 * @param scheme the scheme's name
 * @param extension window and factor
 * @param samples draws
 * @param rates per distance, the fraction of draws that train it
 * @param coveredFraction fraction of distances trained at least once
 */
public record PositionCoverage(String scheme, WindowExtension extension, int samples, double[] rates,
                               double coveredFraction) {

    /** Draws {@code samples} position samples of {@code scheme} with the standard settings. */
    public static PositionCoverage of(String scheme, WindowExtension extension, int samples, long seed) {
        PositionScheme s = PositionSchemes.standard().create(scheme, extension, SchemeSettings.empty());
        PositionSampler sampler = s.sampler(new SplittableRandom(seed));
        int length = extension.targetLength();
        int documentLength = Math.max(s.minimumDocumentLength(), length);
        CoverageStatistics stats = new CoverageStatistics(length);
        for (int i = 0; i < samples; i++) {
            stats.add(sampler.next(documentLength));
        }
        long[] counts = stats.samplesPerDistance();
        double[] rates = new double[counts.length];
        for (int d = 0; d < counts.length; d++) {
            rates[d] = counts[d] / (double) samples;
        }
        return new PositionCoverage(scheme, extension, samples, rates, stats.summary(1).coveredFraction());
    }
}
