package org.circuitgrammar.motifs.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.census.ThreeNodeCensus;
import org.circuitgrammar.motifs.census.ThreeNodeCounts;
import org.circuitgrammar.motifs.census.ThreeNodeFamily;
import org.circuitgrammar.motifs.ensemble.FamilyCounts;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.result.MotifFamily;

/**
 * The {@code triad}, {@code signed} and {@code position} families are projections of one 3-node census
 * ({@link ThreeNodeCensus}). The census counts them once per graph (observed or null sample) through this single
 * counter, whose labels are the members' labels in order (distinct across the three families), and splits the
 * columns back afterwards. The triad family is always a member, asked for or not: it gives the number of connected
 * 3-node subgraphs (the denominator of every 3-node concentration) and the {@code 030T} column the ensemble's mixing
 * diagnostic watches.
 */
public final class ThreeNodeBundle implements MotifCounter {
    private final List<MotifFamily> members;
    private final List<ThreeNodeFamily> counters;
    private final List<String> labels;
    private final boolean positions;       // whether a member reads the position split (else the cheaper census)

    private ThreeNodeBundle(List<MotifFamily> members) {
        this.members = List.copyOf(members);
        List<ThreeNodeFamily> cs = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (MotifFamily m : members) {
            ThreeNodeFamily c = (ThreeNodeFamily) m.counter();
            cs.add(c);
            all.addAll(c.labels());
        }
        if (Set.copyOf(all).size() != all.size()) {
            throw new IllegalStateException("3-node family labels are no longer distinct: " + all);
        }
        this.counters = List.copyOf(cs);
        this.labels = List.copyOf(all);
        this.positions = cs.stream().anyMatch(ThreeNodeFamily::readsPositions);
    }

    /** The bundle of the 3-node families among {@code families} (order kept), with triad appended if absent. */
    public static ThreeNodeBundle of(List<MotifFamily> families) {
        List<MotifFamily> members = new ArrayList<>(families.stream().filter(MotifFamily::threeNode).toList());
        if (!members.contains(MotifFamily.TRIAD)) {
            members.add(MotifFamily.TRIAD);
        }
        return new ThreeNodeBundle(members);
    }

    /** The member families, in column order. */
    public List<MotifFamily> members() {
        return members;
    }

    @Override
    public String family() {
        return String.join("+", members.stream().map(MotifFamily::id).toList());
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public long[] count(SignedDigraph g) {
        ThreeNodeCounts c = ThreeNodeCensus.count(g, positions);
        long[] out = new long[labels.size()];
        int at = 0;
        for (ThreeNodeFamily m : counters) {
            long[] part = m.project(c);
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** The members' counts out of this bundle's counts, in member order. {@code O(samples · labels)}. */
    public List<FamilyCounts> split(FamilyCounts bundled) {
        List<FamilyCounts> out = new ArrayList<>();
        int at = 0;
        long[] observed = bundled.observed();
        for (ThreeNodeFamily m : counters) {
            int k = m.labels().size();
            long[] obs = new long[k];
            System.arraycopy(observed, at, obs, 0, k);
            long[][] rows = new long[bundled.sampleCount()][k];
            for (int i = 0; i < rows.length; i++) {
                for (int c = 0; c < k; c++) {
                    rows[i][c] = bundled.sample(i, at + c);
                }
            }
            out.add(new FamilyCounts(m.family(), m.labels(), obs, rows));
            at += k;
        }
        return out;
    }
}
