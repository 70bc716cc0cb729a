package io.opsflow.messaging.delivery;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** The send log as CSV. Cells that a spreadsheet would run as a formula are prefixed with a quote. */
final class SendLogCsv {

    private static final List<String> HEADER = List.of("id", "created_at", "status", "channel_type", "channel", "template", "recipient",
            "address", "subject", "process_instance_id", "task_id", "attempts", "error", "sent_at", "idempotency_key");

    private SendLogCsv() {}

    static void write(List<LogEntry> entries, Writer out) throws IOException {
        out.write(String.join(",", HEADER));
        out.write("\r\n");
        for (LogEntry e : entries) {
            line(out, e.id(), time(e.createdAt()), e.status().name(), e.channelType() == null ? "" : e.channelType().name(), e.channelName(),
                    e.templateCode(), e.recipient(), e.address(), e.subject(), e.processInstanceId(), e.taskId(),
                    String.valueOf(e.attempts()), e.error(), time(e.sentAt()), e.idempotencyKey());
        }
        out.flush();
    }

    private static void line(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }
}
