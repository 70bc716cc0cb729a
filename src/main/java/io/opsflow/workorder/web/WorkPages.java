package io.opsflow.workorder.web;

import io.opsflow.platform.CurrentUser;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderAccess;
import io.opsflow.workorder.order.WorkOrderConflict;
import io.opsflow.workorder.order.WorkOrderStore;
import io.opsflow.workorder.process.WorkOrderProcess;
import io.opsflow.workorder.work.Photo;
import io.opsflow.workorder.work.PhotoCheck;
import io.opsflow.workorder.work.PhotoDownload;
import io.opsflow.workorder.work.WorkOnOrder;
import io.opsflow.workorder.work.WorkStore;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Doing the work on the order page, phone first: Start, tick each checklist step (saved at once),
 * upload photos, submit with notes; and the supervisor's acceptance there (photos, ticks, notes,
 * accept or reject with a comment). Refusals show the page again with 400 (bad input) or 409 (state).
 */
@Controller
class WorkPages {

    private final WorkOrderPages pages;
    private final WorkOrderStore store;
    private final WorkStore work;
    private final WorkOnOrder workOnOrder;
    private final WorkOrderProcess process;

    WorkPages(WorkOrderPages pages, WorkOrderStore store, WorkStore work, WorkOnOrder workOnOrder, WorkOrderProcess process) {
        this.pages = pages;
        this.store = store;
        this.work = work;
        this.workOnOrder = workOnOrder;
        this.process = process;
    }

    @PostMapping("/work-orders/{id}/start")
    String start(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return act(id, "work", model, response, flash, () -> {
            workOnOrder.start(visible(id).id(), CurrentUser.required());
            return "Work started. Tick each step when it is done.";
        });
    }

    @PostMapping("/work-orders/{id}/checklist/{position}")
    String tick(@PathVariable String id, @PathVariable int position, @RequestParam(defaultValue = "true") boolean done, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        return act(id, "step-" + position, model, response, flash, () -> {
            workOnOrder.tick(visible(id).id(), position, done, CurrentUser.required());
            return null;
        });
    }

    @PostMapping("/work-orders/{id}/photos")
    String photos(@PathVariable String id, @RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        return act(id, "photos", model, response, flash, () -> {
            List<Photo> added = workOnOrder.addPhotos(visible(id).id(), uploads(files), CurrentUser.required());
            return added.size() + " photo(s) added.";
        });
    }

    @GetMapping("/work-orders/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable String photoId) {
        WorkOrder order = visible(id);
        Photo photo = work.photo(order.id(), photoId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return PhotoDownload.of(photo, work.content(order.id(), photoId).orElseThrow());
    }

    @PostMapping("/work-orders/{id}/submit")
    String submit(@PathVariable String id, @RequestParam(defaultValue = "") String notes, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        return act(id, "work", model, response, flash, () -> {
            WorkOrder order = process.submitWork(visible(id), notes, CurrentUser.required().id());
            return order.number() + " submitted. The supervisors have been told.";
        });
    }

    @PostMapping("/work-orders/{id}/acceptance")
    String decide(@PathVariable String id, @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String comment,
            Model model, HttpServletResponse response, RedirectAttributes flash) {
        return act(id, "acceptance", model, response, flash, () -> {
            CurrentUser user = CurrentUser.required();
            WorkOrderAccess.requireSupervisor(user);
            boolean accepted = switch (outcome) {
                case "accepted" -> true;
                case "rejected" -> false;
                default -> throw new InvalidWorkOrderInput("Choose Accept or Reject.");
            };
            WorkOrder order = process.decide(visible(id), accepted, comment, user.id());
            return accepted ? order.number() + " accepted and archived."
                    : order.number() + " sent back to " + order.assignee() + " for rework (" + order.reworkCount() + ").";
        });
    }

    private String act(String id, String anchor, Model model, HttpServletResponse response, RedirectAttributes flash, Supplier<String> action) {
        try {
            String message = action.get();
            if (message != null) {
                flash.addFlashAttribute("message", message);
            }
            return "redirect:/work-orders/" + id + "#" + anchor;
        } catch (InvalidWorkOrderInput | WorkOrderConflict e) {
            response.setStatus(e instanceof WorkOrderConflict ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("warning", e.getMessage());
            return pages.detail(id, model);
        }
    }

    static List<PhotoCheck.Upload> uploads(List<MultipartFile> files) {
        List<PhotoCheck.Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
                continue;
            }
            try {
                uploads.add(new PhotoCheck.Upload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }

    private WorkOrder visible(String id) {
        CurrentUser user = CurrentUser.required();
        return store.find(id).filter(o -> WorkOrderAccess.sees(user, o)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
