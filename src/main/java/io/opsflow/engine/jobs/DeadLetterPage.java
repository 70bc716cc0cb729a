package io.opsflow.engine.jobs;

import java.util.List;

/** One page of dead-letter jobs, newest first, and how many there are in all. */
record DeadLetterPage(List<DeadLetterJob> items, long total, int page, int size) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
