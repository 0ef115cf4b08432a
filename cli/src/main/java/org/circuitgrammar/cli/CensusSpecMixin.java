package org.circuitgrammar.cli;

import java.util.List;
import org.circuitgrammar.motifs.ensemble.EnsembleSpec;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.result.CensusSpec;
import org.circuitgrammar.motifs.result.MotifFamily;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The census options of every command that runs a census ({@code census}, {@code grammar baseline}). */
public final class CensusSpecMixin {
    @Option(names = "--null", paramLabel = "NULLS", defaultValue = NullKind.DEFAULT_NAME, converter = NullKindsConverter.class,
            description = "comma-separated null models: er, config, lp-er, lpc, lpc-shuffle, lpc-sign, "
                    + "lpc-position, or all (default: ${DEFAULT-VALUE})")
    NullKinds nulls;

    @Option(names = "-n", paramLabel = "N", defaultValue = "1000",
            description = "null samples per graph and null; 0 = counts only (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--sweeps", paramLabel = "S",
            description = "swap sweeps (m trials each) between samples of a chain (default: "
                    + EnsembleSpec.DEFAULT_SWEEPS_PER_SAMPLE + "; in the circuit-motifs profile the length of each "
                    + "sample's fresh chain, default " + EnsembleSpec.CIRCUIT_MOTIFS_SWEEPS + ")")
    Double sweeps;

    @Mixin
    SeedMixin seed;

    @Option(names = "--motifs", paramLabel = "FAMILIES", defaultValue = "triad,signed", split = ",",
            converter = MotifFamilyConverter.class,
            description = "comma-separated motif families: triad, signed, dag4, position (default: ${DEFAULT-VALUE})")
    List<MotifFamily> motifs;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "default", converter = ProfileConverter.class,
            description = "default, or circuit-motifs to reproduce that tool's loading and null choices "
                    + "(see docs/compat-circuit-motifs.md) (default: ${DEFAULT-VALUE})")
    EnsembleSpec.Profile profile;

    @Mixin
    AnalysisViewMixin view;

    /** The typed specification these options ask for; {@link IllegalArgumentException} with a one-line reason. */
    public CensusSpec spec() {
        double sweepsPerSample = sweeps != null ? sweeps : profile == EnsembleSpec.Profile.CIRCUIT_MOTIFS
                ? EnsembleSpec.CIRCUIT_MOTIFS_SWEEPS : EnsembleSpec.DEFAULT_SWEEPS_PER_SAMPLE;
        return new CensusSpec(profile, motifs.stream().distinct().toList(), nulls.kinds(), samples, sweepsPerSample,
                seed.seed, view.keepErrors, view.threshold, view.topEdges, view.maxLayerGap);
    }

    /** The null models of {@code --null}, in order, duplicates dropped. */
    public record NullKinds(List<NullKind> kinds) {
    }

    static final class NullKindsConverter implements ITypeConverter<NullKinds> {
        @Override
        public NullKinds convert(String value) {
            try {
                return new NullKinds(NullKind.parseList(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class MotifFamilyConverter implements ITypeConverter<MotifFamily> {
        @Override
        public MotifFamily convert(String value) {
            try {
                return MotifFamily.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ProfileConverter implements ITypeConverter<EnsembleSpec.Profile> {
        @Override
        public EnsembleSpec.Profile convert(String value) {
            try {
                return EnsembleSpec.Profile.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
