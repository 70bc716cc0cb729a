package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.util.io.InputStreamSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped BPMN keeps the house rules: its file is named after its process key, every user
 * task has an assignee or candidates, every formKey names a file in {@code forms/}, and service
 * steps call beans by name, never a Java class.
 */
class ProcessResourcesContractTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)[.}]");

    static Stream<Path> processFiles() throws Exception {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".bpmn20.xml")).toList();
            assertThat(list).as("processes/ ships at least one BPMN").isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void followsTheHouseRules(Path file) throws Exception {
        BpmnModel model = parse(file);
        var process = model.getMainProcess();
        assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn20.xml");
        assertThat(process.getId()).matches(KEBAB);

        List<String> problems = new ArrayList<>();
        for (FlowElement element : process.getFlowElements()) {
            if (element instanceof UserTask task) {
                if (task.getAssignee() == null && task.getCandidateUsers().isEmpty() && task.getCandidateGroups().isEmpty()) {
                    problems.add(task.getId() + " has no assignee or candidates");
                }
                checkForm(task.getId(), task.getFormKey(), problems);
            } else if (element instanceof StartEvent start) {
                checkForm(start.getId(), start.getFormKey(), problems);
            } else if (element instanceof ServiceTask service) {
                if ("class".equals(service.getImplementationType())) {
                    problems.add(service.getId() + " calls a Java class; call a bean by name (${beanName}) instead");
                }
                Matcher bean = BEAN_EXPRESSION.matcher(String.valueOf(service.getImplementation()));
                if (!bean.find()) {
                    problems.add(service.getId() + " does not call a bean by name");
                }
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    private static void checkForm(String elementId, String formKey, List<String> problems) {
        if (formKey != null && !Files.exists(FORMS.resolve(formKey + ".json"))) {
            problems.add(elementId + " names form '" + formKey + "' but forms/" + formKey + ".json does not exist");
        }
    }

    private static BpmnModel parse(Path file) throws Exception {
        byte[] xml = Files.readAllBytes(file);
        return new BpmnXMLConverter().convertToBpmnModel(new InputStreamSource(new ByteArrayInputStream(xml)), true, false);
    }
}
