package org.circuitgrammar.tracer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A new JVM, given neither {@code -Dai.djl.offline} nor any network (its own empty network namespace through
 * {@code unshare -n}), loads the PyTorch engine from the jars and predicts "," after "Once upon a time".
 */
class OfflineForkTest {
    private static String run(List<String> prefix) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OfflineProbe.class.getName());
        command.add(SharedModel.stories260K().toAbsolutePath().toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void freshJvm_noOfflineFlag_codeSetsItBeforeEngineLoads() throws Exception {
        String out = run(List.of());
        assertTrue(out.contains("before=null after=true next=432"), out);
    }

    @Test
    void freshJvm_withoutNetworkNamespace_loadsEngineAndRuns() throws Exception {
        Assumptions.assumeTrue(unshareWorks(), "unshare -n is not permitted here");
        String out = run(List.of("unshare", "-n"));
        assertTrue(out.contains("before=null after=true next=432"), out);
    }
}
