package org.circuitgrammar.tracer.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.circuitgrammar.tracer.model.Llama2cCheckpoint;
import org.circuitgrammar.tracer.model.LlamaModel;

/** The shared stories260K model and the repository's shipped transcoders, for tests. */
final class StoriesModel {
    private StoriesModel() {
    }

    static Path sharedDir() {
        String property = System.getProperty("cgram.shared.dir");
        Path dir = property != null ? Path.of(property) : Path.of("..", "..", "shared");
        return Files.isDirectory(dir) ? dir : Path.of("..", "shared");
    }

    static Path folder() {
        return sharedDir().resolve("models").resolve("stories260K");
    }

    static LlamaModel load() throws IOException {
        return new LlamaModel(Llama2cCheckpoint.read(folder().resolve("stories260K.bin")));
    }

    /** {@code models/stories260K-transcoders/} of this repository (tests run in the module folder). */
    static Path shippedTranscoders() {
        return Path.of("..", "models", "stories260K-transcoders");
    }
}
