/**
 * The embedded Flowable engine: its configuration, the deployment of every BPMN in {@code processes/},
 * job-executor settings for clusters, and per-object access rules for the standard Flowable REST API.
 * Only this module configures Flowable. Its public API is {@link io.opsflow.engine.ProcessAccess} and
 * {@link io.opsflow.engine.BpmnDeployments} (the checked door for BPMN edited in the design studio).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engine")
package io.opsflow.engine;
