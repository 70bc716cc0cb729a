package io.opsflow.tasklist.web;

import io.opsflow.tasklist.form.FormInput;
import io.opsflow.tasklist.form.UploadedFile;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/** Reads a posted form (urlencoded or multipart) into the validator's input. */
final class FormInputs {

    private FormInputs() {}

    static FormInput from(HttpServletRequest request) {
        Map<String, List<String>> values = new HashMap<>();
        request.getParameterMap().forEach((name, all) -> values.put(name, Arrays.asList(all)));
        Map<String, List<UploadedFile>> files = new HashMap<>();
        // Security wrappers may hide the multipart request, so look through them.
        var multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            multipart.getMultiFileMap().forEach((name, parts) -> files.put(name, parts.stream()
                    .filter(p -> !p.isEmpty())
                    .map(FormInputs::read)
                    .toList()));
        }
        return new FormInput(values, files);
    }

    static UploadedFile read(MultipartFile part) {
        try {
            return new UploadedFile(part.getOriginalFilename(), part.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
