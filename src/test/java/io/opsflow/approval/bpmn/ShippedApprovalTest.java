package io.opsflow.approval.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.model.ModelJson;
import io.opsflow.approval.model.SimpleModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code processes/approval.bpmn20.xml} is exactly what its simple model beside it generates. After
 * changing the model or the generator, regenerate it with
 * {@code ./mvnw -q test -Dtest=ShippedApprovalTest -Dapproval.regenerate=true}.
 */
class ShippedApprovalTest {

    static final Path MODEL = Path.of("processes/approval.simple.json");
    static final Path BPMN = Path.of("processes/approval.bpmn20.xml");

    @Test
    void theShippedBpmnIsGeneratedFromTheSimpleModelBesideIt() throws Exception {
        SimpleModel model = ModelJson.read(Files.readString(MODEL, StandardCharsets.UTF_8));
        String xml = BpmnGenerator.xml(model, ApprovalConventions.SHIPPED_KEY);
        if (Boolean.getBoolean("approval.regenerate")) {
            Files.writeString(BPMN, xml, StandardCharsets.UTF_8);
        }
        assertThat(GeneratedBpmnCheck.problems(xml)).isEmpty();
        assertThat(Files.readString(BPMN, StandardCharsets.UTF_8)).isEqualTo(xml);
    }
}
