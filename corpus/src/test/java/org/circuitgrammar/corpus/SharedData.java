package org.circuitgrammar.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds {@code ../shared} for tests: the {@code cgram.shared.dir} property (set by surefire), else beside the checkout. */
public final class SharedData {
    private SharedData() {
    }

    public static Path dir() {
        String property = System.getProperty("cgram.shared.dir");
        Path dir = property != null ? Path.of(property) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("..", "shared");
        }
        return dir.toAbsolutePath().normalize();
    }

    public static Path corpus() {
        return dir().resolve("corpus");
    }

    public static Path corpusFile(String relative) {
        return corpus().resolve(relative);
    }

    /** Every {@code *.json} graph under {@code shared/corpus}, sorted by relative path. */
    public static List<Path> corpusFiles() {
        try (Stream<Path> s = Files.walk(corpus())) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
