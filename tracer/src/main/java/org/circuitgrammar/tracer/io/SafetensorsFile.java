package org.circuitgrammar.tracer.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The content of a safetensors file: named float tensors (widened to float32 whatever their stored type), the
 * stored type of each, and the {@code __metadata__} string map. Immutable; names keep file (header) order.
 */
public final class SafetensorsFile {
    private final Map<String, FloatTensor> tensors;
    private final Map<String, TensorDType> storedTypes;
    private final Map<String, String> metadata;

    public SafetensorsFile(Map<String, FloatTensor> tensors, Map<String, TensorDType> storedTypes,
                           Map<String, String> metadata) {
        if (!tensors.keySet().equals(storedTypes.keySet())) {
            throw new IllegalArgumentException("every tensor needs exactly one stored type");
        }
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.storedTypes = Collections.unmodifiableMap(new LinkedHashMap<>(storedTypes));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Tensor names in file order. */
    public Set<String> names() { return tensors.keySet(); }

    public boolean contains(String name) { return tensors.containsKey(name); }

    /** @throws IllegalArgumentException naming the tensor when it is absent */
    public FloatTensor tensor(String name) {
        FloatTensor t = tensors.get(name);
        if (t == null) throw new IllegalArgumentException("no tensor named " + name);
        return t;
    }

    /** The element type the tensor had in the file. */
    public TensorDType storedType(String name) {
        return Objects.requireNonNull(storedTypes.get(name), () -> "no tensor named " + name);
    }

    /** The {@code __metadata__} map (empty when the file has none). */
    public Map<String, String> metadata() { return metadata; }
}
