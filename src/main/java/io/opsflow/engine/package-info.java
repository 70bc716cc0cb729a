/**
 * The embedded Flowable engine: its configuration, the deployment of every BPMN in {@code processes/},
 * job-executor settings for clusters, and per-object access rules for the standard Flowable REST API.
 * Only this module configures Flowable. Its public API is {@link io.opsflow.engine.ProcessAccess} and
 * {@link io.opsflow.engine.BpmnDeployments} (the checked door for BPMN edited in the design studio), and
 * {@link io.opsflow.engine.StartVariablesCheck}, which a module implements to check {@code /process-api} starts of its processes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engine")
package io.opsflow.engine;
