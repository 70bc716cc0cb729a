package io.opsflow.bench;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.MessageRequest;
import io.opsflow.messaging.Messages;
import io.opsflow.messaging.Recipient;
import io.opsflow.messaging.channel.ChannelConfig;
import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.template.MessageTemplate;
import io.opsflow.messaging.template.TemplateFormat;
import io.opsflow.messaging.template.Templates;
import io.opsflow.support.RejectedJobCounter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.engine.IdentityService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Opsflow side: {@link Messages#send} in the caller's transaction, one in-app channel and one
 * webhook channel to the sink (signed, guarded by {@code opsflow.messaging.allowed-private-hosts}),
 * a fresh in-app and webhook template per run, {@value #USERS} in-app recipients. Delivery is
 * Opsflow's own: one Flowable job per message on the application's async executor.
 */
final class OpsflowMessaging implements MessagingSide {

    static final int USERS = 100;

    private record TemplateCodes(String inApp, String webhook) {}

    private final BenchDatabase database;
    private final CountingDataSource dataSource;
    private final RejectedJobCounter rejections;
    private final Messages messages;
    private final Templates templates;
    private final TransactionTemplate transaction;
    private final ChannelConfig inAppChannel;
    private final ChannelConfig webhookChannel;
    private final List<String> users = new ArrayList<>();
    private final Map<String, TemplateCodes> templatesOfRun = new ConcurrentHashMap<>();

    OpsflowMessaging(ConfigurableApplicationContext context, BenchDatabase database, DeliverySink sink) {
        this.database = database;
        this.dataSource = OpsflowApplicationContext.asEngine(context).dataSource();
        this.rejections = RejectedJobCounter.on(context.getBean(org.flowable.engine.ProcessEngine.class));
        this.messages = context.getBean(Messages.class);
        this.templates = context.getBean(Templates.class);
        this.transaction = new TransactionTemplate(context.getBean("transactionManager", PlatformTransactionManager.class));
        var channels = context.getBean(ChannelConfigs.class);
        inAppChannel = channels.save(new ChannelConfig(null, "bench-inbox", ChannelType.IN_APP, false, true, Map.of(), null, false), null);
        webhookChannel = channels.save(new ChannelConfig(null, "bench-hook", ChannelType.WEBHOOK, false, true,
                Map.of("url", sink.url(), "timeoutSeconds", "10"), null, false), "bench-secret");
        var identity = context.getBean(IdentityService.class);
        for (int u = 0; u < USERS; u++) {
            var user = identity.newUser(String.format("bench-user-%03d", u));
            user.setFirstName("Bench");
            user.setLastName("User " + u);
            identity.saveUser(user);
            users.add(user.getId());
        }
    }

    @Override
    public String name() {
        return "Opsflow";
    }

    @Override
    public CountingDataSource dataSource() {
        return dataSource;
    }

    @Override
    public int rejectedJobs() {
        return rejections.count();
    }

    @Override
    public void prepare(String run) {
        String inApp = templates.save(new MessageTemplate(null, "bench-inapp-" + run, ChannelType.IN_APP, TemplateFormat.TEXT,
                "Work order ${order}", "Work order ${order} is assigned to you, ${recipientName}.", "bench-notice", false)).code();
        String webhook = templates.save(new MessageTemplate(null, "bench-hook-" + run, ChannelType.WEBHOOK, TemplateFormat.TEXT,
                "Alarm", "Pump ${pump} stopped", "bench-notice", false)).code();
        templatesOfRun.put(run, new TemplateCodes(inApp, webhook));
    }

    @Override
    public List<String> queue(String run, int from, int to) {
        TemplateCodes codes = templatesOfRun.get(run);
        return transaction.execute(tx -> {
            List<String> ids = new ArrayList<>();
            for (int i = from; i < to; i++) {
                ids.addAll(messages.send(request(codes, i)));
            }
            return ids;
        });
    }

    private MessageRequest request(TemplateCodes codes, int i) {
        if (i % 2 == 0) {
            return MessageRequest.of(codes.inApp(), List.of(Recipient.user(users.get((i / 2) % USERS))), Map.of("order", "WO-" + i))
                    .viaChannel(inAppChannel.name());
        }
        return MessageRequest.of(codes.webhook(), List.of(Recipient.address("ops-room-" + i % 10)), Map.of("pump", "P-" + i))
                .viaChannel(webhookChannel.name());
    }

    @Override
    public boolean settled(String run, int messages) {
        TemplateCodes codes = templatesOfRun.get(run);
        return count("select count(*) from app_msg_log where template_code in (?, ?) and status in ('SENT', 'FAILED', 'DEAD')",
                        codes.inApp(), codes.webhook()) >= messages
                && count("select count(*) from act_ru_job where handler_type_ = ?", "opsflow-message-delivery") == 0;
    }

    @Override
    public Map<String, Long> deliveries(String run, DeliverySink sink) {
        TemplateCodes codes = templatesOfRun.get(run);
        Map<String, Long> delivered = new HashMap<>();
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement("select id, channel_type, idempotency_key, sent_at from app_msg_log "
                        + "where template_code in (?, ?) and status = 'SENT'")) {
            s.setString(1, codes.inApp());
            s.setString(2, codes.webhook());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Long at = rs.getString("channel_type").equals("WEBHOOK")
                            ? sink.arrivalMicros(rs.getString("idempotency_key"))
                            : Long.valueOf(WallClock.micros(rs.getObject("sent_at", LocalDateTime.class)));
                    if (at != null) {
                        delivered.put(rs.getString("id"), at);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return delivered;
    }

    private long count(String sql, String... params) {
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int p = 0; p < params.length; p++) {
                s.setString(p + 1, params[p]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
