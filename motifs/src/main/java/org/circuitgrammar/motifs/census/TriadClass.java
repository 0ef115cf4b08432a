package org.circuitgrammar.motifs.census;

import java.util.List;

/**
 * The 16 isomorphism classes of a directed triad (three nodes, induced subgraph), in the standard
 * Holland–Leinhardt (MAN) order that networkx's {@code triadic_census} uses. The name's digits count Mutual,
 * Asymmetric and Null dyads; the letter tells Down, Up, Cyclic or Transitive apart.
 *
 * <p>Each class also carries its python-igraph isoclass id ({@code Graph.Isoclass(3, id, directed=True)}), its
 * Milo/mfinder id (the 9-bit adjacency code of mfinder's representative labelling, −1 for the three disconnected
 * classes) and the label circuit-motifs prints for the same igraph id. circuit-motifs swaps 111U/111D and
 * 120U/120D; {@link #circuitMotifsLabel()} reproduces that table for comparison only, {@link #man()} is the
 * standard name used everywhere else. The pattern column shows one labelling (networkx's {@code triad_type} text).
 *
 * <pre>
 * MAN   pattern                    igraph  Milo  circuit-motifs  in a DAG
 * 003   (empty)                    0       -     003             yes
 * 012   a -&gt; b                     1       -     012             yes
 * 102   a &lt;-&gt; b                    3       -     102             no
 * 021D  a &lt;- b -&gt; c  (fan-out)     6       6     021D            yes
 * 021U  a -&gt; b &lt;- c  (fan-in)      2       36    021U            yes
 * 021C  a -&gt; b -&gt; c  (chain)       4       12    021C            yes
 * 111D  a &lt;-&gt; b &lt;- c              5       74    111U (swapped)  no
 * 111U  a &lt;-&gt; b -&gt; c              9       14    111D (swapped)  no
 * 030T  a -&gt; b &lt;- c, a -&gt; c (FFL)  7       38    030T            yes
 * 030C  a &lt;- b &lt;- c, a -&gt; c (cycle) 11     98    030C            no
 * 201   a &lt;-&gt; b &lt;-&gt; c             10      78    201             no
 * 120D  a &lt;- b -&gt; c, a &lt;-&gt; c       8       108   120U (swapped)  no
 * 120U  a -&gt; b &lt;- c, a &lt;-&gt; c       13      46    120D (swapped)  no
 * 120C  a -&gt; b -&gt; c, a &lt;-&gt; c       12      102   120C            no
 * 210   a -&gt; b &lt;-&gt; c, a &lt;-&gt; c      14      110   210             no
 * 300   all six edges              15      238   300             no
 * </pre>
 */
public enum TriadClass {
    T003("003", 0, -1, "003", false, true),
    T012("012", 1, -1, "012", false, true),
    T102("102", 3, -1, "102", false, false),
    T021D("021D", 6, 6, "021D", true, true),
    T021U("021U", 2, 36, "021U", true, true),
    T021C("021C", 4, 12, "021C", true, true),
    T111D("111D", 5, 74, "111U", true, false),
    T111U("111U", 9, 14, "111D", true, false),
    T030T("030T", 7, 38, "030T", true, true),
    T030C("030C", 11, 98, "030C", true, false),
    T201("201", 10, 78, "201", true, false),
    T120D("120D", 8, 108, "120U", true, false),
    T120U("120U", 13, 46, "120D", true, false),
    T120C("120C", 12, 102, "120C", true, false),
    T210("210", 14, 110, "210", true, false),
    T300("300", 15, 238, "300", true, false);

    private static final List<TriadClass> BY_IGRAPH_ID = byIgraphId();

    private final String man;
    private final int igraphId;
    private final int miloId;
    private final String circuitMotifsLabel;
    private final boolean connected;
    private final boolean possibleInDag;

    TriadClass(String man, int igraphId, int miloId, String circuitMotifsLabel, boolean connected,
               boolean possibleInDag) {
        this.man = man;
        this.igraphId = igraphId;
        this.miloId = miloId;
        this.circuitMotifsLabel = circuitMotifsLabel;
        this.connected = connected;
        this.possibleInDag = possibleInDag;
    }

    /** The standard MAN name, e.g. {@code 030T}; equals networkx {@code triad_type}. */
    public String man() { return man; }

    /** python-igraph's 3-node directed isoclass id (the index into {@code motifs_randesu(size=3)}). */
    public int igraphId() { return igraphId; }

    /** Milo/mfinder id (e.g. FFL 38, 3-cycle 98), or −1 for the disconnected classes 003, 012, 102. */
    public int miloId() { return miloId; }

    /** The label circuit-motifs uses for this class's igraph id (111U/111D and 120U/120D swapped). */
    public String circuitMotifsLabel() { return circuitMotifsLabel; }

    /** True iff the triad is weakly connected (igraph's motif count reports NaN for the others). */
    public boolean connected() { return connected; }

    /** True iff the class can occur in a DAG: no mutual dyad and no directed 3-cycle. */
    public boolean possibleInDag() { return possibleInDag; }

    /** The class with the given igraph isoclass id. */
    public static TriadClass ofIgraphId(int id) {
        return BY_IGRAPH_ID.get(id);
    }

    /** The class with the given standard MAN name. */
    public static TriadClass ofMan(String man) {
        for (TriadClass c : values()) {
            if (c.man.equals(man)) {
                return c;
            }
        }
        throw new IllegalArgumentException("not a triad class: " + man);
    }

    private static List<TriadClass> byIgraphId() {
        TriadClass[] table = new TriadClass[16];
        for (TriadClass c : values()) {
            table[c.igraphId] = c;
        }
        return List.of(table);
    }
}
