package io.opsflow.approval;

/**
 * Names shared by the generated BPMN and run time (docs/approvals.md, the contract between design
 * time and run time). A generated approval is recognised by its category and by its key prefix.
 */
public final class ApprovalConventions {

    /** Category of every approval process definition; it is the BPMN {@code targetNamespace}. */
    public static final String CATEGORY = "opsflow-approval";
    /** Key prefix: a published simple model {@code leave} is the process definition {@code approval-leave}. */
    public static final String KEY_PREFIX = "approval-";
    /** Key of the shipped generic approval in {@code processes/approval.bpmn20.xml}. */
    public static final String SHIPPED_KEY = "approval";
    /** Namespace of the {@code opsflow:approver} / {@code opsflow:cc} extension elements holding node rules. */
    public static final String NAMESPACE = "http://opsflow.io/schema/approval";
    public static final String NAMESPACE_PREFIX = "opsflow";

    /** Process variable with the starter's user id ({@code flowable:initiator}). */
    public static final String INITIATOR = "initiator";
    /** Task-local variable run time sets before completing: {@link #APPROVED} or {@link #REJECTED}. */
    public static final String OUTCOME = "approvalOutcome";
    /** Task-local variable naming who acted when it was not the assignee, e.g. {@link #TIMEOUT_ACTOR}. */
    public static final String ACTOR = "approvalActor";
    public static final String TIMEOUT_ACTOR = "system:timeout";
    /** Process variable: {@code approved}, {@code rejected}, {@code cancelled} or {@code withdrawn}. */
    public static final String RESULT = "approvalResult";
    /** Process variable: user ids who approved so far (for de-duplication). */
    public static final String APPROVED_BY = "approvalApprovedBy";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    /** Node result while votes are still open. */
    public static final String OPEN = "open";
    /** The MI element variable: the approver of one task instance. */
    public static final String ELEMENT_VARIABLE = "approver";

    private ApprovalConventions() {}

    public static String keyOf(String code) {
        return KEY_PREFIX + code;
    }

    public static boolean isApprovalKey(String key) {
        return key != null && (key.equals(SHIPPED_KEY) || key.startsWith(KEY_PREFIX));
    }

    /** {@code <nodeId>_approvers}: the list of user ids the approver node is multi-instance over. */
    public static String approvers(String nodeId) {
        return nodeId + "_approvers";
    }

    public static String approvedCount(String nodeId) {
        return nodeId + "_approved";
    }

    public static String rejectedCount(String nodeId) {
        return nodeId + "_rejected";
    }

    /** {@code <nodeId>_result}: {@code open}, {@code approved} or {@code rejected}. */
    public static String result(String nodeId) {
        return nodeId + "_result";
    }

    /** {@code <nodeId>_auto}: why the node decided itself (empty, starter, duplicate, timeout), if it did. */
    public static String auto(String nodeId) {
        return nodeId + "_auto";
    }

    /** {@code <nodeId>_chosen}: user ids the starter picked at start for a "starter chooses" node. */
    public static String chosen(String nodeId) {
        return nodeId + "_chosen";
    }

    /** Id of the service task resolving the approvers before the node. */
    public static String resolveStep(String nodeId) {
        return nodeId + "_resolve";
    }
}
