package org.circuitgrammar.cli.census;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.census.ThreeNodeCensus;
import org.circuitgrammar.motifs.census.ThreeNodeCounts;
import org.circuitgrammar.motifs.census.ThreeNodeFamily;
import org.circuitgrammar.motifs.graph.SignedDigraph;
import org.circuitgrammar.motifs.stats.FamilyStatistics;

/**
 * The {@code triad}, {@code signed} and {@code position} families are projections of one 3-node census
 * ({@link ThreeNodeCensus}). Asked for two or three of them, the census counts once per graph (observed or null
 * sample) through this single counter, whose labels are the members' labels in order (they are distinct across the
 * three families, so the ensemble's mixing diagnostic still finds {@code 030T}), and splits the columns back
 * afterwards: a third of the counting time when all three are asked for.
 */
public final class ThreeNodeBundle implements MotifCounter {
    private final List<ThreeNodeFamily> members;
    private final List<String> labels;

    private ThreeNodeBundle(List<ThreeNodeFamily> members) {
        this.members = List.copyOf(members);
        List<String> all = new ArrayList<>();
        for (ThreeNodeFamily m : members) {
            all.addAll(m.labels());
        }
        if (Set.copyOf(all).size() != all.size()) {
            throw new IllegalStateException("3-node family labels are no longer distinct: " + all);
        }
        this.labels = List.copyOf(all);
    }

    /** {@code counters} with two or more 3-node families replaced by one bundle, placed where the first was. */
    public static List<MotifCounter> bundle(List<MotifCounter> counters) {
        List<ThreeNodeFamily> members = counters.stream().filter(c -> c instanceof ThreeNodeFamily)
                .map(c -> (ThreeNodeFamily) c).toList();
        if (members.size() < 2) {
            return counters;
        }
        List<MotifCounter> out = new ArrayList<>();
        for (MotifCounter c : counters) {
            if (c == members.get(0)) {
                out.add(new ThreeNodeBundle(members));
            } else if (!(c instanceof ThreeNodeFamily)) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String family() {
        return String.join("+", members.stream().map(MotifCounter::family).toList());
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public long[] count(SignedDigraph g) {
        ThreeNodeCounts c = ThreeNodeCensus.count(g);
        long[] out = new long[labels.size()];
        int at = 0;
        for (ThreeNodeFamily m : members) {
            long[] part = m.project(c);
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** The members' statistics out of this bundle's observed counts and null samples (rows of {@link #count}). */
    List<FamilyStatistics> split(long[] observed, long[][] samples) {
        List<FamilyStatistics> out = new ArrayList<>();
        int at = 0;
        for (ThreeNodeFamily m : members) {
            int k = m.labels().size();
            long[] obs = new long[k];
            System.arraycopy(observed, at, obs, 0, k);
            long[][] rows = new long[samples.length][k];
            for (int i = 0; i < samples.length; i++) {
                System.arraycopy(samples[i], at, rows[i], 0, k);
            }
            out.add(FamilyStatistics.of(m.family(), m.labels(), obs, rows));
            at += k;
        }
        return out;
    }
}
