package io.opsflow.tasklist.web;

import io.opsflow.tasklist.FieldView;
import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.Groups;
import io.opsflow.platform.JsonErrors;
import io.opsflow.tasklist.form.FormDefinition;
import io.opsflow.tasklist.form.FormJson;
import io.opsflow.tasklist.form.FormStore;
import io.opsflow.tasklist.form.InvalidFormException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /design/forms}: the list of forms and the form designer. Its live preview is drawn by the
 * task list's own form fragment from the draft, so what the designer sees is what staff get.
 */
@Controller
class FormDesignerPages {

    private final FormStore store;
    private final FieldViews fieldViews;

    FormDesignerPages(FormStore store, FieldViews fieldViews) {
        this.store = store;
        this.fieldViews = fieldViews;
    }

    @GetMapping("/design/forms")
    String list(Model page) {
        requireDesigner();
        page.addAttribute("forms", store.latestOfEach());
        return "design/forms";
    }

    @GetMapping("/design/forms/new")
    String create(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String key,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        requireDesigner();
        if (!FormJson.isKey(key.strip())) {
            redirect.addFlashAttribute("warning", "A form key uses letters, digits, '.', '_' and '-' (at most 100).");
            return "redirect:/design/forms";
        }
        return "redirect:/design/forms/" + key.strip();
    }

    @GetMapping("/design/forms/{key}")
    String designer(@PathVariable String key, Model page) {
        requireDesigner();
        if (!FormJson.isKey(key)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        page.addAttribute("key", key);
        page.addAttribute("exists", store.latest(key).isPresent());
        return "design/form-designer";
    }

    /** The draft drawn with the task list's fragment, with each field's default as its value. */
    @PostMapping(path = "/design/forms/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    String preview(@RequestBody JsonNode draft, Model page) {
        requireDesigner();
        FormDefinition form = FormJson.parse("preview", withoutKey(draft));
        Map<String, String> values = new LinkedHashMap<>();
        form.fields().stream().filter(f -> f.defaultValue() != null).forEach(f -> values.put(f.id(), f.defaultValue()));
        page.addAttribute("title", form.title());
        page.addAttribute("fields", fieldViews.of(form, values, Map.of()));
        return "design/form-preview :: preview";
    }

    @ExceptionHandler(InvalidFormException.class)
    @ResponseBody
    ResponseEntity<Map<String, Object>> invalid(InvalidFormException e) {
        Map<String, Object> body = JsonErrors.body(400, "Bad Request", "The form is not valid.");
        body.put("fieldErrors", new TreeMap<>(e.problems()));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static JsonNode withoutKey(JsonNode draft) {
        if (draft instanceof com.fasterxml.jackson.databind.node.ObjectNode object && object.has("key")) {
            var copy = object.deepCopy();
            copy.remove("key");
            return copy;
        }
        return draft;
    }

    private static void requireDesigner() {
        CurrentUser user = CurrentUser.required();
        if (!user.isAdmin() && !user.isIn(Groups.DESIGNER)) {
            throw new AccessDeniedException("designers and admins only");
        }
    }
}
