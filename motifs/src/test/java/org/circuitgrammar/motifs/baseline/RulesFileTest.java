package org.circuitgrammar.motifs.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path p = dir.resolve("rules.yml");
        Files.writeString(p, text);
        return p;
    }

    private static final MotifKey I4 = new MotifKey(NullKind.LPC, MotifFamily.SIGNED, "I4");
    private static final MotifKey C1 = new MotifKey(NullKind.LPC, MotifFamily.SIGNED, "C1");
    private static final MotifKey FFL = new MotifKey(NullKind.LPC, MotifFamily.TRIAD, "030T");

    @Test
    void read_emptyFile_defaults() throws IOException {
        assertEquals(CheckRules.defaults(), RulesFile.read(yaml("")));
    }

    @Test
    void read_topLevelAndOverrides_laterOverrideWins() throws IOException {
        CheckRules rules = RulesFile.read(yaml("""
                effect-band: {alpha: 0.01, absolute: 0.05}
                profile: {min-cosine: 0.8}
                overrides:
                  - motif: lpc/signed
                    effect-band: {absolute: 0.1}
                    direction: {enabled: false}
                    profile: {min-cosine: 0.5}
                  - motif: "*/signed/I4"
                    effect-band: {enabled: false, widen: 3}
                """));
        assertEquals(0.01, rules.effectBand().familyAlpha());
        assertEquals(0.05, rules.effectBandFor(FFL).absolute());
        assertTrue(rules.directionFor(FFL));
        assertEquals(0.1, rules.effectBandFor(C1).absolute());
        assertFalse(rules.directionFor(C1));
        assertFalse(rules.effectBandFor(I4).enabled());
        assertEquals(3.0, rules.effectBandFor(I4).widen());
        assertTrue(Double.isNaN(rules.effectBandFor(C1).widen()));
        assertEquals(0.5, rules.profileFor(NullKind.LPC, MotifFamily.SIGNED).minCosine());
        assertEquals(0.8, rules.profileFor(NullKind.CONFIG, MotifFamily.SIGNED).minCosine());
    }

    @Test
    void read_theExampleRulesOfTheDocs_parse() throws IOException {
        CheckRules rules = RulesFile.read(Path.of("..", "examples", "ci", "rules.yml"));
        assertEquals(2, rules.overrides().size());
        assertFalse(rules.effectBandFor(new MotifKey(NullKind.LPC, MotifFamily.SIGNED, "fanin+-")).enabled());
    }

    @Test
    void read_unknownKey_namesTheFileAndPath() throws IOException {
        Path p = yaml("effect-band: {absolut: 0.1}\n");
        InvalidFileException e = assertThrows(InvalidFileException.class, () -> RulesFile.read(p));
        assertTrue(e.getMessage().startsWith(p + ": $.effect-band"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void read_unknownNullInSelector_namesTheOverride() throws IOException {
        Path p = yaml("overrides:\n  - motif: nope/signed/C1\n    direction: {enabled: false}\n");
        InvalidFileException e = assertThrows(InvalidFileException.class, () -> RulesFile.read(p));
        assertTrue(e.getMessage().startsWith(p + ": $.overrides[0].motif: unknown null model 'nope'"), e.getMessage());
    }

    @Test
    void read_alphaInAnOverrideOrBadCosine_refused() throws IOException {
        Path alpha = yaml("overrides:\n  - motif: lpc\n    effect-band: {alpha: 0.1}\n");
        assertTrue(assertThrows(InvalidFileException.class, () -> RulesFile.read(alpha)).getMessage()
                .contains("$.overrides[0].effect-band.alpha"));
        Path cosine = yaml("profile: {min-cosine: 2}\n");
        assertTrue(assertThrows(InvalidFileException.class, () -> RulesFile.read(cosine)).getMessage()
                .contains("min cosine must be in [-1, 1]"));
    }
}
