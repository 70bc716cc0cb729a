package io.opsflow.messaging.delivery;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.MessageFailed;
import io.opsflow.messaging.MessageRequest;
import io.opsflow.messaging.MessageStatus;
import io.opsflow.messaging.Recipient;
import io.opsflow.messaging.channel.ChannelConfig;
import io.opsflow.messaging.preference.Preferences;
import io.opsflow.messaging.template.RenderedMessage;
import io.opsflow.messaging.template.TemplateException;
import io.opsflow.messaging.template.Templates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records messages in the caller's transaction — rendered, one row per recipient and channel — and
 * creates a delivery job for each. Whatever cannot be sent (unknown template or channel, a user
 * without an address, a missing variable) becomes a FAILED row with the reason instead of an
 * exception, so the caller's business transaction is never rolled back because of a message.
 */
@Component
public class Outbox {

    private final Templates templates;
    private final DeliveryTargets targets;
    private final RecipientDirectory directory;
    private final Preferences preferences;
    private final SendLog sendLog;
    private final DeliveryJobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outbox(Templates templates, DeliveryTargets targets, RecipientDirectory directory, Preferences preferences, SendLog sendLog,
            DeliveryJobs jobs, ApplicationEventPublisher events, Clock clock) {
        this.templates = templates;
        this.targets = targets;
        this.directory = directory;
        this.preferences = preferences;
        this.sendLog = sendLog;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** Returns the ids of the send-log rows written (or found again, for a repeated caller key). */
    @Transactional
    public List<String> send(MessageRequest request) {
        List<String> ids = new ArrayList<>();
        boolean chosenByCaller = request.channel() != null && !request.channel().isBlank();
        for (DeliveryTargets.Target target : targets.of(request)) {
            for (Recipient recipient : request.recipients()) {
                if (target.problem() != null) {
                    ids.add(failed(request, target, label(recipient), null, target.problem()));
                    continue;
                }
                for (RecipientDirectory.Resolved to : directory.resolve(recipient, target.type())) {
                    if (!chosenByCaller && to.userId() != null
                            && !preferences.wants(to.userId(), target.template().messageType(), target.type())) {
                        continue;
                    }
                    ids.add(record(request, target, to));
                }
            }
        }
        return ids;
    }

    /** Sends a logged message again as a new message (new key), e.g. after fixing the channel. */
    @Transactional
    public String resend(LogEntry original) {
        String id = UUID.randomUUID().toString();
        sendLog.insert(new LogEntry(id, IdempotencyKeys.unique(), MessageStatus.QUEUED, original.channelId(), original.channelName(),
                original.channelType(), original.templateCode(), original.messageType(), original.recipient(), original.address(),
                original.subject(), original.body(), original.format(), original.processInstanceId(), original.activityId(),
                original.taskId(), null, 0, Math.max(1, original.maxAttempts()), original.backoffSeconds(), original.id(), null,
                null, null, null));
        jobs.enqueue(id, null);
        return id;
    }

    private String record(MessageRequest request, DeliveryTargets.Target target, RecipientDirectory.Resolved to) {
        String key = key(request, target, to.label());
        if (request.idempotencyKey() != null) {
            var existing = sendLog.idByKey(key);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        if (to.problem() != null) {
            return failed(request, target, to.label(), key, to.problem());
        }
        RenderedMessage rendered;
        try {
            rendered = templates.render(target.template(), variables(request, to));
        } catch (TemplateException e) {
            return failed(request, target, to.label(), key, e.getMessage());
        }
        Instant notBefore = null;
        if (!target.template().urgent() && target.type() != ChannelType.IN_APP && to.userId() != null) {
            Instant now = clock.instant();
            notBefore = preferences.quietHours(to.userId()).map(q -> q.deferUntil(now)).filter(t -> t.isAfter(now)).orElse(null);
        }
        String id = UUID.randomUUID().toString();
        sendLog.insert(entry(id, key, MessageStatus.QUEUED, request, target, to.label(), to.address(), rendered, null, notBefore));
        jobs.enqueue(id, notBefore);
        return id;
    }

    private String failed(MessageRequest request, DeliveryTargets.Target target, String recipient, String key, String problem) {
        String id = UUID.randomUUID().toString();
        sendLog.insert(entry(id, key == null ? IdempotencyKeys.unique() : key, MessageStatus.FAILED, request, target, recipient, null,
                null, problem, null));
        events.publishEvent(new MessageFailed(id, target.type(), recipient, request.template(), request.processInstanceId(), problem, true));
        return id;
    }

    private String key(MessageRequest request, DeliveryTargets.Target target, String recipient) {
        String channelId = target.config() == null ? "-" : target.config().id();
        if (request.idempotencyKey() != null) {
            return IdempotencyKeys.forCaller(request.idempotencyKey(), channelId, recipient);
        }
        if (request.processInstanceId() != null && request.activityId() != null) {
            long n = sendLog.occurrences(request.processInstanceId(), request.activityId(), request.template(), channelId, recipient);
            return IdempotencyKeys.forStep(request.processInstanceId(), request.activityId(), request.template(), channelId, recipient, n);
        }
        return IdempotencyKeys.unique();
    }

    private static Map<String, Object> variables(MessageRequest request, RecipientDirectory.Resolved to) {
        Map<String, Object> variables = new HashMap<>(request.variables());
        variables.putIfAbsent("recipientId", to.userId() == null ? to.label() : to.userId());
        variables.putIfAbsent("recipientName", to.displayName() == null ? to.label() : to.displayName());
        variables.putIfAbsent("processInstanceId", request.processInstanceId());
        variables.putIfAbsent("taskId", request.taskId());
        return variables;
    }

    private LogEntry entry(String id, String key, MessageStatus status, MessageRequest request, DeliveryTargets.Target target, String recipient,
            String address, RenderedMessage rendered, String error, Instant notBefore) {
        ChannelConfig config = target.config();
        return new LogEntry(id, key, status, config == null ? null : config.id(), config == null ? null : config.name(), target.type(),
                request.template(), target.template() == null ? null : target.template().messageType(), recipient, address,
                rendered == null ? null : rendered.subject(), rendered == null ? null : rendered.body(),
                rendered == null ? null : rendered.format(), request.processInstanceId(), request.activityId(), request.taskId(), error,
                0, request.maxAttempts(), (int) request.backoff().toSeconds(), null, notBefore, null, null, null);
    }

    private static String label(Recipient recipient) {
        return recipient.kind() == Recipient.Kind.USER ? recipient.value()
                : recipient.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + recipient.value();
    }
}
