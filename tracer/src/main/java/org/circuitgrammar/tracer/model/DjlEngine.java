package org.circuitgrammar.tracer.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

/**
 * The single entry to DJL: its static initialiser sets {@code ai.djl.offline=true} before DJL's {@code Engine} class
 * can load (without it DJL contacts the network at start-up), and managers are made here on the CPU PyTorch engine,
 * whose native library comes from the {@code pytorch-native-cpu} jar. Every class in the tracer that creates NDArrays
 * gets its root manager from {@link #newManager()}. PyTorch runs on one thread unless {@value #THREADS_PROPERTY} is set
 * before this class loads.
 */
public final class DjlEngine {
    /** The engine name every manager uses. */
    public static final String ENGINE = "PyTorch";

    /** DJL's system property for PyTorch's intra-op thread count. */
    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
    /** DJL's system property for PyTorch's inter-op thread count. */
    public static final String INTEROP_THREADS_PROPERTY = "ai.djl.pytorch.num_interop_threads";

    static {
        System.setProperty("ai.djl.offline", "true");
        // PyTorch's default thread pool makes the small matrix products of these models ~100x slower on 2 cores
        // (1.3 ms instead of 13 us for 64x64): one thread unless the user chose otherwise.
        if (System.getProperty(THREADS_PROPERTY) == null) System.setProperty(THREADS_PROPERTY, "1");
        if (System.getProperty(INTEROP_THREADS_PROPERTY) == null) System.setProperty(INTEROP_THREADS_PROPERTY, "1");
    }

    private DjlEngine() {}

    /** A new root manager on the CPU PyTorch engine; the caller closes it. */
    public static NDManager newManager() {
        return NDManager.newBaseManager(Device.cpu(), ENGINE);
    }

    /** The value of {@code ai.djl.offline} as DJL will see it (always {@code "true"} once this class is loaded). */
    public static String offlineProperty() {
        return System.getProperty("ai.djl.offline");
    }
}
