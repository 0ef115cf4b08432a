package org.circuitgrammar.cli.census;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import org.circuitgrammar.cli.census.CensusFile.ClassRow;
import org.circuitgrammar.cli.census.CensusFile.FamilyRows;
import org.circuitgrammar.cli.census.CensusFile.NullSection;
import org.circuitgrammar.cli.census.CensusFile.ObservedFamily;
import org.circuitgrammar.cli.census.CensusFile.ViewSection;
import org.circuitgrammar.corpus.InvalidGraphException;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.GraphReader;
import org.circuitgrammar.corpus.provenance.InputRef;
import org.circuitgrammar.corpus.provenance.Provenance;
import org.circuitgrammar.corpus.provenance.RunInfo;
import org.circuitgrammar.corpus.provenance.SeedInfo;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.census.SignedMotifCensus;
import org.circuitgrammar.motifs.census.TriadCensus;
import org.circuitgrammar.motifs.ensemble.EnsembleResult;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec;
import org.circuitgrammar.motifs.ensemble.FamilyCounts;
import org.circuitgrammar.motifs.ensemble.NullEnsemble;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.stats.DagTriadIdentity;
import org.circuitgrammar.motifs.stats.FamilyStatistics;
import org.circuitgrammar.motifs.stats.Statistic;
import org.circuitgrammar.motifs.view.AnalysedGraph;
import org.circuitgrammar.motifs.view.AnalysisOptions;
import org.circuitgrammar.motifs.view.CircuitMotifsView;

/**
 * The census of one graph: read, take the view(s) of the profile, reject degenerate graphs, count, run each null
 * ensemble, compute the statistics. q-values are left pending: they need every graph of the run
 * ({@link CensusSummary}). One instance serves a whole run, one graph at a time: each ensemble uses all
 * {@code threads} itself.
 */
public final class GraphCensus {
    /** The view every family runs on in the default profile and every unsigned family in the compat profile. */
    static final String FULL_VIEW = "full";
    /** The compat profile's view for the signed family: effective layer gap 1..5, as the anchor's signed counts. */
    static final String SIGNED_WINDOW_VIEW = "signed-window";
    static final String Q_PENDING = "pending: q is computed over every graph when the batch finishes";
    private static final String SPLITTING = "NullEnsemble: chain (or independent sample) c of a null is seeded from "
            + "SHA-256(graph SHA-256 || root seed || null name || c), its samples land at fixed indices; identical "
            + "for any thread count";

    private final CensusParameters params;
    private final List<NullKind> nullKinds;
    private final List<MotifCounter> counters;
    private final EnsembleSpec.Profile profile;
    private final int threads;
    private final RunInfo run;
    private final GraphReader reader = new GraphReader();
    private final ObjectMapper mapper;

    public GraphCensus(CensusParameters params, List<NullKind> nullKinds, List<MotifCounter> counters,
                       int threads, RunInfo run, ObjectMapper mapper) {
        this.params = Objects.requireNonNull(params);
        this.nullKinds = List.copyOf(nullKinds);
        this.counters = List.copyOf(counters);
        this.profile = EnsembleSpec.Profile.parse(params.profile());
        this.threads = threads;
        this.run = Objects.requireNonNull(run);
        this.mapper = Objects.requireNonNull(mapper);
    }

    /** One analysed view with the counters that run on it (none for a compat full view with only signed counts). */
    private record View(String name, SignedDigraph graph, List<MotifCounter> counters) {
    }

    /** Reads a graph file; thread-safe. */
    public AttributionGraph read(Path file) throws UnusableGraphException {
        try {
            return reader.read(file);
        } catch (InvalidGraphException e) {
            throw new UnusableGraphException(e.getMessage(), e);
        }
    }

    /**
     * The census of {@code g}, read from {@code file}, whose fingerprint is {@code input}.
     *
     * @param advance receives the number of null samples newly completed (possibly from worker threads)
     * @throws UnusableGraphException with a one-line message for degenerate graphs
     */
    public CensusFile compute(Path file, AttributionGraph g, InputRef input, String resultKey, LongConsumer advance)
            throws UnusableGraphException {
        List<View> views = views(g);
        SignedDigraph full = views.get(0).graph();
        String problem = DegenerateGraphCheck.problem(full).orElse(null);
        if (problem != null) {
            throw new UnusableGraphException(file + ": " + problem);
        }
        List<ObservedFamily> observed = new ArrayList<>();
        List<NullSection> nulls = new ArrayList<>();
        byte[] sha = input.digest();
        for (View view : views) {
            List<MotifCounter> plan = ThreeNodeBundle.bundle(view.counters());
            if (plan.isEmpty()) {
                continue;
            }
            if (params.samples() == 0) {
                List<long[]> counts = plan.stream().map(c -> c.count(view.graph())).toList();
                List<long[][]> none = plan.stream().map(c -> new long[0][]).toList();
                addObserved(observed, statistics(view, plan, counts, none));
                continue;
            }
            for (NullKind kind : nullKinds) {
                EnsembleSpec spec = new EnsembleSpec(kind, params.samples(), params.sweepsPerSample(),
                        params.seed(), profile);
                EnsembleResult result = NullEnsemble.run(view.graph(), sha, spec, plan, threads,
                        increments(advance));
                List<FamilyStatistics> stats = statistics(view, plan,
                        result.families().stream().map(FamilyCounts::observed).toList(),
                        result.families().stream().map(FamilyCounts::samples).toList());
                if (kind == nullKinds.get(0)) {
                    addObserved(observed, stats);
                }
                nulls.add(nullSection(kind, view, result, stats));
            }
        }
        List<ViewSection> viewSections = views.stream().map(v -> new ViewSection(v.name(),
                v.counters().stream().map(MotifCounter::family).toList(), v.graph().nodeCount(),
                v.graph().edgeCount(), v.graph().droppedSelfLoops(), v.graph().mergedParallelEdges())).toList();
        CensusFile.GraphSection graph = new CensusFile.GraphSection(input.path(), input.sha256(), input.size(),
                g.metadata().slug(), g.nodeCount(), g.edgeCount(), viewSections);
        Provenance provenance = new Provenance(run, List.of(input), params, new SeedInfo(params.seed(), SPLITTING),
                List.of());
        return new CensusFile(CensusFile.FORMAT_VERSION, resultKey, graph, observed, nulls,
                params.samples() == 0 ? "none: no null samples (-n 0)" : Q_PENDING,
                mapper.valueToTree(provenance));
    }

    /** Ensembles per graph and null model: the views that have counters (1, or 2 in the compat profile). */
    public int ensemblesPerNull() {
        boolean signed = counters.stream().anyMatch(GraphCensus::isSigned);
        boolean unsigned = counters.stream().anyMatch(c -> !isSigned(c));
        return profile == EnsembleSpec.Profile.CIRCUIT_MOTIFS && signed && unsigned ? 2 : 1;
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

    private List<View> views(AttributionGraph g) {
        if (profile == EnsembleSpec.Profile.DEFAULT) {
            AnalysisOptions options = new AnalysisOptions(params.keepErrors(), true, true, params.threshold(),
                    params.maxLayerGap());
            return List.of(new View(FULL_VIEW, AnalysedGraph.of(g, options).graph(), counters));
        }
        List<MotifCounter> unsigned = counters.stream().filter(c -> !isSigned(c)).toList();
        List<MotifCounter> signed = counters.stream().filter(GraphCensus::isSigned).toList();
        List<View> views = new ArrayList<>();
        views.add(new View(FULL_VIEW, CircuitMotifsView.of(g, params.keepErrors(), params.threshold()).graph(),
                unsigned));
        if (!signed.isEmpty()) {
            int maxGap = params.maxLayerGap() > 0 ? params.maxLayerGap() : CircuitMotifsView.SIGNED_MAX_GAP;
            views.add(new View(SIGNED_WINDOW_VIEW, CircuitMotifsView.of(g, params.keepErrors(), params.threshold(),
                    CircuitMotifsView.SIGNED_MIN_GAP, maxGap).graph(), signed));
        }
        return views;
    }

    private static boolean isSigned(MotifCounter c) {
        return SignedMotifCensus.FAMILY.equals(c.family());
    }

    /**
     * Statistics per family of {@code view}, in the order the user named the families, from the counts of the
     * counters in {@code plan} (bundles split back into their members).
     */
    private static List<FamilyStatistics> statistics(View view, List<MotifCounter> plan, List<long[]> observed,
                                                     List<long[][]> samples) {
        List<FamilyStatistics> out = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            MotifCounter c = plan.get(i);
            if (c instanceof ThreeNodeBundle bundle) {
                out.addAll(bundle.split(observed.get(i), samples.get(i)));
            } else {
                out.add(FamilyStatistics.of(c.family(), c.labels(), observed.get(i), samples.get(i)));
            }
        }
        List<String> order = view.counters().stream().map(MotifCounter::family).toList();
        out.sort(Comparator.comparingInt(f -> order.indexOf(f.family())));
        return out;
    }

    private static void addObserved(List<ObservedFamily> observed, List<FamilyStatistics> stats) {
        for (FamilyStatistics f : stats) {
            observed.add(new ObservedFamily(f.family(), f.labels(), boxed(f.observed())));
        }
    }

    private NullSection nullSection(NullKind kind, View view, EnsembleResult result, List<FamilyStatistics> stats) {
        List<FamilyRows> families = new ArrayList<>();
        Boolean identity = null;
        for (FamilyStatistics f : stats) {
            if (TriadCensus.FAMILY.equals(f.family())) {
                identity = DagTriadIdentity.holds(f);
            }
            families.add(new FamilyRows(f.family(), rows(f)));
        }
        JsonNode diagnostics = withoutNonFinite(mapper.valueToTree(result.diagnostics()));
        return new NullSection(kind.cliName(), view.name(), params.samples(), params.sweepsPerSample(),
                finite(result.acceptanceRate()), diagnostics, identity, families);
    }

    /**
     * {@code tree} with every NaN or infinite number replaced by JSON null: the ensemble reports "not measurable"
     * as NaN (e.g. lag-1 autocorrelation with one sample per chain), and JSON has no such number.
     */
    private static JsonNode withoutNonFinite(JsonNode tree) {
        if (tree instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode value = object.get(name);
                object.set(name, value.isNumber() && !Double.isFinite(value.asDouble()) ? NullNode.instance
                        : withoutNonFinite(value));
            });
        } else if (tree instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                array.set(i, value.isNumber() && !Double.isFinite(value.asDouble()) ? NullNode.instance
                        : withoutNonFinite(value));
            }
        }
        return tree;
    }

    private static List<ClassRow> rows(FamilyStatistics s) {
        List<ClassRow> rows = new ArrayList<>(s.size());
        for (int c = 0; c < s.size(); c++) {
            rows.add(new ClassRow(s.labels().get(c), s.observed(c), finite(s.nullMean(c)), finite(s.nullSd(c)),
                    number(s.z().get(c)), reason(s.z().get(c)), number(s.sp().get(c)), reason(s.sp().get(c)),
                    number(s.p().get(c)), reason(s.p().get(c)), null, Q_PENDING));
        }
        return rows;
    }

    private static List<Long> boxed(long[] counts) {
        List<Long> out = new ArrayList<>(counts.length);
        for (long c : counts) {
            out.add(c);
        }
        return out;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    static Double number(Statistic s) {
        return s instanceof Statistic.Defined d ? d.value() : null;
    }

    static String reason(Statistic s) {
        return s instanceof Statistic.Undefined u ? u.reason() : null;
    }
}
