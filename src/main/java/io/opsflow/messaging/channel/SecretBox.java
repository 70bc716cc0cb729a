package io.opsflow.messaging.channel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Channel secrets at rest: AES-256-GCM with the key from {@code OPSFLOW_SECRET_KEY} (any string; it is
 * hashed to 256 bits) or, when unset, a key generated once into a file beside the data. Clusters must
 * set {@code OPSFLOW_SECRET_KEY} so every node reads what another wrote. A secret written as
 * {@code ${NAME}} is not stored at all: it names an environment variable read at send time.
 */
@Component
public class SecretBox {

    private static final String PREFIX = "v1:";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Environment environment;

    SecretBox(
            @Value("${OPSFLOW_SECRET_KEY:}") String configuredKey,
            @Value("${opsflow.messaging.secret-key-file:./data/opsflow-secret.key}") Path keyFile,
            Environment environment) {
        this.environment = environment;
        this.key = new SecretKeySpec(sha256(configuredKey.isBlank() ? fileKey(keyFile) : configuredKey), "AES");
    }

    /** The form to store: an environment reference as is, anything else encrypted. */
    public String seal(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        if (REFERENCE.matcher(secret).matches()) {
            return secret;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a channel secret", e);
        }
    }

    /** The real secret for sending; fails clearly when the environment variable or the key is missing. */
    public String reveal(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        var reference = REFERENCE.matcher(stored);
        if (reference.matches()) {
            String value = environment.getProperty(reference.group(1));
            if (value == null) {
                throw new IllegalStateException("the channel secret refers to " + stored + ", which is not set on this node");
            }
            return value;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("the stored channel secret has an unknown format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the channel secret cannot be decrypted with this node's key (is OPSFLOW_SECRET_KEY the same on every node?)");
        }
    }

    private static String fileKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String generated = Base64.getEncoder().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, generated);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions.
            }
            return generated;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the secret key file " + file + "; set OPSFLOW_SECRET_KEY", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
