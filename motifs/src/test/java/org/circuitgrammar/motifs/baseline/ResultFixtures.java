package org.circuitgrammar.motifs.baseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.PValueKind;
import org.circuitgrammar.motifs.result.RowRole;
import org.circuitgrammar.motifs.stats.Statistic;

/** Census results built by hand: only the fields a baseline reads carry meaning. */
final class ResultFixtures {
    static final CensusSpec SPEC = CensusSpec.defaults(List.of(NullKind.LPC)).withSamples(100);
    static final RunInfo RUN = new RunInfo("test", null, List.of("test"), Instant.EPOCH.toString(), "17", "linux",
            "amd64", 1);

    /** One row: its null, family, class, role, effect size (NaN = undefined) and SP entry (NaN = none). */
    record Row(NullKind nul, MotifFamily family, String label, RowRole role, double effect, double sp) {
        static Row independent(String label, double effect, double sp) {
            return new Row(NullKind.LPC, MotifFamily.SIGNED, label, RowRole.INDEPENDENT, effect, sp);
        }
    }

    private ResultFixtures() {
    }

    /** A result for graph {@code path} of {@code model} whose node set is {@code nodeIds}. */
    static CensusResult result(String path, String model, List<String> nodeIds, CensusSpec spec, List<Row> rows) {
        Map<NullKind, Map<MotifFamily, List<MotifRow>>> byNull = new LinkedHashMap<>();
        for (Row r : rows) {
            Statistic effect = Double.isNaN(r.effect()) ? Statistic.undefined("null mean 0") : Statistic.of(r.effect());
            Statistic sp = Double.isNaN(r.sp()) ? Statistic.undefined("not in the profile") : Statistic.of(r.sp());
            MotifRow row = new MotifRow(r.label(), 10, 9.0, 1.0, Statistic.of(1.0), effect, effect, effect,
                    Statistic.of(0.1), Statistic.of(0.1), sp, Statistic.of(0.5), Statistic.of(0.5), r.role(),
                    r.role() == RowRole.DETERMINED ? "triad/030T" : null, null);
            byNull.computeIfAbsent(r.nul(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.family(), k -> new ArrayList<>()).add(row);
        }
        List<NullResult> nulls = new ArrayList<>();
        byNull.forEach((nul, families) -> {
            List<NullResult.FamilyRows> fam = new ArrayList<>();
            families.forEach((f, list) -> fam.add(new NullResult.FamilyRows(f, "independent rows", list)));
            nulls.add(new NullResult(nul, "full", spec.samples(), 2.0, 0.5, null, null, PValueKind.APPROXIMATE_MCMC,
                    fam));
        });
        String sha = sha256(path);
        GraphInfo graph = new GraphInfo(path, sha, 1000, null, model, TranscoderKind.CLT, null, Map.of("category",
                "test"), nodeIds.size(), 0, List.of(), nodeIds);
        Provenance provenance = new Provenance(RUN, List.of(new InputRef(path, sha, 1000)), spec,
                new SeedInfo(spec.seed(), "test"), List.of());
        return new CensusResult(CensusResult.FORMAT_VERSION, sha, graph, List.of(), nulls, "test", provenance);
    }

    /** Distinct node ids {@code prefix0 … prefix(n-1)}. */
    static List<String> nodes(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default-spec baseline spec grouped by {@code keys}. */
    static BaselineSpec baselineSpec(List<String> keys) {
        return new BaselineSpec(keys, BaselineSpec.DEFAULT_RESAMPLES, 7, 0.9, SPEC, false);
    }
}
