package io.opsflow.tasklist.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.GraphicInfo;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a process as inline SVG from the diagram interchange (DI) in its BPMN file: tasks as rounded
 * rectangles with their names, events as circles, gateways as diamonds, flows as polylines. Current
 * activities are outlined in orange, completed ones tinted green. Every name is XML-escaped.
 */
public final class DiagramSvg {

    private static final int MARGIN = 10;

    private DiagramSvg() {}

    public static String render(BpmnModel model, Set<String> active, Set<String> completed) {
        if (model.getLocationMap().isEmpty()) {
            return "";
        }
        double width = 0;
        double height = 0;
        List<String> parts = new ArrayList<>();
        for (var flow : model.getFlowLocationMap().entrySet()) {
            StringBuilder points = new StringBuilder();
            for (GraphicInfo p : flow.getValue()) {
                points.append(num(p.getX())).append(',').append(num(p.getY())).append(' ');
                width = Math.max(width, p.getX());
                height = Math.max(height, p.getY());
            }
            parts.add("<polyline class=\"flow\" points=\"" + points.toString().strip()
                    + "\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
        }
        for (var shape : model.getLocationMap().entrySet()) {
            GraphicInfo g = shape.getValue();
            FlowElement element = model.getFlowElement(shape.getKey());
            if (element == null) {
                continue;
            }
            // Labels of events and gateways sit outside their shape; keep them inside the picture.
            double labelHalf = element.getName() == null ? 0 : element.getName().length() * 3.5;
            width = Math.max(width, Math.max(g.getX() + g.getWidth(), g.getX() + g.getWidth() / 2 + labelHalf));
            height = Math.max(height, g.getY() + g.getHeight() + 20);
            String state = active.contains(element.getId()) ? "active" : completed.contains(element.getId()) ? "completed" : "idle";
            parts.add(shape(element, g, state));
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Process diagram\" viewBox=\"0 0 "
                + num(width + MARGIN) + " " + num(height + MARGIN) + "\" width=\"" + num(width + MARGIN) + "\" height=\""
                + num(height + MARGIN) + "\" font-family=\"sans-serif\" font-size=\"12\">"
                + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>"
                + String.join("", parts) + "</svg>";
    }

    private static String shape(FlowElement element, GraphicInfo g, String state) {
        String fill = state.equals("completed") ? "#d1e7dd" : "#fff";
        String stroke = state.equals("active") ? "#fd7e14" : "#333";
        String strokeWidth = state.equals("active") ? "3" : element instanceof EndEvent ? "3" : "1.5";
        String paint = " fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + strokeWidth + "\"";
        String id = " data-element-id=\"" + escape(element.getId()) + "\" class=\"shape " + state + "\"";
        double cx = g.getX() + g.getWidth() / 2;
        double cy = g.getY() + g.getHeight() / 2;
        if (element instanceof Event) {
            return "<g" + id + "><circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(g.getWidth() / 2) + "\"" + paint + "/>"
                    + label(element, cx, g.getY() + g.getHeight() + 14) + "</g>";
        }
        if (element instanceof Gateway) {
            String points = num(cx) + "," + num(g.getY()) + " " + num(g.getX() + g.getWidth()) + "," + num(cy) + " " + num(cx) + ","
                    + num(g.getY() + g.getHeight()) + " " + num(g.getX()) + "," + num(cy);
            return "<g" + id + "><polygon points=\"" + points + "\"" + paint + "/>" + label(element, cx, g.getY() - 6) + "</g>";
        }
        String radius = element instanceof Activity ? "10" : "0";
        return "<g" + id + "><rect x=\"" + num(g.getX()) + "\" y=\"" + num(g.getY()) + "\" width=\"" + num(g.getWidth())
                + "\" height=\"" + num(g.getHeight()) + "\" rx=\"" + radius + "\"" + paint + "/>" + wrapped(element, g) + "</g>";
    }

    private static String label(FlowElement element, double x, double y) {
        if (element.getName() == null || element.getName().isBlank()) {
            return "";
        }
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"middle\">" + escape(element.getName()) + "</text>";
    }

    private static String wrapped(FlowElement element, GraphicInfo g) {
        String name = element.getName() == null ? "" : element.getName();
        int perLine = Math.max(4, (int) (g.getWidth() / 7));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : name.split("\\s+")) {
            if (line.length() > 0 && line.length() + word.length() + 1 > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        double top = g.getY() + g.getHeight() / 2 - (lines.size() - 1) * 7 + 4;
        StringBuilder text = new StringBuilder("<text text-anchor=\"middle\">");
        for (int i = 0; i < lines.size(); i++) {
            text.append("<tspan x=\"").append(num(g.getX() + g.getWidth() / 2)).append("\" y=\"").append(num(top + i * 14)).append("\">")
                    .append(escape(lines.get(i))).append("</tspan>");
        }
        return text.append("</text>").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
