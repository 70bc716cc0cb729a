package io.opsflow.workorder.work;

import java.time.Instant;

/**
 * A stored work-order photo without its bytes. {@code round} is the order's rework count when it was
 * uploaded (0 for the first submission); latitude and longitude are set only when locations are kept.
 */
public record Photo(String id, String workOrderId, int round, String fileName, String contentType, long size, Double latitude,
        Double longitude, String uploadedBy, Instant uploadedAt) {

    public boolean displayable() {
        return !PhotoType.HEIC.equals(contentType);
    }

    public PhotoLocation location() {
        return latitude == null || longitude == null ? null : new PhotoLocation(latitude, longitude);
    }
}
