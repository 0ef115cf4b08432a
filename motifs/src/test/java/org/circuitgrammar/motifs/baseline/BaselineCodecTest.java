package org.circuitgrammar.motifs.baseline;

import static org.circuitgrammar.motifs.baseline.ResultFixtures.Row.independent;
import static org.circuitgrammar.motifs.baseline.ResultFixtures.nodes;
import static org.circuitgrammar.motifs.baseline.ResultFixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.circuitgrammar.motifs.result.CensusResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCodecTest {
    @TempDir
    Path dir;

    private static GrammarBaseline sample() {
        List<CensusResult> results = List.of(
                result("a.json", "m", nodes("a", 4), ResultFixtures.SPEC,
                        List.of(independent("C1", 0.2, 0.5), independent("I1", -0.1, Double.NaN))),
                result("b.json", "m", nodes("b", 4), ResultFixtures.SPEC,
                        List.of(independent("C1", 0.4, 0.7), independent("I1", Double.NaN, -0.7))));
        return BaselineBuilder.build(results, ResultFixtures.baselineSpec(List.of("model", "transcoder")),
                ResultFixtures.RUN);
    }

    @Test
    void writeThenRead_equalBaseline() throws IOException {
        GrammarBaseline baseline = sample();
        Path file = dir.resolve("grammar.json");
        BaselineCodec.write(file, baseline);
        assertEquals(baseline, BaselineCodec.read(file));
        assertEquals("m/clt", baseline.groups().get(0).group());
    }

    @Test
    void read_otherFormatVersion_saysToRebuild() throws IOException {
        Path file = dir.resolve("grammar.json");
        BaselineCodec.write(file, sample());
        Files.writeString(file, Files.readString(file).replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        InvalidFileException e = assertThrows(InvalidFileException.class, () -> BaselineCodec.read(file));
        assertTrue(e.getMessage().startsWith(file + ": $.formatVersion: grammar baseline format 9"), e.getMessage());
    }

    @Test
    void read_badValueDeepInside_namesTheJsonPath() throws IOException {
        Path file = dir.resolve("grammar.json");
        BaselineCodec.write(file, sample());
        Files.writeString(file, Files.readString(file).replace("\"direction\" : \"ENRICHED\"",
                "\"direction\" : \"SIDEWAYS\""));
        InvalidFileException e = assertThrows(InvalidFileException.class, () -> BaselineCodec.read(file));
        assertTrue(e.getMessage().startsWith(file + ": $.groups[0].motifs[0].direction: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
