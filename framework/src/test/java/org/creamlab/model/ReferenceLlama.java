package org.creamlab.model;

import java.util.Map;
import org.creamlab.rope.RopeScaling;

/**
 * A deliberately naive double-precision Llama forward written from the Hugging Face modelling
 * code (RMSNorm, rotate-half RoPE, repeat_kv, causal softmax attention, SwiGLU), one sequence at a
 * time, as an independent reference for {@link LlamaModel}.
 */
final class ReferenceLlama {

    private final LlamaConfig c;
    private final Map<String, float[]> w;

    ReferenceLlama(LlamaConfig config, Map<String, float[]> weights) {
        this.c = config;
        this.w = weights;
    }

    /** Logits {@code [T][V]} for one sequence. */
    double[][] logits(int[] tokens, long[] positions, RopeScaling scaling) {
        int t = tokens.length;
        int d = c.hiddenSize();
        int hd = c.headDim();
        double[][] h = new double[t][d];
        float[] emb = w.get(WeightNames.EMBED);
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < d; j++) {
                h[i][j] = emb[tokens[i] * d + j];
            }
        }
        double[] inv = scaling.inverseFrequencies(hd, c.ropeBase(), t);
        for (int l = 0; l < c.layers(); l++) {
            double[][] x = rms(h, w.get(WeightNames.inputNorm(l)));
            double[][] q = rope(linear(x, w.get(WeightNames.q(l)), d), positions, c.heads(), inv, scaling);
            double[][] k = rope(linear(x, w.get(WeightNames.k(l)), c.kvHeads() * hd), positions, c.kvHeads(), inv, scaling);
            double[][] v = linear(x, w.get(WeightNames.v(l)), c.kvHeads() * hd);
            double[][] attn = new double[t][d];
            for (int head = 0; head < c.heads(); head++) {
                int kvHead = head / c.groupSize();
                for (int i = 0; i < t; i++) {
                    double[] s = new double[i + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        double dot = 0;
                        for (int e = 0; e < hd; e++) {
                            dot += q[i][head * hd + e] * k[j][kvHead * hd + e];
                        }
                        s[j] = dot / Math.sqrt(hd);
                        max = Math.max(max, s[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= i; j++) {
                        s[j] = Math.exp(s[j] - max);
                        sum += s[j];
                    }
                    for (int j = 0; j <= i; j++) {
                        for (int e = 0; e < hd; e++) {
                            attn[i][head * hd + e] += s[j] / sum * v[j][kvHead * hd + e];
                        }
                    }
                }
            }
            add(h, linear(attn, w.get(WeightNames.o(l)), d));
            double[][] y = rms(h, w.get(WeightNames.postNorm(l)));
            double[][] g = linear(y, w.get(WeightNames.gate(l)), c.intermediateSize());
            double[][] u = linear(y, w.get(WeightNames.up(l)), c.intermediateSize());
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < g[i].length; j++) {
                    g[i][j] = g[i][j] / (1 + Math.exp(-g[i][j])) * u[i][j];
                }
            }
            add(h, linear(g, w.get(WeightNames.down(l)), d));
        }
        float[] head = c.tiedEmbeddings() ? emb : w.get(WeightNames.LM_HEAD);
        return linear(rms(h, w.get(WeightNames.FINAL_NORM)), head, c.vocabSize());
    }

    private double[][] rms(double[][] h, float[] gain) {
        double[][] out = new double[h.length][h[0].length];
        for (int i = 0; i < h.length; i++) {
            double ms = 0;
            for (double v : h[i]) {
                ms += v * v;
            }
            double r = 1 / Math.sqrt(ms / h[i].length + c.rmsNormEps());
            for (int j = 0; j < h[i].length; j++) {
                out[i][j] = gain[j] * h[i][j] * r;
            }
        }
        return out;
    }

    /** {@code x W^T} with W stored {@code (out, in)} row-major. */
    private static double[][] linear(double[][] x, float[] weight, int out) {
        int in = x[0].length;
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int e = 0; e < in; e++) {
                    s += x[i][e] * weight[o * in + e];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    private double[][] rope(double[][] x, long[] positions, int heads, double[] inv, RopeScaling scaling) {
        int hd = c.headDim();
        int half = hd / 2;
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            double m = scaling.scalePosition(positions[i]);
            for (int head = 0; head < heads; head++) {
                int o = head * hd;
                for (int j = 0; j < hd; j++) {
                    double angle = m * inv[j % half];
                    double rotated = j < half ? -x[i][o + j + half] : x[i][o + j - half];
                    out[i][o + j] = (x[i][o + j] * Math.cos(angle) + rotated * Math.sin(angle)) * scaling.attentionFactor();
                }
            }
        }
        return out;
    }

    private static void add(double[][] h, double[][] delta) {
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < h[i].length; j++) {
                h[i][j] += delta[i][j];
            }
        }
    }
}
