package io.opsflow.workorder.web;

import io.opsflow.platform.CurrentUser;
import io.opsflow.workorder.order.ChecklistItem;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderAccess;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.work.Photo;
import io.opsflow.workorder.work.PhotoSettings;
import io.opsflow.workorder.work.WorkProgress;
import io.opsflow.workorder.work.WorkStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What the order page shows about doing the work and accepting it: start, checklist ticks, photos of
 * this round and earlier ones, notes, and which buttons this user gets.
 */
@Component
class WorkView {

    private final WorkStore work;
    private final PhotoSettings photoSettings;
    private final RuntimeService runtimeService;

    WorkView(WorkStore work, PhotoSettings photoSettings, RuntimeService runtimeService) {
        this.work = work;
        this.photoSettings = photoSettings;
        this.runtimeService = runtimeService;
    }

    Map<String, Object> of(WorkOrder order, List<ChecklistItem> checklist, CurrentUser user) {
        WorkProgress progress = work.progress(order.id());
        List<Photo> photos = work.photos(order.id());
        boolean workable = order.status() == WorkOrderStatus.ASSIGNED && order.isOpenFor(user.id());
        Map<String, Object> model = new HashMap<>();
        model.put("progress", progress);
        model.put("workable", workable);
        model.put("mayTick", workable && progress.started());
        model.put("deciding", order.status() == WorkOrderStatus.SUBMITTED && WorkOrderAccess.seesAll(user));
        model.put("photos", photos.stream().filter(p -> p.round() == order.reworkCount()).toList());
        model.put("earlierPhotos", photos.stream().filter(p -> p.round() != order.reworkCount()).toList());
        model.put("photoSettings", photoSettings);
        model.put("missingSteps", checklist.stream().filter(i -> !i.done()).count());
        model.put("reworkComment", reworkComment(order));
        return model;
    }

    private String reworkComment(WorkOrder order) {
        if (order.reworkCount() == 0 || order.processInstanceId() == null || order.status() == WorkOrderStatus.ARCHIVED) {
            return null;
        }
        boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(order.processInstanceId()).count() > 0;
        Object comment = running ? runtimeService.getVariable(order.processInstanceId(), "reworkComment") : null;
        return comment == null || String.valueOf(comment).isBlank() ? null : String.valueOf(comment);
    }
}
