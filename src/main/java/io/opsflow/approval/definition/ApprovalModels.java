package io.opsflow.approval.definition;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.model.ModelJson;
import io.opsflow.approval.model.SimpleModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The simple model behind a process key: a published approval's latest version, or the shipped generic one. */
@Component
public class ApprovalModels {

    static final String SHIPPED_MODEL = "processes/approval.simple.json";

    private final ApprovalDefinitions definitions;

    ApprovalModels(ApprovalDefinitions definitions) {
        this.definitions = definitions;
    }

    /** By process key ({@code approval}, {@code approval-leave}) or by code ({@code leave}). */
    public SimpleModel latest(String keyOrCode) {
        if (ApprovalConventions.SHIPPED_KEY.equals(keyOrCode)) {
            return shipped();
        }
        String code = keyOrCode.startsWith(ApprovalConventions.KEY_PREFIX)
                ? keyOrCode.substring(ApprovalConventions.KEY_PREFIX.length())
                : keyOrCode;
        return definitions.publishedModel(code, null);
    }

    public static SimpleModel shipped() {
        try (InputStream in = new ClassPathResource(SHIPPED_MODEL).getInputStream()) {
            return ModelJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(SHIPPED_MODEL + " cannot be read", e);
        }
    }
}
