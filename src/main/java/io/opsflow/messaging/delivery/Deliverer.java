package io.opsflow.messaging.delivery;

import io.opsflow.messaging.MessageFailed;
import io.opsflow.messaging.MessageSent;
import io.opsflow.messaging.MessageStatus;
import io.opsflow.messaging.channel.ChannelConfig;
import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.channel.Channels;
import io.opsflow.messaging.channel.Delivery;
import io.opsflow.messaging.channel.DeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One delivery attempt of one logged message, run by its Flowable job.
 * <ul>
 *   <li>A message already SENT is never sent again (a job may run twice after a crash).
 *   <li>Send and "mark SENT" commit together in a transaction of their own, so a later failure of the
 *       job's transaction cannot undo the record of a message that went out.
 *   <li>A failure that a retry may cure schedules the next attempt with doubling backoff (RETRIED);
 *       the last one marks the message DEAD and throws, so Flowable keeps a dead-letter job with the reason.
 *   <li>A failure no retry can cure (bad address, refused target) marks it FAILED at once.
 * </ul>
 */
@Component
class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    private final SendLog sendLog;
    private final ChannelConfigs configs;
    private final Channels channels;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    Deliverer(SendLog sendLog, ChannelConfigs configs, Channels channels, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.sendLog = sendLog;
        this.configs = configs;
        this.channels = channels;
        this.events = events;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @param scheduleRetry creates the job of the next attempt, due at the given instant, in the job's transaction */
    void attempt(String messageId, Consumer<Instant> scheduleRetry) {
        LogEntry entry = sendLog.find(messageId).orElse(null);
        if (entry == null || entry.status() == MessageStatus.SENT || entry.status() == MessageStatus.FAILED) {
            return;
        }
        int attempt = entry.attempts() + 1;
        try {
            ChannelConfig config = configs.byId(entry.channelId())
                    .filter(ChannelConfig::enabled)
                    .orElseThrow(() -> DeliveryException.retryable("channel '" + entry.channelName() + "' is missing or disabled", null));
            ownTransaction.executeWithoutResult(tx -> {
                channels.of(entry.channelType()).deliver(delivery(entry), config);
                sendLog.markSent(entry.id(), attempt);
            });
        } catch (DeliveryException e) {
            failed(entry, attempt, e.getMessage(), e.retryable(), scheduleRetry);
            return;
        } catch (RuntimeException e) {
            log.warn("Delivery of message {} failed unexpectedly", entry.id(), e);
            failed(entry, attempt, "unexpected error: " + e.getClass().getSimpleName(), true, scheduleRetry);
            return;
        }
        events.publishEvent(new MessageSent(entry.id(), entry.channelType(), entry.recipient(), entry.templateCode(), entry.processInstanceId()));
    }

    private void failed(LogEntry entry, int attempt, String error, boolean retryable, Consumer<Instant> scheduleRetry) {
        String reason = "attempt " + attempt + "/" + entry.maxAttempts() + ": " + error;
        if (!retryable) {
            sendLog.markUnsent(entry.id(), MessageStatus.FAILED, attempt, reason);
            publishFailure(entry, reason, true);
            return;
        }
        if (attempt < entry.maxAttempts()) {
            Duration wait = Duration.ofSeconds(entry.backoffSeconds()).multipliedBy(1L << Math.min(attempt - 1, 16));
            sendLog.markUnsent(entry.id(), MessageStatus.RETRIED, attempt, reason);
            scheduleRetry.accept(clock.instant().plus(wait));
            publishFailure(entry, reason, false);
            return;
        }
        // The job's transaction is about to roll back; the DEAD status must survive it.
        ownTransaction.executeWithoutResult(tx -> sendLog.markUnsent(entry.id(), MessageStatus.DEAD, attempt, reason));
        publishFailure(entry, reason, true);
        throw new UndeliverableMessageException("message " + entry.id() + " to " + entry.recipient() + " is undeliverable: " + reason);
    }

    private void publishFailure(LogEntry entry, String reason, boolean finalFailure) {
        events.publishEvent(new MessageFailed(entry.id(), entry.channelType(), entry.recipient(), entry.templateCode(),
                entry.processInstanceId(), reason, finalFailure));
    }

    private static Delivery delivery(LogEntry e) {
        return new Delivery(e.id(), e.idempotencyKey(), e.recipient(), e.address(), e.subject(), e.body(), e.format(),
                e.templateCode(), e.processInstanceId(), e.taskId());
    }
}
