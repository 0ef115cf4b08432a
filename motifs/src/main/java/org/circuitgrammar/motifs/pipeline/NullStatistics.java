package org.circuitgrammar.motifs.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.circuitgrammar.motifs.census.TriadClass;
import org.circuitgrammar.motifs.ensemble.FamilyCounts;
import org.circuitgrammar.motifs.result.MotifFamily;
import org.circuitgrammar.motifs.result.MotifRow;
import org.circuitgrammar.motifs.result.NullDistribution;
import org.circuitgrammar.motifs.result.NullResult.FamilyRows;
import org.circuitgrammar.motifs.result.RowRole;
import org.circuitgrammar.motifs.stats.EffectSize;
import org.circuitgrammar.motifs.stats.EmpiricalPValue;
import org.circuitgrammar.motifs.stats.NullMoments;
import org.circuitgrammar.motifs.stats.RowDependence;
import org.circuitgrammar.motifs.stats.SignificanceProfile;
import org.circuitgrammar.motifs.stats.Statistic;

/**
 * The rows of every counted family against one null ensemble ({@code docs/census.md}, "Statistics"): moments, Z,
 * effect size, concentration, empirical p, which rows are separate statistics ({@link RowDependence}; the triad
 * family is visited first with 030T leading, so a tied set is represented by the FFL), the significance profile over
 * the independent connected classes of each family, and q left pending for the batch.
 */
final class NullStatistics {
    /** The q of an independent row until the batch adjusts it. */
    static final String Q_PENDING = "pending: q is computed over every graph when the batch finishes";
    private static final String FFL = "030T";

    private NullStatistics() {
    }

    /** Rows of every family of {@code counted} against its samples. */
    static List<FamilyRows> of(CountPlan.Counted counted) {
        List<FamilyCounts> fams = counted.counts();
        List<int[]> rowIds = new ArrayList<>();
        List<long[]> columns = new ArrayList<>();
        List<long[]> nullColumns = new ArrayList<>();
        for (int f = 0; f < fams.size(); f++) {
            FamilyCounts fc = fams.get(f);
            for (int c = 0; c < fc.classCount(); c++) {
                long[] nulls = fc.nullCounts(c);
                long[] col = new long[nulls.length + 1];
                col[0] = fc.observed(c);
                System.arraycopy(nulls, 0, col, 1, nulls.length);
                rowIds.add(new int[] {f, c});
                columns.add(col);
                nullColumns.add(nulls);
            }
        }
        int[] roles = RowDependence.of(columns.toArray(long[][]::new), priority(counted.families(), fams, rowIds));
        List<FamilyRows> out = new ArrayList<>();
        int row = 0;
        for (int f = 0; f < fams.size(); f++) {
            FamilyCounts fc = fams.get(f);
            MotifFamily family = counted.families().get(f);
            CountPlan.Totals totals = counted.totalsOf(family);
            List<Statistic> zs = new ArrayList<>();
            List<RowRole> rowRoles = new ArrayList<>();
            List<String> determinedBy = new ArrayList<>();
            List<Boolean> inProfile = new ArrayList<>();
            for (int c = 0; c < fc.classCount(); c++, row++) {
                int role = roles[row];
                RowRole r = role == RowDependence.INDEPENDENT ? RowRole.INDEPENDENT
                        : role == RowDependence.CONSTANT ? RowRole.CONSTANT : RowRole.DETERMINED;
                rowRoles.add(r);
                int[] by = role >= 0 ? rowIds.get(role) : null;
                determinedBy.add(by == null ? null
                        : counted.families().get(by[0]).id() + "/" + fams.get(by[0]).labels().get(by[1]));
                Statistic z = NullMoments.zScore(fc.observed(c), nullColumns.get(row));
                zs.add(z);
                inProfile.add(r == RowRole.INDEPENDENT && z.isDefined() && connected(family, fc.labels().get(c)));
            }
            List<Statistic> spInput = new ArrayList<>();
            for (int c = 0; c < zs.size(); c++) {
                spInput.add(inProfile.get(c) ? zs.get(c) : Statistic.undefined("not in the profile"));
            }
            List<Statistic> sp = SignificanceProfile.of(spInput);
            List<MotifRow> rows = new ArrayList<>();
            int first = row - fc.classCount();
            for (int c = 0; c < fc.classCount(); c++) {
                long[] nulls = nullColumns.get(first + c);
                NullMoments m = NullMoments.of(nulls);
                EffectSize effect = EffectSize.of(fc.observed(c), nulls, m);
                RowRole r = rowRoles.get(c);
                Statistic spEntry = inProfile.get(c) ? sp.get(c) : Statistic.undefined(notInProfile(r,
                        determinedBy.get(c), zs.get(c), family, fc.labels().get(c)));
                rows.add(new MotifRow(fc.labels().get(c), fc.observed(c), m.mean(), m.sd(), zs.get(c),
                        effect.log2Ratio(), effect.low(), effect.high(),
                        share(fc.observed(c), totals == null ? -1 : totals.observed()),
                        nullShare(nulls, totals), spEntry, EmpiricalPValue.twoSided(fc.observed(c), nulls),
                        qBeforeBatch(r, determinedBy.get(c)), r, determinedBy.get(c), NullDistribution.of(nulls)));
            }
            out.add(new FamilyRows(family, spNote(family), rows));
        }
        return out;
    }

    /** Rows of every family when no sample could be drawn (or none was asked for), with {@code reason}. */
    static List<FamilyRows> untested(CountPlan.Counted counted, String reason) {
        Statistic none = Statistic.undefined(reason);
        List<FamilyRows> out = new ArrayList<>();
        for (int f = 0; f < counted.counts().size(); f++) {
            FamilyCounts fc = counted.counts().get(f);
            MotifFamily family = counted.families().get(f);
            CountPlan.Totals totals = counted.totalsOf(family);
            List<MotifRow> rows = new ArrayList<>();
            for (int c = 0; c < fc.classCount(); c++) {
                rows.add(new MotifRow(fc.labels().get(c), fc.observed(c), Double.NaN, Double.NaN, none, none, none,
                        none, share(fc.observed(c), totals == null ? -1 : totals.observed()), none, none, none, none,
                        RowRole.UNTESTED, null, null));
            }
            out.add(new FamilyRows(family, spNote(family), rows));
        }
        return out;
    }

    /** Visit order: the triad family first, 030T first within it, then every other row in family and label order. */
    private static int[] priority(List<MotifFamily> families, List<FamilyCounts> fams, List<int[]> rowIds) {
        List<Integer> order = new ArrayList<>();
        int triad = families.indexOf(MotifFamily.TRIAD);
        for (int pass = 0; pass < 3; pass++) {
            for (int r = 0; r < rowIds.size(); r++) {
                int[] id = rowIds.get(r);
                boolean isTriad = id[0] == triad;
                boolean isFfl = isTriad && fams.get(id[0]).labels().get(id[1]).equals(FFL);
                int wanted = isFfl ? 0 : isTriad ? 1 : 2;
                if (wanted == pass) {
                    order.add(r);
                }
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** True iff the class is a connected subgraph (only the triads 003, 012 and 102 are not). */
    private static boolean connected(MotifFamily family, String label) {
        return family != MotifFamily.TRIAD || TriadClass.ofMan(label).connected();
    }

    private static String spNote(MotifFamily family) {
        return "SP = Z / ||Z|| over the independent rows of this family with a defined Z"
                + (family == MotifFamily.TRIAD ? " among the 13 connected triads (003, 012 and 102 are left out)" : "");
    }

    private static String notInProfile(RowRole role, String determinedBy, Statistic z, MotifFamily family,
                                       String label) {
        return switch (role) {
            case DETERMINED -> "determined by " + determinedBy + ": no separate profile entry";
            case CONSTANT -> "the null holds this class constant";
            case UNTESTED -> "no null samples";
            case INDEPENDENT -> z instanceof Statistic.Undefined u ? "Z undefined: " + u.reason()
                    : "disconnected triad " + label + " (" + family.id() + "): not in the profile";
        };
    }

    private static Statistic qBeforeBatch(RowRole role, String determinedBy) {
        return Statistic.undefined(switch (role) {
            case INDEPENDENT -> Q_PENDING;
            case DETERMINED -> "determined by " + determinedBy + ": not a separate hypothesis";
            case CONSTANT -> "the null holds this class constant: not tested";
            case UNTESTED -> "no null samples";
        });
    }

    private static Statistic share(long count, long total) {
        if (total < 0) {
            return Statistic.undefined("no connected-subgraph total for this family");
        }
        return total == 0 ? Statistic.undefined("no connected subgraphs of this size") : Statistic.of((double) count / total);
    }

    /** The mean over samples of the class's share (samples with no connected subgraph left out). */
    private static Statistic nullShare(long[] nulls, CountPlan.Totals totals) {
        if (totals == null) {
            return Statistic.undefined("no connected-subgraph total for this family");
        }
        double sum = 0;
        int used = 0;
        for (int i = 0; i < nulls.length; i++) {
            if (totals.samples()[i] > 0) {
                sum += (double) nulls[i] / totals.samples()[i];
                used++;
            }
        }
        return used == 0 ? Statistic.undefined("no null sample has a connected subgraph of this size")
                : Statistic.of(sum / used);
    }
}
