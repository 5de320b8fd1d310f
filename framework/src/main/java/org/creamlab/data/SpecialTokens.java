package org.creamlab.data;

/**
 * Ids of the special tokens a model and the task generators need.
 *
 * @param pad padding (never predicted, masked out of losses)
 * @param bos beginning of a sequence; every prompt starts with it
 * @param eos end of a sequence; training documents end with it and greedy decoding stops on it
 * @param unk what text outside the vocabulary becomes
 */
public record SpecialTokens(int pad, int bos, int eos, int unk) {

    public SpecialTokens {
        if (pad < 0 || bos < 0 || eos < 0 || unk < 0) {
            throw new IllegalArgumentException("special token ids must be >= 0: pad " + pad + ", bos " + bos
                    + ", eos " + eos + ", unk " + unk);
        }
    }
}
