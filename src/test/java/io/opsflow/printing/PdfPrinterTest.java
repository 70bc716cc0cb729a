package io.opsflow.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfPrinterTest {

    @TempDir Path folder;

    private HttpServer server;
    private final AtomicInteger fetched = new AtomicInteger();

    @BeforeEach
    void localServerThatCountsFetches() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] body = "p { color: red; }".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private PdfPrinter printer() {
        return printer(new PrintingProperties(folder.toString(), defaultFonts(), Duration.ofSeconds(60), 5_000_000, 50_000_000, 1));
    }

    private static PdfPrinter printer(PrintingProperties properties) {
        return new PdfPrinter(properties);
    }

    private static List<String> defaultFonts() {
        return List.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    }

    private void template(String name, String body) throws IOException {
        Files.writeString(folder.resolve(name + ".html"), "<!DOCTYPE html><html xmlns:th=\"http://www.thymeleaf.org\"><head><meta charset=\"UTF-8\">"
                + "<style>body { font-family: opsflow-sans; }</style></head><body>" + body + "</body></html>");
    }

    @Test
    void chineseTextFromTheModelIsEmbeddedAndExtractable() throws IOException {
        template("greeting", "<h1>工单月报</h1><p th:text=\"${line}\">x</p>");
        PdfPrinter printer = printer();
        assertThat(printer.hasFont()).as("the CJK font is installed (fonts-droid-fallback)").isTrue();

        byte[] pdf = printer.render("greeting", Map.of("line", "地面维修 已归档 12 单, Floor repair <b>archived</b>"));

        assertThat(text(pdf)).contains("工单月报").contains("地面维修 已归档 12 单").contains("Floor repair <b>archived</b>");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void inlineSvgChartsAreDrawnWithTheirChineseLabels() throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(3, "已归档", "地面维修");
        data.addValue(1, "已提交", "管道疏通");
        JFreeChart chart = ChartFactory.createBarChart("状态分布", "类型", "数量", data);
        String svg = ChartSvg.render(chart, 500, 300);
        assertThat(svg.substring(0, svg.indexOf('>'))).contains("width=\"500\"").contains("height=\"300\"").doesNotContain("500.0");

        template("chart", "<div th:utext=\"${chart}\"></div><p>after the chart</p>");
        byte[] pdf = printer().render("chart", Map.of("chart", svg));

        // Batik draws the chart, its Chinese labels included, as vector paths (glyph outlines, not text).
        template("no-chart", "<div></div><p>after the chart</p>");
        int withoutChart = PdfInspection.paintedPaths(printer().render("no-chart", Map.of()));
        assertThat(PdfInspection.paintedPaths(pdf)).isGreaterThan(withoutChart + 20);
        assertThat(text(pdf)).contains("after the chart");
    }

    @Test
    void templatesCannotMakeTheServerFetchUrls() throws IOException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        template("remote", "<link rel=\"stylesheet\" href=\"" + base + "/style.css\"/>"
                + "<style>@import url('" + base + "/import.css');</style>"
                + "<img src=\"" + base + "/image.png\"/>"
                + "<img th:src=\"${url}\"/>"
                + "<img src=\"file:///etc/passwd\"/>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" height=\"100\">"
                + "<image xlink:href=\"" + base + "/svg-image.png\" width=\"100\" height=\"100\"/></svg>"
                + "<p>still printed</p>");

        byte[] pdf = printer().render("remote", Map.of("url", base + "/from-data.png"));

        assertThat(text(pdf)).contains("still printed");
        assertThat(fetched).as("requests that reached the local server").hasValue(0);
    }

    @Test
    void unknownOrEscapingTemplateNamesAreRefused() throws IOException {
        Files.writeString(folder.resolveSibling("outside.html"), "<p>outside</p>");
        PdfPrinter printer = printer();
        assertThat(printer.hasTemplate("../outside")).isFalse();
        assertThatThrownBy(() -> printer.render("../outside", Map.of())).isInstanceOf(PrintException.class)
                .hasMessageContaining("Unknown print template");
        assertThatThrownBy(() -> printer.render("no-such-template", Map.of())).isInstanceOf(PrintException.class);
    }

    @Test
    void templatesMissingFromTheFolderComeFromTheClasspath() throws IOException {
        byte[] pdf = printer().render("printing-test-sample", Map.of("word", "类路径"));
        assertThat(text(pdf)).contains("From the jar: 类路径");
    }

    @Test
    void theFolderCopyWinsOverTheClasspathCopy() throws IOException {
        template("printing-test-sample", "<p>From the folder</p>");
        assertThat(text(printer().render("printing-test-sample", Map.of()))).contains("From the folder").doesNotContain("From the jar");
    }

    @Test
    void oversizedDocumentsAreRefused() throws IOException {
        template("big", "<p th:each=\"i : ${#numbers.sequence(1, 2000)}\" th:text=\"${'第 ' + i + ' 行'}\">x</p>");
        PdfPrinter smallHtml = printer(new PrintingProperties(folder.toString(), defaultFonts(), Duration.ofSeconds(60), 10_000, 50_000_000, 1));
        assertThatThrownBy(() -> smallHtml.render("big", Map.of())).isInstanceOf(PrintException.class).hasMessageContaining("too large");

        PdfPrinter smallPdf = printer(new PrintingProperties(folder.toString(), defaultFonts(), Duration.ofSeconds(60), 5_000_000, 2_000, 1));
        assertThatThrownBy(() -> smallPdf.render("big", Map.of())).isInstanceOf(PrintException.class).hasMessageContaining("larger than the limit");
    }

    @Test
    void aRenderingOverTheTimeoutIsStopped() throws IOException {
        template("slow", "<table><tr th:each=\"i : ${#numbers.sequence(1, 20000)}\"><td th:text=\"${i}\">1</td><td>很多行</td></tr></table>");
        PdfPrinter impatient = printer(new PrintingProperties(folder.toString(), defaultFonts(), Duration.ofMillis(1), 50_000_000, 500_000_000, 1));
        assertThatThrownBy(() -> impatient.render("slow", Map.of())).isInstanceOf(PrintException.class).hasMessageContaining("longer than");
    }

    static String text(byte[] pdf) throws IOException {
        return PdfInspection.text(pdf);
    }
}
