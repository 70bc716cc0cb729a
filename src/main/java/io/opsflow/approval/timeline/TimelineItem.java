package io.opsflow.approval.timeline;

import java.time.Instant;

/**
 * One line of an approval's timeline: an action of the log, or an attachment added to one of its tasks.
 *
 * @param kind an {@link ActionKind} name, or {@code ATTACHMENT}
 * @param attachmentId for attachments, the Flowable attachment id (download through the task list)
 */
public record TimelineItem(Instant at, String kind, String actor, String nodeId, String nodeName, String target, String detail,
        String comment, String attachmentId) {}
