package io.opsflow.tasklist.task;

import java.time.Instant;
import java.util.List;

/** View records of the "My processes" list and the process instance page. */
public final class InstanceViews {

    private InstanceViews() {}

    public record Summary(String id, String processName, String startedBy, Instant started, Instant ended) {
        public String startedText() {
            return Times.text(started);
        }
    }

    public record Variable(String name, String value) {}

    public record TimelineEntry(Instant time, String title, String detail, String who) {
        public String timeText() {
            return Times.text(time);
        }
    }

    public record Details(Summary summary, String diagramSvg, List<Variable> variables, List<TimelineEntry> timeline) {}
}
