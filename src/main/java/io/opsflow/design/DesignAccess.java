package io.opsflow.design;

import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.Groups;
import org.springframework.security.access.AccessDeniedException;

/** Who may use the design studio: designers and admins (the URL rules say the same; this is the second lock). */
public final class DesignAccess {

    /** The model API under the page's session and CSRF protection, for the modeller's own calls. */
    public static final String PAGE_API = "/design/api/models";

    private DesignAccess() {}

    public static boolean mayDesign(CurrentUser user) {
        return user.isAdmin() || user.isIn(Groups.DESIGNER);
    }

    /** The caller, if a designer or admin; otherwise 403. */
    public static CurrentUser require() {
        CurrentUser user = CurrentUser.required();
        if (!mayDesign(user)) {
            throw new AccessDeniedException("designers and admins only");
        }
        return user;
    }
}
