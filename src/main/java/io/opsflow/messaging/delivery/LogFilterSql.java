package io.opsflow.messaging.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A send-log filter as a SQL {@code where} clause with bind parameters; text search is a case-insensitive LIKE. */
final class LogFilterSql {

    private LogFilterSql() {}

    static String where(LogFilter f, List<Object> params) {
        List<String> terms = new ArrayList<>();
        if (f.status() != null) {
            terms.add("status = ?");
            params.add(f.status().name());
        }
        if (blankToNull(f.channel()) != null) {
            terms.add("(channel_name = ? or channel_type = ?)");
            params.add(f.channel().trim());
            params.add(f.channel().trim().toUpperCase(Locale.ROOT));
        }
        if (blankToNull(f.recipient()) != null) {
            terms.add("(recipient = ? or address = ?)");
            params.add(f.recipient().trim());
            params.add(f.recipient().trim());
        }
        if (blankToNull(f.processInstanceId()) != null) {
            terms.add("process_instance_id = ?");
            params.add(f.processInstanceId().trim());
        }
        if (blankToNull(f.template()) != null) {
            terms.add("template_code = ?");
            params.add(f.template().trim());
        }
        if (blankToNull(f.text()) != null) {
            String like = "%" + f.text().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            terms.add("(lower(recipient) like ? escape '\\' or lower(coalesce(subject, '')) like ? escape '\\' "
                    + "or lower(coalesce(body, '')) like ? escape '\\' or lower(coalesce(error, '')) like ? escape '\\')");
            for (int i = 0; i < 4; i++) {
                params.add(like);
            }
        }
        return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
