package org.circuitgrammar.motifs.nulls;

/**
 * Which (source, target) cells a block of a null may fill, by the token positions of the two nodes. Kept as int
 * codes so the swap loop tests them with one switch on primitives.
 */
final class CellRule {
    /** Every cell (the configuration null, and the anchor's rules). */
    static final int ANY = 0;
    /** Source position ≤ target position: causal edges. */
    static final int FORWARD_OR_SAME = 1;
    /** Source position &lt; target position: causal cross-position edges. */
    static final int FORWARD = 2;
    /** Source position &gt; target position: the backward edges of a graph that has some, kept apart. */
    static final int BACKWARD = 3;
    /** Source position ≠ target position: the anchor's lpc-position cross blocks. */
    static final int DIFFERENT = 4;

    private CellRule() {
    }

    /** Whether {@code rule} allows an edge from a node at position {@code sourcePosition} to one at {@code targetPosition}. */
    static boolean allows(int rule, int sourcePosition, int targetPosition) {
        return (orderMask(rule) >> order(sourcePosition, targetPosition) & 1) != 0;
    }

    /**
     * The position orders {@code rule} allows as a 3-bit mask over {@link #order}: bit 0 source before target, bit 1
     * same position, bit 2 source after target. Lets a hot loop test a cell without a branch.
     */
    static int orderMask(int rule) {
        return switch (rule) {
            case ANY -> 0b111;
            case FORWARD_OR_SAME -> 0b011;
            case FORWARD -> 0b001;
            case BACKWARD -> 0b100;
            case DIFFERENT -> 0b101;
            default -> throw new AssertionError(rule);
        };
    }

    /** 0, 1 or 2 as the source position is before, equal to or after the target position. */
    static int order(int sourcePosition, int targetPosition) {
        return Integer.signum(sourcePosition - targetPosition) + 1;
    }

    /** The causal direction class of an edge: {@link #BACKWARD} if it goes back in position, else {@code causal}. */
    static int directionOf(int sourcePosition, int targetPosition, int causal) {
        return sourcePosition > targetPosition ? BACKWARD : causal;
    }
}
