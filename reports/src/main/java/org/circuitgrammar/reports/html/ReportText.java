package org.circuitgrammar.reports.html;

import java.util.List;

/**
 * Every text of the report, as the template {@code report.mustache} reads it (names are the template's keys).
 * Numbers are already formatted; the template only places them.
 *
 * @param title       page title
 * @param toolVersion the version of the tool that wrote the report
 * @param groupBy     the primary grouping key
 * @param summary     the corpus summary
 * @param comparisons one section per comparison
 * @param instances   the note above the instance diagrams
 * @param recurring   recurring circuits per model and transcoder
 * @param methods     how the results were made
 */
public record ReportText(String title, String toolVersion, String groupBy, Summary summary,
                         List<ComparisonText> comparisons, String instances, List<RecurringText> recurring,
                         Methods methods) {

    /** The corpus summary. */
    public record Summary(int graphs, int results, List<CountRow> byModelAndTranscoder, List<CountRow> byGroup,
                          List<String> merged, String mergedNote, String ungrouped, String sizes) {
    }

    /** A label and a count. */
    public record CountRow(String label, int count) {
    }

    /** One comparison section. */
    public record ComparisonText(String id, String title, String intro, List<NullText> nulls) {
    }

    /** A comparison under one null: sentences first, then the table. */
    public record NullText(String nullModel, String fdr, List<String> sentences, List<TestRow> rows,
                           String notTested) {
    }

    /** One motif's row of a comparison table. */
    public record TestRow(String motif, String groups, String test, String p, String q, String effect,
                          boolean finding) {
    }

    /** Recurring circuits of one model and transcoder. */
    public record RecurringText(String model, String transcoder, int graphs, int minGraphs, boolean none,
                                List<ChartData.Circuit> circuits) {
    }

    /** The methods section. */
    public record Methods(List<SpecRow> specs, List<InputRow> inputs, List<String> censusCommands,
                          List<String> toolVersions, String reportCommand, String statistics) {
    }

    /** One census specification and the graphs made with it. */
    public record SpecRow(String nulls, String families, int samples, String sweeps, long seed, String profile,
                          String view, String pValues, int graphs) {
    }

    /** One input graph. */
    public record InputRow(String name, String path, String sha256, String result) {
    }
}
