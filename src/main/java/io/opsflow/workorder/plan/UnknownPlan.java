package io.opsflow.workorder.plan;

/** No such plan: 404. */
public class UnknownPlan extends RuntimeException {

    public UnknownPlan(String id) {
        super("no recurring plan " + id);
    }
}
