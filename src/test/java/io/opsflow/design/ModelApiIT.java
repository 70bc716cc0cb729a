package io.opsflow.design;

import static io.opsflow.design.ModelApiCalls.file;
import static io.opsflow.design.ModelApiCalls.json;
import static io.opsflow.design.ModelApiCalls.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import org.assertj.core.api.SoftAssertions;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The model API: versions and 409, access, hostile files, validation, deploy, versions and instances. */
@OpsflowIntegrationTest
class ModelApiIT {

    private static final String SERVICE_REQUEST = file("processes/service-request.bpmn20.xml");
    private static final String CAMUNDA = file("src/test/resources/design/camunda-modeler.bpmn");

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    ModelApiCalls api;

    @BeforeEach
    void calls() {
        api = new ModelApiCalls(rest, identityService);
    }

    @Test
    void aSecondSaveBasedOnTheSameVersionIsToldWhoChangedWhat() {
        String id = api.imported(SERVICE_REQUEST);
        String other = api.user("designer-two", Groups.DESIGNER);

        var first = api.save(other, id, 1, SERVICE_REQUEST.replace("flowable:candidateGroups=\"staff\"", "flowable:candidateGroups=\"team-north\""));
        var second = api.save(api.designer, id, 1, SERVICE_REQUEST.replace("name=\"Review the work\"", "name=\"Review\""));

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getHeaders().getETag()).isEqualTo("\"v2\"");
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        var body = json(second);
        assertThat(body.path("currentVersion").asInt()).isEqualTo(2);
        assertThat(body.path("changedBy").asText()).isEqualTo(other);
        assertThat(body.path("changes").path("changed").toString()).isEqualTo("[\"Task_HandleRequest\"]");
        assertThat(body.path("message").asText()).contains(other).contains("version 2");
        assertThat(json(api.get(api.designer, "/" + id)).path("xml").asText()).contains("team-north").contains("Review the work");

        var headers = new HttpHeaders();
        headers.setIfMatch("\"v2\"");
        headers.setContentType(MediaType.APPLICATION_JSON);
        var withEtag = api.send(api.designer, HttpMethod.PUT, "/" + id, new HttpEntity<>(
                "{\"xml\":" + quoted(SERVICE_REQUEST) + "}", headers));
        assertThat(withEtag.getStatusCode().value()).isEqualTo(200);
        assertThat(json(api.get(api.designer, "/" + id + "/versions")).size()).isEqualTo(3);
        assertThat(api.save(api.designer, id, null, SERVICE_REQUEST).getStatusCode().value()).as("no version sent").isEqualTo(400);
    }

    @Test
    void onlyDesignersAndAdminsUseTheStudioAndUnknownModelsAre404() {
        String staff = api.user("staff", Groups.STAFF);
        String id = api.imported(SERVICE_REQUEST);

        assertThat(api.get(staff, "").getStatusCode().value()).isEqualTo(403);
        assertThat(api.get(staff, "/" + id).getStatusCode().value()).isEqualTo(403);
        assertThat(api.importXml(staff, SERVICE_REQUEST).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.withBasicAuth("admin", "admin-test-password").getForEntity("/api/v1/models/" + id, String.class)
                .getStatusCode().value()).as("admin, password from the test profile").isEqualTo(200);
        assertThat(api.get(api.designer, "/no-such-model").getStatusCode().value()).isEqualTo(404);
        assertThat(json(api.get(api.designer, "")).toString()).contains(id);
    }

    @Test
    void hostileOrHugeFilesAreRefusedQuicklyWithAGenericMessageAndTheNodeStaysHealthy() {
        var softly = new SoftAssertions();
        for (Entry<String, byte[]> file : hostileFiles().entrySet()) {
            long started = System.nanoTime();
            ResponseEntity<String> response = api.importBytes(api.designer, file.getValue());
            long millis = (System.nanoTime() - started) / 1_000_000;
            softly.assertThat(response.getStatusCode().value()).as(file.getKey() + " " + response.getBody()).isEqualTo(400);
            softly.assertThat(millis).as(file.getKey() + " answered within 10 s").isLessThan(10_000);
            softly.assertThat(response.getBody()).as(file.getKey()).contains("Invalid BPMN").doesNotContain("Exception")
                    .doesNotContain("root:").doesNotContain("lol").doesNotContain("HostileMarker");
            softly.assertThat(api.validateXml(api.designer, new String(file.getValue(), StandardCharsets.UTF_8)).getStatusCode().value())
                    .as(file.getKey() + " on validate").isEqualTo(400);
        }
        softly.assertAll();
        assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode().value()).isIn(200, 404);
        assertThat(api.get(api.designer, "").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void importReportsCamundaAttributesAndValidationShowsTheUnknownForm() {
        var imported = api.importXml(api.designer, CAMUNDA);
        assertThat(imported.getStatusCode().value()).isEqualTo(201);
        var report = json(imported).path("report");
        assertThat(report.path("source").asText()).isEqualTo("Camunda Modeler");
        assertThat(report.path("ignored").toString()).contains("camunda:historyTimeToLive").contains("camunda:inputOutput");
        assertThat(report.path("readAsFlowable").toString()).contains("camunda:candidateGroups");

        String id = json(imported).path("model").path("id").asText();
        var validation = json(api.postJson(api.designer, "/" + id + "/validate", Map.of()));
        assertThat(validation.path("deployable").asBoolean()).isFalse();
        assertThat(validation.path("problems").toString()).contains("\"elementId\":\"StartEvent_Requested\"")
                .contains("\"rule\":\"form-key-unknown\"").contains("\"severity\":\"error\"")
                .contains("\"rule\":\"foreign-attribute\"");
    }

    @Test
    void aDeployThatFailsValidationDeploysNothing() {
        String key = TestUsers.uniqueId("studio-invalid");
        String id = api.imported(withKey(CAMUNDA, "studio-leave-request", key));
        long before = repositoryService.createDeploymentQuery().count();

        var refused = api.postJson(api.designer, "/" + id + "/deploy", Map.of("comment", "first try"));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(json(refused).path("message").asText()).contains("nothing was deployed");
        assertThat(json(refused).path("problems").toString()).contains("form-key-unknown");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void aDeployMakesANewVersionWithItsCommentAndListsWhichVersionEachInstanceRuns() {
        String key = TestUsers.uniqueId("studio-request");
        String xml = withKey(SERVICE_REQUEST, "service-request", key);
        String id = api.imported(xml);

        var v1 = api.postJson(api.designer, "/" + id + "/deploy", Map.of("comment", "first version"));
        assertThat(v1.getStatusCode().value()).as(v1.getBody()).isEqualTo(201);
        assertThat(json(v1).path("processDefinitionKey").asText()).isEqualTo(key);
        assertThat(json(v1).path("processDefinitionVersion").asInt()).isEqualTo(1);
        runtimeService.startProcessInstanceByKey(key);

        assertThat(api.save(api.designer, id, 1, xml.replace("name=\"Review the work\"", "name=\"Review\"")).getStatusCode().value())
                .isEqualTo(200);
        var v2 = api.postJson(api.designer, "/" + id + "/deploy", Map.of("comment", "shorter name"));
        assertThat(json(v2).path("processDefinitionVersion").asInt()).isEqualTo(2);
        assertThat(json(v2).path("modelVersion").asInt()).isEqualTo(2);
        runtimeService.startProcessInstanceByKey(key);
        runtimeService.startProcessInstanceByKey(key);

        var versions = json(api.get(api.designer, "/" + id + "/definitions"));
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).path("comment").asText()).isEqualTo("shorter name");
        assertThat(versions.get(0).path("runningInstances").asLong()).isEqualTo(2);
        assertThat(versions.get(1).path("comment").asText()).isEqualTo("first version");
        assertThat(versions.get(1).path("runningInstances").asLong()).isEqualTo(1);
        assertThat(versions.get(1).path("deployedBy").asText()).isEqualTo(api.designer);

        var instances = json(api.get(api.designer, "/" + id + "/instances"));
        assertThat(instances.size()).isEqualTo(3);
        assertThat(instances.findValuesAsText("version")).containsExactlyInAnyOrder("1", "2", "2");
    }

    @Test
    void aDesignerMayNotDeployCodeChosenByTheAuthor() {
        String key = TestUsers.uniqueId("studio-code");
        String xml = withKey(SERVICE_REQUEST, "service-request", key).replace(
                "<sequenceFlow id=\"Flow_ToReview\" sourceRef=\"Task_HandleRequest\" targetRef=\"Task_ReviewRequest\"/>",
                "<sequenceFlow id=\"Flow_ToReview\" sourceRef=\"Task_HandleRequest\" targetRef=\"Task_ReviewRequest\">"
                        + "<extensionElements><flowable:executionListener event=\"take\" class=\"java.lang.Runtime\"/></extensionElements>"
                        + "</sequenceFlow>");
        String id = api.imported(xml);

        var refused = api.postJson(api.designer, "/" + id + "/deploy", Map.of());

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    private static Map<String, byte[]> hostileFiles() {
        String head = "<?xml version=\"1.0\"?>";
        String definitions = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"t\">";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("malformed", utf8(head + definitions + "<process id=\"HostileMarker\"><startEvent id=\"s\"></process>"));
        files.put("xxe", utf8(head + "<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + definitions
                + "<process id=\"p\" name=\"&xxe;\"/></definitions>"));
        files.put("billion-laughs", utf8(head + "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>" + definitions + "<process id=\"p\" name=\"&lol3;\"/></definitions>"));
        files.put("external-dtd", utf8(head + "<!DOCTYPE definitions SYSTEM \"http://127.0.0.1:9/x.dtd\">" + definitions + "</definitions>"));
        files.put("ten-megabytes", utf8(head + definitions + "<process id=\"p\"><documentation>" + "A".repeat(10 * 1024 * 1024)
                + "</documentation></process></definitions>"));
        var many = new StringBuilder(head + definitions + "<process id=\"p\" isExecutable=\"true\"><startEvent id=\"s\"/>");
        for (int i = 0; i < 10_000; i++) {
            many.append("<userTask id=\"t").append(i).append("\"/>");
        }
        files.put("ten-thousand-elements", utf8(many.append("</process></definitions>").toString()));
        files.put("not-bpmn", utf8("{\"json\": \"HostileMarker\"}"));
        return files;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
