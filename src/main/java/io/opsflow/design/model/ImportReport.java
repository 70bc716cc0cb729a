package io.opsflow.design.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What an imported file carries that Flowable will not read: Camunda 7 ({@code camunda:}) and Camunda 8
 * ({@code zeebe:}) attributes and extension elements. They are kept in the file (round-trip safe) but
 * have no effect. The legacy {@code activiti:} namespace is read by Flowable like {@code flowable:}.
 */
public record ImportReport(String source, boolean usesActivitiNamespace, List<ForeignAttribute> ignored) {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
    static final String ACTIVITI = "http://activiti.org/bpmn";
    static final String FLOWABLE = "http://flowable.org/bpmn";
    private static final int MAX_REPORTED = 200;

    /** Camunda attributes whose Flowable twin has the same name and meaning. */
    private static final Set<String> SAME_IN_FLOWABLE = Set.of("assignee", "candidateUsers", "candidateGroups", "formKey",
            "dueDate", "priority", "async", "asyncBefore", "exclusive", "class", "expression", "delegateExpression",
            "resultVariable", "collection", "elementVariable", "initiator", "candidateStarterGroups", "candidateStarterUsers",
            "calledElementBinding", "failedJobRetryTimeCycle", "executionListener", "taskListener", "field", "in", "out");

    public static ImportReport of(String xml) {
        List<ForeignAttribute> ignored = new ArrayList<>();
        boolean activiti = false;
        String exporter = null;
        Deque<String> ids = new ArrayDeque<>();
        try {
            XMLStreamReader reader = SafeXml.reader(xml);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String id = reader.getAttributeValue(null, "id");
                    ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
                    if ("definitions".equals(reader.getLocalName())) {
                        exporter = reader.getAttributeValue(null, "exporter");
                        for (int i = 0; i < reader.getNamespaceCount(); i++) {
                            activiti |= ACTIVITI.equals(reader.getNamespaceURI(i));
                        }
                    }
                    String ns = reader.getNamespaceURI();
                    if (CAMUNDA.equals(ns) || ZEEBE.equals(ns)) {
                        add(ignored, ids.peek(), prefix(ns) + reader.getLocalName());
                    }
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String attributeNs = reader.getAttributeNamespace(i);
                        if (CAMUNDA.equals(attributeNs) || ZEEBE.equals(attributeNs)) {
                            add(ignored, ids.peek(), prefix(attributeNs) + reader.getAttributeLocalName(i));
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    ids.pop();
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("checked model is not XML", e);
        }
        return new ImportReport(source(exporter, xml), activiti, List.copyOf(ignored));
    }

    private static void add(List<ForeignAttribute> ignored, String elementId, String name) {
        if (ignored.size() >= MAX_REPORTED) {
            return;
        }
        String local = name.substring(name.indexOf(':') + 1);
        String message = SAME_IN_FLOWABLE.contains(local)
                ? "Flowable ignores " + name + "; use flowable:" + ("asyncBefore".equals(local) ? "async" : local) + " instead."
                : "Flowable ignores " + name + "; it has no Flowable equivalent and is kept in the file only.";
        ignored.add(new ForeignAttribute(elementId, name, message));
    }

    private static String prefix(String ns) {
        return CAMUNDA.equals(ns) ? "camunda:" : "zeebe:";
    }

    private static String source(String exporter, String xml) {
        if (exporter != null && !exporter.isBlank()) {
            return exporter.length() > 80 ? exporter.substring(0, 80) : exporter;
        }
        for (var known : List.of(Map.entry(FLOWABLE, "Flowable"), Map.entry(ACTIVITI, "Activiti"), Map.entry(CAMUNDA, "Camunda"))) {
            if (xml.contains(known.getKey())) {
                return known.getValue();
            }
        }
        return "unknown";
    }
}
