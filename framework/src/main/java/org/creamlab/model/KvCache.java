package org.creamlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Keys and values of every layer for the tokens already processed, after RoPE, so incremental
 * decoding computes attention only for the new tokens. Owns a sub-manager; close it when done.
 *
 * <p>Shapes: per layer, keys and values {@code (B, Hkv, length(), headDim)}.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    KvCache(NDManager parent, int layers) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Number of tokens cached (the sequence index the next token will get). */
    public int length() {
        return length;
    }

    /**
     * Appends this layer's new keys and values and returns the full ones (owned by the cache).
     *
     * @param k {@code (B, Hkv, Tnew, hd)}
     * @param v {@code (B, Hkv, Tnew, hd)}
     */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        NDArray fullK;
        NDArray fullV;
        if (keys[layer] == null) {
            fullK = k.duplicate();
            fullV = v.duplicate();
        } else {
            fullK = keys[layer].concat(k, 2);
            fullV = values[layer].concat(v, 2);
            keys[layer].close();
            values[layer].close();
        }
        fullK.attach(manager);
        fullV.attach(manager);
        keys[layer] = fullK;
        values[layer] = fullV;
        return new NDArray[] {fullK, fullV};
    }

    /** Called by the model once every layer has appended {@code added} tokens. */
    void advance(int added) {
        length += added;
    }

    @Override
    public void close() {
        manager.close();
    }
}
