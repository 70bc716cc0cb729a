package io.opsflow.approval.bpmn;

import io.opsflow.approval.model.InvalidModelException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;

/** Generated BPMN read back with schema validation and checked by Flowable's own process validator. */
public final class GeneratedBpmnCheck {

    private static final ProcessValidator VALIDATOR = new ProcessValidatorFactory().createDefaultProcessValidator();

    private GeneratedBpmnCheck() {}

    /** The engine's problems with the XML; empty when Flowable would deploy it. */
    public static List<String> problems(String xml) {
        BpmnModel model;
        try {
            model = new BpmnXMLConverter().convertToBpmnModel(
                    () -> new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), true, true, "UTF-8");
        } catch (RuntimeException e) {
            return List.of("generated BPMN does not pass the BPMN 2.0 schema");
        }
        return VALIDATOR.validate(model).stream()
                .filter(e -> !e.isWarning())
                .map(e -> "generated BPMN, element " + e.getActivityId() + ": " + e.getDefaultDescription())
                .distinct()
                .toList();
    }

    public static void check(String xml) {
        List<String> problems = problems(xml);
        if (!problems.isEmpty()) {
            throw new InvalidModelException(problems);
        }
    }

    static List<ValidationError> errors(BpmnModel model) {
        return VALIDATOR.validate(model);
    }
}
