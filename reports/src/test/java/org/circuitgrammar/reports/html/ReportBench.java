package org.circuitgrammar.reports.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.circuitgrammar.reports.compare.GroupBy;
import org.circuitgrammar.reports.compare.ResultBatch;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Measures (prints, never asserts) the report of a census folder: read + build + write time, size, and the time
 * headless Chromium takes to draw it, once grouped by model and once by transcoder, two rounds each (the first
 * includes JIT warm-up). Not a unit test (tag {@code bench}); run {@link #main} on the reports test classpath:
 * {@code java -cp reports/target/test-classes:reports/target/classes:$(cat cp.txt)
 * org.circuitgrammar.reports.html.ReportBench CENSUS_DIR}, with cp.txt from
 * {@code mvn -pl reports dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@Tag("bench")
final class ReportBench {
    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        ChromeDriver browser = ReportBrowserTest.startChromium();
        try {
            for (String by : List.of("model", "transcoder")) {
                for (int round = 1; round <= 2; round++) {
                    long t0 = System.nanoTime();
                    ResultBatch batch = ResultBatch.read(List.of(Path.of(dir)));
                    long t1 = System.nanoTime();
                    ReportOptions options = new ReportOptions(GroupBy.attribute(by), false, 0.9, null,
                            ReportOptions.DEFAULT_INSTANCES, ReportOptions.DEFAULT_MIN_GRAPHS,
                            ReportOptions.DEFAULT_RECURRING_TOP, "bench", List.of("report", dir, "--by", by));
                    Path out = Path.of("target", "bench-report-" + by + ".html").toAbsolutePath();
                    HtmlReport.write(out, new ReportBuilder(options).build(batch.results()));
                    long t2 = System.nanoTime();
                    long render = ReportBrowserTest.open(browser, out);
                    System.out.printf("--by %s round %d: %d results read in %.2f s, report built and written in "
                                    + "%.2f s (total %.2f s), %.2f MB, drawn by headless Chromium in %.2f s%n", by,
                            round, batch.results().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9,
                            Files.size(out) / 1e6, render / 1e9);
                }
            }
        } finally {
            browser.quit();
        }
    }
}
