package io.opsflow.approval.run;

import org.flowable.engine.repository.ProcessDefinition;

/**
 * How run time recognises an approval definition (contract: key {@code approval} or
 * {@code approval-<code>}, category {@code opsflow-approval}) and the run-time variable names it shares
 * with the generated BPMN.
 */
public final class ApprovalDefinitions {

    public static final String CATEGORY = "opsflow-approval";
    public static final String KEY_PREFIX = "approval";
    /** Optional userTask of the starter, the target of "return to the starter"; run time completes it at start. */
    public static final String STARTER_NODE = "starter";
    public static final String OUTCOME = "approvalOutcome";
    public static final String ACTOR = "approvalActor";
    public static final String RESULT = "approvalResult";
    public static final String STARTER = "approvalStarter";
    /** Task-local: ids of tasks added "before me" that must be done before this task may decide. */
    public static final String WAITING_FOR = "approvalWaitingFor";

    private ApprovalDefinitions() {}

    public static boolean isApproval(ProcessDefinition definition) {
        return definition != null && (isApprovalKey(definition.getKey()) || CATEGORY.equals(definition.getCategory()));
    }

    public static boolean isApprovalKey(String key) {
        return key != null && (key.equals(KEY_PREFIX) || key.startsWith(KEY_PREFIX + "-"));
    }

    public static String nameOf(ProcessDefinition definition) {
        return definition.getName() != null && !definition.getName().isBlank() ? definition.getName() : definition.getKey();
    }
}
