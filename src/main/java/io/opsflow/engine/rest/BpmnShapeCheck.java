package io.opsflow.engine.rest;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;

/**
 * Refuses BPMN files whose shape alone would hurt the node before Flowable parses them: Flowable's
 * model code recurses per nested sub-process (5,000 levels overflow the stack after more than a
 * minute) and every element becomes an object. Streams the file once with DTDs off; far above any
 * model a person draws.
 */
public final class BpmnShapeCheck {

    static final int MAX_DEPTH = 100;
    static final int MAX_ELEMENTS = 50_000;
    static final int MAX_ATTRIBUTE_LENGTH = 64 * 1024;

    private static final XMLInputFactory FACTORY = factory();

    private BpmnShapeCheck() {}

    /** Throws a generic invalid-BPMN error when the file is too deep, too large or not XML at all. */
    static void check(byte[] bytes) {
        check(bytes, MAX_ELEMENTS);
    }

    /** The same check with a lower element limit, for entry points that take only hand-drawn models. */
    public static void check(byte[] bytes, int maxElements) {
        int depth = 0;
        int elements = 0;
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        elements++;
                        if (depth > MAX_DEPTH) {
                            throw refused("elements are nested more than " + MAX_DEPTH + " levels deep.");
                        }
                        if (elements > maxElements) {
                            throw refused("the file has more than " + maxElements + " elements.");
                        }
                        checkAttributes(reader);
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException notXml) {
            if (notXml instanceof FlowableIllegalArgumentException refusal) {
                throw refusal;
            }
            throw new FlowableIllegalArgumentException("Invalid BPMN: the file is not well-formed BPMN 2.0 XML.");
        }
    }

    private static void checkAttributes(XMLStreamReader reader) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeValue(i).length() > MAX_ATTRIBUTE_LENGTH) {
                throw refused("an attribute is longer than " + MAX_ATTRIBUTE_LENGTH + " characters.");
            }
        }
    }

    private static FlowableIllegalArgumentException refused(String why) {
        return new FlowableIllegalArgumentException("Invalid BPMN: " + why);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
