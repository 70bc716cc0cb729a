package io.opsflow.workorder.work;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Work-order photo settings under {@code opsflow.workorder.photos}.
 *
 * @param allowedTypes content types accepted, recognised from the bytes: image/jpeg image/png image/heic (the default: all three)
 * @param maxSize most bytes per photo
 * @param maxCount most photos per submission (at least one is always required)
 * @param keepLocation keep the EXIF GPS position (and show it on the order page); false strips it before storing
 */
@ConfigurationProperties("opsflow.workorder.photos")
public record PhotoSettings(
        List<String> allowedTypes,
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("10") int maxCount,
        @DefaultValue("false") boolean keepLocation) {

    public PhotoSettings {
        // No @DefaultValue: a list default lands in the configuration metadata as text with commas, which the Modulith documenter cannot read.
        allowedTypes = (allowedTypes == null || allowedTypes.isEmpty() ? KNOWN_DEFAULT : allowedTypes).stream()
                .map(t -> t.trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .toList();
        for (String type : allowedTypes) {
            if (!PhotoType.KNOWN.contains(type)) {
                throw new IllegalArgumentException("opsflow.workorder.photos.allowed-types: unknown type '" + type
                        + "' (known: " + String.join(" ", PhotoType.KNOWN) + ")");
            }
        }
        if (maxCount < 1) {
            throw new IllegalArgumentException("opsflow.workorder.photos.max-count must be at least 1");
        }
    }

    private static final List<String> KNOWN_DEFAULT = List.of(PhotoType.JPEG, PhotoType.PNG, PhotoType.HEIC);

    public boolean allows(String contentType) {
        return allowedTypes.contains(contentType);
    }

    /** Accept attribute of the file input, e.g. {@code image/jpeg,image/png,.heic}. */
    public String acceptAttribute() {
        return String.join(",", allowedTypes.stream().map(t -> t.equals(PhotoType.HEIC) ? t + ",.heic,.heif" : t).toList());
    }

    /** e.g. {@code JPEG, PNG, HEIC}. */
    public String typeNames() {
        return String.join(", ", allowedTypes.stream().map(t -> t.substring(t.indexOf('/') + 1).toUpperCase(Locale.ROOT)).toList());
    }

    public long maxMegabytes() {
        return maxSize.toMegabytes();
    }
}
