package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidProcessFileFailureAnalyzerTest {

    @Test
    void startUpFailureNamesTheFileAndTheProblemWithoutClassNames() {
        var xmlError = new RuntimeException(
                "javax.xml.stream.XMLStreamException: org.xml.sax.SAXParseException; lineNumber: 6; cvc-id.1: There is no ID/IDREF binding for IDREF 'nowhere'.");
        var failure = new InvalidProcessFileException(
                "processes/broken.bpmn20.xml", ProcessDeployer.problemOf(new IllegalStateException("wrapper", xmlError)), xmlError);

        var analysis = new InvalidProcessFileFailureAnalyzer().analyze(new IllegalStateException("context failed", failure));

        assertThat(analysis.getDescription())
                .contains("processes/broken.bpmn20.xml")
                .contains("IDREF 'nowhere'")
                .doesNotContain("javax.xml");
        assertThat(analysis.getAction()).contains("processes/broken.bpmn20.xml");
    }
}
