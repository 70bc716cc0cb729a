package io.opsflow.tasklist.form;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells a file's type from its first bytes, never from its name or the browser's header, so an
 * HTML page or SVG renamed {@code .jpg} is not accepted as an image. Knows JPEG, PNG and PDF.
 */
public final class ContentSniffer {

    static final int MAX_IMAGE_SIDE = 10_000;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private ContentSniffer() {}

    public static Optional<String> contentType(byte[] content) {
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, PDF)) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    /** A PNG whose header claims a huge canvas is a decompression bomb for whoever opens it. */
    static boolean isOversizedPng(byte[] content) {
        if (!startsWith(content, PNG) || content.length < 24) {
            return false;
        }
        return readInt(content, 16) > MAX_IMAGE_SIDE || readInt(content, 20) > MAX_IMAGE_SIDE;
    }

    private static long readInt(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
