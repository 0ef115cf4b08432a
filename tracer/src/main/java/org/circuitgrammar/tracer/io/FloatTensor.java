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

    /**
     * The transpose of a rank-2 tensor {@code [r, c]}: a new {@code [c, r]} tensor. O(r·c), in Java (so that no
     * native view of the untransposed matrix is left behind when the result is copied into DJL).
     *
     * @throws IllegalStateException for another rank
     */
    public FloatTensor transposed() {
        if (shape.length != 2) throw new IllegalStateException("transpose needs rank 2, got " + Arrays.toString(shape));
        int rows = shape[0];
        int cols = shape[1];
        float[] out = new float[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
        }
        return new FloatTensor(new int[] {cols, rows}, out, true);
    }

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
