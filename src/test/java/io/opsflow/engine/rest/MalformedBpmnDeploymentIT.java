package io.opsflow.engine.rest;

import static io.opsflow.engine.rest.ProcessApiCalls.json;

import io.opsflow.support.OpsflowIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Row 18 of the fault matrix: a corpus of malformed BPMN files deployed by an admin through
 * /process-api. Each is refused with a generic 4xx in bounded time, nothing is deployed and the
 * node keeps answering.
 */
@OpsflowIntegrationTest
class MalformedBpmnDeploymentIT {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"http://opsflow.io/test\">\n";
    private static final String MARKER = "FuzzMarker";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identityService;

    @Autowired
    RepositoryService repositoryService;

    ProcessApiCalls api;

    @BeforeEach
    void calls() {
        api = new ProcessApiCalls(rest, identityService, repositoryService);
    }

    @Test
    void everyFileOfTheCorpusIsRefusedQuicklyWithAGenericBodyAndNothingIsDeployed() {
        long deploymentsBefore = repositoryService.createDeploymentQuery().count();
        var softly = new SoftAssertions();
        corpus().forEach((name, bytes) -> {
            long started = System.nanoTime();
            ResponseEntity<String> response = deploy(name + ".bpmn20.xml", bytes);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            softly.assertThat(response.getStatusCode().is4xxClientError()).as(name + ": " + response.getStatusCode() + " " + response.getBody())
                    .isTrue();
            softly.assertThat(took).as(name + " answered in bounded time").isLessThan(BOUND);
            assertGeneric(softly, name, response);
            softly.assertThat(repositoryService.createDeploymentQuery().count()).as(name + " deployed nothing").isEqualTo(deploymentsBefore);
            softly.assertThat(api.get("admin", "/repository/deployments?size=1").getStatusCode().value())
                    .as("the node still answers after " + name).isEqualTo(200);
        });
        softly.assertAll();
    }

    private static Map<String, byte[]> corpus() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("truncated", utf8(HEAD + "<process id=\"" + MARKER + "\" isExecutable=\"true\"><startEvent id=\"Start\"/><sequenceFlo"));
        files.put("wrong-namespace", utf8("<?xml version=\"1.0\"?><definitions xmlns=\"http://example.com/not-bpmn\" targetNamespace=\"t\">"
                + "<process id=\"" + MARKER + "\" isExecutable=\"true\"><startEvent id=\"Start\"/></process></definitions>"));
        files.put("ten-thousand-elements", utf8(HEAD + "<process id=\"" + MARKER + "Many\" isExecutable=\"true\"><startEvent id=\"Start\"/>"
                + manyDanglingFlows(10_000) + "</process></definitions>"));
        files.put("deep-nesting", utf8(HEAD + "<process id=\"" + MARKER + "Deep\" isExecutable=\"true\">" + nestedSubProcesses(5_000)
                + "</process></definitions>"));
        files.put("deep-unknown-elements", utf8(HEAD + "<process id=\"" + MARKER + "Unknown\" isExecutable=\"true\">"
                + "<x>".repeat(5_000) + "</x>".repeat(5_000) + "</process></definitions>"));
        files.put("one-megabyte-attribute", utf8(HEAD + "<process id=\"" + MARKER + "Big\" name=\"" + "A".repeat(1 << 20)
                + "\" isExecutable=\"true\"><startEvent id=\"Start\"/></process></definitions>"));
        files.put("empty", new byte[0]);
        files.put("not-xml", utf8("%PDF-1.7 " + MARKER + " \u0000\u0001\u0002 binary garbage {\"json\": true}"));
        return files;
    }

    private static String manyDanglingFlows(int count) {
        var flows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            flows.append("<sequenceFlow id=\"Flow_").append(i).append("\" sourceRef=\"Start\" targetRef=\"Missing_").append(i).append("\"/>");
        }
        return flows.toString();
    }

    private static String nestedSubProcesses(int depth) {
        var xml = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            xml.append("<subProcess id=\"Sub_").append(i).append("\">");
        }
        return xml.append("</subProcess>".repeat(depth)).toString();
    }

    private ResponseEntity<String> deploy(String fileName, byte[] bytes) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return api.send("admin", HttpMethod.POST, "/repository/deployments", new HttpEntity<>(parts, headers));
    }

    private static void assertGeneric(SoftAssertions softly, String name, ResponseEntity<String> response) {
        softly.assertThat(response.getBody()).as(name).isNotNull().hasSizeLessThan(2_000).doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("org.flowable").doesNotContain("SQL").doesNotContain(MARKER).doesNotContain("AAAAAAAA")
                .doesNotContain("sequenceFlo");
        softly.assertThat(json(response).path("message").asText()).as(name).isNotBlank();
        softly.assertThat(json(response).path("correlationId").asText()).as(name).isNotBlank();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
