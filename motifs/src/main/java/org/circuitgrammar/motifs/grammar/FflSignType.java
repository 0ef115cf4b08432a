package org.circuitgrammar.motifs.grammar;

/**
 * The eight sign patterns of a feed-forward loop X→Y, Y→Z, X→Z (Mangan &amp; Alon 2003). Coherent types (C1–C4):
 * the sign of the direct path X→Z equals the sign of the indirect path X→Y→Z; incoherent types (I1–I4): they
 * differ. A weight {@code >= 0} counts as excitatory (+), as in circuit-motifs; below 0 as inhibitory (−).
 *
 * <pre>
 *        X→Y  Y→Z  X→Z          X→Y  Y→Z  X→Z
 *   C1    +    +    +      I1    +    −    +
 *   C2    −    +    −      I2    −    −    −
 *   C3    +    −    −      I3    +    +    −
 *   C4    −    −    +      I4    −    +    +
 * </pre>
 */
public enum FflSignType {
    C1(true, true, true),
    C2(false, true, false),
    C3(true, false, false),
    C4(false, false, true),
    I1(true, false, true),
    I2(false, false, false),
    I3(true, true, false),
    I4(false, true, true);

    private final boolean xy;
    private final boolean yz;
    private final boolean xz;

    FflSignType(boolean xy, boolean yz, boolean xz) {
        this.xy = xy;
        this.yz = yz;
        this.xz = xz;
    }

    /** The type of an FFL with these signed weights (regulator→intermediate, intermediate→target, regulator→target). */
    public static FflSignType of(double wXY, double wYZ, double wXZ) {
        boolean xy = wXY >= 0;
        boolean yz = wYZ >= 0;
        boolean xz = wXZ >= 0;
        for (FflSignType t : values()) {
            if (t.xy == xy && t.yz == yz && t.xz == xz) {
                return t;
            }
        }
        throw new IllegalArgumentException("NaN weight in FFL: " + wXY + ", " + wYZ + ", " + wXZ);
    }

    /** True for C1–C4: the direct and the indirect path have the same sign. */
    public boolean isCoherent() {
        return xz == (xy == yz);
    }
}
