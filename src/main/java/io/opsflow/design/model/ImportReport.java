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
 * What an imported file carries in Camunda 7 ({@code camunda:}) and Camunda 8 ({@code zeebe:})
 * namespaces. Flowable 7.2 falls back to a {@code camunda:} attribute when the {@code flowable:} one is
 * missing (and reads {@code camunda:asyncBefore} as async, and Camunda listeners, fields and call
 * activity mappings by their element names): those are {@code readAsFlowable}. Everything else there
 * has no effect in Flowable: {@code ignored}. Both stay in the file (round-trip safe). The legacy
 * {@code activiti:} namespace is read like {@code flowable:}.
 */
public record ImportReport(String source, boolean usesActivitiNamespace, List<ForeignAttribute> ignored,
        List<ForeignAttribute> readAsFlowable) {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
    static final String ACTIVITI = "http://activiti.org/bpmn";
    static final String FLOWABLE = "http://flowable.org/bpmn";
    private static final int MAX_REPORTED = 200;

    /** Attribute names Flowable reads in the flowable: namespace, and so (as a fallback) in camunda:. */
    private static final Set<String> FLOWABLE_ATTRIBUTES = Set.of("assignee", "candidateUsers", "candidateGroups", "owner", "formKey",
            "dueDate", "priority", "category", "async", "exclusive", "class", "expression", "delegateExpression",
            "resultVariableName", "collection", "elementVariable", "elementIndexVariable", "initiator", "candidateStarterGroups",
            "candidateStarterUsers", "skipExpression", "type", "event");
    /** Camunda extension elements Flowable parses by their element name as its own. */
    private static final Set<String> FLOWABLE_ELEMENTS = Set.of("taskListener", "executionListener", "field", "string", "expression",
            "in", "out", "failedJobRetryTimeCycle");

    public static ImportReport of(String xml) {
        List<ForeignAttribute> ignored = new ArrayList<>();
        List<ForeignAttribute> read = new ArrayList<>();
        Deque<Boolean> insideIgnored = new ArrayDeque<>();
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
                    boolean parentIgnored = !insideIgnored.isEmpty() && insideIgnored.peek();
                    boolean foreignElement = CAMUNDA.equals(ns) || ZEEBE.equals(ns);
                    boolean readElement = CAMUNDA.equals(ns) && FLOWABLE_ELEMENTS.contains(reader.getLocalName());
                    if (foreignElement && !parentIgnored) {
                        add(readElement ? read : ignored, ids.peek(), prefix(ns) + reader.getLocalName(), readElement);
                    }
                    insideIgnored.push(parentIgnored || (foreignElement && !readElement));
                    if (!foreignElement) {
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            String attributeNs = reader.getAttributeNamespace(i);
                            String local = reader.getAttributeLocalName(i);
                            if (CAMUNDA.equals(attributeNs) || ZEEBE.equals(attributeNs)) {
                                boolean isRead = CAMUNDA.equals(attributeNs) && (FLOWABLE_ATTRIBUTES.contains(local) || "asyncBefore".equals(local));
                                add(isRead ? read : ignored, ids.peek(), prefix(attributeNs) + local, isRead);
                            }
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    ids.pop();
                    insideIgnored.pop();
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("checked model is not XML", e);
        }
        return new ImportReport(source(exporter, xml), activiti, List.copyOf(ignored), List.copyOf(read));
    }

    private static void add(List<ForeignAttribute> list, String elementId, String name, boolean isRead) {
        if (list.size() >= MAX_REPORTED) {
            return;
        }
        String local = name.substring(name.indexOf(':') + 1);
        String twin = "flowable:" + ("asyncBefore".equals(local) ? "async" : local);
        String message = isRead
                ? "Flowable reads " + name + " as " + twin + " when " + twin + " is not set; the modeller edits " + twin + "."
                : "Flowable ignores " + name + ": it has no effect here and is kept in the file only.";
        list.add(new ForeignAttribute(elementId, name, message));
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
