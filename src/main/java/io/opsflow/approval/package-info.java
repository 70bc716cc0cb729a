/**
 * Approval chains: designers build a chain of approver, CC and branch nodes in a simple model that
 * generates BPMN; staff start approvals with a form and approvers act on them (approve, reject, return,
 * transfer, delegate, add or remove approvers, CC, withdraw, cancel, urge) with a timeline and inboxes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approvals")
package io.opsflow.approval;
