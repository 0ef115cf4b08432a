package org.circuitgrammar.motifs.baseline;

import java.util.List;
import java.util.Objects;

/**
 * One rule in one group: every subject it compared. A disabled rule has no findings and passes.
 *
 * @param rule     the rule
 * @param enabled  false iff switched off for every subject of the group
 * @param findings what it compared
 */
public record RuleOutcome(Rule rule, boolean enabled, List<Finding> findings) {
    public RuleOutcome {
        Objects.requireNonNull(rule, "rule");
        findings = List.copyOf(findings);
    }

    /** True iff no finding failed. */
    public boolean passed() {
        return findings.stream().allMatch(Finding::passed);
    }

    /** The failed findings. */
    public List<Finding> failures() {
        return findings.stream().filter(f -> !f.passed()).toList();
    }
}
