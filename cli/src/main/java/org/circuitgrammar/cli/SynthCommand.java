package org.circuitgrammar.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.circuitgrammar.corpus.graph.AttributionGraph;
import org.circuitgrammar.corpus.json.GraphWriter;
import org.circuitgrammar.motifs.synth.LayeredDagGenerator;
import org.circuitgrammar.motifs.synth.LayeredDagSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cgram synth}: writes a synthetic layered signed DAG shaped like an attribution graph. */
@Command(name = "synth",
        description = {"Write a synthetic layered signed DAG shaped like an attribution graph (Neuronpedia JSON).",
            "Edges go up in layer and never back in position; ~70%% stay at one position, 20%% are negative, "
                + "25%% end in a logit, out-degree is heavy-tailed. Same options and seed give the same file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:usage error or a size the layer/position constraints cannot hold"})
public final class SynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Size size;

    static final class Size {
        @Option(names = "--preset", paramLabel = "s|m|l|d|q",
                description = "benchmark size: s 1k nodes/20k edges, m 5k/100k, l 20k/500k, d 1.5k/300k (dense), "
                        + "q 300/21k over 28 layers and 8 positions, skewed to the last (Qwen3-0.6B PLT shape)")
        String preset;

        @ArgGroup(exclusive = false)
        Custom custom;
    }

    static final class Custom {
        @Option(names = "--nodes", required = true, paramLabel = "N", description = "node count")
        int nodes;

        @Option(names = "--edges", required = true, paramLabel = "M", description = "edge count")
        int edges;
    }

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.json", description = "file to write")
    Path output;

    @Override
    public Integer call() {
        LayeredDagSpec dagSpec;
        AttributionGraph graph;
        try {
            dagSpec = size.preset != null ? LayeredDagSpec.preset(size.preset, seed)
                    : LayeredDagSpec.of(size.custom.nodes, size.custom.edges, seed);
            graph = LayeredDagGenerator.generate(dagSpec);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("cgram synth: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        try {
            new GraphWriter().write(graph, output);
        } catch (IOException e) {
            spec.commandLine().getErr().println(output + ": cannot write: " + e.getMessage());
            return CgramCommand.EXIT_INPUT;
        }
        spec.commandLine().getOut().printf("wrote %s: %d nodes, %d edges, %d layers, %d positions, seed %d%n",
                output, graph.nodeCount(), graph.edgeCount(), dagSpec.layers(), dagSpec.positions(), seed);
        return 0;
    }
}
