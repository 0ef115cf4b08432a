package org.circuitgrammar.tracer.model;

import java.nio.file.Path;

/**
 * Run by {@link OfflineForkTest} in a fresh JVM started without {@code -Dai.djl.offline}: loads stories260K through
 * the production code path and prints what DJL saw.
 */
public final class OfflineProbe {
    private OfflineProbe() {}

    public static void main(String[] args) throws Exception {
        String before = System.getProperty("ai.djl.offline");
        try (LanguageModel model = ModelFiles.locate(Path.of(args[0])).load()) {
            int top = TokenSampler.greedy().sample(model.lastLogits(new int[] {1, 403, 407, 261, 378}));
            System.out.println("before=" + before + " after=" + System.getProperty("ai.djl.offline") + " next=" + top);
        }
    }
}
