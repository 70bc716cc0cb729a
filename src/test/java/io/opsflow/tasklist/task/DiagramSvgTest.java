package io.opsflow.tasklist.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;
import org.junit.jupiter.api.Test;

class DiagramSvgTest {

    @Test
    void drawsShapesByKindHighlightsStateAndEscapesNames() {
        var process = new Process();
        process.setId("p");
        var start = new StartEvent();
        start.setId("Start");
        var task = new UserTask();
        task.setId("Task_A");
        task.setName("<script>alert(1)</script> & more");
        var gateway = new ExclusiveGateway();
        gateway.setId("Gateway_Ok");
        process.addFlowElement(start);
        process.addFlowElement(task);
        process.addFlowElement(gateway);
        var model = new BpmnModel();
        model.addProcess(process);
        model.addGraphicInfo("Start", new GraphicInfo(10, 10, 30, 30));
        model.addGraphicInfo("Task_A", new GraphicInfo(80, 0, 120, 80));
        model.addGraphicInfo("Gateway_Ok", new GraphicInfo(240, 20, 40, 40));
        model.addFlowGraphicInfoList("Flow", List.of(new GraphicInfo(40, 25, 0, 0), new GraphicInfo(80, 25, 0, 0)));

        String svg = DiagramSvg.render(model, Set.of("Task_A"), Set.of("Start"));

        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("<circle", "<rect", "rx=\"10\"", "<polygon", "<polyline class=\"flow\" points=\"40,25 80,25\"")
                .contains("data-element-id=\"Task_A\" class=\"shape active\"", "data-element-id=\"Start\" class=\"shape completed\"")
                .contains("&lt;script&gt;", "&amp;")
                .doesNotContain("<script>");
    }

    @Test
    void modelWithoutDiagramGivesNothing() {
        assertThat(DiagramSvg.render(new BpmnModel(), Set.of(), Set.of())).isEmpty();
    }
}
