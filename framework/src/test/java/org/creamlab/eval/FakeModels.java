package org.creamlab.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.creamlab.data.TaskSample;

/** Fake models for the harness tests. */
final class FakeModels {

    private FakeModels() {}

    /** Every token equally likely over {@code vocabulary} ids; argmax is always token 0. */
    record Uniform(int vocabulary) implements ScoringModel {
        @Override
        public List<TargetScores> scoreTargets(List<int[]> prompts, List<int[]> targets) {
            List<TargetScores> out = new ArrayList<>();
            for (int[] t : targets) {
                float[] lp = new float[t.length];
                Arrays.fill(lp, (float) -Math.log(vocabulary));
                out.add(new TargetScores(lp, new int[t.length]));
            }
            return out;
        }

        @Override
        public int[] greedyDecode(int[] prompt, int maxNewTokens, int stopToken) {
            return new int[] {stopToken};
        }
    }

    /**
     * Knows every sample's answer; answers right only for samples {@code knows} accepts, else
     * repeats the prompt's first token.
     */
    record Oracle(List<TaskSample> samples, Predicate<TaskSample> knows, int eos) implements ScoringModel {
        private TaskSample find(int[] prompt) {
            for (TaskSample s : samples) {
                if (Arrays.equals(s.prompt(), prompt)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown prompt");
        }

        @Override
        public List<TargetScores> scoreTargets(List<int[]> prompts, List<int[]> targets) {
            List<TargetScores> out = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                TaskSample s = find(prompts.get(i));
                int[] argmax = knows.test(s) ? s.answer() : new int[targets.get(i).length];
                out.add(new TargetScores(new float[argmax.length], argmax));
            }
            return out;
        }

        @Override
        public int[] greedyDecode(int[] prompt, int maxNewTokens, int stopToken) {
            TaskSample s = find(prompt);
            int[] answer = knows.test(s) ? s.answer() : new int[] {prompt[1]};
            int[] out = Arrays.copyOf(answer, answer.length + 1);
            out[answer.length] = eos;
            return out;
        }
    }
}
