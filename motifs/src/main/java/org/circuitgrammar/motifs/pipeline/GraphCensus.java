package org.circuitgrammar.motifs.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.graph.GraphMetadata;
import org.circuitgrammar.corpus.graph.NodeKind;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.corpus.provenance.InputRef;
import org.circuitgrammar.corpus.provenance.Provenance;
import org.circuitgrammar.corpus.provenance.RunInfo;
import org.circuitgrammar.corpus.provenance.SeedInfo;
import org.circuitgrammar.motifs.ensemble.EnsembleResult;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec;
import org.circuitgrammar.motifs.ensemble.FamilyCounts;
import org.circuitgrammar.motifs.ensemble.NullEnsemble;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusResultCodec;
import org.circuitgrammar.motifs.result.CensusSpec;
import org.circuitgrammar.motifs.result.GraphInfo;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.motifs.result.NullResult;
import org.circuitgrammar.motifs.result.PValueKind;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.circuitgrammar.motifs.view.CircuitMotifsView;

/**
 * The census of one graph as a library call: take the view(s) of the spec's profile, count every family, run each
 * null ensemble, compute the statistics ({@link NullStatistics}). q-values need every graph of a batch and are left
 * pending ({@link CensusBatch}). A graph too small for the nulls (no edges, one layer, one layer-pair block) still
 * gets its counts, with every null statistic undefined and the reason. One instance serves many graphs, one at a
 * time; each ensemble uses all {@code threads}, and results do not depend on the thread count.
 *
 * <p>Cost per graph: one count per family plus, per null, samples × (sweeps·m swap trials + one count).
 */
public final class GraphCensus {
    /** The view every family runs on in the default profile and every unsigned family in the compat profile. */
    public static final String FULL_VIEW = "full";
    /** The compat profile's view for the signed family: effective layer gap 1..5, as the anchor's signed counts. */
    public static final String SIGNED_WINDOW_VIEW = "signed-window";
    private static final String SPLITTING = "NullEnsemble: chain (or independent sample) c of a null is seeded from "
            + "SHA-256(graph SHA-256 || root seed || null id || c), its samples land at fixed indices; identical "
            + "for any thread count";

    private final CensusSpec spec;
    private final int threads;
    private final RunInfo run;

    /**
     * @param threads worker threads per ensemble (≥ 1)
     * @param run     the run recorded in every result's provenance
     */
    public GraphCensus(CensusSpec spec, int threads, RunInfo run) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (spec.profile() == EnsembleSpec.Profile.CIRCUIT_MOTIFS && spec.topEdges() < 1) {
            throw new IllegalArgumentException("the circuit-motifs profile loads graphs as the anchor does: "
                    + "top-edges is not part of it");
        }
        this.threads = threads;
        this.run = Objects.requireNonNull(run, "run");
    }

    /**
     * The census of the graph file {@code file} on every core, with a run record naming this call: the one-line
     * entry point for library users.
     */
    public static CensusResult of(Path file, CensusSpec spec) throws InvalidGraphException, IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        RunInfo run = RunInfo.capture(GraphCensus.class, null, List.of("GraphCensus.of", file.toString()),
                Instant.now(), cores);
        GraphCensus census = new GraphCensus(spec, cores, run);
        InputRef input = InputRef.of(file);
        return census.run(new GraphReader().read(file), input, samples -> { });
    }

    /** The spec every result of this instance is made with. */
    public CensusSpec spec() {
        return spec;
    }

    /**
     * The result key of {@code input}: SHA-256 of its SHA-256 and the canonical spec JSON. A stored result is reused
     * iff its key is equal.
     */
    public String resultKey(InputRef input) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(input.sha256().getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(CensusResultCodec.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(spec));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ensembles per graph and null model: the views that have families (1, or 2 in the compat profile). */
    public int ensemblesPerNull() {
        boolean signed = spec.families().contains(MotifFamily.SIGNED);
        boolean unsigned = spec.families().stream().anyMatch(f -> f != MotifFamily.SIGNED);
        return spec.profile() == EnsembleSpec.Profile.CIRCUIT_MOTIFS && signed && unsigned ? 2 : 1;
    }

    /**
     * The census of {@code g}, whose file fingerprint is {@code input}.
     *
     * @param progress receives the number of null samples newly completed (possibly from worker threads)
     */
    public CensusResult run(AttributionGraph g, InputRef input, LongConsumer progress) {
        List<View> views = views(g);
        String degenerate = DegenerateGraphCheck.problem(views.get(0).graph()).orElse(null);
        List<CensusResult.ObservedFamily> observed = new ArrayList<>();
        List<NullResult> nulls = new ArrayList<>();
        byte[] sha = input.digest();
        for (View view : views) {
            CountPlan plan = CountPlan.of(view.families());
            List<FamilyCounts> counts = plan.counters().stream()
                    .map(c -> new FamilyCounts(c.family(), c.labels(), c.count(view.graph()), new long[0][]))
                    .toList();
            CountPlan.Counted observedOnly = plan.split(counts);
            for (int f = 0; f < observedOnly.families().size(); f++) {
                FamilyCounts fc = observedOnly.counts().get(f);
                observed.add(new CensusResult.ObservedFamily(observedOnly.families().get(f), fc.labels(),
                        java.util.Arrays.stream(fc.observed()).boxed().toList()));
            }
            if (spec.samples() == 0) {
                continue;
            }
            for (NullKind kind : spec.nulls()) {
                if (degenerate != null) {
                    nulls.add(new NullResult(kind, view.name(), 0, spec.sweepsPerSample(), Double.NaN, null,
                            degenerate, PValueKind.NONE, NullStatistics.untested(observedOnly,
                            "no null samples: " + degenerate)));
                    continue;
                }
                EnsembleSpec ensemble = new EnsembleSpec(kind, spec.samples(), spec.sweepsPerSample(), spec.seed(),
                        spec.profile());
                EnsembleResult result = NullEnsemble.run(view.graph(), sha, ensemble, plan.counters(), threads,
                        increments(progress));
                nulls.add(new NullResult(kind, view.name(), spec.samples(), spec.sweepsPerSample(),
                        result.acceptanceRate(), result.diagnostics(), null, pValueKind(result),
                        NullStatistics.of(plan.split(result.families()))));
            }
        }
        GraphInfo graph = graphInfo(g, input, views);
        Provenance provenance = new Provenance(run, List.of(input), spec, new SeedInfo(spec.seed(), SPLITTING),
                List.of());
        String fdr = spec.samples() == 0 ? "none: no null samples (n = 0)" : NullStatistics.Q_PENDING;
        return new CensusResult(CensusResult.FORMAT_VERSION, resultKey(input), graph, observed, nulls, fdr,
                provenance);
    }

    /**
     * Direct samplers (er, lp-er) draw independent graphs and make no swaps (their acceptance rate is NaN): their
     * p-values are exact; chains started at the observed graph give approximate ones.
     */
    private static PValueKind pValueKind(EnsembleResult result) {
        return Double.isNaN(result.acceptanceRate()) ? PValueKind.EXACT : PValueKind.APPROXIMATE_MCMC;
    }

    /** One analysed view with the families that run on it, and the |w| cut it applied. */
    private record View(String name, SignedDigraph graph, List<MotifFamily> families, double weightThreshold) {
    }

    private List<View> views(AttributionGraph g) {
        if (spec.profile() == EnsembleSpec.Profile.DEFAULT) {
            AnalysisOptions options = new AnalysisOptions(spec.keepErrors(), true, true, spec.threshold(),
                    spec.maxLayerGap(), spec.topEdges());
            SignedDigraph view = AnalysedGraph.of(g, options).graph();
            return List.of(new View(FULL_VIEW, view, spec.families(), appliedThreshold(view)));
        }
        List<MotifFamily> unsigned = spec.families().stream().filter(f -> f != MotifFamily.SIGNED).toList();
        List<View> views = new ArrayList<>();
        views.add(new View(FULL_VIEW, CircuitMotifsView.of(g, spec.keepErrors(), spec.threshold()).graph(),
                unsigned, spec.threshold()));
        if (spec.families().contains(MotifFamily.SIGNED)) {
            int maxGap = spec.maxLayerGap() > 0 ? spec.maxLayerGap() : CircuitMotifsView.SIGNED_MAX_GAP;
            views.add(new View(SIGNED_WINDOW_VIEW, CircuitMotifsView.of(g, spec.keepErrors(), spec.threshold(),
                    CircuitMotifsView.SIGNED_MIN_GAP, maxGap).graph(), List.of(MotifFamily.SIGNED),
                    spec.threshold()));
        }
        return views.stream().filter(v -> !v.families().isEmpty()).toList();
    }

    /** The absolute threshold, or the smallest kept |w| when a top-edges fraction cut deeper. */
    private double appliedThreshold(SignedDigraph view) {
        if (spec.topEdges() >= 1 || view.edgeCount() == 0) {
            return spec.threshold();
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (double w : view.rawOutWeights()) {
            smallest = Math.min(smallest, Math.abs(w));
        }
        return Math.max(spec.threshold(), smallest);
    }

    private static GraphInfo graphInfo(AttributionGraph g, InputRef input, List<View> views) {
        List<GraphInfo.ViewInfo> viewInfos = new ArrayList<>();
        for (View v : views) {
            SignedDigraph d = v.graph();
            int same = 0;
            int[] off = d.rawOutOffsets();
            int[] targets = d.rawOutTargets();
            for (int s = 0; s < d.nodeCount(); s++) {
                for (int i = off[s]; i < off[s + 1]; i++) {
                    same += d.position(s) == d.position(targets[i]) ? 1 : 0;
                }
            }
            viewInfos.add(new GraphInfo.ViewInfo(v.name(), v.families(), d.nodeCount(), d.edgeCount(),
                    v.weightThreshold(), same, d.edgeCount() - same, d.droppedSelfLoops(), d.mergedParallelEdges()));
        }
        List<String> nodeIds = new ArrayList<>();
        for (int v = 0; v < g.nodeCount(); v++) {
            if (g.kind(v) != NodeKind.ERROR) {
                nodeIds.add(g.nodeId(v));
            }
        }
        GraphMetadata m = g.metadata();
        return new GraphInfo(input.path(), input.sha256(), input.size(), m.slug(), m.model(), m.transcoderKind(),
                m.prompt(), metadataFields(m), g.nodeCount(), g.edgeCount(), viewInfos, nodeIds);
    }

    /** {@code metadata} fields by name: scan, and every extra {@code $.metadata.*} field (JSON strings unquoted). */
    private static Map<String, String> metadataFields(GraphMetadata m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m.scan() != null) {
            out.put("scan", m.scan());
        }
        String prefix = "$.metadata.";
        m.extra().forEach((path, json) -> {
            if (path.startsWith(prefix)) {
                out.put(path.substring(prefix.length()), unquoted(json));
            }
        });
        return out;
    }

    private static String unquoted(String json) {
        if (json.length() >= 2 && json.startsWith("\"")) {
            try {
                return CensusResultCodec.mapper().readValue(json, String.class);
            } catch (JsonProcessingException e) {
                return json;
            }
        }
        return json;
    }

    /** Turns "samples completed so far", reported in any order from worker threads, into increments. */
    private static IntConsumer increments(LongConsumer advance) {
        AtomicInteger seen = new AtomicInteger();
        return done -> {
            int previous = seen.getAndAccumulate(done, Math::max);
            if (done > previous) {
                advance.accept(done - previous);
            }
        };
    }
}
