package io.opsflow.workorder.work;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A photo as sent to a browser or client: its sniffed type, {@code Content-Disposition: attachment}
 * with the stored name, {@code nosniff}, a sandboxing CSP and private caching only. Images shown in
 * {@code <img>} ignore the disposition, so the pages still show them.
 */
public final class PhotoDownload {

    private PhotoDownload() {}

    public static ResponseEntity<byte[]> of(Photo photo, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(photo.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(content);
    }
}
