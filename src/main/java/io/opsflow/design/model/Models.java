package io.opsflow.design.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Process;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.springframework.stereotype.Component;

/**
 * Creating, importing, reading and saving models. Every XML that comes in passes {@link BpmnFile}
 * first; what is stored is the XML exactly as sent, so attributes and extension elements Opsflow does
 * not know survive (round-trip safe).
 */
@Component
public class Models {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");

    private final ModelStore store;

    Models(ModelStore store) {
        this.store = store;
    }

    /** A new model and what Flowable will ignore in it. */
    public record Imported(DesignModel model, ImportReport report) {}

    public Imported importXml(byte[] bytes, String user) {
        if (bytes.length > BpmnFile.MAX_BYTES) {
            throw BpmnFile.tooLarge();
        }
        String xml = text(bytes);
        Process process = BpmnFile.mainProcess(BpmnFile.parse(xml));
        ImportReport report = ImportReport.of(xml);
        DesignModel model = store.create(nameOf(process), keyOf(process), xml, user);
        return new Imported(model, report);
    }

    /** A model with one start event, drawn, to begin from in the modeller. */
    public DesignModel createBlank(String name, String key, String user) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new FlowableIllegalArgumentException("The process key must start with a letter and use letters, digits, '-', '_' or '.'.");
        }
        String title = name == null || name.isBlank() ? key : name.strip();
        if (title.length() > 200) {
            throw new FlowableIllegalArgumentException("The name is longer than 200 characters.");
        }
        return store.create(title, key, BlankModel.xml(key, title), user);
    }

    public DesignModel model(String id) {
        return store.find(id).orElseThrow(UnknownModelException::new);
    }

    public ModelVersion latest(String id) {
        DesignModel model = model(id);
        return store.version(id, model.latestVersion()).orElseThrow(UnknownModelException::new);
    }

    public ModelVersion version(String id, int version) {
        return store.version(id, version).orElseThrow(UnknownModelException::new);
    }

    public List<ModelVersion> versions(String id) {
        model(id);
        return store.versions(id);
    }

    public List<DesignModel> list() {
        return store.list(500);
    }

    /**
     * Saves the XML as the version after {@code baseVersion}; when that is no longer the latest, throws
     * {@link ModelChangedException} with the elements the other save changed.
     */
    public ModelVersion save(String id, int baseVersion, String xml, String user) {
        DesignModel model = model(id);
        Process process = BpmnFile.mainProcess(BpmnFile.parse(xml));
        if (baseVersion == model.latestVersion()) {
            var saved = store.saveAfter(id, baseVersion, nameOf(process), keyOf(process), xml, user);
            if (saved.isPresent()) {
                return version(id, saved.get());
            }
        }
        ModelVersion current = latest(id);
        ModelVersion base = store.version(id, baseVersion).orElse(null);
        ModelDiff.Changes changes = base == null ? new ModelDiff.Changes(List.of(), List.of(), List.of())
                : ModelDiff.between(base.xml(), current.xml());
        throw new ModelChangedException(baseVersion, current, changes);
    }

    static String text(byte[] bytes) {
        String xml = new String(bytes, StandardCharsets.UTF_8);
        return xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
    }

    private static String keyOf(Process process) {
        if (process.getId() == null || !KEY.matcher(process.getId()).matches()) {
            throw new FlowableIllegalArgumentException("Invalid BPMN: the process needs an id (its key) of letters, digits, '-', '_' or '.'.");
        }
        return process.getId();
    }

    private static String nameOf(Process process) {
        String name = process.getName() == null || process.getName().isBlank() ? process.getId() : process.getName().strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
