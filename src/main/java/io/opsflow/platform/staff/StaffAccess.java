package io.opsflow.platform.staff;

import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.Groups;
import org.springframework.security.access.AccessDeniedException;

/** Supervisors and admins read and edit the staff directory; integrators may read it. */
final class StaffAccess {

    private StaffAccess() {}

    static boolean mayEdit(CurrentUser user) {
        return user.isAdmin() || user.isIn(Groups.SUPERVISOR);
    }

    static void requireRead(CurrentUser user) {
        if (!mayEdit(user) && !user.isIn(Groups.INTEGRATOR)) {
            throw new AccessDeniedException("supervisors, integrators and admins read the staff directory");
        }
    }

    static void requireEdit(CurrentUser user) {
        if (!mayEdit(user)) {
            throw new AccessDeniedException("supervisors and admins edit the staff directory");
        }
    }
}
