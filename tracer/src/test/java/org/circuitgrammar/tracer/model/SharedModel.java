package org.circuitgrammar.tracer.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared/models/stories260K} for tests: {@code cgram.shared.dir}, else {@code ../shared}. */
final class SharedModel {
    private SharedModel() {}

    static Path sharedDir() {
        String property = System.getProperty("cgram.shared.dir");
        Path dir = property != null ? Path.of(property) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(dir)) dir = Path.of("..", "shared");
        return dir;
    }

    static Path stories260K() {
        return sharedDir().resolve("models").resolve("stories260K");
    }

    static Path checkpoint() { return stories260K().resolve("stories260K.bin"); }

    static Path tokenizer() { return stories260K().resolve("tok512.bin"); }

    static Path referenceGreedy() { return stories260K().resolve("reference_greedy.json"); }
}
