package org.circuitgrammar.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Progress bars drawn through a command's own error channel, and only on a terminal. */
final class ProgressBars {
    private ProgressBars() {
    }

    /** A bar of {@code max} steps written to {@code err}, or null when no terminal is attached. */
    static ProgressBar open(String task, long max, PrintWriter err) {
        if (System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r' + line);
                    err.flush();
                }))
                .build();
    }
}
