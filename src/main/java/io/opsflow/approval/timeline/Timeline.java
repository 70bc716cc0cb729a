package io.opsflow.approval.timeline;

import io.opsflow.approval.cc.CcRecord;
import io.opsflow.approval.cc.CcRecords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.flowable.engine.task.Attachment;
import org.springframework.stereotype.Component;

/** An approval's timeline: its action log (actions, comments, CCs, nodes reached), the CC nodes' records and attachments, oldest first. */
@Component
public class Timeline {

    private final ActionLog log;
    private final TaskService taskService;
    private final CcRecords ccRecords;

    Timeline(ActionLog log, TaskService taskService, CcRecords ccRecords) {
        this.ccRecords = ccRecords;
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
        for (CcRecord cc : ccRecords.forInstance(processInstanceId)) {
            if (CcRecords.CC_NODE.equals(cc.ccBy())) { // CCs by hand are in the action log already
                items.add(new TimelineItem(cc.createdAt(), ActionKind.CC.name(), cc.ccBy(), cc.nodeId(),
                        cc.nodeId() == null ? null : nodeNames.getOrDefault(cc.nodeId(), cc.nodeId()), cc.userId(), null, cc.note(), null));
            }
        }
        items.sort(Comparator.comparing(TimelineItem::at));
        return items;
    }
}
