/**
 * The embedded Flowable engine: its configuration, the deployment of every BPMN in {@code processes/},
 * job-executor settings for clusters, and per-object access rules for the standard Flowable REST API.
 * Only this module configures Flowable. Its public API is {@link io.opsflow.engine.ProcessAccess}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engine")
package io.opsflow.engine;
