package io.opsflow.messaging.template;

import io.opsflow.messaging.ChannelType;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/v1/messaging/templates}: validated on save (400 with the reason), previewed with sample data. */
@RestController
@RequestMapping("/api/v1/messaging/templates")
@PreAuthorize("hasAuthority('GROUP_admin')")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    record TemplateInput(
            String code, ChannelType channelType, TemplateFormat format, String subject, String body, String messageType, boolean urgent) {

        MessageTemplate toTemplate(String id) {
            return new MessageTemplate(id, code, channelType, format == null ? TemplateFormat.TEXT : format, subject, body,
                    messageType == null ? "general" : messageType, urgent);
        }
    }

    record PreviewRequest(TemplateInput template, Map<String, Object> variables) {}

    @GetMapping
    List<MessageTemplate> list() {
        return templates.all();
    }

    @GetMapping("/{id}")
    MessageTemplate get(@PathVariable String id) {
        return find(id);
    }

    @PostMapping
    ResponseEntity<MessageTemplate> create(@RequestBody TemplateInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(templates.save(input.toTemplate(null)));
    }

    @PutMapping("/{id}")
    MessageTemplate update(@PathVariable String id, @RequestBody TemplateInput input) {
        find(id);
        return templates.save(input.toTemplate(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        return templates.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** Renders an unsaved template with sample variables; a missing variable is a 400 naming it. */
    @PostMapping("/preview")
    RenderedMessage preview(@RequestBody PreviewRequest request) {
        if (request.template() == null || request.template().body() == null) {
            throw new TemplateException("template.body is required");
        }
        return templates.render(request.template().toTemplate(null), request.variables() == null ? Map.of() : request.variables());
    }

    /** Renders a stored template with sample variables. */
    @PostMapping("/{id}/preview")
    RenderedMessage previewStored(@PathVariable String id, @RequestBody(required = false) Map<String, Object> variables) {
        return templates.render(find(id), variables == null ? Map.of() : variables);
    }

    private MessageTemplate find(String id) {
        return templates.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no template " + id));
    }
}
