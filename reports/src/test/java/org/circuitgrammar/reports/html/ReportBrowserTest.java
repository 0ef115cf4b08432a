package org.circuitgrammar.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.circuitgrammar.corpus.SharedData;
import org.circuitgrammar.motifs.nulls.NullKind;
import org.circuitgrammar.motifs.pipeline.CensusBatch;
import org.circuitgrammar.motifs.pipeline.GraphCensus;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusSpec;
import org.circuitgrammar.reports.compare.GroupBy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens a report of shared graphs in headless Chromium (Debian {@code chromium} + {@code chromium-driver}) and checks
 * what a reader sees: no console error, every section with its charts drawn and non-empty, a heatmap cell's value in
 * the tooltip on hover. Saves {@code target/report-screenshot.png} and prints the render time (never asserted).
 * Without Chromium the test is skipped, unless {@code CGRAM_BROWSER_REQUIRED=1} (or the system property
 * {@code cgram.browser.required=true}) says a browser is required, as {@code .ci/run} does: then it fails.
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> GRAPHS = List.of("gemma-2-2b/clt/dark.json", "gemma-2-2b/clt/meow-clt.json",
            "gemma-2-2b/clt/puppy-clt.json", "gemma-2-2b/clt/bee-insect-clt.json", "gemma-2-2b/plt/war_ea.json",
            "gemma-2-2b/plt/bee-insect-plt.json", "gemma-2-2b/plt/3plus5-plt.json",
            "claude-3.5-haiku/clt/capital-state-dallas.json", "llama-3.2-1b/clt/dallas-austin.03c838e.json");
    private static final List<String> SECTIONS = List.of("summary", "heatmaps", "profiles", "nulls", "dendrogram",
            "comparison-transcoder", "comparison-model", "instances", "recurring", "methods");

    private static ChromeDriver driver;
    private static Path report;

    @BeforeAll
    static void start() throws Exception {
        assumeBrowser();
        report = writeReport();
        driver = startChromium();
        System.out.printf("report %s (%.2f MB) rendered in headless Chromium in %.2f s%n", report,
                Files.size(report) / 1e6, open(driver, report) / 1e9);
    }

    /** Headless Chromium with the flags of the issue, a fresh profile and the browser console log kept. */
    static ChromeDriver startChromium() throws java.io.IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile = Files.createTempDirectory("cgram-chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Opens {@code file} and waits until the last chart is drawn; returns the nanoseconds that took. */
    static long open(ChromeDriver browser, Path file) {
        long t0 = System.nanoTime();
        browser.get(file.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> Boolean.TRUE.equals(
                browser.executeScript("return document.readyState === 'complete' && typeof echarts !== 'undefined'"
                        + " && !!echarts.getInstanceByDom(document.getElementById('recurring-chart'))")));
        return System.nanoTime() - t0;
    }

    /** Skips without Chromium, or fails when the environment says a browser is required. */
    static void assumeBrowser() {
        boolean required = "1".equals(System.getenv("CGRAM_BROWSER_REQUIRED"))
                || Boolean.getBoolean("cgram.browser.required");
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            if (required) {
                fail("a browser is required (CGRAM_BROWSER_REQUIRED) but " + CHROMIUM + " or " + DRIVER
                        + " is missing: apt-get install chromium chromium-driver");
            }
            Assumptions.abort("chromium / chromium-driver not installed");
        }
    }

    /** Census (lpc and config, n = 60) of nine shared graphs of three models and both transcoder kinds. */
    private static Path writeReport() throws Exception {
        CensusSpec spec = CensusSpec.defaults(List.of(NullKind.LPC, NullKind.CONFIG)).withSamples(60);
        List<CensusResult> results = new ArrayList<>();
        for (String g : GRAPHS) {
            results.add(GraphCensus.of(SharedData.corpusFile(g), spec));
        }
        results = CensusBatch.withQValues(results);
        ReportOptions options = new ReportOptions(GroupBy.attribute("model"), false, 0.9, null, 3, 2, 10,
                "test", List.of("report", "(browser test)"));
        Path out = Path.of("target", "browser-report.html").toAbsolutePath();
        Files.createDirectories(out.getParent());
        HtmlReport.write(out, new ReportBuilder(options).build(results));
        return out;
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void open_noConsoleErrors() {
        List<String> severe = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                severe.add(e.getLevel() + " " + e.getMessage());
            }
        }
        assertEquals(List.of(), severe);
    }

    @Test
    void open_everySectionRenderedWithNonEmptyCharts() throws Exception {
        for (String id : SECTIONS) {
            WebElement section = driver.findElement(By.id(id));
            assertTrue(section.isDisplayed(), id);
            assertFalse(section.getText().isBlank(), id + " has text");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> charts = (List<Map<String, Object>>) js(
                    "return Array.from(arguments[0].querySelectorAll('.chart')).map(function (el) {"
                    + " var c = echarts.getInstanceByDom(el); var canvas = el.querySelector('canvas');"
                    + " var points = !c ? 0 : c.getOption().series.reduce(function (n, s) {"
                    + "   return n + (s.data ? s.data.filter(function (d) { return d !== null; }).length : 0); }, 0);"
                    + " return {id: el.id, drawn: !!c && !!canvas && canvas.width > 0 && canvas.height > 0,"
                    + "   points: points}; });", section);
            if (!id.equals("methods")) {
                assertFalse(charts.isEmpty(), id + " has charts");
            }
            for (Map<String, Object> c : charts) {
                assertEquals(Boolean.TRUE, c.get("drawn"), id + " chart " + c.get("id") + " drawn");
                assertTrue(((Number) c.get("points")).intValue() > 0, id + " chart " + c.get("id") + " has data");
            }
        }
        Files.write(Path.of("target", "report-screenshot.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void hoverHeatmapCell_tooltipShowsItsValue() {
        WebElement heatmap = driver.findElement(By.id("heatmap-effect"));
        js("arguments[0].scrollIntoView({block: 'center'});", heatmap);
        @SuppressWarnings("unchecked")
        Map<String, Object> cell = (Map<String, Object>) js(
                "var data = JSON.parse(document.getElementById('report-data').textContent);"
                + " var chart = echarts.getInstanceByDom(arguments[0]);"
                + " var cells = chart.getOption().series[0].data;"
                + " var c = cells.filter(function (d) { return d[2] !== '-'; })[0];"
                + " var p = chart.convertToPixel({seriesIndex: 0}, [c[0], c[1]]);"
                + " return {x: p[0], y: p[1], value: Number(c[2]).toFixed(3),"
                + "   width: arguments[0].clientWidth, height: arguments[0].clientHeight};", heatmap);
        int dx = (int) Math.round(((Number) cell.get("x")).doubleValue() - ((Number) cell.get("width")).doubleValue() / 2);
        int dy = (int) Math.round(((Number) cell.get("y")).doubleValue() - ((Number) cell.get("height")).doubleValue() / 2);
        new Actions(driver).moveToElement(heatmap, dx, dy).pause(Duration.ofMillis(300)).perform();
        String expected = "log2 ratio = " + cell.get("value");
        String tooltip = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            List<WebElement> t = heatmap.findElements(By.className("cg-tooltip"));
            return t.isEmpty() || !t.get(0).isDisplayed() || !t.get(0).getText().contains(expected) ? null
                    : t.get(0).getText();
        });
        assertTrue(tooltip.contains(expected), tooltip);
    }
}
