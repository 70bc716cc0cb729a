package io.opsflow.printing;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Printing settings under {@code opsflow.printing}.
 *
 * @param templateDir folder read first for {@code <name>.html} templates (edits show without a restart);
 *     a template missing there comes from the {@code print-templates/} copy inside the jar
 * @param fonts TrueType font files embedded into every PDF under the family {@link PdfPrinter#FONT_FAMILY};
 *     the first one that exists is used; it must cover Chinese (default: Debian's fonts-droid-fallback)
 * @param timeout how long one rendering may take before it is abandoned
 * @param maxHtmlChars largest rendered HTML accepted (model data included)
 * @param maxPdfBytes largest PDF produced
 * @param threads how many renderings run at once; further requests wait for a free renderer
 */
@ConfigurationProperties("opsflow.printing")
public record PrintingProperties(
        @DefaultValue("print-templates") String templateDir,
        @DefaultValue("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf") List<String> fonts,
        @DefaultValue("PT60S") Duration timeout,
        @DefaultValue("5000000") int maxHtmlChars,
        @DefaultValue("52428800") long maxPdfBytes,
        @DefaultValue("2") int threads) {}
