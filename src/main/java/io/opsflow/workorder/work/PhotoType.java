package io.opsflow.workorder.work;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a photo's type from its first bytes, never from its name or the browser's header: JPEG
 * ({@code FF D8 FF}), PNG (its 8-byte signature) and HEIC (an ISO-BMFF {@code ftyp} box whose major or
 * compatible brand is heic, heix or mif1).
 */
public final class PhotoType {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String HEIC = "image/heic";
    static final List<String> KNOWN = List.of(JPEG, PNG, HEIC);

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "mif1");
    /** A PNG claiming a larger canvas is a decompression bomb for whoever opens it. */
    static final int MAX_PNG_SIDE = 10_000;

    private PhotoType() {}

    public static Optional<String> of(byte[] content) {
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (isHeic(content)) {
            return Optional.of(HEIC);
        }
        return Optional.empty();
    }

    static boolean isOversizedPng(byte[] content) {
        if (!startsWith(content, PNG_MAGIC) || content.length < 24) {
            return false;
        }
        return uint32(content, 16) > MAX_PNG_SIDE || uint32(content, 20) > MAX_PNG_SIDE;
    }

    /** An ftyp box at the very start: its size, ftyp, the major brand, the minor version, then compatible brands. */
    private static boolean isHeic(byte[] b) {
        if (b.length < 16 || !"ftyp".equals(ascii(b, 4))) {
            return false;
        }
        long size = uint32(b, 0);
        if (size < 16 || size > b.length || size > 4096) {
            return false;
        }
        if (HEIC_BRANDS.contains(ascii(b, 8))) {
            return true;
        }
        for (int at = 16; at + 4 <= size; at += 4) {
            if (HEIC_BRANDS.contains(ascii(b, at))) {
                return true;
            }
        }
        return false;
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.US_ASCII);
    }

    static long uint32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
