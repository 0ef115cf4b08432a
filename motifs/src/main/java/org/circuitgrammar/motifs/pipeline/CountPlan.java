package org.circuitgrammar.motifs.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circuitgrammar.motifs.census.MotifCounter;
import org.circuitgrammar.motifs.census.TriadClass;
import org.circuitgrammar.motifs.ensemble.FamilyCounts;
import org.circuitgrammar.motifs.result.MotifFamily;

/**
 * How a list of families is counted: the 3-node families through one {@link ThreeNodeBundle}, dag4 by its own
 * counter; and how the counts come apart again, with the number of connected subgraphs of each size that
 * concentrations divide by.
 */
final class CountPlan {
    private final List<MotifFamily> families;
    private final ThreeNodeBundle bundle;
    private final List<MotifCounter> counters;

    private CountPlan(List<MotifFamily> families) {
        this.families = List.copyOf(families);
        this.bundle = families.stream().anyMatch(MotifFamily::threeNode) ? ThreeNodeBundle.of(families) : null;
        List<MotifCounter> cs = new ArrayList<>();
        if (bundle != null) {
            cs.add(bundle);
        }
        if (families.contains(MotifFamily.DAG4)) {
            cs.add(MotifFamily.DAG4.counter());
        }
        this.counters = List.copyOf(cs);
    }

    static CountPlan of(List<MotifFamily> families) {
        return new CountPlan(families);
    }

    /** The counters to run, in order. */
    List<MotifCounter> counters() {
        return counters;
    }

    /**
     * The counts of every asked family (in the order asked), from the counters' counts (in {@link #counters()}
     * order), with the connected-subgraph totals of the same graphs.
     */
    Counted split(List<FamilyCounts> counted) {
        Map<MotifFamily, FamilyCounts> byFamily = new LinkedHashMap<>();
        int next = 0;
        if (bundle != null) {
            List<FamilyCounts> members = bundle.split(counted.get(next++));
            for (int i = 0; i < members.size(); i++) {
                byFamily.put(bundle.members().get(i), members.get(i));
            }
        }
        if (families.contains(MotifFamily.DAG4)) {
            byFamily.put(MotifFamily.DAG4, counted.get(next));
        }
        FamilyCounts triad = byFamily.get(MotifFamily.TRIAD);
        Totals connected3 = triad == null ? null : Totals.of(triad, c -> TriadClass.ofMan(triad.labels().get(c)).connected());
        FamilyCounts dag4 = byFamily.get(MotifFamily.DAG4);
        Totals connected4 = dag4 == null ? null : Totals.of(dag4, c -> true);
        List<FamilyCounts> asked = families.stream().map(byFamily::get).toList();
        return new Counted(families, asked, connected3, connected4);
    }

    /**
     * The asked families' counts and the connected totals.
     *
     * @param connected3 connected 3-node subgraphs of the observed graph and each sample (null without 3-node families)
     * @param connected4 connected 4-node subgraphs (null without dag4)
     */
    record Counted(List<MotifFamily> families, List<FamilyCounts> counts, Totals connected3, Totals connected4) {
        Totals totalsOf(MotifFamily f) {
            return f == MotifFamily.DAG4 ? connected4 : connected3;
        }
    }

    /** A sum of some classes on the observed graph and on every sample. */
    record Totals(long observed, long[] samples) {
        static Totals of(FamilyCounts counts, java.util.function.IntPredicate included) {
            long obs = 0;
            long[] s = new long[counts.sampleCount()];
            for (int c = 0; c < counts.classCount(); c++) {
                if (included.test(c)) {
                    obs += counts.observed(c);
                    for (int i = 0; i < s.length; i++) {
                        s[i] += counts.sample(i, c);
                    }
                }
            }
            return new Totals(obs, s);
        }
    }
}
