package org.circuitgrammar.reports.compare;

import static org.circuitgrammar.reports.ResultFixtures.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.circuitgrammar.motifs.result.GraphInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoriesTest {
    @TempDir
    Path dir;

    private static GraphInfo info(String name, String prompt) {
        return graph(name).prompt(prompt).path("corpus/" + name + ".json").build().graph();
    }

    @Test
    void read_csv_mapsByPathFileNameOrSlug() throws Exception {
        Path csv = Files.writeString(dir.resolve("cats.csv"),
                "graph,category\ncorpus/a.json,recall\nb.json,analogy\nc,arithmetic\n");
        Categories cats = Categories.read(csv);
        assertEquals(Optional.of("recall"), cats.of(info("a", "x")));
        assertEquals(Optional.of("analogy"), cats.of(info("b", "x")));
        assertEquals(Optional.of("arithmetic"), cats.of(info("c", "x")), "by slug");
        assertEquals(Optional.empty(), cats.of(info("d", "x")));
    }

    @Test
    void read_json_mappingBeforeRulesAndRulesInOrder() throws Exception {
        Path json = Files.writeString(dir.resolve("cats.json"), """
                {"graphs": {"a": "special"},
                 "rules": [{"category": "recall", "prompt": "(?i)capital"},
                           {"category": "other-capital", "prompt": "capital"}]}""");
        Categories cats = Categories.read(json);
        assertEquals(Optional.of("special"), cats.of(info("a", "The capital of Texas")));
        assertEquals(Optional.of("recall"), cats.of(info("b", "the Capital of Texas")));
        assertEquals(Optional.empty(), cats.of(info("c", "2 + 2")));
        Categories more = cats.withRules(List.of(Categories.Rule.parse("arithmetic=\\d \\+ \\d")));
        assertEquals(Optional.of("arithmetic"), more.of(info("c", "2 + 2")));
    }

    @Test
    void read_badJson_oneLineNamingFileAndPath() throws IOException {
        Path json = Files.writeString(dir.resolve("bad.json"), """
                {"rules": [{"category": "x", "prompt": "("}]}""");
        CategoryFileException e = assertThrows(CategoryFileException.class, () -> Categories.read(json));
        assertTrue(e.getMessage().startsWith(json + ": $.rules[0]: bad regular expression"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        Path wrongType = Files.writeString(dir.resolve("wrong.json"), "{\"graphs\": {\"a\": 3}}");
        e = assertThrows(CategoryFileException.class, () -> Categories.read(wrongType));
        assertEquals(wrongType + ": $.graphs.a: category must be a text", e.getMessage());
        Path unknown = Files.writeString(dir.resolve("unknown.json"), "{\"graph\": {}}");
        e = assertThrows(CategoryFileException.class, () -> Categories.read(unknown));
        assertEquals(unknown + ": $.graph: unknown member (expected graphs, rules)", e.getMessage());
    }

    @Test
    void read_badCsvOrSuffix_refused() throws IOException {
        Path csv = Files.writeString(dir.resolve("cats.csv"), "file,cat\na,b\n");
        CategoryFileException e = assertThrows(CategoryFileException.class, () -> Categories.read(csv));
        assertEquals(csv + ": line 1: header must name columns graph,category", e.getMessage());
        Path txt = Files.writeString(dir.resolve("cats.txt"), "");
        assertThrows(CategoryFileException.class, () -> Categories.read(txt));
        assertThrows(CategoryFileException.class, () -> Categories.Rule.parse("no-equals-sign"));
    }
}
