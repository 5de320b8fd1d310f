package org.creamlab.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creamlab.data.TrainingDocument;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.MetricLog;

/**
 * Perplexity per context length (spec 5.4, short form): for each length {@code W}, every document
 * (which starts with {@code <bos>}) is cut to its first {@code W} tokens and scored in one
 * teacher-forced pass; the {@code W - 1} tokens after {@code <bos>} are predicted, and
 * {@code PPL(W) = exp(sum of token NLL / number of predicted tokens)} over all documents. Logged as
 * {@code <prefix>/perplexity} with dimensions task {@code perplexity} and the length.
 */
public final class Perplexity {

    private Perplexity() {}

    /**
     * @param lengths the window lengths, each at least 2 and at most every document's length
     * @return perplexity by length, in the given order
     */
    public static Map<Integer, Double> evaluate(ScoringModel model, List<TrainingDocument> documents, List<Integer> lengths,
            String prefix, MetricLog metrics) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("setting 'documents': perplexity needs at least one document");
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int w : lengths) {
            double nll = 0;
            long count = 0;
            for (TrainingDocument d : documents) {
                if (w < 2 || w > d.length()) {
                    throw new IllegalArgumentException("setting 'length': " + w + " is outside [2, " + d.length()
                            + "] for a document of " + d.length() + " tokens");
                }
                int[] tokens = d.tokens();
                int[] prompt = {tokens[0]};
                int[] target = Arrays.copyOfRange(tokens, 1, w);
                TargetScores s = model.scoreTargets(List.of(prompt), List.of(target)).get(0);
                nll += s.totalNll();
                count += target.length;
            }
            double ppl = Math.exp(nll / count);
            out.put(w, ppl);
            metrics.log(prefix + "/perplexity", ppl, Dimensions.task("perplexity").withLength(w));
        }
        return out;
    }

    /**
     * Perplexity of each document's continuation given its beginning: the tokens from
     * {@link TrainingDocument#answerStart()} on, scored after the tokens before it, pooled over the
     * documents of each length. For documents whose continuation depends on far context (e.g.
     * {@code CopyWarmup#recall}), this measures whether a model uses that context. Logged as
     * {@code <prefix>/<name>} with dimensions task {@code name} and the document length.
     *
     * @return perplexity by document length, in ascending length
     */
    public static Map<Integer, Double> ofContinuations(ScoringModel model, List<TrainingDocument> documents, String prefix,
            String name, MetricLog metrics) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("setting 'documents': perplexity needs at least one document");
        }
        Map<Integer, double[]> sums = new java.util.TreeMap<>();
        for (TrainingDocument d : documents) {
            int[] tokens = d.tokens();
            int[] prompt = Arrays.copyOfRange(tokens, 0, d.answerStart());
            int[] target = Arrays.copyOfRange(tokens, d.answerStart(), tokens.length);
            TargetScores s = model.scoreTargets(List.of(prompt), List.of(target)).get(0);
            double[] acc = sums.computeIfAbsent(d.length(), k -> new double[2]);
            acc[0] += s.totalNll();
            acc[1] += target.length;
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        sums.forEach((length, acc) -> {
            double ppl = Math.exp(acc[0] / acc[1]);
            out.put(length, ppl);
            metrics.log(prefix + "/" + name, ppl, Dimensions.task(name).withLength(length));
        });
        return out;
    }
}
