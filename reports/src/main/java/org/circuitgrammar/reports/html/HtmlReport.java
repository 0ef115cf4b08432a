package org.circuitgrammar.reports.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.circuitgrammar.corpus.AtomicWrite;

/**
 * Renders a built report as one self-contained HTML file: the text from the Mustache template
 * {@code report.mustache} (HTML-escaped), the chart data as one inline JSON block, the charting library ECharts
 * (Apache-2.0, from the {@code org.webjars.npm:echarts} jar) and {@code report.js} / {@code report.css} inlined, so the
 * page makes no request of any kind and opens offline. Output is deterministic: the same results and options give the
 * same bytes. Cost: linear in the data (about 1 MB of ECharts plus the data).
 */
public final class HtmlReport {
    /** The ECharts build inlined into every report. */
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Template TEMPLATE = Mustache.compiler().escapeHTML(true).nullValue("")
            .compile(resourceText("report.mustache"));

    private HtmlReport() {
    }

    /** The HTML text of {@code report}. */
    public static String render(ReportBuilder.Built report) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("text", report.text());
        context.put("style", resourceText("report.css"));
        context.put("echarts", classpathText(ECHARTS));
        context.put("script", resourceText("report.js"));
        context.put("data", scriptSafeJson(report.data()));
        return TEMPLATE.execute(context);
    }

    /** Writes the report to {@code file} through a temp file and an atomic move. */
    public static void write(Path file, ReportBuilder.Built report) throws IOException {
        byte[] html = render(report).getBytes(StandardCharsets.UTF_8);
        AtomicWrite.write(file, out -> out.write(html));
    }

    /**
     * JSON that can sit inside a {@code <script>} element: every {@code <} is written as {@code \u003c} (valid JSON,
     * the same string), so no {@code </script>} or {@code <!--} in a prompt or label can end the element.
     */
    static String scriptSafeJson(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resourceText(String name) {
        return read(HtmlReport.class.getResourceAsStream(name), name);
    }

    private static String classpathText(String name) {
        return read(HtmlReport.class.getClassLoader().getResourceAsStream(name), name);
    }

    private static String read(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[1 << 16];
            for (int n; (n = r.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
