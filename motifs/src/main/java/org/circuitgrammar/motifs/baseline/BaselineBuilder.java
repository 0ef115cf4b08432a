package org.circuitgrammar.motifs.baseline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.circuitgrammar.corpus.provenance.InputRef;
import org.circuitgrammar.corpus.provenance.Provenance;
import org.circuitgrammar.corpus.provenance.RunInfo;
import org.circuitgrammar.corpus.provenance.SeedInfo;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.GraphInfo;
import org.circuitgrammar.motifs.result.NearDuplicates;

/**
 * Builds a {@link GrammarBaseline} from census results.
 *
 * <p>Per group ({@link GraphGroups}): near-duplicate graphs (node-set Jaccard ≥ the spec's threshold,
 * {@link NearDuplicates}) count once, as their first graph; for every motif row that is an independent statistic
 * with a defined effect size in at least one graph, the effect sizes over graphs, their median, its
 * {@link MedianBootstrap} interval and the {@link Direction} the interval establishes; per null and family the mean
 * significance profile.
 *
 * <p>Deterministic: one {@link SplittableRandom} from the spec's seed, split once per motif in the order groups and
 * motifs appear in the baseline. Cost {@code O(motifs · resamples · g log g)} for groups of g graphs, plus
 * {@code O(g²·n)} for the near-duplicate search.
 */
public final class BaselineBuilder {
    /** How the bootstrap seed is split, for provenance. */
    public static final String SEED_SPLITTING = "baseline: one SplittableRandom from the seed, split once per "
            + "motif in the order of the baseline's groups and motifs; check: a fresh one from the same seed, split "
            + "once per baseline group, and that twice per motif, in the same order";

    private BaselineBuilder() {
    }

    /**
     * The baseline of {@code results}. The caller has checked that their census settings agree (or allowed them
     * not to, see {@link BaselineSpec#mixedSettings()}).
     *
     * @param run the run that builds the baseline, for provenance
     * @throws IllegalArgumentException for no results
     */
    public static GrammarBaseline build(List<CensusResult> results, BaselineSpec spec, RunInfo run) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a baseline needs at least one census result");
        }
        SplittableRandom root = new SplittableRandom(spec.seed());
        List<GroupBaseline> groups = new ArrayList<>();
        for (Map.Entry<String, List<CensusResult>> group : GraphGroups.of(results, spec.groupBy()).entrySet()) {
            groups.add(group(group.getKey(), group.getValue(), spec, root));
        }
        List<InputRef> inputs = results.stream().map(r -> inputOf(r.graph())).toList();
        Set<Provenance> parents = new LinkedHashSet<>();
        results.forEach(r -> parents.add(r.provenance()));
        Provenance provenance = new Provenance(run, inputs, spec, new SeedInfo(spec.seed(), SEED_SPLITTING),
                List.copyOf(parents));
        return new GrammarBaseline(GrammarBaseline.FORMAT_VERSION, groups, provenance);
    }

    private static GroupBaseline group(String name, List<CensusResult> members, BaselineSpec spec,
                                       SplittableRandom root) {
        NearDuplicates dups = NearDuplicates.of(members, spec.nearDuplicateJaccard());
        List<BaselineGraph> graphs = new ArrayList<>();
        for (CensusResult kept : dups.kept()) {
            List<InputRef> merged = dups.merged().getOrDefault(kept, List.of()).stream()
                    .map(r -> inputOf(r.graph())).toList();
            graphs.add(new BaselineGraph(inputOf(kept.graph()), merged));
        }
        GroupEffects effects = GroupEffects.of(dups.kept());
        List<MotifBaseline> motifs = new ArrayList<>();
        effects.motifs().forEach((key, measured) -> {
            double[] values = measured.array();
            double median = MedianBootstrap.median(values);
            double[] interval = MedianBootstrap.interval(values, values.length, spec.resamples(), root.split());
            // clamped so that the interval holds the median; a percentile interval of B >= 100 medians misses it only
            // when nearly every resample ties on one side, e.g. for two graphs
            double low = Math.min(interval[0], median);
            double high = Math.max(interval[1], median);
            motifs.add(new MotifBaseline(key, measured.effects(), measured.graphIds(), median, low, high,
                    Direction.of(low, high)));
        });
        return new GroupBaseline(name, graphs, motifs, effects.profiles());
    }

    /** The input reference of a census result's graph. */
    static InputRef inputOf(GraphInfo graph) {
        return new InputRef(graph.path(), graph.sha256(), graph.size());
    }
}
