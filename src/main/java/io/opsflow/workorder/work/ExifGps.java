package io.opsflow.workorder.work;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Reads and removes the GPS position in a photo's EXIF data without touching anything else (the
 * orientation, the camera, the pixels). The EXIF block is a small TIFF structure; its GPS directory is
 * emptied in place: every GPS entry and the values it points to are overwritten with zeros and the
 * directory's entry count becomes 0, so no offset moves and every reader still parses the file.
 * JPEG: the {@code Exif} APP1 segments are cleaned and XMP APP1 segments naming a GPS position are
 * dropped. PNG: the {@code eXIf} chunk is cleaned and its CRC recomputed. HEIC: the EXIF item
 * (the six bytes Exif NUL NUL followed by a TIFF header) is cleaned where it lies.
 */
public final class ExifGps {

    private static final int GPS_IFD_POINTER = 0x8825;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] XMP_HEADER = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);

    private ExifGps() {}

    /** The position in the first EXIF block that has one. */
    public static Optional<PhotoLocation> read(byte[] photo, String type) {
        for (int[] tiff : tiffBlocks(photo, type)) {
            Optional<PhotoLocation> found = new Tiff(photo, tiff[0], tiff[1]).location();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A copy of the photo without GPS position; the original array is not changed. */
    public static byte[] strip(byte[] photo, String type) {
        byte[] copy = photo.clone();
        for (int[] tiff : tiffBlocks(copy, type)) {
            new Tiff(copy, tiff[0], tiff[1]).clearGps();
        }
        return switch (type) {
            case PhotoType.JPEG -> withoutGpsXmp(copy);
            case PhotoType.PNG -> withFreshCrcs(copy);
            default -> copy;
        };
    }

    /** The TIFF blocks, each as start offset and end offset (exclusive). */
    private static java.util.List<int[]> tiffBlocks(byte[] b, String type) {
        java.util.List<int[]> blocks = new java.util.ArrayList<>();
        switch (type) {
            case PhotoType.JPEG -> {
                for (int[] segment : jpegSegments(b)) {
                    int payload = segment[0] + 4;
                    int end = segment[0] + 2 + segment[1];
                    if ((b[segment[0] + 1] & 0xFF) == 0xE1 && startsAt(b, payload, EXIF_HEADER)) {
                        blocks.add(new int[] {payload + EXIF_HEADER.length, end});
                    }
                }
            }
            case PhotoType.PNG -> {
                for (int at = 8; at + 12 <= b.length; ) {
                    long length = PhotoType.uint32(b, at);
                    if (length > b.length - at - 12) {
                        break;
                    }
                    if ("eXIf".equals(new String(b, at + 4, 4, StandardCharsets.US_ASCII))) {
                        blocks.add(new int[] {at + 8, at + 8 + (int) length});
                    }
                    at += 12 + (int) length;
                }
            }
            case PhotoType.HEIC -> {
                for (int at = indexOf(b, EXIF_HEADER, 0); at >= 0; at = indexOf(b, EXIF_HEADER, at + 1)) {
                    int tiff = at + EXIF_HEADER.length;
                    if (Tiff.hasHeader(b, tiff)) {
                        blocks.add(new int[] {tiff, b.length});
                    }
                }
            }
            default -> { }
        }
        return blocks;
    }

    /** Marker segments before the image data, each as offset of its FF byte and its length field. */
    private static java.util.List<int[]> jpegSegments(byte[] b) {
        java.util.List<int[]> segments = new java.util.ArrayList<>();
        int at = 2;
        while (at + 4 <= b.length && (b[at] & 0xFF) == 0xFF) {
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > b.length) {
                break;
            }
            segments.add(new int[] {at, length});
            at += 2 + length;
        }
        return segments;
    }

    private static byte[] withoutGpsXmp(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        int copied = 0;
        for (int[] segment : jpegSegments(b)) {
            int start = segment[0];
            int end = start + 2 + segment[1];
            if ((b[start + 1] & 0xFF) == 0xE1 && startsAt(b, start + 4, XMP_HEADER)
                    && indexOf(Arrays.copyOfRange(b, start, end), "GPS".getBytes(StandardCharsets.US_ASCII), 0) >= 0) {
                out.write(b, copied, start - copied);
                copied = end;
            }
        }
        out.write(b, copied, b.length - copied);
        return out.toByteArray();
    }

    private static byte[] withFreshCrcs(byte[] b) {
        for (int at = 8; at + 12 <= b.length; ) {
            long length = PhotoType.uint32(b, at);
            if (length > b.length - at - 12) {
                break;
            }
            if ("eXIf".equals(new String(b, at + 4, 4, StandardCharsets.US_ASCII))) {
                CRC32 crc = new CRC32();
                crc.update(b, at + 4, 4 + (int) length);
                long value = crc.getValue();
                int c = at + 8 + (int) length;
                b[c] = (byte) (value >>> 24);
                b[c + 1] = (byte) (value >>> 16);
                b[c + 2] = (byte) (value >>> 8);
                b[c + 3] = (byte) value;
            }
            at += 12 + (int) length;
        }
        return b;
    }

    private static boolean startsAt(byte[] b, int at, byte[] prefix) {
        return at >= 0 && at + prefix.length <= b.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= b.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A TIFF structure from {@code start} up to (not including) {@code end}; offsets inside are relative to {@code start}. */
    private static final class Tiff {

        private final byte[] b;
        private final int start;
        private final int end;
        private final boolean little;

        Tiff(byte[] b, int start, int end) {
            this.b = b;
            this.start = start;
            this.end = Math.min(end, b.length);
            this.little = start + 1 < b.length && b[start] == 'I';
        }

        static boolean hasHeader(byte[] b, int at) {
            return at + 8 <= b.length && ((b[at] == 'I' && b[at + 1] == 'I' && b[at + 2] == 42 && b[at + 3] == 0)
                    || (b[at] == 'M' && b[at + 1] == 'M' && b[at + 2] == 0 && b[at + 3] == 42));
        }

        /** Absolute offset of the GPS directory, or -1. */
        int gpsDirectory() {
            if (!hasHeader(b, start)) {
                return -1;
            }
            int ifd0 = absolute(u32(start + 4));
            if (ifd0 < 0 || !fits(ifd0, 2)) {
                return -1;
            }
            int count = u16(ifd0);
            for (int i = 0; i < count; i++) {
                int entry = ifd0 + 2 + 12 * i;
                if (!fits(entry, 12)) {
                    return -1;
                }
                if (u16(entry) == GPS_IFD_POINTER) {
                    int gps = absolute(u32(entry + 8));
                    return gps >= 0 && fits(gps, 2) ? gps : -1;
                }
            }
            return -1;
        }

        void clearGps() {
            int gps = gpsDirectory();
            if (gps < 0) {
                return;
            }
            int count = u16(gps);
            for (int i = 0; i < count; i++) {
                int entry = gps + 2 + 12 * i;
                if (!fits(entry, 12)) {
                    break;
                }
                long size = valueSize(entry);
                if (size > 4) {
                    int value = absolute(u32(entry + 8));
                    if (value >= 0 && size <= end - value) {
                        Arrays.fill(b, value, value + (int) size, (byte) 0);
                    }
                }
                Arrays.fill(b, entry, entry + 12, (byte) 0);
            }
            b[gps] = 0;
            b[gps + 1] = 0;
        }

        Optional<PhotoLocation> location() {
            int gps = gpsDirectory();
            if (gps < 0) {
                return Optional.empty();
            }
            Character latRef = null;
            Character lonRef = null;
            double[] lat = null;
            double[] lon = null;
            int count = u16(gps);
            for (int i = 0; i < count; i++) {
                int entry = gps + 2 + 12 * i;
                if (!fits(entry, 12)) {
                    break;
                }
                switch (u16(entry)) {
                    case 1 -> latRef = (char) b[entry + 8];
                    case 2 -> lat = rationals(entry);
                    case 3 -> lonRef = (char) b[entry + 8];
                    case 4 -> lon = rationals(entry);
                    default -> { }
                }
            }
            if (lat == null || lon == null) {
                return Optional.empty();
            }
            double latitude = degrees(lat) * (latRef != null && latRef == 'S' ? -1 : 1);
            double longitude = degrees(lon) * (lonRef != null && lonRef == 'W' ? -1 : 1);
            if (Double.isNaN(latitude) || Double.isNaN(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                return Optional.empty();
            }
            return Optional.of(new PhotoLocation(latitude, longitude));
        }

        private double[] rationals(int entry) {
            if (u16(entry + 2) != 5 || u32(entry + 4) != 3) {
                return null;
            }
            int value = absolute(u32(entry + 8));
            if (value < 0 || !fits(value, 24)) {
                return null;
            }
            double[] parts = new double[3];
            for (int i = 0; i < 3; i++) {
                long denominator = u32(value + 8 * i + 4);
                parts[i] = denominator == 0 ? 0 : (double) u32(value + 8 * i) / denominator;
            }
            return parts;
        }

        private static double degrees(double[] dms) {
            return dms[0] + dms[1] / 60 + dms[2] / 3600;
        }

        private long valueSize(int entry) {
            int type = u16(entry + 2);
            long count = u32(entry + 4);
            int unit = switch (type) {
                case 1, 2, 6, 7 -> 1;
                case 3, 8 -> 2;
                case 4, 9, 11 -> 4;
                case 5, 10, 12 -> 8;
                default -> 0;
            };
            return unit * count;
        }

        private int absolute(long offset) {
            return offset < 0 || offset >= end - start ? -1 : start + (int) offset;
        }

        private boolean fits(int at, int length) {
            return at >= start && at + length <= end;
        }

        private int u16(int at) {
            int x = b[at] & 0xFF;
            int y = b[at + 1] & 0xFF;
            return little ? (y << 8) | x : (x << 8) | y;
        }

        private long u32(int at) {
            long x0 = b[at] & 0xFFL;
            long x1 = b[at + 1] & 0xFFL;
            long x2 = b[at + 2] & 0xFFL;
            long x3 = b[at + 3] & 0xFFL;
            return little ? (x3 << 24) | (x2 << 16) | (x1 << 8) | x0 : (x0 << 24) | (x1 << 16) | (x2 << 8) | x3;
        }
    }
}
