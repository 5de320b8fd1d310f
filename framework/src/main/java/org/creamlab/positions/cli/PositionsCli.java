package org.creamlab.positions.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.creamlab.positions.PositionSampler;
import org.creamlab.positions.PositionScheme;
import org.creamlab.positions.PositionSchemes;
import org.creamlab.positions.SchemeSettings;
import org.creamlab.positions.WindowExtension;
import org.creamlab.positions.coverage.CoverageStatistics;

/**
 * Prints sampled position ids as JSON lines so anyone can inspect and compare the samplers; see
 * {@code docs/positions.md}. Each scheme gets its own {@code SplittableRandom(seed)}, so its output
 * does not depend on the other schemes listed.
 *
 * <p>Exit status: 0 on success, 2 for a bad command line or setting, or an {@code --output} file
 * that cannot be written (message on stderr).
 */
public final class PositionsCli {

    static final String USAGE = String.join("\n",
            "usage: PositionsCli [--scheme cream[,pose,...]] [--window N] [--factor F] [--seed S] [--count C]",
            "                    [--document-length D] [--tokens] [--coverage [--coverage-samples M]",
            "                    [--coverage-bins B]] [--output FILE] [--list] [--help]",
            "                    [--<scheme setting> VALUE ...]",
            "defaults: --scheme cream --window 128 --factor 8 --seed 1 --count 5, document length = F*N,",
            "          --coverage-samples 1000 --coverage-bins 10",
            "scheme settings (cream): --sigma --k --variants --continuity-probability --variant-block",
            "                         --faithful --middle --middle-tokens",
            "scheme settings (pose):  --first-chunk-bias --content-limit",
            "--list prints every scheme with the settings it reads.");

    private final PositionSchemes schemes;
    private final JsonLines json = new JsonLines();

    public PositionsCli(PositionSchemes schemes) {
        this.schemes = schemes;
    }

    public static void main(String[] args) {
        int status = new PositionsCli(PositionSchemes.standard()).run(args, System.out, System.err);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the tool; returns the exit status. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        CliArguments arguments;
        List<PositionScheme> selected;
        try {
            arguments = CliArguments.parse(args);
            if (arguments.help()) {
                out.println(USAGE);
                return 0;
            }
            if (arguments.list()) {
                for (String name : schemes.names()) {
                    out.println(json.scheme(name, new TreeSet<>(schemes.factory(name).settingNames())));
                }
                return 0;
            }
            selected = build(arguments);
        } catch (IllegalArgumentException e) {
            err.println("PositionsCli: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (arguments.output().isEmpty()) {
            selected.forEach(scheme -> print(scheme, arguments, out));
            out.flush();
            return 0;
        }
        try (OutputStream file = Files.newOutputStream(Path.of(arguments.output()));
                PrintStream fileOut = new PrintStream(file, false, StandardCharsets.UTF_8)) {
            selected.forEach(scheme -> print(scheme, arguments, fileOut));
            fileOut.flush();
            if (fileOut.checkError()) {
                throw new IOException("write failed");
            }
        } catch (IOException e) {
            err.println("PositionsCli: cannot write --output " + arguments.output() + ": " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private List<PositionScheme> build(CliArguments arguments) {
        WindowExtension extension = new WindowExtension(arguments.window(), arguments.factor());
        List<String> names = schemes.parseNames(arguments.schemes());
        Set<String> known = new TreeSet<>();
        names.forEach(name -> known.addAll(schemes.factory(name).settingNames()));
        SchemeSettings settings = SchemeSettings.of(arguments.settings());
        settings.requireOnly(known, "scheme(s) " + names);
        List<PositionScheme> built = names.stream().map(name -> schemes.create(name, extension, settings)).toList();
        for (PositionScheme scheme : built) {
            scheme.requireDocumentLength(documentLength(scheme, arguments));
        }
        return built;
    }

    private static int documentLength(PositionScheme scheme, CliArguments arguments) {
        return arguments.documentLength() > 0 ? arguments.documentLength() : scheme.extension().targetLength();
    }

    private void print(PositionScheme scheme, CliArguments arguments, PrintStream out) {
        int documentLength = documentLength(scheme, arguments);
        int total = arguments.coverage() ? Math.max(arguments.count(), arguments.coverageSamples()) : arguments.count();
        int targetLength = scheme.extension().targetLength();
        CoverageStatistics statistics = new CoverageStatistics(targetLength);
        PositionSampler sampler = scheme.sampler(new SplittableRandom(arguments.seed()));
        for (int i = 0; i < total; i++) {
            var sample = sampler.next(documentLength);
            if (i < arguments.count()) {
                out.println(json.sample(sample, arguments.seed(), i, arguments.tokens()));
            }
            if (arguments.coverage() && i < arguments.coverageSamples()) {
                statistics.add(sample);
            }
        }
        if (arguments.coverage()) {
            int bins = Math.min(arguments.coverageBins(), targetLength);
            out.println(json.coverage(scheme.name(), arguments.seed(), scheme.extension(), statistics.summary(bins)));
        }
    }
}
