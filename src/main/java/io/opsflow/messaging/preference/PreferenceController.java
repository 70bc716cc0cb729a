package io.opsflow.messaging.preference;

import io.opsflow.messaging.ChannelType;
import io.opsflow.platform.CurrentUser;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/messaging/preferences}: the caller's own channels per message type and quiet hours.
 * PUT replaces both; a message type mapped to an empty list turns that type off entirely.
 */
@RestController
@RequestMapping("/api/v1/messaging/preferences")
class PreferenceController {

    private final Preferences preferences;

    PreferenceController(Preferences preferences) {
        this.preferences = preferences;
    }

    record QuietHoursView(String start, String end, String zone) {}

    record PreferencesView(Map<String, List<String>> channels, QuietHoursView quietHours) {}

    @GetMapping
    PreferencesView get() {
        return view(CurrentUser.required().id());
    }

    @PutMapping
    PreferencesView put(@RequestBody PreferencesView input) {
        String user = CurrentUser.required().id();
        Map<String, Set<ChannelType>> wanted = new TreeMap<>();
        if (input.channels() != null) {
            input.channels().forEach((type, channels) -> wanted.put(type, parse(channels)));
        }
        Preferences.QuietHours quiet = input.quietHours() == null ? null : quietHours(input.quietHours());
        preferences.channelsByMessageType(user).keySet().forEach(type -> preferences.setChannels(user, type, null));
        wanted.forEach((type, channels) -> preferences.setChannels(user, type, channels));
        preferences.setQuietHours(user, quiet);
        return view(user);
    }

    private PreferencesView view(String user) {
        Map<String, List<String>> channels = new TreeMap<>();
        preferences.channelsByMessageType(user).forEach((type, set) -> channels.put(type, Preferences.names(set)));
        QuietHoursView quiet = preferences.quietHours(user)
                .map(q -> new QuietHoursView(q.start().toString(), q.end().toString(), q.zone().getId()))
                .orElse(null);
        return new PreferencesView(channels, quiet);
    }

    private static Set<ChannelType> parse(List<String> channels) {
        try {
            return channels == null ? Set.of() : channels.stream().map(c -> ChannelType.valueOf(c.trim().toUpperCase(java.util.Locale.ROOT)))
                    .collect(java.util.stream.Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel types are EMAIL, IN_APP, WEBHOOK, SMS and PUSH");
        }
    }

    private static Preferences.QuietHours quietHours(QuietHoursView v) {
        try {
            return new Preferences.QuietHours(LocalTime.parse(v.start()), LocalTime.parse(v.end()), ZoneId.of(v.zone() == null ? "UTC" : v.zone()));
        } catch (java.time.DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("quietHours needs start and end as HH:mm and a time zone such as Asia/Shanghai");
        }
    }
}
