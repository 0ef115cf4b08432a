package org.circuitgrammar.motifs.baseline;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a grammar check: per group, every rule. {@link #passed()} decides the exit code.
 *
 * @param baselineGroups  groups of the baseline that the checked graphs did not reach (reported, not failed)
 * @param groups          the checked groups, sorted by name
 */
public record CheckReport(List<String> baselineGroups, List<GroupCheck> groups) {
    public CheckReport {
        baselineGroups = List.copyOf(baselineGroups);
        groups = List.copyOf(groups);
    }

    /** True iff every rule of every group passed. */
    public boolean passed() {
        return groups.stream().allMatch(GroupCheck::passed);
    }

    /**
     * One group's rules.
     *
     * @param group          the group's name
     * @param graphs         the checked graphs counted (near-duplicates merged)
     * @param mergedGraphs   checked graphs merged into others as near-duplicates
     * @param baselineGraphs the baseline group's graph count
     * @param rules          one outcome per {@link Rule}, in its order
     */
    public record GroupCheck(String group, int graphs, int mergedGraphs, int baselineGraphs,
                             List<RuleOutcome> rules) {
        public GroupCheck {
            Objects.requireNonNull(group, "group");
            rules = List.copyOf(rules);
        }

        /** True iff every rule passed. */
        public boolean passed() {
            return rules.stream().allMatch(RuleOutcome::passed);
        }
    }
}
