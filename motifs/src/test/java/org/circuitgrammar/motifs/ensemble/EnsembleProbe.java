package org.circuitgrammar.motifs.ensemble;

/** Test-side access to the ensemble's package-private estimators, for measurements in other packages. */
public final class EnsembleProbe {
    private EnsembleProbe() {
    }

    /** {@link Mixing#effectiveSamples}. */
    public static double effectiveSamples(int chains, long[] x) {
        return Mixing.effectiveSamples(chains, x);
    }
}
