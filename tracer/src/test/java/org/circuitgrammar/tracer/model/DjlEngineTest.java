package org.circuitgrammar.tracer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/**
 * DJL runs offline on the PyTorch CPU engine from the {@code pytorch-native-cpu} jar. The real proof of "no network"
 * is running this module's tests with the network namespace removed: {@code unshare -n mvn -o -q -pl tracer test}.
 */
class DjlEngineTest {
    @Test
    void newManager_setsOfflineAndLoadsPyTorch271() {
        try (NDManager manager = DjlEngine.newManager()) {
            assertEquals("true", System.getProperty("ai.djl.offline"));
            assertEquals("true", DjlEngine.offlineProperty());
            Engine engine = manager.getEngine();
            assertEquals("PyTorch", engine.getEngineName());
            assertEquals("2.7.1", engine.getVersion());
            NDArray a = manager.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {7, 10, 15, 22}, a.matMul(a).toFloatArray());
        }
    }
}
