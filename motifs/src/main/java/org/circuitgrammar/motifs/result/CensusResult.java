package org.circuitgrammar.motifs.result;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.circuitgrammar.corpus.provenance.Provenance;
import org.circuitgrammar.motifs.nulls.NullKind;

/**
 * The census of one graph: its counts, its null ensembles and their statistics, and how it was made. Immutable; read
 * and written only through {@link CensusResultCodec} (format {@value #FORMAT_VERSION}).
 *
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param resultKey     SHA-256 of the input's SHA-256 and the canonical spec: a rerun reuses the result iff equal
 * @param graph         the input and its analysed views
 * @param observed      observed counts per family (every family, also on a counts-only run)
 * @param nulls         one entry per null model of the spec (none when {@code samples = 0})
 * @param fdrFamily     which hypotheses the q-values were adjusted over, or why there are none
 * @param provenance    tool version, argv, the {@link CensusSpec}, seeds and the input's SHA-256
 */
public record CensusResult(int formatVersion, String resultKey, GraphInfo graph, List<ObservedFamily> observed,
                           List<NullResult> nulls, String fdrFamily, Provenance provenance) {
    /** Bumped whenever the layout changes; older files are refused with a message to rerun. */
    public static final int FORMAT_VERSION = 2;

    public CensusResult {
        Objects.requireNonNull(resultKey, "resultKey");
        Objects.requireNonNull(graph, "graph");
        observed = List.copyOf(observed);
        nulls = List.copyOf(nulls);
        Objects.requireNonNull(fdrFamily, "fdrFamily");
        Objects.requireNonNull(provenance, "provenance");
        if (!(provenance.config() instanceof CensusSpec)) {
            throw new IllegalArgumentException("a census result's provenance carries its CensusSpec");
        }
    }

    /** The census specification the result was made with. */
    public CensusSpec spec() {
        return (CensusSpec) provenance.config();
    }

    /** The result against {@code kind}, if it was run. */
    public Optional<NullResult> nullResult(NullKind kind) {
        return nulls.stream().filter(n -> n.nullModel() == kind).findFirst();
    }

    /** Observed counts of {@code family}, if counted. */
    public Optional<ObservedFamily> observed(MotifFamily family) {
        return observed.stream().filter(o -> o.family() == family).findFirst();
    }

    /** This result with its null sections (and FDR note) replaced, e.g. after q-values over a batch. */
    public CensusResult withNulls(List<NullResult> newNulls, String newFdrFamily) {
        return new CensusResult(formatVersion, resultKey, graph, observed, newNulls, newFdrFamily, provenance);
    }

    /** Observed counts of one family, labels and counts aligned. */
    public record ObservedFamily(MotifFamily family, List<String> labels, List<Long> counts) {
        public ObservedFamily {
            Objects.requireNonNull(family, "family");
            labels = List.copyOf(labels);
            counts = List.copyOf(counts);
            if (labels.size() != counts.size()) {
                throw new IllegalArgumentException(family + ": " + counts.size() + " counts for " + labels.size()
                        + " labels");
            }
        }

        /** The count of {@code label}. */
        public long count(String label) {
            int i = labels.indexOf(label);
            if (i < 0) {
                throw new IllegalArgumentException(family + " has no class " + label);
            }
            return counts.get(i);
        }
    }
}
