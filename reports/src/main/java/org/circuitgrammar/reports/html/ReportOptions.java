package org.circuitgrammar.reports.html;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.circuitgrammar.reports.compare.GroupBy;

/**
 * How a report is made.
 *
 * @param groupBy            the primary grouping (heatmap sorting, profiles, dendrogram colours)
 * @param keepDuplicates     keep near-duplicate graphs apart
 * @param jaccard            node-set Jaccard threshold of a near-duplicate
 * @param graphBase          folder that relative graph paths of the results are resolved against (null: the
 *                           working directory)
 * @param instancesPerGraph  strongest FFL instances drawn per graph (0: none, graphs are not re-read for them)
 * @param recurringMinGraphs a recurring circuit occurs in at least this many graphs of one model and transcoder
 *                           (0: no search)
 * @param recurringTop       recurring circuits listed per model and transcoder
 * @param toolVersion        the version printed in the methods section
 * @param argv               the command that made the report, for the methods section
 */
public record ReportOptions(GroupBy groupBy, boolean keepDuplicates, double jaccard, Path graphBase,
                            int instancesPerGraph, int recurringMinGraphs, int recurringTop, String toolVersion,
                            List<String> argv) {
    /** Instances drawn per graph by default. */
    public static final int DEFAULT_INSTANCES = 3;
    /** Default recurrence threshold k. */
    public static final int DEFAULT_MIN_GRAPHS = 3;
    /** Default number of recurring circuits listed per model and transcoder. */
    public static final int DEFAULT_RECURRING_TOP = 20;

    public ReportOptions {
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(toolVersion, "toolVersion");
        argv = List.copyOf(argv);
        if (instancesPerGraph < 0 || recurringMinGraphs < 0 || recurringTop < 0) {
            throw new IllegalArgumentException("instance and recurring counts must be >= 0");
        }
    }
}
