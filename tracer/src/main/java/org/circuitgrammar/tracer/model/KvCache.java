package org.circuitgrammar.tracer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The keys and values of every fed position, per layer, {@code [positions, kvHeads, headSize]}, in a manager that
 * lives as long as the decoding session. Appending copies the layer's cache once (O(positions)), which is small next
 * to the attention itself.
 */
final class KvCache implements AutoCloseable {
    private final NDManager session;
    private final NDArray[] keys;
    private final NDArray[] values;

    KvCache(NDManager parent, ModelConfig config) {
        this.session = parent.newSubManager();
        this.keys = new NDArray[config.layers()];
        this.values = new NDArray[config.layers()];
        Shape empty = new Shape(0, config.kvHeads(), config.headSize());
        for (int l = 0; l < config.layers(); l++) {
            keys[l] = session.zeros(empty);
            values[l] = session.zeros(empty);
        }
    }

    /** Appends this step's keys to layer {@code layer} and returns all of them, as an array of {@code step}. */
    NDArray appendKeys(int layer, NDArray k, NDManager step) {
        keys[layer] = append(keys[layer], k);
        return keys[layer].get(step, new NDIndex(":"));
    }

    /** As {@link #appendKeys} for the values. */
    NDArray appendValues(int layer, NDArray v, NDManager step) {
        values[layer] = append(values[layer], v);
        return values[layer].get(step, new NDIndex(":"));
    }

    private static NDArray append(NDArray cached, NDArray fresh) {
        NDArray grown = cached.concat(fresh, 0); // belongs to the session manager, like cached
        cached.close();
        return grown;
    }

    @Override
    public void close() {
        session.close();
    }
}
