package io.opsflow.workorder.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.workorder.order.InvalidWorkOrderInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PhotoCheckTest {

    private static final PhotoSettings DEFAULTS = new PhotoSettings(List.of("image/jpeg", "image/png", "image/heic"), DataSize.ofMegabytes(10), 10, false);

    @Test
    void recognisesJpegPngAndHeicByTheirBytesOnly() {
        assertThat(PhotoType.of(TestPhotos.jpeg(4, 4))).contains(PhotoType.JPEG);
        assertThat(PhotoType.of(TestPhotos.png(4, 4))).contains(PhotoType.PNG);
        assertThat(PhotoType.of(TestPhotos.heicWithGps(1, 1))).contains(PhotoType.HEIC);
        assertThat(PhotoType.of("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        byte[] avif = TestPhotos.heicWithGps(1, 1);
        System.arraycopy("avifavif".getBytes(StandardCharsets.US_ASCII), 0, avif, 8, 4);
        System.arraycopy("avifavif".getBytes(StandardCharsets.US_ASCII), 0, avif, 16, 8);
        assertThat(PhotoType.of(avif)).as("ftyp without a HEIC brand").isEmpty();
    }

    @Test
    void anHtmlPageNamedJpgIsRefused() {
        var upload = new PhotoCheck.Upload("photo.jpg", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PhotoCheck.check(List.of(upload), 0, DEFAULTS))
                .isInstanceOf(InvalidWorkOrderInput.class).hasMessageContaining("photo.jpg is not a photo of an allowed type");
    }

    @Test
    void sizeCountAndTypeFollowTheSettings() {
        var small = new PhotoSettings(List.of("image/jpeg"), DataSize.ofBytes(2000), 2, false);
        var png = new PhotoCheck.Upload("a.png", TestPhotos.png(8, 8));
        assertThatThrownBy(() -> PhotoCheck.check(List.of(png), 0, small)).hasMessageContaining("allowed type (image/jpeg)");
        var big = new PhotoCheck.Upload("big.jpg", TestPhotos.jpeg(400, 400));
        assertThatThrownBy(() -> PhotoCheck.check(List.of(big), 0, small)).hasMessageContaining("big.jpg is larger than");
        var jpeg = new PhotoCheck.Upload("a.jpg", TestPhotos.jpeg(8, 8));
        assertThatThrownBy(() -> PhotoCheck.check(List.of(jpeg, jpeg), 1, small)).hasMessageContaining("At most 2 photos");
        assertThatThrownBy(() -> PhotoCheck.check(List.of(), 0, small)).hasMessageContaining("at least one photo");
        assertThat(PhotoCheck.check(List.of(jpeg, jpeg), 0, small)).hasSize(2);
    }

    @Test
    void theGpsPositionIsRemovedByDefaultAndKeptWhenConfigured() {
        var upload = new PhotoCheck.Upload("site.jpg", TestPhotos.jpegWithGps(31.2304, 121.4737, 6, false));

        var stripped = PhotoCheck.check(List.of(upload), 0, DEFAULTS).get(0);
        assertThat(stripped.location()).isNull();
        assertThat(ExifGps.read(stripped.content(), PhotoType.JPEG)).isEmpty();

        var keeping = new PhotoSettings(DEFAULTS.allowedTypes(), DEFAULTS.maxSize(), 10, true);
        var kept = PhotoCheck.check(List.of(upload), 0, keeping).get(0);
        assertThat(kept.location().text()).isEqualTo("31.23040, 121.47370");
        assertThat(kept.content()).isEqualTo(upload.content());
    }

    @Test
    void aPngClaimingAHugeCanvasIsRefused() {
        byte[] png = TestPhotos.png(4, 4);
        png[16] = 0x00;
        png[17] = 0x01;
        assertThatThrownBy(() -> PhotoCheck.check(List.of(new PhotoCheck.Upload("bomb.png", png)), 0, DEFAULTS))
                .hasMessageContaining("too large an image");
    }

    @Test
    void namesLoseTheirPathAndControlCharacters() {
        assertThat(PhotoCheck.safeName("C:\\fakepath\\IMG_01.jpg")).isEqualTo("IMG_01.jpg");
        assertThat(PhotoCheck.safeName("../../etc/pa\"ss\nwd")).isEqualTo("passwd");
        assertThat(PhotoCheck.safeName("")).isEqualTo("photo");
    }

    @Test
    void unknownConfiguredTypesFailAtStartUp() {
        assertThatThrownBy(() -> new PhotoSettings(List.of("image/gif"), DataSize.ofMegabytes(1), 1, false))
                .hasMessageContaining("unknown type 'image/gif'");
    }
}
