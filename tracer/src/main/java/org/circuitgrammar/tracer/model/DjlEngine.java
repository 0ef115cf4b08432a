package org.circuitgrammar.tracer.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

/**
 * The single entry to DJL: its static initialiser sets {@code ai.djl.offline=true} before DJL's {@code Engine} class
 * can load (without it DJL contacts the network at start-up), and managers are made here on the CPU PyTorch engine,
 * whose native library comes from the {@code pytorch-native-cpu} jar. Every class in the tracer that creates NDArrays
 * gets its root manager from {@link #newManager()}.
 */
public final class DjlEngine {
    /** The engine name every manager uses. */
    public static final String ENGINE = "PyTorch";

    static {
        System.setProperty("ai.djl.offline", "true");
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
