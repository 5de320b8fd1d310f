package org.creamlab.eval;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.creamlab.model.BatchScorer;
import org.creamlab.model.GreedyDecoder;
import org.creamlab.model.LlamaModel;
import org.creamlab.rope.RopeScaling;

/**
 * The project's Llama decoder as a {@link ScoringModel}: teacher-forced scoring through
 * {@link BatchScorer} (padded batches, low-memory forward) and greedy decoding through
 * {@link GreedyDecoder} (KV cache), both on plain positions {@code 0..n-1} with the model's RoPE
 * scaling. Every call works in its own sub-manager of {@code manager}, so nothing accumulates.
 */
public final class LlamaScoringModel implements ScoringModel {

    private final NDManager manager;
    private final LlamaModel model;
    private final RopeScaling scaling;
    private final BatchScorer scorer;

    /**
     * @param batchSize how many sequences one forward scores
     */
    public LlamaScoringModel(NDManager manager, LlamaModel model, RopeScaling scaling, int batchSize) {
        this.manager = manager;
        this.model = model;
        this.scaling = scaling;
        this.scorer = new BatchScorer(model, scaling, batchSize);
    }

    /**
     * Teacher-forced scoring through {@code forward} (a training-free position remapping, whose
     * attention needs the whole sequence: greedy decoding with a KV cache is refused).
     */
    public LlamaScoringModel(NDManager manager, BatchScorer.Forward forward, int batchSize) {
        this.manager = manager;
        this.model = null;
        this.scaling = null;
        this.scorer = new BatchScorer(forward, batchSize);
    }

    @Override
    public List<TargetScores> scoreTargets(List<int[]> prompts, List<int[]> targets) {
        if (prompts.size() != targets.size()) {
            throw new IllegalArgumentException(prompts.size() + " prompts but " + targets.size() + " targets");
        }
        int[][] sequences = new int[prompts.size()][];
        for (int i = 0; i < sequences.length; i++) {
            int[] p = prompts.get(i);
            int[] t = targets.get(i);
            if (p.length == 0 || t.length == 0) {
                throw new IllegalArgumentException("pair " + i + " needs a non-empty prompt and target");
            }
            sequences[i] = Arrays.copyOf(p, p.length + t.length);
            System.arraycopy(t, 0, sequences[i], p.length, t.length);
        }
        BatchScorer.Scores scores;
        try (NDManager m = manager.newSubManager()) {
            scores = scorer.score(m, sequences, null);
        }
        List<TargetScores> out = new ArrayList<>(sequences.length);
        for (int i = 0; i < sequences.length; i++) {
            int from = prompts.get(i).length - 1;   // the prediction of target[0] is made after the prompt's last token
            int n = targets.get(i).length;
            out.add(new TargetScores(Arrays.copyOfRange(scores.nextTokenLogProbs()[i], from, from + n),
                    Arrays.copyOfRange(scores.argmax()[i], from, from + n)));
        }
        return out;
    }

    @Override
    public int[] greedyDecode(int[] prompt, int maxNewTokens, int stopToken) {
        if (model == null) {
            throw new UnsupportedOperationException("greedy decoding under a training-free remapping is not implemented"
                    + " (its attention needs the whole sequence, not a KV cache): evaluate teacher-forced (greedy=false)");
        }
        long[] positions = new long[prompt.length];
        for (int t = 0; t < positions.length; t++) {
            positions[t] = t;
        }
        int[] generated;
        try (NDManager m = manager.newSubManager()) {
            generated = new GreedyDecoder(model, scaling).decode(m, new int[][] {prompt}, new long[][] {positions},
                    maxNewTokens, stopToken)[0];
        }
        for (int i = 0; i < generated.length; i++) {
            if (generated[i] == stopToken) {
                return Arrays.copyOf(generated, i);   // the contract: the stop token is not returned
            }
        }
        return generated;
    }
}
