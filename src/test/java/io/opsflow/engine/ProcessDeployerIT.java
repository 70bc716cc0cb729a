package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.support.OpsflowIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@OpsflowIntegrationTest
class ProcessDeployerIT {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ManagementService managementService;

    @TempDir
    Path folder;

    @Test
    void anUnchangedFileMakesNoNewVersionAndAChangedOneDoes() throws Exception {
        String key = "deploy-check-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = folder.resolve(key + ".bpmn20.xml");
        Files.writeString(file, process(key, "First name"));

        deployer().run(null);
        deployer().run(null);
        assertThat(versions(key)).isEqualTo(1);

        Files.writeString(file, process(key, "Second name"));
        deployer().run(null);
        assertThat(versions(key)).isEqualTo(2);
    }

    @Test
    void anInvalidFileFailsWithItsNameAndTheProblem() throws Exception {
        Files.writeString(folder.resolve("broken.bpmn20.xml"), """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <process id="broken" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f" sourceRef="start" targetRef="nowhere"/>
                  </process>
                </definitions>
                """);

        assertThatThrownBy(() -> deployer().run(null))
                .isInstanceOf(InvalidProcessFileException.class)
                .hasMessageContaining("processes/broken.bpmn20.xml")
                .hasMessageContaining("nowhere");
    }

    @Test
    void aFileWithADoctypeIsRefused() throws Exception {
        Files.writeString(folder.resolve("xxe.bpmn20.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <process id="xxe" name="&secret;" isExecutable="true"><startEvent id="s"/></process>
                </definitions>
                """);

        assertThatThrownBy(() -> deployer().run(null))
                .isInstanceOf(InvalidProcessFileException.class)
                .hasMessageContaining("processes/xxe.bpmn20.xml")
                .hasMessageNotContaining("root:");
    }

    private ProcessDeployer deployer() {
        var properties = new EngineProperties(folder.toUri().toString(), Duration.ofMinutes(5), Duration.ofSeconds(30), 2,
                false, Duration.ofSeconds(30), 50, 5);
        return new ProcessDeployer(repositoryService, managementService, properties);
    }

    private long versions(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count();
    }

    private static String process(String key, String name) {
        return """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <process id="%s" name="%s" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f" sourceRef="start" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(key, name);
    }
}
