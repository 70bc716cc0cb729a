package io.opsflow.messaging.channel;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.template.HeaderText;
import io.opsflow.messaging.template.TemplateFormat;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * SMTP: one mail per recipient through a {@link JavaMailSenderImpl} built from the channel config
 * ({@code host}, {@code port}, {@code security} NONE|STARTTLS|SSL, {@code username}, {@code from},
 * {@code timeoutSeconds}; the password is the channel secret). The idempotency key becomes the
 * {@code Message-ID}, so a mail sent twice after a crash is recognisably the same mail.
 */
@Component
class EmailChannel implements Channel {

    private final SecretBox secrets;

    EmailChannel(SecretBox secrets) {
        this.secrets = secrets;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public void deliver(Delivery delivery, ChannelConfig config) {
        InternetAddress to = address(delivery.address(), "recipient");
        InternetAddress from = address(config.setting("from", null), "sender (settings.from)");
        if (delivery.subject() != null && HeaderText.hasLineBreak(delivery.subject())) {
            throw DeliveryException.permanent("the subject contains a line break");
        }
        JavaMailSenderImpl sender = sender(config);
        try {
            MimeMessage mail = new KeyedMimeMessage(sender.getSession(), delivery.idempotencyKey(), from.getAddress());
            mail.setFrom(from);
            mail.setRecipient(jakarta.mail.Message.RecipientType.TO, to);
            mail.setSubject(delivery.subject() == null ? "" : delivery.subject(), "UTF-8");
            if (delivery.format() == TemplateFormat.HTML) {
                mail.setText(delivery.body(), "UTF-8", "html");
            } else {
                mail.setText(delivery.body(), "UTF-8");
            }
            sender.send(mail);
        } catch (MessagingException | MailException e) {
            throw DeliveryException.retryable("SMTP " + config.setting("host", "?") + ":" + config.setting("port", "25")
                    + " failed: " + rootMessage(e), e);
        }
    }

    @Override
    public void validate(ChannelConfig config) {
        if (config.setting("host", null) == null) {
            throw new IllegalArgumentException("an e-mail channel needs settings.host");
        }
        address(config.setting("from", null), "settings.from");
        String security = config.setting("security", "STARTTLS").toUpperCase(Locale.ROOT);
        if (!security.equals("NONE") && !security.equals("STARTTLS") && !security.equals("SSL")) {
            throw new IllegalArgumentException("settings.security must be NONE, STARTTLS or SSL");
        }
    }

    /** One address, strictly parsed; line breaks or a list of addresses are refused. */
    static InternetAddress address(String text, String what) {
        if (text == null || text.isBlank() || HeaderText.hasLineBreak(text) || text.contains(",") || text.contains(";")) {
            throw DeliveryException.permanent("the " + what + " is not a single e-mail address");
        }
        try {
            InternetAddress address = new InternetAddress(text.trim(), true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw DeliveryException.permanent("the " + what + " '" + text.trim() + "' is not a valid e-mail address");
        }
    }

    private JavaMailSenderImpl sender(ChannelConfig config) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(config.setting("host", "localhost"));
        sender.setPort(config.intSetting("port", 25));
        sender.setDefaultEncoding("UTF-8");
        String username = config.setting("username", null);
        if (username != null) {
            sender.setUsername(username);
            sender.setPassword(secrets.reveal(config.secret()));
        }
        String timeout = String.valueOf(config.intSetting("timeoutSeconds", 10) * 1000);
        String security = config.setting("security", "STARTTLS").toUpperCase(Locale.ROOT);
        Properties p = sender.getJavaMailProperties();
        p.put("mail.smtp.auth", String.valueOf(username != null));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.starttls.enable", String.valueOf(security.equals("STARTTLS")));
        p.put("mail.smtp.starttls.required", String.valueOf(security.equals("STARTTLS")));
        p.put("mail.smtp.ssl.enable", String.valueOf(security.equals("SSL")));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        return sender;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    /** A MimeMessage whose Message-ID is derived from the idempotency key instead of being random. */
    private static final class KeyedMimeMessage extends MimeMessage {

        private final String messageId;

        KeyedMimeMessage(Session session, String idempotencyKey, String fromAddress) {
            super(session);
            String domain = fromAddress.substring(fromAddress.indexOf('@') + 1);
            this.messageId = "<" + idempotencyKey + "@" + domain + ">";
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
