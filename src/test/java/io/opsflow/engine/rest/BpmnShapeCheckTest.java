package io.opsflow.engine.rest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.junit.jupiter.api.Test;

class BpmnShapeCheckTest {

    @Test
    void aNormalModelPasses() {
        assertThatCode(() -> BpmnShapeCheck.check(utf8("<definitions><process id=\"p\"><startEvent id=\"s\"/></process></definitions>")))
                .doesNotThrowAnyException();
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        int depth = BpmnShapeCheck.MAX_DEPTH + 1;
        assertThatThrownBy(() -> BpmnShapeCheck.check(utf8("<a>".repeat(depth) + "</a>".repeat(depth))))
                .isInstanceOf(FlowableIllegalArgumentException.class)
                .hasMessage("Invalid BPMN: elements are nested more than 100 levels deep.");
        assertThatCode(() -> BpmnShapeCheck.check(utf8("<a>".repeat(depth - 1) + "</a>".repeat(depth - 1))))
                .doesNotThrowAnyException();
    }

    @Test
    void tooManyElementsAreRefused() {
        assertThatThrownBy(() -> BpmnShapeCheck.check(utf8("<a>" + "<b/>".repeat(BpmnShapeCheck.MAX_ELEMENTS) + "</a>")))
                .hasMessage("Invalid BPMN: the file has more than 50000 elements.");
    }

    @Test
    void aHugeAttributeIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> BpmnShapeCheck.check(utf8("<a name=\"" + "x".repeat(BpmnShapeCheck.MAX_ATTRIBUTE_LENGTH + 1) + "\"/>")))
                .hasMessage("Invalid BPMN: an attribute is longer than 65536 characters.");
    }

    @Test
    void emptyTruncatedAndNonXmlFilesAreRefusedGenerically() {
        for (String file : new String[] {"", "<a><b>", "%PDF-1.7 secret", "<a/><!DOCTYPE a>"}) {
            assertThatThrownBy(() -> BpmnShapeCheck.check(utf8(file)))
                    .hasMessage("Invalid BPMN: the file is not well-formed BPMN 2.0 XML.");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
