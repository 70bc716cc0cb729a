/**
 * Printing: Thymeleaf HTML templates from {@code print-templates/} rendered to PDF (openhtmltopdf on
 * PDFBox) with an embedded CJK font, inline SVG (charts from JFreeChart via {@link ChartSvg}), no
 * remote resource loading, and a time and size limit. {@link PdfPrinter} is the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Printing")
package io.opsflow.printing;
