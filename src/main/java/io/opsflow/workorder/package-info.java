/**
 * Work orders: emergency work created from templates (地面维修, 管道疏通, ...), assigned automatically to
 * the best-scoring active staff member with the required skills (skill match, load and on-time
 * performance, explained per candidate), done with a checklist and photos, accepted or sent back for
 * rework by a supervisor, archived read-only, and escalated by the messaging center when overdue.
 * The flow is {@code processes/work-order.bpmn20.xml}; {@code /api/v1/work-orders} serves integrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work orders")
package io.opsflow.workorder;
