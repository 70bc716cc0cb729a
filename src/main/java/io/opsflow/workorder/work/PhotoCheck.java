package io.opsflow.workorder.work;

import io.opsflow.workorder.order.InvalidWorkOrderInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the photos of one upload against {@link PhotoSettings} before anything is stored: count, size,
 * type from the bytes; then removes the GPS position unless locations are kept. One bad photo refuses
 * the whole upload.
 */
public final class PhotoCheck {

    /** A photo ready to store: safe name, sniffed type, bytes (GPS removed if so configured) and location (if kept). */
    public record Accepted(String fileName, String contentType, byte[] content, PhotoLocation location) {}

    /** What was sent: the name the client gave and the bytes. */
    public record Upload(String originalName, byte[] content) {}

    private PhotoCheck() {}

    public static List<Accepted> check(List<Upload> uploads, int alreadyThisRound, PhotoSettings settings) {
        if (uploads.isEmpty()) {
            throw new InvalidWorkOrderInput("Choose at least one photo.");
        }
        if (alreadyThisRound + uploads.size() > settings.maxCount()) {
            throw new InvalidWorkOrderInput("At most " + settings.maxCount() + " photos per submission ("
                    + alreadyThisRound + " already uploaded).");
        }
        List<Accepted> accepted = new ArrayList<>();
        for (Upload upload : uploads) {
            String name = safeName(upload.originalName());
            byte[] content = upload.content();
            if (content.length == 0) {
                throw new InvalidWorkOrderInput(name + " is empty.");
            }
            if (content.length > settings.maxSize().toBytes()) {
                throw new InvalidWorkOrderInput(name + " is larger than " + settings.maxMegabytes() + " MB.");
            }
            Optional<String> type = PhotoType.of(content);
            if (type.isEmpty() || !settings.allows(type.get())) {
                throw new InvalidWorkOrderInput(name + " is not a photo of an allowed type (" + String.join(", ", settings.allowedTypes()) + ").");
            }
            if (PhotoType.isOversizedPng(content)) {
                throw new InvalidWorkOrderInput(name + " is too large an image (more than " + PhotoType.MAX_PNG_SIDE + " pixels wide or high).");
            }
            if (settings.keepLocation()) {
                accepted.add(new Accepted(name, type.get(), content, ExifGps.read(content, type.get()).orElse(null)));
            } else {
                accepted.add(new Accepted(name, type.get(), ExifGps.strip(content, type.get()), null));
            }
        }
        return accepted;
    }

    /** The last path part, without control characters or quotes, at most 200 characters; "photo" when nothing is left. */
    static String safeName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && c != '"' && c != ';').forEach(clean::appendCodePoint);
        String result = clean.toString().trim();
        if (result.length() > 200) {
            result = result.substring(result.length() - 200);
        }
        return result.isEmpty() || result.equals(".") || result.equals("..") ? "photo" : result;
    }
}
