package org.creamlab.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creamlab.data.TrainingDocument;
import org.creamlab.experiment.Dimensions;
import org.creamlab.experiment.MetricLog;

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
}
