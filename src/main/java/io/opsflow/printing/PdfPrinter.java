package io.opsflow.printing;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Prints a Thymeleaf template from {@code print-templates/} to PDF.
 *
 * <p>The HTML is parsed leniently (jsoup) and laid out by openhtmltopdf on PDFBox. Inline {@code <svg>}
 * is drawn as vectors (Batik, scripts and external references off). Only {@code data:} URIs are ever
 * loaded: a template or a model value naming {@code http:}, {@code file:} or any other URL gets nothing,
 * so printing never makes the server fetch anything. The configured TrueType font is embedded (subset)
 * under the family {@link #FONT_FAMILY}; templates name it in their CSS so Chinese text renders.
 * Each rendering has a timeout and the HTML and the PDF have size limits.
 */
@Component
public class PdfPrinter {

    /** The CSS font family of the embedded font; print templates use {@code font-family: opsflow-sans}. */
    public static final String FONT_FAMILY = "opsflow-sans";

    private static final Logger log = LoggerFactory.getLogger(PdfPrinter.class);

    private final PrintingProperties settings;
    private final PrintTemplates templates;
    private final byte[] font;
    private final ExecutorService renderers;

    PdfPrinter(PrintingProperties settings) {
        this.settings = settings;
        this.templates = new PrintTemplates(Path.of(settings.templateDir()));
        this.font = loadFont(settings);
        AtomicInteger n = new AtomicInteger();
        this.renderers = Executors.newFixedThreadPool(Math.max(1, settings.threads()), r -> {
            Thread t = new Thread(r, "pdf-printer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether a template of that name exists (in the template folder or the jar). */
    public boolean hasTemplate(String templateName) {
        return templateName != null && templates.exists(templateName);
    }

    /**
     * Renders {@code print-templates/<templateName>.html} with the model and prints it.
     *
     * @return the PDF
     * @throws PrintException unknown template, template error, limits exceeded, timeout or no font
     */
    public byte[] render(String templateName, Map<String, Object> model) {
        return render(templateName, model, Locale.SIMPLIFIED_CHINESE);
    }

    /** As {@link #render(String, Map)}, with the locale for Thymeleaf's {@code #temporals} and {@code #numbers}. */
    public byte[] render(String templateName, Map<String, Object> model, Locale locale) {
        String html = templates.render(templateName, model == null ? Map.of() : model, locale);
        if (html.length() > settings.maxHtmlChars()) {
            throw new PrintException("The printed document is too large (" + html.length() + " characters, limit "
                    + settings.maxHtmlChars() + ")");
        }
        return print(html);
    }

    /** Prints HTML that is already rendered (same safety, font and limits as templates). */
    public byte[] print(String html) {
        Future<byte[]> job = renderers.submit(() -> layOut(html));
        try {
            return job.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            throw new PrintException("Printing took longer than " + settings.timeout().toSeconds() + " s and was stopped");
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new PrintException("Printing was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PrintException p) {
                throw p;
            }
            throw new PrintException("The document could not be printed", cause);
        }
    }

    private byte[] layOut(String html) throws IOException {
        org.jsoup.nodes.Document parsed =
                Jsoup.parse(html, "", Parser.htmlParser().settings(ParseSettings.preserveCase));
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(parsed);
        LimitedOutput out = new LimitedOutput(settings.maxPdfBytes());
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(dom, "about:blank");
        if (font != null) {
            builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 400, FontStyle.NORMAL, true,
                    EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_FINAL));
        }
        builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
        // No URL is ever fetched: only inline data: URIs pass, whatever the template or the data name.
        builder.useExternalResourceAccessControl(
                (uri, type) -> uri != null && uri.startsWith("data:"), ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl(
                (uri, type) -> uri != null && uri.startsWith("data:"), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useHttpStreamImplementation(NO_STREAMS);
        builder.useProtocolsStreamImplementation(NO_STREAMS, "file", "jar", "ftp", "http", "https", "classpath");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof LimitExceeded) {
                    throw new PrintException("The PDF is larger than the limit of " + settings.maxPdfBytes() + " bytes");
                }
            }
            throw e;
        }
        return out.bytes();
    }

    @PreDestroy
    void stop() {
        renderers.shutdownNow();
    }

    private static byte[] loadFont(PrintingProperties settings) {
        for (String candidate : settings.fonts()) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path)) {
                try {
                    byte[] bytes = Files.readAllBytes(path);
                    log.info("Printing embeds the font {}", path);
                    return bytes;
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the print font " + path, e);
                }
            }
        }
        log.warn("No print font found at {}: PDFs will lack Chinese glyphs. Install fonts-droid-fallback or set opsflow.printing.fonts",
                settings.fonts());
        return null;
    }

    /** Whether a CJK font was found (PDFs print without it, but with boxes instead of Chinese text). */
    public boolean hasFont() {
        return font != null;
    }

    private static final FSStreamFactory NO_STREAMS = url -> new FSStream() {
        @Override
        public InputStream getStream() {
            return null;
        }

        @Override
        public java.io.Reader getReader() {
            return null;
        }
    };

    private static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("PDF size limit exceeded");
        }
    }

    private static final class LimitedOutput extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final long limit;

        LimitedOutput(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            buffer.write(b, off, len);
        }

        private void check(int more) throws IOException {
            if (buffer.size() + (long) more > limit) {
                throw new LimitExceeded();
            }
        }

        byte[] bytes() {
            return buffer.toByteArray();
        }
    }
}
