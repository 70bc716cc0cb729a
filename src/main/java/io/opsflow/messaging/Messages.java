package io.opsflow.messaging;

import io.opsflow.messaging.delivery.Outbox;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Sending messages from Java code. {@link #send} records the messages in the caller's transaction and
 * returns at once; delivery happens after commit in Flowable jobs, with retries. A message that cannot
 * be sent (unknown template, user without address, …) is recorded as FAILED in the send log, not thrown,
 * so it never rolls back the caller's work. Outcomes arrive as {@link MessageSent} / {@link MessageFailed}.
 */
@Service
public class Messages {

    private final Outbox outbox;

    Messages(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return the send-log ids, one per recipient and channel */
    public List<String> send(MessageRequest request) {
        return outbox.send(request);
    }
}
