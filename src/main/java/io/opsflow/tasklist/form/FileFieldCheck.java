package io.opsflow.tasklist.form;

import java.util.ArrayList;
import java.util.List;

/** Count, size and sniffed type of the files sent for one file field. */
final class FileFieldCheck {

    private FileFieldCheck() {}

    static List<ValidatedForm.AcceptedFile> check(FormField field, List<UploadedFile> files) {
        if (files.isEmpty() && field.required()) {
            throw new InvalidValue("Please add " + field.displayLabel() + ".");
        }
        if (files.size() > field.effectiveMaxFiles()) {
            throw new InvalidValue("At most " + field.effectiveMaxFiles() + " file(s).");
        }
        List<ValidatedForm.AcceptedFile> accepted = new ArrayList<>();
        for (UploadedFile file : files) {
            String name = FileNames.safe(file.originalName());
            if (file.size() > field.maxBytes()) {
                throw new InvalidValue(name + " is larger than " + field.maxBytes() / (1024 * 1024) + " MB.");
            }
            String type = ContentSniffer.contentType(file.content())
                    .filter(field.accept()::contains)
                    .orElseThrow(() -> new InvalidValue(name + " is not an allowed file type (" + String.join(", ", field.accept()) + ")."));
            if (ContentSniffer.isOversizedPng(file.content())) {
                throw new InvalidValue(name + " is too large an image.");
            }
            accepted.add(new ValidatedForm.AcceptedFile(name, type, file.content()));
        }
        return accepted;
    }
}
