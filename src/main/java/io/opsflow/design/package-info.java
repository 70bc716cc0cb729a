/**
 * The design studio at {@code /design}: BPMN models edited in a bpmn-js modeller with Flowable
 * properties, imported from other modellers and exported again, stored with every saved version,
 * validated (Flowable's validator plus Opsflow's lint rules) and deployed by designers and admins.
 * Uses the engine module's {@link io.opsflow.engine.BpmnDeployments} for every check and deployment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Design studio")
package io.opsflow.design;
