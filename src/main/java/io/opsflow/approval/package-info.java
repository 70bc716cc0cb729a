/**
 * Approvals (审批): designers build a vertical chain of approver, CC, condition and parallel nodes
 * (the simple model), which is validated and generated into BPMN with diagram interchange, then
 * published as a process definition {@code approval-<code>}. The beans named in
 * {@link io.opsflow.approval.ApprovalConventions} resolve approvers, tally votes, record CCs and
 * handle timeouts at run time. See docs/approvals.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approvals")
package io.opsflow.approval;
