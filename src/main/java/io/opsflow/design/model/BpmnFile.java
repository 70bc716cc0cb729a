package io.opsflow.design.model;

import io.opsflow.engine.BpmnDeployments;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Process;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;

/**
 * Reading BPMN that users upload or save: at most {@link #MAX_BYTES}, through the engine's safety
 * check (no DOCTYPE or entities, bounded depth, at most {@link #MAX_ELEMENTS} elements), then into
 * Flowable's model without the schema check so files from other modellers still open. Every refusal
 * is a generic 400 message that quotes nothing from the file.
 */
public final class BpmnFile {

    /** Far above any hand-drawn model; the work-order process is 20 kB. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Elements of the XML, DI included: a 200-task model has about 1,500. */
    public static final int MAX_ELEMENTS = 5_000;

    private BpmnFile() {}

    /** The bytes of a stream, refused past {@link #MAX_BYTES} without reading the rest. */
    public static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    public static FlowableIllegalArgumentException tooLarge() {
        return new FlowableIllegalArgumentException("Invalid BPMN: the file is larger than " + (MAX_BYTES / 1024 / 1024) + " MB.");
    }

    /** Checks the XML and returns Flowable's model of it. */
    public static BpmnModel parse(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        BpmnDeployments.rejectUnsafe(bytes, MAX_ELEMENTS);
        try {
            return new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(bytes), false, true, "UTF-8");
        } catch (RuntimeException invalid) {
            throw new FlowableIllegalArgumentException("Invalid BPMN: the file is not well-formed BPMN 2.0 XML.");
        }
    }

    /** The key of the file's process: the executable one if there are several. */
    public static Process mainProcess(BpmnModel model) {
        return model.getProcesses().stream()
                .filter(Process::isExecutable)
                .findFirst()
                .or(() -> model.getProcesses().stream().findFirst())
                .orElseThrow(() -> new FlowableIllegalArgumentException("Invalid BPMN: the file defines no process."));
    }
}
