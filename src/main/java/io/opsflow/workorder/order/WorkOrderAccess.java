package io.opsflow.workorder.order;

import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.Groups;
import org.springframework.security.access.AccessDeniedException;

/** Supervisors and admins see and steer every work order; staff see the ones assigned to them. */
public final class WorkOrderAccess {

    private WorkOrderAccess() {}

    public static boolean seesAll(CurrentUser user) {
        return user.isAdmin() || user.isIn(Groups.SUPERVISOR);
    }

    public static boolean mayCreate(CurrentUser user) {
        return seesAll(user) || user.isIn(Groups.INTEGRATOR);
    }

    public static boolean sees(CurrentUser user, WorkOrder order) {
        return seesAll(user) || order.isOpenFor(user.id());
    }

    public static void requireSupervisor(CurrentUser user) {
        if (!seesAll(user)) {
            throw new AccessDeniedException("supervisors and admins only");
        }
    }
}
