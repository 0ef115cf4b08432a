package org.circuitgrammar.motifs.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.pipeline.GraphCensus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codec's refusals: one line naming the file and where, for old formats and damaged files. */
class CensusResultCodecTest {
    @TempDir
    Path tmp;

    private Path written() throws IOException, InvalidGraphException {
        Path shared = Path.of(System.getProperty("cgram.shared.dir", "../../shared"));
        CensusResult r = GraphCensus.of(shared.resolve("corpus/gemma-2-2b/clt/meow-clt.json"),
                CensusSpec.defaults(List.of(NullKind.LPC)).withSamples(5));
        Path file = tmp.resolve("meow" + CensusResultCodec.SUFFIX);
        CensusResultCodec.write(file, r);
        assertEquals(r, CensusResultCodec.read(file));
        return file;
    }

    private static String refusal(Path file) {
        InvalidResultException e = assertThrows(InvalidResultException.class, () -> CensusResultCodec.read(file));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void read_formatOne_refusedWithRerunAdvice() throws IOException, InvalidGraphException {
        Path file = written();
        Files.writeString(file, Files.readString(file).replaceFirst("\"formatVersion\" : 2", "\"formatVersion\" : 1"));
        String message = refusal(file);
        assertTrue(message.contains("$.formatVersion: census result format 1"), message);
        assertTrue(message.contains("rerun cgram census"), message);
    }

    @Test
    void read_damagedStatistic_namesTheJsonPath() throws IOException, InvalidGraphException {
        Path file = written();
        Files.writeString(file, Files.readString(file).replaceFirst("\"z\" : [-0-9.E]+", "\"z\" : \"big\""));
        String message = refusal(file);
        assertTrue(message.contains("$.nulls[0].families[0].rows["), message);
        assertTrue(message.contains("].z"), message);
    }

    @Test
    void read_notJsonOrNotAResult_oneLine() throws IOException {
        Path truncated = Files.writeString(tmp.resolve("t.census.json"), "{\"formatVersion\": 2, \"graph\": {");
        assertTrue(refusal(truncated).contains("not JSON"), refusal(truncated));
        Path graph = Files.writeString(tmp.resolve("g.json"), "{\"nodes\": [], \"links\": []}");
        assertTrue(refusal(graph).contains("$.formatVersion: missing"), refusal(graph));
    }
}
