package io.opsflow.tasklist.task;

import java.util.List;

/** One page of a task list and the total behind it. Pages count from 0. */
public record TaskPage(List<TaskSummary> tasks, long total, int page, int size) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public long totalPages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
