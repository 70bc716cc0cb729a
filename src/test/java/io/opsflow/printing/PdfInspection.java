package io.opsflow.printing;

import java.awt.geom.Point2D;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads PDFs in tests: the text (PDFBox) and how much vector drawing a page holds. */
public final class PdfInspection {

    private PdfInspection() {}

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Filled or stroked vector paths on every page (form XObjects included); text is not counted. */
    public static int paintedPaths(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int paths = 0;
            for (PDPage page : doc.getPages()) {
                PathCounter counter = new PathCounter(page);
                counter.processPage(page);
                paths += counter.painted;
            }
            return paths;
        }
    }

    private static final class PathCounter extends PDFGraphicsStreamEngine {
        int painted;

        PathCounter(PDPage page) {
            super(page);
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}

        @Override
        public void drawImage(PDImage pdImage) {}

        @Override
        public void clip(int windingRule) {}

        @Override
        public void moveTo(float x, float y) {}

        @Override
        public void lineTo(float x, float y) {}

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {}

        @Override
        public void endPath() {}

        @Override
        public void strokePath() {
            painted++;
        }

        @Override
        public void fillPath(int windingRule) {
            painted++;
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            painted++;
        }

        @Override
        public void shadingFill(COSName shadingName) {}
    }
}
