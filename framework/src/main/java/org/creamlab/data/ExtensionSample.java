package org.creamlab.data;

/**
 * One fine-tuning sample for context extension: the document tokens a {@code PositionScheme} chose,
 * their position ids, and which of them carry the loss.
 *
 * @param tokens the chosen tokens, in sample order
 * @param positionIds their position ids, strictly increasing, in {@code [0, L)}
 * @param targetMask {@code targetMask[i]} is true when token {@code i} (for {@code i >= 1}) is a loss
 *     target, predicted from tokens {@code 0..i-1}; always false at 0
 */
public record ExtensionSample(int[] tokens, int[] positionIds, boolean[] targetMask) {

    public ExtensionSample {
        if (tokens.length != positionIds.length || tokens.length != targetMask.length) {
            throw new IllegalArgumentException("tokens, positionIds and targetMask differ in length");
        }
        tokens = tokens.clone();
        positionIds = positionIds.clone();
        targetMask = targetMask.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public int[] positionIds() {
        return positionIds.clone();
    }

    @Override
    public boolean[] targetMask() {
        return targetMask.clone();
    }
}
