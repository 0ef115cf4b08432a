package org.circuitgrammar.motifs.census;

/**
 * The 64 adjacency patterns of three labelled nodes 0, 1, 2 and their {@link TriadClass}. Bit {@code i} of a
 * pattern is the directed edge {@code PAIRS[i]}: 0→1, 1→0, 0→2, 2→0, 1→2, 2→1.
 *
 * <p>The class is derived from the structure (dyad counts, then who sends or receives the asymmetric edges),
 * not from a copied table, and checked in tests against networkx's {@code triad_type} for all 64 patterns.
 */
final class TriadCode {
    private static final int[][] PAIRS = {{0, 1}, {1, 0}, {0, 2}, {2, 0}, {1, 2}, {2, 1}};
    private static final TriadClass[] CLASS_OF = new TriadClass[64];

    static {
        for (int code = 0; code < 64; code++) {
            CLASS_OF[code] = classify(code);
        }
    }

    private TriadCode() {
    }

    /** The class of adjacency pattern {@code code} (0..63). */
    static TriadClass classOf(int code) {
        return CLASS_OF[code];
    }

    /** The pattern bit of the directed edge {@code s -> t} between distinct nodes of {0, 1, 2}. */
    static int bit(int s, int t) {
        for (int i = 0; i < 6; i++) {
            if (PAIRS[i][0] == s && PAIRS[i][1] == t) {
                return 1 << i;
            }
        }
        throw new IllegalArgumentException(s + "->" + t);
    }

    private static boolean has(int code, int s, int t) {
        return (code & bit(s, t)) != 0;
    }

    private static TriadClass classify(int code) {
        int mutual = 0;
        int asymmetric = 0;
        int mutualA = -1;
        int mutualB = -1;
        int[] out = new int[3];
        int[] in = new int[3];
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                boolean ab = has(code, a, b);
                boolean ba = has(code, b, a);
                if (ab && ba) {
                    mutual++;
                    mutualA = a;
                    mutualB = b;
                } else if (ab || ba) {
                    asymmetric++;
                    out[ab ? a : b]++;
                    in[ab ? b : a]++;
                }
            }
        }
        int pattern = mutual * 10 + asymmetric;
        return switch (pattern) {
            case 0 -> TriadClass.T003;
            case 1 -> TriadClass.T012;
            case 10 -> TriadClass.T102;
            case 2 -> max(out) == 2 ? TriadClass.T021D : max(in) == 2 ? TriadClass.T021U : TriadClass.T021C;
            case 11 -> {
                // the asymmetric edge joins the third node to the mutual pair: into the pair is D, out of it U
                int third = 3 - mutualA - mutualB;
                yield out[third] == 1 ? TriadClass.T111D : TriadClass.T111U;
            }
            case 3 -> max(out) == 2 ? TriadClass.T030T : TriadClass.T030C;
            case 20 -> TriadClass.T201;
            case 12 -> {
                int third = 3 - mutualA - mutualB;
                yield out[third] == 2 ? TriadClass.T120D : in[third] == 2 ? TriadClass.T120U : TriadClass.T120C;
            }
            case 21 -> TriadClass.T210;
            case 30 -> TriadClass.T300;
            default -> throw new AssertionError(code);
        };
    }

    private static int max(int[] a) {
        return Math.max(a[0], Math.max(a[1], a[2]));
    }
}
