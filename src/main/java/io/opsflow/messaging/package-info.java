/**
 * Messaging center: channel configs (email, in-app, webhook, SMS, push), templates with escaped
 * {@code ${variables}}, the send log and the in-app inbox. Callers use {@link io.opsflow.messaging.Messages}
 * or the BPMN delegate {@code ${sendMessage}}; a message is recorded in the caller's transaction and
 * delivered after commit by its own Flowable job, one per recipient, with a stable idempotency key.
 * Listeners get {@link io.opsflow.messaging.MessageSent} and {@link io.opsflow.messaging.MessageFailed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package io.opsflow.messaging;
