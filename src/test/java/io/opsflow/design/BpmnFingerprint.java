package io.opsflow.design;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.ExtensionAttribute;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.FieldExtension;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.IOParameter;
import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.SignalEventDefinition;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;

/**
 * What Flowable reads from a BPMN file, as sorted lines: each flow element with the properties the
 * engine acts on, its listeners, fields, extension elements and custom attributes, and which elements
 * have diagram shapes. Two files with equal fingerprints run the same in Flowable.
 */
public final class BpmnFingerprint {

    private BpmnFingerprint() {}

    public static List<String> of(String xml) {
        return of(xml, true);
    }

    /** Only what changes how Flowable runs the process: without custom attributes and generic extension elements. */
    public static List<String> behaviourOf(String xml) {
        return of(xml, false);
    }

    private static List<String> of(String xml, boolean withForeign) {
        BpmnModel model = new BpmnXMLConverter().convertToBpmnModel(
                () -> new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), false, true, "UTF-8");
        List<String> lines = new ArrayList<>();
        model.getMessages().forEach(m -> lines.add("message " + m.getId() + " " + m.getName()));
        model.getSignals().forEach(s -> lines.add("signal " + s.getId() + " " + s.getName() + " " + s.getScope()));
        for (Process process : model.getProcesses()) {
            lines.add("process " + process.getId() + " name=" + process.getName() + " executable=" + process.isExecutable()
                    + " starters=" + process.getCandidateStarterGroups() + process.getCandidateStarterUsers()
                    + " doc=" + process.getDocumentation() + " listeners=" + listeners(process.getExecutionListeners())
                    + (withForeign ? " ext=" + extensions(process.getExtensionElements()) + " attrs=" + attributes(process) : ""));
            container(process, lines, withForeign);
        }
        model.getLocationMap().keySet().forEach(id -> lines.add("shape " + id));
        model.getFlowLocationMap().keySet().forEach(id -> lines.add("edge " + id));
        return lines.stream().sorted().toList();
    }

    private static void container(FlowElementsContainer container, List<String> lines, boolean withForeign) {
        for (FlowElement element : container.getFlowElements()) {
            lines.add(element(element, withForeign));
            if (element instanceof FlowElementsContainer nested) {
                container(nested, lines, withForeign);
            }
        }
    }

    private static String element(FlowElement element, boolean withForeign) {
        var line = new StringBuilder(element.getClass().getSimpleName()).append(' ').append(element.getId())
                .append(" name=").append(element.getName())
                .append(" doc=").append(element.getDocumentation())
                .append(" listeners=").append(listeners(element.getExecutionListeners()));
        if (withForeign) {
            line.append(" ext=").append(extensions(element.getExtensionElements())).append(" attrs=").append(attributes(element));
        }
        if (element instanceof Activity activity) {
            line.append(" async=").append(activity.isAsynchronous()).append(" exclusive=").append(!activity.isNotExclusive())
                    .append(" retry=").append(activity.getFailedJobRetryTimeCycleValue())
                    .append(" default=").append(activity.getDefaultFlow())
                    .append(" mi=").append(multiInstance(activity.getLoopCharacteristics()));
        }
        if (element instanceof UserTask task) {
            line.append(" assignee=").append(task.getAssignee()).append(" users=").append(task.getCandidateUsers())
                    .append(" groups=").append(task.getCandidateGroups()).append(" form=").append(task.getFormKey())
                    .append(" due=").append(task.getDueDate()).append(" priority=").append(task.getPriority())
                    .append(" taskListeners=").append(listeners(task.getTaskListeners()));
        }
        if (element instanceof StartEvent start) {
            line.append(" form=").append(start.getFormKey()).append(" initiator=").append(start.getInitiator());
        }
        if (element instanceof ServiceTask task) {
            line.append(" impl=").append(task.getImplementationType()).append(':').append(task.getImplementation())
                    .append(" result=").append(task.getResultVariableName()).append(" type=").append(task.getType())
                    .append(" fields=").append(fields(task.getFieldExtensions()));
        }
        if (element instanceof CallActivity call) {
            line.append(" called=").append(call.getCalledElement()).append(" in=").append(io(call.getInParameters()))
                    .append(" out=").append(io(call.getOutParameters())).append(" inherit=").append(call.isInheritVariables());
        }
        if (element instanceof SequenceFlow flow) {
            line.append(" from=").append(flow.getSourceRef()).append(" to=").append(flow.getTargetRef())
                    .append(" condition=").append(flow.getConditionExpression() == null ? null : flow.getConditionExpression().strip());
        }
        if (element instanceof Gateway gateway) {
            line.append(" default=").append(gateway.getDefaultFlow()).append(" async=").append(gateway.isAsynchronous());
        }
        if (element instanceof BoundaryEvent boundary) {
            line.append(" attachedTo=").append(boundary.getAttachedToRefId()).append(" cancel=").append(boundary.isCancelActivity());
        }
        if (element instanceof Event event) {
            event.getEventDefinitions().forEach(definition -> {
                if (definition instanceof TimerEventDefinition timer) {
                    line.append(" timer=").append(timer.getTimeDate()).append('|').append(timer.getTimeDuration()).append('|')
                            .append(timer.getTimeCycle());
                } else if (definition instanceof MessageEventDefinition message) {
                    line.append(" message=").append(message.getMessageRef());
                } else if (definition instanceof SignalEventDefinition signal) {
                    line.append(" signal=").append(signal.getSignalRef());
                } else {
                    line.append(" definition=").append(definition.getClass().getSimpleName());
                }
            });
        }
        return line.toString();
    }

    private static String multiInstance(MultiInstanceLoopCharacteristics mi) {
        if (mi == null) {
            return "none";
        }
        return "sequential=" + mi.isSequential() + " collection=" + mi.getInputDataItem() + mi.getCollectionString()
                + " element=" + mi.getElementVariable() + " cardinality=" + mi.getLoopCardinality()
                + " completion=" + (mi.getCompletionCondition() == null ? null : mi.getCompletionCondition().strip());
    }

    private static String listeners(Collection<FlowableListener> listeners) {
        return listeners.stream()
                .map(l -> l.getEvent() + ":" + l.getImplementationType() + ":" + l.getImplementation() + fields(l.getFieldExtensions()))
                .toList()
                .toString();
    }

    private static String fields(List<FieldExtension> fields) {
        return fields.stream()
                .map(f -> f.getFieldName() + "=" + blankToNull(f.getStringValue()) + "/" + blankToNull(f.getExpression()))
                .sorted()
                .toList()
                .toString();
    }

    private static String io(List<IOParameter> parameters) {
        return parameters.stream().map(p -> p.getSource() + p.getSourceExpression() + ">" + p.getTarget()).toList().toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String attributes(BaseElement element) {
        Map<String, String> sorted = new TreeMap<>();
        element.getAttributes().forEach((name, values) -> sorted.put(name,
                values.stream().map(ExtensionAttribute::getValue).collect(Collectors.joining(","))));
        return sorted.toString();
    }

    /** Extension elements Flowable keeps as generic elements (the ones it has no model for), recursively. */
    private static String extensions(Map<String, List<ExtensionElement>> extensions) {
        Map<String, String> sorted = new TreeMap<>();
        extensions.forEach((name, elements) -> sorted.put(name, elements.stream().map(BpmnFingerprint::extension).toList().toString()));
        return sorted.toString();
    }

    private static String extension(ExtensionElement element) {
        Map<String, String> attributes = new TreeMap<>();
        element.getAttributes().forEach((name, values) -> attributes.put(name,
                values.stream().map(ExtensionAttribute::getValue).collect(Collectors.joining(","))));
        return element.getNamespace() + ":" + element.getName() + attributes + "'" + blankToNull(element.getElementText()) + "'"
                + extensions(element.getChildElements());
    }
}
