package org.circuitgrammar.tracer.io;

import java.util.Arrays;

/**
 * A dense row-major float32 tensor held in Java: a shape and its values. Immutable: arrays are copied in and out;
 * {@link #get(int)} reads one element without a copy.
 */
public final class FloatTensor {
    private final int[] shape;
    private final float[] data;

    /**
     * @throws IllegalArgumentException when a dimension is negative or the element count does not match the shape
     */
    public FloatTensor(int[] shape, float[] data) {
        this(shape.clone(), data.clone(), true);
    }

    /** A tensor that takes ownership of {@code data} (no copy): for readers that just allocated it. */
    static FloatTensor wrap(int[] shape, float[] data) {
        return new FloatTensor(shape.clone(), data, true);
    }

    /** Validates and keeps both arrays as given; {@code owned} only tells this constructor apart. */
    private FloatTensor(int[] shape, float[] data, boolean owned) {
        this.shape = shape;
        long count = 1;
        for (int dim : this.shape) {
            if (dim < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            count *= dim;
        }
        if (count != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " elements, data has " + data.length);
        }
        this.data = data;
    }

    public int[] shape() { return shape.clone(); }

    public int rank() { return shape.length; }

    public int dim(int axis) { return shape[axis]; }

    public int size() { return data.length; }

    /** Element {@code index} of the row-major data. */
    public float get(int index) { return data[index]; }

    /** A copy of the row-major data. */
    public float[] toArray() { return data.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data); }

    @Override
    public String toString() { return "FloatTensor" + Arrays.toString(shape); }
}
