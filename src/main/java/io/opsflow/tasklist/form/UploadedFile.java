package io.opsflow.tasklist.form;

/** A file as it arrived: the name the browser sent (untrusted) and the bytes. */
public record UploadedFile(String originalName, byte[] content) {

    public long size() {
        return content.length;
    }
}
