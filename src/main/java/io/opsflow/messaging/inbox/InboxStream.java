package io.opsflow.messaging.inbox;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.MessageSent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to open inbox pages: each delivered in-app message is pushed to its user's
 * connections on this node. Connections on other nodes of a cluster see it on their next poll of the
 * unread count (inbox.js polls as a fallback), so nothing depends on which node delivered.
 * Open streams are closed first at shutdown; otherwise graceful shutdown would wait for them.
 */
@Component
public class InboxStream implements SmartLifecycle {

    private static final long TIMEOUT = Duration.ofMinutes(30).toMillis();
    private static final int MAX_CONNECTIONS_PER_USER = 5;

    private final Map<String, List<SseEmitter>> byUser = new ConcurrentHashMap<>();
    private final Inbox inbox;
    private volatile boolean running;

    InboxStream(Inbox inbox) {
        this.inbox = inbox;
    }

    public SseEmitter open(String userId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT);
        List<SseEmitter> connections = byUser.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>());
        while (connections.size() >= MAX_CONNECTIONS_PER_USER) {
            connections.remove(0).complete();
        }
        connections.add(emitter);
        Runnable remove = () -> connections.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(userId, emitter, "unread", Map.of("unread", inbox.unreadCount(userId)));
        return emitter;
    }

    @EventListener
    void onSent(MessageSent sent) {
        if (sent.channelType() != ChannelType.IN_APP || !byUser.containsKey(sent.recipient())) {
            return;
        }
        inbox.byLogId(sent.messageId()).ifPresent(message -> {
            var payload = Map.of(
                    "id", message.id(),
                    "subject", message.subject() == null ? "" : message.subject(),
                    "body", message.body(),
                    "createdAt", message.createdAt().toString(),
                    "unread", inbox.unreadCount(sent.recipient()));
            byUser.getOrDefault(sent.recipient(), List.of()).forEach(emitter -> send(sent.recipient(), emitter, "message", payload));
        });
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        byUser.values().forEach(connections -> connections.forEach(SseEmitter::complete));
        byUser.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    int connections(String userId) {
        return byUser.getOrDefault(userId, List.of()).size();
    }

    private void send(String userId, SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data));
        } catch (IOException | IllegalStateException gone) {
            byUser.getOrDefault(userId, List.of()).remove(emitter);
        }
    }
}
