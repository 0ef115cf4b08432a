package org.circuitgrammar.reports.recurring;

import java.util.List;

/**
 * An FFL of the same three features found in several graphs of one model and transcoder.
 *
 * @param key            the features in their roles
 * @param graphs         the number of graphs it occurs in (its recurrence)
 * @param medianStrength median over those graphs of its strongest instance's strength (the smallest |w| of the
 *                       instance's three edges)
 * @param occurrences    one per graph, strongest first
 */
public record RecurringCircuit(CircuitKey key, int graphs, double medianStrength, List<Occurrence> occurrences) {
    public RecurringCircuit {
        occurrences = List.copyOf(occurrences);
    }

    /**
     * The circuit in one graph.
     *
     * @param graph     the graph's index in the input list
     * @param instances FFL instances of these features in the graph (one per combination of positions)
     * @param strength  the strongest instance's strength
     * @param fflType   the sign type of the strongest instance (C1–C4, I1–I4)
     * @param nodeIds   node ids of every instance's nodes, regulator, intermediate and target of the strongest
     *                  first (for pinning in Neuronpedia)
     * @param roleNodes per role (X, Y, Z) the node ids of that feature over all instances
     */
    public record Occurrence(int graph, int instances, double strength, String fflType, List<String> nodeIds,
                             List<List<String>> roleNodes) {
        public Occurrence {
            nodeIds = List.copyOf(nodeIds);
            roleNodes = roleNodes.stream().map(List::copyOf).toList();
        }
    }
}
