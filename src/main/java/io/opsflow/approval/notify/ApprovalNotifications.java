package io.opsflow.approval.notify;

import io.opsflow.messaging.MessageRequest;
import io.opsflow.messaging.Messages;
import io.opsflow.messaging.Recipient;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The approval messages, sent through the messaging center in the caller's transaction (so a rolled-back
 * operation sends nothing). Templates {@code approval-*} are seeded by migration V25; admins may edit them.
 * Nobody is told about their own action.
 */
@Component
public class ApprovalNotifications {

    public static final String TASK_ASSIGNED = "approval-task-assigned";
    public static final String APPROVED = "approval-approved";
    public static final String REJECTED = "approval-rejected";
    public static final String RETURNED = "approval-returned";
    public static final String TRANSFERRED = "approval-transferred";
    public static final String CC = "approval-cc";
    public static final String URGE = "approval-urge";
    public static final String FINISHED = "approval-finished";

    private final Messages messages;

    ApprovalNotifications(Messages messages) {
        this.messages = messages;
    }

    /**
     * @param about what the message is about: approvalName, starter, nodeName, actor, comment, targetName, result
     */
    public void send(String template, Collection<String> users, String actor, String processInstanceId, String taskId,
            Map<String, String> about) {
        List<Recipient> to = users.stream()
                .filter(Objects::nonNull)
                .filter(u -> !u.equals(actor))
                .distinct()
                .map(Recipient::user)
                .toList();
        if (to.isEmpty()) {
            return;
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String key : List.of("approvalName", "starter", "nodeName", "actor", "comment", "targetName", "result")) {
            variables.put(key, "");
        }
        variables.putAll(about);
        if (actor != null) {
            variables.put("actor", actor);
        }
        messages.send(MessageRequest.of(template, to, variables).forTask(processInstanceId, taskId));
    }
}
