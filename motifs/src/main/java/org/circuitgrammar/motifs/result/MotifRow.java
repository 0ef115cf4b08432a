package org.circuitgrammar.motifs.result;

import java.util.Objects;
import org.circuitgrammar.motifs.stats.Statistic;

/**
 * One motif class against one null: the observed count, the null's moments and distribution, and every statistic
 * with its meaning fixed in {@code docs/census.md}.
 *
 * @param label             the class, e.g. {@code 030T} or {@code C1}
 * @param observed          count in the observed graph
 * @param nullMean          mean of the null counts (NaN without samples)
 * @param nullSd            population sd of the null counts (NaN without samples)
 * @param z                 (observed − mean) / sd; grows with graph size, read it beside {@code log2Ratio}
 * @param log2Ratio         effect size log2(observed / null mean)
 * @param log2RatioLow      lower end of its 95 % Monte Carlo interval (the null mean's uncertainty over the samples)
 * @param log2RatioHigh     upper end
 * @param concentration     the class's share of the graph's connected subgraphs of its size (3 or 4 nodes)
 * @param nullConcentration the mean of that share over the null samples
 * @param sp                significance-profile entry (independent, connected, varying classes only)
 * @param p                 empirical two-sided p (exact or approximate: see {@link NullResult#pValues()})
 * @param q                 Benjamini–Hochberg q over the run's independent rows of this null
 * @param role              whether this row is a hypothesis of its own
 * @param determinedBy      for {@link RowRole#DETERMINED}: the label ({@code family/label}) of the row it follows
 * @param distribution      the null counts (null without samples)
 */
public record MotifRow(String label, long observed, double nullMean, double nullSd, Statistic z, Statistic log2Ratio,
                       Statistic log2RatioLow, Statistic log2RatioHigh, Statistic concentration,
                       Statistic nullConcentration, Statistic sp, Statistic p, Statistic q, RowRole role,
                       String determinedBy, NullDistribution distribution) {
    public MotifRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(log2Ratio, "log2Ratio");
        Objects.requireNonNull(log2RatioLow, "log2RatioLow");
        Objects.requireNonNull(log2RatioHigh, "log2RatioHigh");
        Objects.requireNonNull(concentration, "concentration");
        Objects.requireNonNull(nullConcentration, "nullConcentration");
        Objects.requireNonNull(sp, "sp");
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(role, "role");
        if ((role == RowRole.DETERMINED) != (determinedBy != null)) {
            throw new IllegalArgumentException(label + ": determinedBy is set iff the row is determined");
        }
    }

    /** This row with q replaced. */
    public MotifRow withQ(Statistic newQ) {
        return new MotifRow(label, observed, nullMean, nullSd, z, log2Ratio, log2RatioLow, log2RatioHigh,
                concentration, nullConcentration, sp, p, newQ, role, determinedBy, distribution);
    }

    /** True iff this row is one hypothesis of the Benjamini–Hochberg family: independent with a defined p. */
    public boolean inFdrFamily() {
        return role == RowRole.INDEPENDENT && p.isDefined();
    }

    @Override
    public boolean equals(Object o) {
        // NaN moments (no samples) compare equal, so a result read back equals the one written
        return o instanceof MotifRow r && label.equals(r.label) && observed == r.observed
                && Double.compare(nullMean, r.nullMean) == 0 && Double.compare(nullSd, r.nullSd) == 0
                && z.equals(r.z) && log2Ratio.equals(r.log2Ratio) && log2RatioLow.equals(r.log2RatioLow)
                && log2RatioHigh.equals(r.log2RatioHigh) && concentration.equals(r.concentration)
                && nullConcentration.equals(r.nullConcentration) && sp.equals(r.sp) && p.equals(r.p)
                && q.equals(r.q) && role == r.role && Objects.equals(determinedBy, r.determinedBy)
                && Objects.equals(distribution, r.distribution);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, observed, Double.hashCode(nullMean), Double.hashCode(nullSd), z, log2Ratio, p, q,
                role);
    }
}
