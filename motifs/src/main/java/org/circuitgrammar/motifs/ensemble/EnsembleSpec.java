package org.circuitgrammar.motifs.ensemble;

import java.util.Objects;
import org.circuitgrammar.motifs.nulls.NullKind;

/**
 * What one null ensemble is: which null, how many samples, how far apart along a chain, the root seed, and the
 * profile.
 *
 * @param nullKind        the null model
 * @param samples         ensemble size (≥ 1; default {@link #DEFAULT_SAMPLES})
 * @param sweepsPerSample swap trials between consecutive samples of a chain, in sweeps (a sweep = m trials, spread over
 *                        the blocks by size); in the {@link Profile#CIRCUIT_MOTIFS} profile the length of the fresh
 *                        chain behind every sample. Ignored by the direct samplers (er, lp-er)
 * @param seed            the root seed; with the graph's SHA-256 it fixes every sample
 * @param profile         {@link Profile#DEFAULT} or the anchor-compatible {@link Profile#CIRCUIT_MOTIFS}
 */
public record EnsembleSpec(NullKind nullKind, int samples, double sweepsPerSample, long seed, Profile profile) {
    /** Default ensemble size, as in circuit-motifs and the issue. */
    public static final int DEFAULT_SAMPLES = 1000;
    /**
     * Default sweeps between samples of one chain. Chosen by effective samples per CPU second (docs/nulls.md, "Effective
     * samples by schedule"): for the default null 4 sweeps give 817 (Dallas) and 757 (dense Qwen-shaped graph)
     * effective FFL samples of 1000 against 613 and 474 at 2 sweeps, for 10–20 % more CPU, because the census, not the
     * swaps, dominates a sample's cost.
     */
    public static final double DEFAULT_SWEEPS_PER_SAMPLE = 4.0;
    /** circuit-motifs' chain length: 10·E trials (config) or 10·k attempts per layer-pair block (LPC). */
    public static final double CIRCUIT_MOTIFS_SWEEPS = 10.0;

    /** How samples are made. */
    public enum Profile {
        /**
         * The correct behaviour: a few long independent chains (burn-in, then thinned samples), exact sign counts in
         * the sign-shuffled nulls, same-sign swaps in lpc-sign.
         */
        DEFAULT("default"),
        /**
         * circuit-motifs' null choices: a fresh chain from the observed graph for every sample
         * ({@link #CIRCUIT_MOTIFS_SWEEPS} sweeps), Bernoulli signs for er / lp-er / lpc-shuffle, lpc-sign swaps that
         * mix signs with the sign staying on the source.
         */
        CIRCUIT_MOTIFS("circuit-motifs");

        private final String cliName;

        Profile(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        /** The profile named {@code name} ({@code default} or {@code circuit-motifs}). */
        public static Profile parse(String name) {
            for (Profile p : values()) {
                if (p.cliName.equalsIgnoreCase(name.trim())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown profile '" + name + "'; expected default or circuit-motifs");
        }
    }

    public EnsembleSpec {
        Objects.requireNonNull(nullKind, "nullKind");
        Objects.requireNonNull(profile, "profile");
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1: " + samples);
        }
        if (!(sweepsPerSample >= 0) || Double.isInfinite(sweepsPerSample)) {
            throw new IllegalArgumentException("sweeps per sample must be finite and >= 0: " + sweepsPerSample);
        }
    }

    /** The spec with the profile's sweeps per sample: {@link #DEFAULT_SWEEPS_PER_SAMPLE} or 10 for circuit-motifs. */
    public static EnsembleSpec of(NullKind nullKind, int samples, long seed, Profile profile) {
        double sweeps = profile == Profile.CIRCUIT_MOTIFS ? CIRCUIT_MOTIFS_SWEEPS : DEFAULT_SWEEPS_PER_SAMPLE;
        return new EnsembleSpec(nullKind, samples, sweeps, seed, profile);
    }
}
