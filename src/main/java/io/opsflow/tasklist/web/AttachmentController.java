package io.opsflow.tasklist.web;

import io.opsflow.platform.CurrentUser;
import io.opsflow.tasklist.task.TaskAttachments;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Uploading and downloading task attachments. Downloads are always "save as", never rendered inline. */
@Controller
class AttachmentController {

    private static final java.util.Set<String> SAFE_TYPES = java.util.Set.of("image/jpeg", "image/png", "application/pdf");

    private final TaskAttachments attachments;

    AttachmentController(TaskAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping("/tasks/{id}/attachments")
    String upload(@PathVariable String id, @RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        try {
            attachments.upload(CurrentUser.required(), id, file.getOriginalFilename(), file.getBytes());
            flash.addFlashAttribute("message", "File attached.");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("warning", e.getMessage());
        }
        return "redirect:/tasks/" + id + "#attachments";
    }

    @GetMapping("/tasks/{taskId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable String taskId, @PathVariable String attachmentId) {
        return asDownload(attachments.content(CurrentUser.required(), taskId, attachmentId));
    }

    @GetMapping("/instances/{instanceId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> downloadFromInstance(@PathVariable String instanceId, @PathVariable String attachmentId) {
        return asDownload(attachments.instanceContent(CurrentUser.required(), instanceId, attachmentId));
    }

    private static ResponseEntity<byte[]> asDownload(io.opsflow.tasklist.task.AttachmentContent content) {
        // Attachments added through /process-api may claim any type; only the sniffable ones keep theirs.
        MediaType type = SAFE_TYPES.contains(content.contentType())
                ? MediaType.parseMediaType(content.contentType())
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.content());
    }
}
