package io.opsflow.design;

import static io.opsflow.design.ModelApiCalls.file;
import static io.opsflow.design.ModelApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Every BPMN the platform ships, plus files in the style of the Flowable 6.8 modeller, Camunda Modeler
 * and the legacy activiti namespace: imported through the model API, opened and saved the way the
 * modeller does (bpmn-moddle with our flowable.json), saved as a new version and exported. Flowable
 * reads the same process from the export as from the original, and what it does not know is still there.
 */
@OpsflowIntegrationTest
class ModelRoundTripIT {

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identityService;
    ModelApiCalls api;

    @BeforeEach
    void calls() {
        api = new ModelApiCalls(rest, identityService);
    }

    static Stream<String> files() throws IOException {
        try (Stream<Path> shipped = Files.list(Path.of("processes")); Stream<Path> styles = Files.list(Path.of("src/test/resources/design"))) {
            return Stream.concat(shipped.filter(p -> p.toString().endsWith(".bpmn20.xml")).sorted(), styles.sorted())
                    .map(Path::toString)
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void openingAndSavingAFileInTheStudioKeepsWhatFlowableReads(String path) {
        String original = file(path);
        String exported = roundTrip(original);

        assertThat(BpmnFingerprint.of(exported)).as(path).containsExactlyElementsOf(BpmnFingerprint.of(original));
    }

    @Test
    void extensionElementsAndAttributesOfOtherToolsSurviveTheRoundTrip() {
        String flowable68 = roundTrip(file("src/test/resources/design/flowable-modeler-6.8.bpmn20.xml"));
        assertThat(flowable68).contains("<modeler:initiator-can-complete>false</modeler:initiator-can-complete>")
                .contains("<modeler:process-owner>dora</modeler:process-owner>")
                .contains("flowable:scope=\"global\"")
                .contains("xmlns:modeler=\"http://flowable.org/modeler\"");

        String camunda = roundTrip(file("src/test/resources/design/camunda-modeler.bpmn"));
        assertThat(camunda).contains("camunda:candidateGroups=\"supervisor\"").contains("<camunda:inputParameter name=\"days\">")
                .contains("modeler:executionPlatform=\"Camunda Platform\"").doesNotContain("flowable:");

        String legacy = roundTrip(file("src/test/resources/design/activiti-designer.bpmn20.xml"));
        assertThat(legacy).contains("activiti:candidateGroups=\"staff\"");
    }

    private String roundTrip(String original) {
        String id = api.imported(original);
        var opened = json(api.get(api.designer, "/" + id));
        assertThat(opened.path("version").asInt()).isEqualTo(1);
        assertThat(opened.path("xml").asText()).as("stored exactly as imported").isEqualTo(original);

        String savedByModeller = ModellerModdle.openAndSave(opened.path("xml").asText());
        var saved = api.save(api.designer, id, 1, savedByModeller);
        assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
        assertThat(json(saved).path("version").asInt()).isEqualTo(2);

        var exported = api.get(api.designer, "/" + id + "/export");
        assertThat(exported.getStatusCode().value()).isEqualTo(200);
        assertThat(exported.getHeaders().getFirst("Content-Disposition")).contains("attachment").contains(".bpmn20.xml");
        return exported.getBody();
    }
}
