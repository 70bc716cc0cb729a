package io.opsflow.workorder.api;

import io.opsflow.platform.CurrentUser;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderAccess;
import io.opsflow.workorder.order.WorkOrderStore;
import io.opsflow.workorder.process.WorkOrderProcess;
import io.opsflow.workorder.work.Photo;
import io.opsflow.workorder.work.PhotoCheck;
import io.opsflow.workorder.work.PhotoDownload;
import io.opsflow.workorder.work.WorkOnOrder;
import io.opsflow.workorder.work.WorkProgress;
import io.opsflow.workorder.work.WorkStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Doing the work over {@code /api/v1/work-orders/{id}}: start, tick single checklist steps, upload and
 * read photos, submit. Changes are the assignee's only; archived or submitted orders answer 409.
 */
@RestController
@RequestMapping("/api/v1/work-orders/{id}")
@Tag(name = "Work orders", description = "Emergency work orders: skill-based assignment with its explanation, reassignment, acceptance")
class WorkApiController {

    /** The doing of the work: start, notes, checklist with who ticked when, photos of every round. */
    record WorkState(String workOrderId, String status, int reworkCount, java.time.Instant startedAt, String startedBy, String notes,
            List<io.opsflow.workorder.order.ChecklistItem> checklist, List<Photo> photos) {}

    record Tick(Boolean done) {}

    record Submission(String notes) {}

    private final WorkOrderStore store;
    private final WorkStore work;
    private final WorkOnOrder workOnOrder;
    private final WorkOrderProcess process;

    WorkApiController(WorkOrderStore store, WorkStore work, WorkOnOrder workOnOrder, WorkOrderProcess process) {
        this.store = store;
        this.work = work;
        this.workOnOrder = workOnOrder;
        this.process = process;
    }

    @GetMapping("/work")
    @Operation(summary = "How far the work is: start, notes, checklist ticks (who, when) and photos")
    WorkState state(@PathVariable String id) {
        return state(visible(id));
    }

    @PostMapping("/start")
    @Operation(summary = "The assignee starts the work (status stays ASSIGNED; startedAt is set once)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "not the assignee"),
                @ApiResponse(responseCode = "409", description = "submitted or archived")})
    WorkState start(@PathVariable String id) {
        workOnOrder.start(visible(id).id(), CurrentUser.required());
        return state(store.find(id).orElseThrow());
    }

    @PutMapping("/checklist/{position}")
    @Operation(summary = "Tick or untick one checklist step; who and when are recorded",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400", description = "no such step, done missing"),
                @ApiResponse(responseCode = "403", description = "not the assignee"),
                @ApiResponse(responseCode = "409", description = "not started, submitted or archived")})
    WorkState tick(@PathVariable String id, @PathVariable int position, @RequestBody Tick body) {
        if (body == null || body.done() == null) {
            throw new InvalidWorkOrderInput("send {\"done\": true} or {\"done\": false}");
        }
        workOnOrder.tick(visible(id).id(), position, body.done(), CurrentUser.required());
        return state(store.find(id).orElseThrow());
    }

    @PostMapping(path = "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload photos (multipart field photos, one or more); checked by content, all or none stored",
            responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "400", description = "not an allowed image, too large, too many"),
                @ApiResponse(responseCode = "409", description = "submitted or archived")})
    List<Photo> upload(@PathVariable String id, @RequestParam(name = "photos", required = false) List<MultipartFile> photos) {
        return workOnOrder.addPhotos(visible(id).id(), uploads(photos), CurrentUser.required());
    }

    @GetMapping("/photos")
    @Operation(summary = "The order's photos, oldest first, every round (round = rework count at upload)")
    List<Photo> photos(@PathVariable String id) {
        return work.photos(visible(id).id());
    }

    @GetMapping("/photos/{photoId}")
    @Operation(summary = "One photo's bytes (Content-Disposition attachment, nosniff)")
    ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable String photoId) {
        WorkOrder order = visible(id);
        Photo photo = work.photo(order.id(), photoId).orElseThrow(() -> new UnknownWorkOrder(id));
        return PhotoDownload.of(photo, work.content(order.id(), photoId).orElseThrow());
    }

    @PostMapping("/submission")
    @Operation(summary = "Submit the work for acceptance: every step ticked and at least one photo of this round",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "400", description = "steps not ticked (named) or no photo"),
                @ApiResponse(responseCode = "409", description = "not started, already submitted or archived")})
    WorkState submit(@PathVariable String id, @RequestBody(required = false) Submission body) {
        WorkOrder order = process.submitWork(visible(id), body == null ? null : body.notes(), CurrentUser.required().id());
        return state(order);
    }

    private WorkState state(WorkOrder order) {
        WorkProgress progress = work.progress(order.id());
        return new WorkState(order.id(), order.status().name(), order.reworkCount(), progress.startedAt(), progress.startedBy(),
                progress.notes(), store.checklist(order.id()), work.photos(order.id()));
    }

    private WorkOrder visible(String id) {
        CurrentUser user = CurrentUser.required();
        return store.find(id).filter(o -> WorkOrderAccess.sees(user, o)).orElseThrow(() -> new UnknownWorkOrder(id));
    }

    private static List<PhotoCheck.Upload> uploads(List<MultipartFile> files) {
        List<PhotoCheck.Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            try {
                uploads.add(new PhotoCheck.Upload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
