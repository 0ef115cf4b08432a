package org.circuitgrammar.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circuitgrammar.corpus.graph.TranscoderKind;
import org.circuitgrammar.corpus.provenance.InputRef;
import org.circuitgrammar.corpus.provenance.Provenance;
import org.circuitgrammar.corpus.provenance.RunInfo;
import org.circuitgrammar.corpus.provenance.SeedInfo;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusSpec;
import org.circuitgrammar.motifs.result.GraphInfo;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullDistribution;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.PValueKind;
import org.circuitgrammar.motifs.result.RowRole;
import org.circuitgrammar.motifs.stats.Statistic;

/** Hand-made census results for tests: only what a comparison or report reads is meaningful. */
public final class ResultFixtures {
    private final String name;
    private String model = "gemma-2-2b";
    private TranscoderKind transcoder = TranscoderKind.CLT;
    private String prompt = "a prompt";
    private String slug;
    private String path;
    private String sha256;
    private List<String> nodeIds;
    private final Map<NullKind, List<MotifRow>> rows = new LinkedHashMap<>();
    private final Map<NullKind, List<MotifFamily>> rowFamilies = new LinkedHashMap<>();

    private ResultFixtures(String name) {
        this.name = name;
        this.slug = name;
        this.path = "graphs/" + name + ".json";
        this.sha256 = sha256Of(name);
        this.nodeIds = List.of(name + "-a", name + "-b", name + "-c");
    }

    /** The SHA-256 of {@code text} in hex, a stand-in for a file digest. */
    public static String sha256Of(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A result for the graph {@code name} (file {@code graphs/NAME.json}, node ids unique to the name). */
    public static ResultFixtures graph(String name) {
        return new ResultFixtures(name);
    }

    public ResultFixtures model(String m) {
        model = m;
        return this;
    }

    public ResultFixtures transcoder(TranscoderKind t) {
        transcoder = t;
        return this;
    }

    public ResultFixtures prompt(String p) {
        prompt = p;
        return this;
    }

    public ResultFixtures path(String p) {
        path = p;
        return this;
    }

    public ResultFixtures sha256(String s) {
        sha256 = s;
        return this;
    }

    public ResultFixtures nodeIds(List<String> ids) {
        nodeIds = List.copyOf(ids);
        return this;
    }

    /** An independent row with log2 ratio {@code log2}, Z {@code z} and SP {@code sp} (NaN = undefined). */
    public ResultFixtures row(NullKind kind, MotifFamily family, String label, double log2, double z, double sp) {
        return row(kind, family, label, log2, z, sp, RowRole.INDEPENDENT, null);
    }

    public ResultFixtures row(NullKind kind, MotifFamily family, String label, double log2, double z, double sp,
                              RowRole role, String determinedBy) {
        double mean = 100;
        long observed = Math.round(mean * Math.pow(2, Double.isNaN(log2) ? 0 : log2));
        MotifRow row = new MotifRow(label, observed, mean, 5, stat(z), stat(log2), stat(log2 - 0.01),
                stat(log2 + 0.01), stat(0.1), stat(0.1), role == RowRole.INDEPENDENT ? stat(sp) : stat(Double.NaN),
                stat(0.01), stat(Double.NaN), role, determinedBy,
                new NullDistribution.Samples(List.of(95L, 100L, 105L, 98L, 102L)));
        rows.computeIfAbsent(kind, k -> new ArrayList<>()).add(row);
        rowFamilies.computeIfAbsent(kind, k -> new ArrayList<>()).add(family);
        return this;
    }

    private static Statistic stat(double v) {
        return Double.isNaN(v) ? Statistic.undefined("not given in this fixture") : Statistic.of(v);
    }

    public CensusResult build() {
        List<NullResult> nulls = new ArrayList<>();
        List<MotifFamily> families = new ArrayList<>();
        for (Map.Entry<NullKind, List<MotifRow>> e : rows.entrySet()) {
            Map<MotifFamily, List<MotifRow>> byFamily = new LinkedHashMap<>();
            List<MotifFamily> fams = rowFamilies.get(e.getKey());
            for (int i = 0; i < e.getValue().size(); i++) {
                byFamily.computeIfAbsent(fams.get(i), f -> new ArrayList<>()).add(e.getValue().get(i));
            }
            List<NullResult.FamilyRows> fr = new ArrayList<>();
            byFamily.forEach((f, r) -> {
                fr.add(new NullResult.FamilyRows(f, "fixture", r));
                if (!families.contains(f)) {
                    families.add(f);
                }
            });
            nulls.add(new NullResult(e.getKey(), "full", 5, 2, 0.5, null, null, PValueKind.APPROXIMATE_MCMC, fr));
        }
        if (families.isEmpty()) {
            families.add(MotifFamily.TRIAD);
        }
        List<NullKind> kinds = rows.isEmpty() ? List.of(NullKind.LPC) : List.copyOf(rows.keySet());
        CensusSpec spec = CensusSpec.defaults(kinds).withSamples(5);
        spec = new CensusSpec(spec.profile(), families, kinds, 5, spec.sweepsPerSample(), 1, false, 0, 1, 0);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("slug", slug);
        metadata.put("prompt", prompt);
        GraphInfo graph = new GraphInfo(path, sha256, 1000, slug, model, transcoder, prompt, metadata,
                nodeIds.size(), 2, List.of(new GraphInfo.ViewInfo("full", families, nodeIds.size(), 2, 0, 1, 1, 0,
                0)), nodeIds);
        Provenance provenance = new Provenance(new RunInfo("test", null, List.of("census"),
                "2026-01-01T00:00:00Z", "17", "linux", "amd64", 1), List.of(new InputRef(path, sha256, 1000)), spec,
                new SeedInfo(1, "fixture"), List.of());
        return new CensusResult(CensusResult.FORMAT_VERSION, "key-" + name, graph, List.of(), nulls, "fixture",
                provenance);
    }
}
