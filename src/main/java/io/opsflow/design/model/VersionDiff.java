package io.opsflow.design.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What changed between two versions of a process, element by element, for people: each added, removed or
 * changed element (by id, as {@link ModelDiff} sees it) with its kind, name and which attributes changed.
 * Diagram layout is left out, so moving a shape is no change.
 */
public final class VersionDiff {

    /** One changed element; {@code details} say what changed in words. */
    public record ElementChange(String elementId, String kind, String name, String change, List<String> details) {}

    private record Element(String kind, Map<String, String> attributes) {}

    private VersionDiff() {}

    /** Sorted by element id within added, removed, changed. */
    public static List<ElementChange> between(String before, String after) {
        ModelDiff.Changes changes = ModelDiff.between(before, after);
        Map<String, Element> old = elements(before);
        Map<String, Element> now = elements(after);
        List<ElementChange> result = new ArrayList<>();
        changes.added().forEach(id -> result.add(change(id, now.get(id), "added", List.of())));
        changes.removed().forEach(id -> result.add(change(id, old.get(id), "removed", List.of())));
        changes.changed().forEach(id -> result.add(change(id, now.get(id), "changed", details(old.get(id), now.get(id)))));
        return List.copyOf(result);
    }

    private static ElementChange change(String id, Element element, String change, List<String> details) {
        String kind = element == null ? "element" : element.kind();
        String name = element == null ? null : element.attributes().get("name");
        return new ElementChange(id, kind, name, change, details);
    }

    static List<String> details(Element before, Element after) {
        if (before == null || after == null) {
            return List.of();
        }
        List<String> details = new ArrayList<>();
        if (!before.kind().equals(after.kind())) {
            details.add("kind: " + before.kind() + " → " + after.kind());
        }
        TreeSet<String> names = new TreeSet<>(before.attributes().keySet());
        names.addAll(after.attributes().keySet());
        for (String name : names) {
            String was = before.attributes().get(name);
            String is = after.attributes().get(name);
            if (Objects.equals(was, is)) {
                continue;
            }
            if (was == null) {
                details.add(name + " set to '" + is + "'");
            } else if (is == null) {
                details.add(name + " removed (was '" + was + "')");
            } else {
                details.add(name + ": '" + was + "' → '" + is + "'");
            }
        }
        if (details.isEmpty()) {
            details.add("nested content changed (condition, timer, documentation or extension elements)");
        }
        return List.copyOf(details);
    }

    /** Element id to its kind (local name) and attributes (namespace prefix kept readable as flowable:, xsi: …). */
    static Map<String, Element> elements(String xml) {
        Map<String, Element> result = new HashMap<>();
        int diagramDepth = 0;
        try {
            XMLStreamReader reader = SafeXml.reader(xml);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (diagramDepth > 0 || ModelDiff.BPMNDI.equals(reader.getNamespaceURI())) {
                        diagramDepth++;
                        continue;
                    }
                    String id = reader.getAttributeValue(null, "id");
                    if (id != null && !id.isBlank()) {
                        result.putIfAbsent(id, new Element(reader.getLocalName(), attributes(reader)));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && diagramDepth > 0) {
                    diagramDepth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("stored model is not XML", e);
        }
        return result;
    }

    private static Map<String, String> attributes(XMLStreamReader reader) {
        Map<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String local = reader.getAttributeLocalName(i);
            String prefix = reader.getAttributePrefix(i);
            if ("id".equals(local) && (prefix == null || prefix.isEmpty())) {
                continue;
            }
            attributes.put(prefix == null || prefix.isEmpty() ? local : prefix + ":" + local, reader.getAttributeValue(i));
        }
        return attributes;
    }
}
