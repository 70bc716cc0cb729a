package io.opsflow.messaging.preference;

import io.opsflow.messaging.ChannelType;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-user choices: which channel types they want for a message type (no row: whatever the sender
 * chose), and quiet hours during which non-urgent messages wait (in-app messages never wait).
 */
@Component
public class Preferences {

    public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

        /** When a message created at {@code now} may go out: now, or the end of the current quiet period. */
        public Instant deferUntil(Instant now) {
            ZonedDateTime local = now.atZone(zone);
            LocalTime time = local.toLocalTime();
            boolean crossesMidnight = start.isAfter(end);
            boolean quiet = crossesMidnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
            if (!quiet || start.equals(end)) {
                return now;
            }
            ZonedDateTime endToday = local.with(end);
            return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
        }
    }

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Set<ChannelType>> channelsByMessageType(String userId) {
        return jdbc.sql("select message_type, channel_types from app_msg_preference where user_id = ? order by message_type")
                .param(userId)
                .query((rs, n) -> Map.entry(rs.getString(1), parse(rs.getString(2))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    }

    public boolean wants(String userId, String messageType, ChannelType type) {
        return jdbc.sql("select channel_types from app_msg_preference where user_id = ? and message_type = ?")
                .params(userId, messageType)
                .query(String.class)
                .optional()
                .map(types -> parse(types).contains(type))
                .orElse(true);
    }

    public Optional<QuietHours> quietHours(String userId) {
        return jdbc.sql("select start_time, end_time, zone from app_msg_quiet_hours where user_id = ?")
                .param(userId)
                .query((rs, n) -> new QuietHours(LocalTime.parse(rs.getString(1)), LocalTime.parse(rs.getString(2)), ZoneId.of(rs.getString(3))))
                .optional();
    }

    @Transactional
    public void setChannels(String userId, String messageType, Set<ChannelType> types) {
        jdbc.sql("delete from app_msg_preference where user_id = ? and message_type = ?").params(userId, messageType).update();
        if (types != null) {
            String list = types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
            jdbc.sql("insert into app_msg_preference (user_id, message_type, channel_types) values (?, ?, ?)")
                    .params(userId, messageType, list)
                    .update();
        }
    }

    @Transactional
    public void setQuietHours(String userId, QuietHours hours) {
        jdbc.sql("delete from app_msg_quiet_hours where user_id = ?").param(userId).update();
        if (hours != null) {
            jdbc.sql("insert into app_msg_quiet_hours (user_id, start_time, end_time, zone) values (?, ?, ?, ?)")
                    .params(userId, hours.start().toString(), hours.end().toString(), hours.zone().getId())
                    .update();
        }
    }

    private static Set<ChannelType> parse(String list) {
        return Arrays.stream(list.split(","))
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .map(ChannelType::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    static List<String> names(Set<ChannelType> types) {
        return types.stream().map(Enum::name).sorted().toList();
    }
}
