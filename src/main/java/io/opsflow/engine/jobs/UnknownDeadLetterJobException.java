package io.opsflow.engine.jobs;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Ids that are not dead-letter jobs: they never were, or were retried or deleted meanwhile. */
class UnknownDeadLetterJobException extends RuntimeException {

    private static final int SHOWN_IDS = 10;

    private final List<String> ids;

    /** For a retry: says that none of the jobs asked for was moved. */
    UnknownDeadLetterJobException(Collection<String> ids) {
        this(ids, "none of the jobs asked for was retried");
    }

    UnknownDeadLetterJobException(Collection<String> ids, String consequence) {
        super("No dead-letter job with id " + shown(ids) + " (it may have been retried or deleted meanwhile); " + consequence + ".");
        this.ids = List.copyOf(ids);
    }

    List<String> ids() {
        return ids;
    }

    private static String shown(Collection<String> ids) {
        String listed = ids.stream()
                .limit(SHOWN_IDS)
                .map(id -> id.length() > 64 ? id.substring(0, 64) + "…" : id)
                .collect(Collectors.joining(", "));
        return ids.size() > SHOWN_IDS ? listed + " and " + (ids.size() - SHOWN_IDS) + " more" : listed;
    }
}
