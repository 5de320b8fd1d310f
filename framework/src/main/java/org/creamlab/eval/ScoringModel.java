package org.creamlab.eval;

import java.util.List;

/**
 * What evaluation needs from a language model; the Llama adapter in the model package implements it.
 * Token ids are the tokenizer's; prompts already start with {@code <bos>}. Evaluation runs on plain
 * positions {@code 0..n-1} with whatever RoPE scaling the model was trained with.
 */
public interface ScoringModel {

    /**
     * Teacher-forced scores: for each pair, runs {@code prompt ++ target} once and reports, at each
     * target token {@code target[j]} (predicted from {@code prompt ++ target[0..j-1]}), its
     * log-probability and the model's argmax token. Batch composition must not change results.
     *
     * @param prompts non-empty prompts
     * @param targets non-empty targets, one per prompt
     * @return one {@link TargetScores} per pair, in order, each of {@code target.length} entries
     */
    List<TargetScores> scoreTargets(List<int[]> prompts, List<int[]> targets);

    /**
     * Greedy decoding with the KV cache: the most likely next token, appended, up to
     * {@code maxNewTokens} tokens or until {@code stopToken} is produced (not included).
     */
    int[] greedyDecode(int[] prompt, int maxNewTokens, int stopToken);
}
