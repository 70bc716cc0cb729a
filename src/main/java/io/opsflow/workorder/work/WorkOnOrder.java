package io.opsflow.workorder.work;

import io.opsflow.platform.CurrentUser;
import io.opsflow.workorder.order.InvalidWorkOrderInput;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderConflict;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.order.WorkOrderStore;
import java.util.List;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the assignee does before submitting: start the work, tick checklist steps one by one, upload
 * photos. Only the assignee, only while the order is assigned to them and not submitted; an archived
 * order refuses every change (409). Each call locks the order row, so it never interleaves with an
 * acceptance, a reassignment or a submission.
 */
@Component
public class WorkOnOrder {

    private final WorkOrderStore orders;
    private final WorkStore work;
    private final PhotoSettings settings;

    WorkOnOrder(WorkOrderStore orders, WorkStore work, PhotoSettings settings) {
        this.orders = orders;
        this.work = work;
        this.settings = settings;
    }

    @Transactional
    public WorkProgress start(String workOrderId, CurrentUser user) {
        WorkOrder order = workable(workOrderId, user);
        work.start(order.id(), user.id());
        return work.progress(order.id());
    }

    @Transactional
    public void tick(String workOrderId, int position, boolean done, CurrentUser user) {
        WorkOrder order = workable(workOrderId, user);
        if (!work.progress(order.id()).started()) {
            throw new WorkOrderConflict("Tap Start before ticking the checklist of " + order.number() + ".");
        }
        if (!work.tick(order.id(), position, done, user.id())) {
            throw new InvalidWorkOrderInput(order.number() + " has no checklist step " + position + ".");
        }
    }

    /** Checks every photo first; one bad photo stores none. */
    @Transactional
    public List<Photo> addPhotos(String workOrderId, List<PhotoCheck.Upload> uploads, CurrentUser user) {
        WorkOrder order = workable(workOrderId, user);
        int round = order.reworkCount();
        List<PhotoCheck.Accepted> accepted = PhotoCheck.check(uploads, work.photoCount(order.id(), round), settings);
        return accepted.stream()
                .map(p -> work.addPhoto(order.id(), round, p.fileName(), p.contentType(), p.content(), p.location(), user.id()))
                .toList();
    }

    /**
     * The order, locked, when the user is its assignee and it is being worked on. Staff who are not the
     * assignee never got to see it (the caller answered 404); supervisors get 403.
     */
    public WorkOrder workable(String workOrderId, CurrentUser user) {
        WorkOrder order;
        try {
            order = orders.lock(workOrderId).orElseThrow(() -> new WorkOrderConflict("work order " + workOrderId + " no longer exists"));
        } catch (TransientDataAccessException e) {
            throw new WorkOrderConflict("The work order is being changed by someone else; reload it.");
        }
        requireWorkable(order, user.id());
        return order;
    }

    /** 409 unless the order is assigned (not submitted, not archived); 403 unless the user is the assignee. */
    public static void requireWorkable(WorkOrder order, String userId) {
        switch (order.status()) {
            case ARCHIVED -> throw new WorkOrderConflict("Work order " + order.number() + " is archived and can no longer change.");
            case SUBMITTED -> throw new WorkOrderConflict("Work order " + order.number() + " is submitted and waits for acceptance.");
            case NEW, WAITING_DISPATCH -> throw new WorkOrderConflict("Work order " + order.number() + " is not assigned yet.");
            case ASSIGNED -> { }
        }
        if (!order.isOpenFor(userId)) {
            throw new AccessDeniedException("only the assignee does the work");
        }
    }

    public boolean isWorkable(WorkOrder order, String userId) {
        return order.status() == WorkOrderStatus.ASSIGNED && order.isOpenFor(userId);
    }
}
