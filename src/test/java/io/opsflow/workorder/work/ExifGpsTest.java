package io.opsflow.workorder.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifGpsTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsTheGpsPositionOfAJpeg(boolean littleEndian) {
        byte[] photo = TestPhotos.jpegWithGps(31.2304, 121.4737, 6, littleEndian);

        PhotoLocation location = ExifGps.read(photo, PhotoType.JPEG).orElseThrow();

        assertThat(location.latitude()).isCloseTo(31.2304, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(location.longitude()).isCloseTo(121.4737, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(ExifGps.read(TestPhotos.jpegWithGps(-33.8688, -151.2093, 1, littleEndian), PhotoType.JPEG).orElseThrow().text())
                .isEqualTo("-33.86880, -151.20930");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void strippingAJpegRemovesTheGpsValuesButKeepsTheOrientationAndThePicture(boolean littleEndian) throws Exception {
        byte[] photo = TestPhotos.jpegWithGps(31.2304, 121.4737, 6, littleEndian);

        byte[] stripped = ExifGps.strip(photo, PhotoType.JPEG);

        assertThat(ExifGps.read(stripped, PhotoType.JPEG)).isEmpty();
        assertThat(stripped).hasSameSizeAs(photo);
        // The rationals 31/1 and 121/1 are gone from the bytes, not only unlinked.
        assertThat(indexOf(stripped, TestPhotos.exif(31.2304, 121.4737, 6, littleEndian), 92, 48)).isEqualTo(-1);
        assertThat(indexOf(photo, TestPhotos.exif(31.2304, 121.4737, 6, littleEndian), 92, 48)).isPositive();
        // IFD0 (orientation 6, first 38 bytes of the TIFF) is untouched.
        assertThat(indexOf(stripped, TestPhotos.exif(31.2304, 121.4737, 6, littleEndian), 0, 38)).isPositive();
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(32);
        assertThat(photo).isEqualTo(TestPhotos.jpegWithGps(31.2304, 121.4737, 6, littleEndian));
    }

    @Test
    void strippingAJpegDropsAnXmpSegmentThatNamesAPosition() {
        byte[] jpeg = TestPhotos.jpeg(8, 8);
        byte[] xmp = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude=\"31,13.82N\"/></x:xmpmeta>"
                .getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((xmp.length + 2) >> 8);
        out.write((xmp.length + 2) & 0xFF);
        out.writeBytes(xmp);
        out.write(jpeg, 2, jpeg.length - 2);
        byte[] photo = out.toByteArray();

        byte[] stripped = ExifGps.strip(photo, PhotoType.JPEG);

        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude");
        assertThat(stripped).isEqualTo(jpeg);
    }

    @Test
    void strippingAPngCleansItsExifChunkAndKeepsTheCrcValid() throws Exception {
        byte[] photo = TestPhotos.pngWithGps(31.2304, 121.4737);
        assertThat(ExifGps.read(photo, PhotoType.PNG)).isPresent();

        byte[] stripped = ExifGps.strip(photo, PhotoType.PNG);

        assertThat(ExifGps.read(stripped, PhotoType.PNG)).isEmpty();
        int chunk = 8 + 25;
        int length = (int) PhotoType.uint32(stripped, chunk);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(stripped, chunk + 4, 4 + length);
        assertThat(PhotoType.uint32(stripped, chunk + 8 + length)).isEqualTo(crc.getValue());
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(16);
    }

    @Test
    void strippingAHeicCleansItsExifItemInPlace() {
        byte[] photo = TestPhotos.heicWithGps(31.2304, 121.4737);
        assertThat(PhotoType.of(photo)).contains(PhotoType.HEIC);
        assertThat(ExifGps.read(photo, PhotoType.HEIC)).isPresent();

        byte[] stripped = ExifGps.strip(photo, PhotoType.HEIC);

        assertThat(ExifGps.read(stripped, PhotoType.HEIC)).isEmpty();
        assertThat(stripped).hasSameSizeAs(photo);
        assertThat(PhotoType.of(stripped)).contains(PhotoType.HEIC);
    }

    @Test
    void photosWithoutExifOrWithBrokenOffsetsComeBackUnchanged() {
        byte[] jpeg = TestPhotos.jpeg(8, 8);
        assertThat(ExifGps.strip(jpeg, PhotoType.JPEG)).isEqualTo(jpeg);
        assertThat(ExifGps.read(jpeg, PhotoType.JPEG)).isEmpty();

        byte[] broken = TestPhotos.jpegWithGps(31.2, 121.4, 1, false);
        // GPS pointer far outside the block.
        int pointer = 2 + 4 + 6 + 8 + 2 + 12 + 8;
        broken[pointer] = 0x7F;
        assertThat(ExifGps.read(broken, PhotoType.JPEG)).isEmpty();
        assertThat(ExifGps.strip(broken, PhotoType.JPEG)).isEqualTo(broken);
    }

    /** Where {@code part[from, from + length)} occurs in {@code b}, or -1. */
    private static int indexOf(byte[] b, byte[] part, int from, int length) {
        outer:
        for (int i = 0; i + length <= b.length; i++) {
            for (int j = 0; j < length; j++) {
                if (b[i + j] != part[from + j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
