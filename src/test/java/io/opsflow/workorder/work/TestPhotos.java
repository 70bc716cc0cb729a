package io.opsflow.workorder.work;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Real small images, and EXIF blocks with a GPS position and an orientation, built byte by byte. */
public final class TestPhotos {

    private TestPhotos() {}

    public static byte[] png(int width, int height) {
        return image("png", width, height, BufferedImage.TYPE_INT_RGB);
    }

    public static byte[] jpeg(int width, int height) {
        return image("jpg", width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** A JPEG with an Exif APP1 segment right after SOI: orientation and GPS position. */
    public static byte[] jpegWithGps(double latitude, double longitude, int orientation, boolean littleEndian) {
        byte[] jpeg = jpeg(32, 24);
        byte[] tiff = exif(latitude, longitude, orientation, littleEndian);
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG with an eXIf chunk (CRC correct) after IHDR. */
    public static byte[] pngWithGps(double latitude, double longitude) {
        byte[] png = png(16, 16);
        byte[] tiff = exif(latitude, longitude, 1, false);
        int ihdrEnd = 8 + 25;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, ihdrEnd);
        ByteBuffer chunk = ByteBuffer.allocate(12 + tiff.length);
        chunk.putInt(tiff.length).put("eXIf".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 4 + tiff.length);
        chunk.putInt((int) crc.getValue());
        out.writeBytes(chunk.array());
        out.write(png, ihdrEnd, png.length - ihdrEnd);
        return out.toByteArray();
    }

    /** The start of an HEIC file (ftyp box, brand heic) and an Exif item; no real picture. */
    public static byte[] heicWithGps(double latitude, double longitude) {
        byte[] tiff = exif(latitude, longitude, 1, false);
        ByteBuffer b = ByteBuffer.allocate(24 + 8 + 4 + 6 + tiff.length);
        b.putInt(24).put("ftyp".getBytes(StandardCharsets.US_ASCII)).put("heic".getBytes(StandardCharsets.US_ASCII)).putInt(0)
                .put("mif1".getBytes(StandardCharsets.US_ASCII)).put("heic".getBytes(StandardCharsets.US_ASCII));
        b.putInt(8 + 4 + 6 + tiff.length).put("mdat".getBytes(StandardCharsets.US_ASCII)).putInt(6)
                .put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        return b.array();
    }

    /** TIFF: IFD0 with Orientation and the GPS pointer; the GPS IFD with N/E latitude and longitude. */
    public static byte[] exif(double latitude, double longitude, int orientation, boolean littleEndian) {
        ByteBuffer b = ByteBuffer.allocate(140).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put(littleEndian ? (byte) 'I' : (byte) 'M').put(littleEndian ? (byte) 'I' : (byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 2);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        b.putInt(0);
        b.putShort((short) 4);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) (latitude < 0 ? 'S' : 'N')).put((byte) 0).putShort((short) 0);
        b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
        b.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) (longitude < 0 ? 'W' : 'E')).put((byte) 0).putShort((short) 0);
        b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
        b.putInt(0);
        putDms(b, Math.abs(latitude));
        putDms(b, Math.abs(longitude));
        return b.array();
    }

    private static void putDms(ByteBuffer b, double value) {
        int degrees = (int) value;
        double rest = (value - degrees) * 60;
        int minutes = (int) rest;
        long seconds = Math.round((rest - minutes) * 60 * 10000);
        b.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt((int) seconds).putInt(10000);
    }

    private static byte[] image(String format, int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
