package io.opsflow.approval.print;

import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.Branch;
import io.opsflow.approval.model.ConditionNode;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.Node;
import io.opsflow.approval.model.ParallelNode;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.approval.run.ApprovalDetail;
import io.opsflow.approval.timeline.TimelineItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What an approval's PDF shows, worked out from its detail and (when it was published from the
 * designer) its simple model: form labels and values without confidential fields, the timeline, and one
 * signature block per approver node. Plain data for {@code print-templates/approval.html}.
 *
 * @param fields labelled form values in form order, then values the form does not name
 * @param signatures one block per approver node in model order; a node nobody acted on yet has one
 *     line per open approver (decision "pending") or a single empty line
 */
public record ApprovalPrintout(String title, String definition, String starter, Instant startedAt, Instant endedAt, String status,
        List<Field> fields, List<Line> timeline, List<Signature> signatures) {

    /** Decisions that sign a node. */
    private static final Set<String> SIGNING = Set.of("APPROVED", "REJECTED", "RETURNED", "AUTO_COMPLETED");

    public record Field(String label, String value) {}

    public record Line(Instant at, String actor, String action, String node, String target, String comment) {}

    public record Signature(String node, List<Sign> signs) {}

    public record Sign(String approver, String decision, Instant at, String comment) {}

    /**
     * @param model the simple model, or null for hand-written BPMN (labels are then the variable names)
     * @param seesConfidential the starter and admins: they also see fields some approver node hides
     * @param names user id to display name
     */
    public static ApprovalPrintout of(ApprovalDetail detail, SimpleModel model, boolean seesConfidential, UnaryOperator<String> names) {
        var s = detail.summary();
        String status = "RUNNING".equals(s.state()) ? "running" : Objects.toString(s.result(), "finished");
        return new ApprovalPrintout(title(detail), s.name(), names.apply(s.starter()), s.startedAt(), s.endedAt(), status,
                fields(detail.form(), model, seesConfidential), timeline(detail.timeline(), names), signatures(detail, names));
    }

    private static String title(ApprovalDetail detail) {
        Object title = detail.form().get("title");
        return title == null || title.toString().isBlank() ? detail.summary().name() : title.toString();
    }

    static List<Field> fields(Map<String, Object> form, SimpleModel model, boolean seesConfidential) {
        Set<String> hidden = seesConfidential || model == null ? Set.of() : hiddenFields(model.nodes(), new LinkedHashSet<>());
        List<Field> out = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        if (model != null) {
            for (FormFieldSpec f : model.form().fields()) {
                shown.add(f.id());
                if (!hidden.contains(f.id()) && form.containsKey(f.id())) {
                    out.add(new Field(f.label() == null || f.label().isBlank() ? f.id() : f.label(), text(f, form.get(f.id()))));
                }
            }
        }
        form.forEach((name, value) -> {
            if (!shown.contains(name) && !hidden.contains(name)) {
                out.add(new Field(name, text(null, value)));
            }
        });
        return out;
    }

    /** Fields any approver node hides, at any depth: such a field is confidential for everyone but the starter and admins. */
    static Set<String> hiddenFields(List<Node> nodes, Set<String> into) {
        for (Node node : nodes) {
            if (node instanceof ApproverNode a) {
                a.fieldPermissions().forEach((field, permission) -> {
                    if (permission == ApproverNode.Permission.HIDDEN) {
                        into.add(field);
                    }
                });
            } else if (node instanceof ConditionNode c) {
                c.branches().forEach(b -> hiddenFields(b.nodes(), into));
                if (c.defaultBranch() != null) {
                    hiddenFields(c.defaultBranch().nodes(), into);
                }
            } else if (node instanceof ParallelNode p) {
                for (Branch b : p.branches()) {
                    hiddenFields(b.nodes(), into);
                }
            }
        }
        return into;
    }

    private static String text(FormFieldSpec field, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> many) {
            return String.join(", ", many.stream().map(v -> text(field, v)).toList());
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (field != null && field.options() != null) {
            for (FormFieldSpec.Option o : field.options()) {
                if (value.toString().equals(o.value()) && o.label() != null) {
                    return o.label();
                }
            }
        }
        return value.toString();
    }

    private static List<Line> timeline(List<TimelineItem> items, UnaryOperator<String> names) {
        return items.stream()
                .filter(i -> !"TASK_CREATED".equals(i.kind()))
                .map(i -> new Line(i.at(), i.actor() == null ? "" : names.apply(i.actor()), action(i), i.nodeName(),
                        i.target() == null ? null : "ATTACHMENT".equals(i.kind()) ? i.target() : names.apply(i.target()),
                        "ATTACHMENT".equals(i.kind()) ? i.detail() : i.comment()))
                .toList();
    }

    private static String action(TimelineItem i) {
        return i.kind().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static List<Signature> signatures(ApprovalDetail detail, UnaryOperator<String> names) {
        List<Signature> out = new ArrayList<>();
        for (ApprovalDetail.NodeProgress node : detail.progress()) {
            if ("starter".equals(node.nodeId())) {
                continue;
            }
            List<Sign> signs = new ArrayList<>();
            for (TimelineItem i : detail.timeline()) {
                if (node.nodeId().equals(i.nodeId()) && SIGNING.contains(i.kind())) {
                    signs.add(new Sign(names.apply(i.actor()), action(i), i.at(), i.comment()));
                }
            }
            for (ApprovalDetail.OpenTask t : detail.openTasks()) {
                if (node.nodeId().equals(t.nodeId()) && t.assignee() != null) {
                    signs.add(new Sign(names.apply(t.assignee()), "pending", null, null));
                }
            }
            if (signs.isEmpty()) {
                signs.add(new Sign("", "ACTIVE".equals(node.state()) ? "pending" : "DONE".equals(node.state()) ? "passed" : "not reached",
                        null, null));
            }
            out.add(new Signature(node.name(), signs));
        }
        return out;
    }
}
