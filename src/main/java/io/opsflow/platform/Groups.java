package io.opsflow.platform;

import java.util.List;

/** The Flowable IDM groups every Opsflow installation has; BPMN refers to them in candidateGroups. */
public final class Groups {

    public static final String ADMIN = "admin";
    public static final String DESIGNER = "designer";
    public static final String SUPERVISOR = "supervisor";
    public static final String STAFF = "staff";
    public static final String INTEGRATOR = "integrator";

    public static final List<String> SYSTEM_GROUPS = List.of(ADMIN, DESIGNER, SUPERVISOR, STAFF, INTEGRATOR);

    private Groups() {}
}
