import ai.djl.ndarray.NDManager;
import java.util.*;
import org.creamlab.model.*;
import org.creamlab.rope.NoScaling;
import org.creamlab.train.*;

/** Does a model trained on x SEP x copy by content (induction) or by position? Zero-shot probe. */
public class Induction {
  static final int V = 64, M = 12; static boolean VARIABLE;
  public static void main(String[] a) throws Exception {
    int steps = Integer.parseInt(a[0]); VARIABLE = a.length > 1;
    LlamaConfig c = LlamaConfig.builder().vocabSize(V).hiddenSize(128).layers(2).heads(4).window(128).build();
    BatchSource copy = (step, micro, r) -> {
      int MAX = 30; int t = 2 * MAX + 1; int[][] tok = new int[32][t]; long[][] pos = new long[32][t]; int[][] tg = new int[32][t]; boolean[][] mk = new boolean[32][t];
      for (int b = 0; b < 32; b++) { int m = VARIABLE ? 4 + r.nextInt(MAX - 3) : M; for (int i = 0; i < m; i++) { tok[b][i] = 2 + r.nextInt(V - 2); tok[b][m + 1 + i] = tok[b][i]; } tok[b][m] = 1;
        for (int i = 0; i < t; i++) { pos[b][i] = i; if (i + 1 < 2 * m + 1) { tg[b][i] = tok[b][i + 1]; mk[b][i] = i >= m; } } }
      return new Batch(tok, pos, tg, mk); };
    try (NDManager nd = NDManager.newBaseManager(); LlamaWeights w = LlamaWeights.initialize(nd, c, 1)) {
      try (Trainer tr = new Trainer(w, new NoScaling(), TrainingConfig.builder().totalSteps(steps).learningRate(2e-3).dataSeed(1).build(), copy, List.of())) { tr.run(); }
      LlamaModel model = new LlamaModel(w);
      SplittableRandom r = new SplittableRandom(99);
      for (int gap : new int[] {0, 3, 7, 15}) {
        // x1..xM SEP g1..g_gap x1..xM : the copy starts 'gap' tokens later than in training
        int t = 2 * M + 1 + gap; int n = 64; int[][] seq = new int[n][t];
        for (int b = 0; b < n; b++) { for (int i = 0; i < M; i++) { seq[b][i] = 2 + r.nextInt(V - 2); seq[b][M + 1 + gap + i] = seq[b][i]; } seq[b][M] = 1; for (int g = 0; g < gap; g++) seq[b][M + 1 + g] = 2 + r.nextInt(V - 2); }
        BatchScorer.Scores s = new BatchScorer(model, new NoScaling(), 64).score(nd, seq, null);
        long ok = 0, tot = 0;
        for (int b = 0; b < n; b++) for (int i = 1; i < M; i++) { int p = M + 1 + gap + i - 1; tot++; if (s.argmax()[b][p] == seq[b][p + 1]) ok++; }
        System.out.printf("variable=%s steps=%d gap=%d copy accuracy (tokens 2..M of the copy) = %.3f%n", VARIABLE, steps, gap, (double) ok / tot);
      }
    }
  }
}
