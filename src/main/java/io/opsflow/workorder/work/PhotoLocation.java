package io.opsflow.workorder.work;

/** Where a photo was taken, from its EXIF GPS tags: decimal degrees, south and west negative. */
public record PhotoLocation(double latitude, double longitude) {

    public String text() {
        return String.format(java.util.Locale.ROOT, "%.5f, %.5f", latitude, longitude);
    }
}
