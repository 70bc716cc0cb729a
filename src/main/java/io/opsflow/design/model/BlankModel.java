package io.opsflow.design.model;

/** The XML of a new model: one start event with its shape, so it opens in the modeller at once. */
final class BlankModel {

    private BlankModel() {}

    static String xml(String key, String name) {
        String safeName = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             xmlns:flowable="http://flowable.org/bpmn" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                             xmlns:omgdc="http://www.omg.org/spec/DD/20100524/DC" xmlns:omgdi="http://www.omg.org/spec/DD/20100524/DI"
                             targetNamespace="http://opsflow.io/processes">
                  <process id="%1$s" name="%2$s" isExecutable="true">
                    <startEvent id="Start_Process" name="Start"/>
                  </process>
                  <bpmndi:BPMNDiagram id="Diagram_Process">
                    <bpmndi:BPMNPlane id="Plane_Process" bpmnElement="%1$s">
                      <bpmndi:BPMNShape id="Shape_Start_Process" bpmnElement="Start_Process">
                        <omgdc:Bounds x="100" y="100" width="36" height="36"/>
                      </bpmndi:BPMNShape>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </definitions>
                """.formatted(key, safeName);
    }
}
