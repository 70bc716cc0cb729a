package io.opsflow.design.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Which BPMN elements (by id) one version adds, removes or changes compared with another. An element's
 * content is its attributes, text and children without an id of their own (conditions, timers,
 * extension elements); the diagram layout (BPMNDI) is left out, so moving a shape changes nothing.
 */
public final class ModelDiff {

    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";

    /** Element ids, each list sorted. */
    public record Changes(List<String> added, List<String> removed, List<String> changed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    private ModelDiff() {}

    public static Changes between(String before, String after) {
        Map<String, String> old = contents(before);
        Map<String, String> now = contents(after);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        now.forEach((id, content) -> {
            if (!old.containsKey(id)) {
                added.add(id);
            } else if (!old.get(id).equals(content)) {
                changed.add(id);
            }
        });
        old.keySet().stream().filter(id -> !now.containsKey(id)).forEach(removed::add);
        return new Changes(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
    }

    /** Element id to a canonical text of its own content, in id order. */
    static Map<String, String> contents(String xml) {
        Map<String, String> result = new TreeMap<>();
        Deque<StringBuilder> owners = new ArrayDeque<>();
        Deque<String> ownerIds = new ArrayDeque<>();
        Deque<Boolean> ownsFrame = new ArrayDeque<>();
        int diagramDepth = 0;
        try {
            XMLStreamReader reader = SafeXml.reader(xml);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (diagramDepth > 0 || BPMNDI.equals(reader.getNamespaceURI())) {
                        diagramDepth++;
                        continue;
                    }
                    String id = reader.getAttributeValue(null, "id");
                    String tag = "<" + reader.getNamespaceURI() + ":" + reader.getLocalName() + attributes(reader) + ">";
                    if (id != null && !id.isBlank()) {
                        owners.push(new StringBuilder(tag));
                        ownerIds.push(id);
                        ownsFrame.push(true);
                    } else {
                        if (!owners.isEmpty()) {
                            owners.peek().append(tag);
                        }
                        ownsFrame.push(false);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (diagramDepth > 0) {
                        diagramDepth--;
                        continue;
                    }
                    if (ownsFrame.pop()) {
                        result.put(ownerIds.pop(), owners.pop().toString());
                    } else if (!owners.isEmpty()) {
                        owners.peek().append("</>");
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && diagramDepth == 0
                        && !owners.isEmpty() && !reader.isWhiteSpace()) {
                    owners.peek().append(reader.getText().strip());
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("stored model is not XML", e);
        }
        return result;
    }

    private static String attributes(XMLStreamReader reader) {
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String ns = reader.getAttributeNamespace(i);
            sorted.put((ns == null ? "" : ns + ":") + reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        new LinkedHashMap<>(sorted).forEach((name, value) -> text.append(' ').append(name).append("=\"").append(value).append('"'));
        return text.toString();
    }
}
