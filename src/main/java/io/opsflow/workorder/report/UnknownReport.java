package io.opsflow.workorder.report;

/** No report with that id. */
public class UnknownReport extends RuntimeException {

    public UnknownReport(String id) {
        super("No report " + id);
    }
}
