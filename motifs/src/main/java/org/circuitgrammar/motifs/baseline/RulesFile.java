package org.circuitgrammar.motifs.baseline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.circuitgrammar.motifs.result.JsonLocation;

/**
 * Reads {@code rules.yml}: the check's rule settings, every key optional (an empty file means the defaults).
 * <pre>
 * effect-band: {enabled: true, alpha: 0.05, absolute: 0.02}   # widen: W sets the multiplier instead of alpha
 * direction: {enabled: true}
 * profile: {enabled: true, min-cosine: 0.9}
 * overrides:                       # in order; a later one wins
 *   - motif: lpc/signed/I4         # null/family/label, * for any, trailing parts may be left out
 *     effect-band: {enabled: false}
 *   - motif: lpc/signed            # label * also selects the lpc/signed profile
 *     effect-band: {absolute: 0.1}
 *     profile: {min-cosine: 0.8}
 * </pre>
 * Unknown keys are errors (a misspelt rule must not silently do nothing). {@code alpha} is per group, so it is not
 * taken in an override.
 */
public final class RulesFile {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RulesFile() {
    }

    /** The rules in {@code file}, on top of {@link CheckRules#defaults()}. */
    public static CheckRules read(Path file) throws InvalidFileException {
        Layout layout;
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode tree = YAML.readTree(in);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return CheckRules.defaults();
            }
            layout = YAML.treeToValue(tree, Layout.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidFileException(file, JsonLocation.of(e), JsonLocation.reason(e), e);
        }
        return rules(file, layout);
    }

    private static CheckRules rules(Path file, Layout layout) throws InvalidFileException {
        CheckRules defaults = CheckRules.defaults();
        CheckRules.EffectBand band = defaults.effectBand();
        boolean direction = defaults.direction();
        CheckRules.ProfileRule profile = defaults.profile();
        try {
            if (layout.effectBand() != null) {
                EffectBandEntry e = layout.effectBand();
                band = new CheckRules.EffectBand(or(e.enabled(), band.enabled()), or(e.alpha(), band.familyAlpha()),
                        or(e.widen(), band.widen()), or(e.absolute(), band.absolute()));
            }
            if (layout.direction() != null) {
                direction = or(layout.direction().enabled(), direction);
            }
            if (layout.profile() != null) {
                profile = new CheckRules.ProfileRule(or(layout.profile().enabled(), profile.enabled()),
                        or(layout.profile().minCosine(), profile.minCosine()));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidFileException(file, "$", e.getMessage(), e);
        }
        List<CheckRules.MotifOverride> overrides = new ArrayList<>();
        List<OverrideEntry> entries = layout.overrides() == null ? List.of() : layout.overrides();
        for (int i = 0; i < entries.size(); i++) {
            overrides.add(override(file, "$.overrides[" + i + "]", entries.get(i), band, profile));
        }
        return new CheckRules(band, direction, profile, overrides);
    }

    private static CheckRules.MotifOverride override(Path file, String where, OverrideEntry o,
                                                     CheckRules.EffectBand band,
                                                CheckRules.ProfileRule profile) throws InvalidFileException {
        if (o == null || o.motif() == null) {
            throw new InvalidFileException(file, where, "an override names its motif (null/family/label)", null);
        }
        MotifSelector selector;
        try {
            selector = MotifSelector.parse(o.motif());
        } catch (IllegalArgumentException e) {
            throw new InvalidFileException(file, where + ".motif", e.getMessage(), e);
        }
        EffectBandEntry e = o.effectBand() != null ? o.effectBand() : new EffectBandEntry(null, null, null, null);
        if (e.alpha() != null) {
            throw new InvalidFileException(file, where + ".effect-band.alpha",
                    "alpha is a per-group rate; set it at the top level, or widen here", null);
        }
        ProfileEntry p = o.profile() != null ? o.profile() : new ProfileEntry(null, null);
        try {
            // validate the values as they will be used
            new CheckRules.EffectBand(true, band.familyAlpha(), or(e.widen(), band.widen()),
                    or(e.absolute(), band.absolute()));
            new CheckRules.ProfileRule(true, or(p.minCosine(), profile.minCosine()));
        } catch (IllegalArgumentException ex) {
            throw new InvalidFileException(file, where, ex.getMessage(), ex);
        }
        return new CheckRules.MotifOverride(selector, e.enabled(), e.widen(), e.absolute(),
                o.direction() != null ? o.direction().enabled() : null, p.enabled(), p.minCosine());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    record Layout(EffectBandEntry effectBand, DirectionEntry direction, ProfileEntry profile,
                  List<OverrideEntry> overrides) {
    }

    record EffectBandEntry(Boolean enabled, Double alpha, Double widen, Double absolute) {
    }

    record DirectionEntry(Boolean enabled) {
    }

    record ProfileEntry(Boolean enabled, Double minCosine) {
    }

    record OverrideEntry(String motif, EffectBandEntry effectBand, DirectionEntry direction, ProfileEntry profile) {
    }
}
