package io.opsflow.tasklist.task;

/** An attachment's bytes and the (sniffed at upload) content type to serve them with. */
public record AttachmentContent(String name, String contentType, byte[] content) {}
