package io.opsflow.messaging.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.messaging.ChannelType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Channel configs in {@code app_msg_channel}; at most one default per type. */
@Component
public class ChannelConfigs {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final SecretBox secrets;
    private final Channels channels;
    private final Clock clock;

    ChannelConfigs(JdbcClient jdbc, ObjectMapper json, SecretBox secrets, Channels channels, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.secrets = secrets;
        this.channels = channels;
        this.clock = clock;
    }

    public List<ChannelConfig> all() {
        return jdbc.sql("select * from app_msg_channel order by type, name").query(this::row).list();
    }

    public Optional<ChannelConfig> byId(String id) {
        return jdbc.sql("select * from app_msg_channel where id = ?").param(id).query(this::row).optional();
    }

    /** A config by its name, or the default config when given a type name such as {@code EMAIL}. */
    public Optional<ChannelConfig> byNameOrType(String nameOrType) {
        Optional<ChannelConfig> byName =
                jdbc.sql("select * from app_msg_channel where name = ?").param(nameOrType).query(this::row).optional();
        if (byName.isPresent()) {
            return byName;
        }
        try {
            return defaultFor(ChannelType.valueOf(nameOrType.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException notAType) {
            return Optional.empty();
        }
    }

    public Optional<ChannelConfig> defaultFor(ChannelType type) {
        return jdbc.sql("select * from app_msg_channel where type = ? and enabled = ? order by is_default desc, name")
                .param(type.name())
                .param(true)
                .query(this::row)
                .list()
                .stream()
                .findFirst();
    }

    /**
     * Creates or updates a config. {@code newSecret}: null keeps the stored secret, "" removes it,
     * {@code ${ENV_NAME}} stores a reference, anything else is encrypted.
     */
    @Transactional
    public ChannelConfig save(ChannelConfig config, String newSecret) {
        if (config.name() == null || config.name().isBlank() || config.name().length() > 100 || config.type() == null) {
            throw new IllegalArgumentException("a channel needs a name (at most 100 characters) and a type");
        }
        channels.of(config.type()).validate(config);
        Optional<ChannelConfig> existing = config.id() == null ? Optional.empty() : byId(config.id());
        String secret = newSecret == null ? existing.map(ChannelConfig::secret).orElse(null) : secrets.seal(newSecret);
        String id = existing.map(ChannelConfig::id).orElse(UUID.randomUUID().toString());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (config.isDefault()) {
            jdbc.sql("update app_msg_channel set is_default = ? where type = ?").param(false).param(config.type().name()).update();
        }
        try {
            if (existing.isPresent()) {
                jdbc.sql("update app_msg_channel set name = ?, type = ?, is_default = ?, enabled = ?, settings = ?, secret = ?, "
                                + "allow_private_targets = ?, updated_at = ? where id = ?")
                        .params(config.name().trim(), config.type().name(), config.isDefault(), config.enabled(),
                                write(config.settings()), secret, config.allowPrivateTargets(), now, id)
                        .update();
            } else {
                jdbc.sql("insert into app_msg_channel (id, name, type, is_default, enabled, settings, secret, allow_private_targets, "
                                + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(id, config.name().trim(), config.type().name(), config.isDefault(), config.enabled(),
                                write(config.settings()), secret, config.allowPrivateTargets(), now, now)
                        .update();
            }
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("a channel named '" + config.name().trim() + "' already exists");
        }
        return byId(id).orElseThrow();
    }

    @Transactional
    public boolean delete(String id) {
        return jdbc.sql("delete from app_msg_channel where id = ?").param(id).update() > 0;
    }

    private String write(Map<String, String> settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("settings must be a map of strings");
        }
    }

    private ChannelConfig row(ResultSet rs, int n) throws SQLException {
        Map<String, String> settings;
        try {
            settings = json.readValue(rs.getString("settings"), new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            settings = Map.of();
        }
        return new ChannelConfig(
                rs.getString("id"),
                rs.getString("name"),
                ChannelType.valueOf(rs.getString("type")),
                rs.getBoolean("is_default"),
                rs.getBoolean("enabled"),
                settings,
                rs.getString("secret"),
                rs.getBoolean("allow_private_targets"));
    }
}
