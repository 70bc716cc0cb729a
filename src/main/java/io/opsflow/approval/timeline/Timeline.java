package io.opsflow.approval.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.flowable.engine.task.Attachment;
import org.springframework.stereotype.Component;

/** An approval's timeline: its action log (actions, comments, CCs, nodes reached) and attachments, oldest first. */
@Component
public class Timeline {

    private final ActionLog log;
    private final TaskService taskService;

    Timeline(ActionLog log, TaskService taskService) {
        this.log = log;
        this.taskService = taskService;
    }

    /** @param nodeNames node id to display name, for the lines that name a node */
    public List<TimelineItem> of(String processInstanceId, Map<String, String> nodeNames) {
        List<TimelineItem> items = new ArrayList<>();
        for (ActionEntry e : log.of(processInstanceId)) {
            items.add(new TimelineItem(e.at(), e.kind().name(), e.actor(), e.nodeId(), e.nodeId() == null ? null
                    : nodeNames.getOrDefault(e.nodeId(), e.nodeId()), e.target(), e.detail(), e.comment(), null));
        }
        for (Attachment a : taskService.getProcessInstanceAttachments(processInstanceId)) {
            items.add(new TimelineItem(a.getTime().toInstant(), "ATTACHMENT", a.getUserId(), null, null, null, a.getName(), a.getDescription(),
                    a.getId()));
        }
        items.sort(Comparator.comparing(TimelineItem::at));
        return items;
    }
}
