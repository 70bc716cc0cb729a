package io.opsflow.approval.bpmn;

import static io.opsflow.approval.ApprovalConventions.approvedCount;
import static io.opsflow.approval.ApprovalConventions.approvers;
import static io.opsflow.approval.ApprovalConventions.rejectedCount;
import static io.opsflow.approval.ApprovalConventions.resolveStep;
import static io.opsflow.approval.ApprovalConventions.result;

import io.opsflow.approval.ApprovalConventions;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.ApproverNode.Method;
import io.opsflow.approval.model.ApproverNode.TimeoutAction;
import io.opsflow.approval.model.Branch;
import io.opsflow.approval.model.CcNode;
import io.opsflow.approval.model.ConditionExpressions;
import io.opsflow.approval.model.ConditionNode;
import io.opsflow.approval.model.Node;
import io.opsflow.approval.model.ParallelNode;
import io.opsflow.approval.model.SimpleModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.TerminateEventDefinition;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;

/**
 * Generates BPMN 2.0 for Flowable from a validated simple model, with diagram interchange in a
 * vertical layout (the chain top to bottom, branches side by side). What each node becomes is the
 * run-time contract described in docs/approvals.md: a resolve step, a multi-instance user task over
 * {@code <nodeId>_approvers} with a tallying listener, a decision gateway whose rejected flow ends
 * the approval, and boundary timers for reminders and the automatic decision.
 */
public final class BpmnGenerator {

    static final int TASK_W = 140;
    static final int TASK_H = 60;
    static final int APPROVER_H = 80;
    static final int SIDE_TASK_W = 120;
    static final int SIDE_TASK_H = 50;
    static final int GW = 50;
    static final int EV = 36;
    static final int GAP = 40;
    static final int BRANCH_GAP = 40;
    static final int MIN_BRANCH_W = 200;
    static final int APPROVER_BLOCK_H = TASK_H + GAP + APPROVER_H + GAP + GW;
    static final int APPROVER_HALF = 150;
    static final int APPROVER_HALF_WITH_TIMEOUT = 360;
    static final String START_ID = "approvalStart";
    static final String END_ID = "approvalApproved";
    /** The run time's return-to-starter target ({@code ApprovalDefinitions.STARTER_NODE}). */
    public static final String STARTER_ID = "starter";
    static final String RESUBMIT_ID = "approvalResubmit";

    private BpmnGenerator() {}

    /** The BPMN XML of the model deployed under {@code processKey}. */
    public static String xml(SimpleModel model, String processKey) {
        return new String(new BpmnXMLConverter().convertToXML(bpmnModel(model, processKey)), StandardCharsets.UTF_8);
    }

    public static BpmnModel bpmnModel(SimpleModel model, String processKey) {
        return new Build(model, processKey).run();
    }

    private static final class Build {
        final SimpleModel simple;
        final BpmnModel model = new BpmnModel();
        final Process process = new Process();
        int flows;

        Build(SimpleModel simple, String key) {
            this.simple = simple;
            process.setId(key);
            process.setName(simple.name());
            process.setExecutable(true);
            if (simple.description() != null && !simple.description().isBlank()) {
                process.setDocumentation(simple.description());
            }
        }

        BpmnModel run() {
            model.setTargetNamespace(ApprovalConventions.CATEGORY);
            model.addNamespace(ApprovalConventions.NAMESPACE_PREFIX, ApprovalConventions.NAMESPACE);
            model.addProcess(process);
            int half = Math.max(halfWidth(simple.nodes()), TASK_W);
            int cx = half + 40;
            StartEvent start = new StartEvent();
            start.setId(START_ID);
            start.setName("Submitted");
            start.setInitiator(ApprovalConventions.INITIATOR);
            add(start, cx - EV / 2, 20, EV, EV);
            int y = 20 + EV + GAP;
            Block chain = chain(simple.nodes(), cx, y);
            EndEvent end = new EndEvent();
            end.setId(END_ID);
            end.setName("Approved");
            end.getExecutionListeners().add(listener("start", "approvalTally"));
            int endY = chain == null ? y : y + chain.height + GAP;
            add(end, cx - EV / 2, endY, EV, EV);
            if (chain == null) {
                flow(start, end, null, cx, 20 + EV, endY);
            } else {
                int sideX = cx + half + 20;
                FlowNode entry = chain.entry;
                if (entry instanceof ParallelGateway) {
                    // A parallel gateway with two incoming flows would wait for both: merge them first.
                    ExclusiveGateway merge = new ExclusiveGateway();
                    merge.setId(RESUBMIT_ID);
                    add(merge, sideX + TASK_W / 2 - GW / 2, 20 + TASK_H + GAP, GW, GW);
                    connect(merge, entry, null, null, List.of(point(sideX + TASK_W / 2 - GW / 2, 20 + TASK_H + GAP + GW / 2),
                            point(cx, y)));
                    entry = merge;
                }
                flow(start, entry, null, cx, 20 + EV, y);
                SequenceFlow out = flow(chain.exit, end, null, cx, y + chain.height, endY);
                chain.markDefault(out);
                addStarterTask(entry, sideX, 20);
            }
            return model;
        }

        /**
         * The starter's revise-and-resubmit step: no flow leads into it, so nobody passes it on the way
         * in; an approver's return to the starter moves the approval here, and resubmitting continues
         * at the first node.
         */
        void addStarterTask(FlowNode firstNode, int x, int y) {
            UserTask starter = new UserTask();
            starter.setId(STARTER_ID);
            starter.setName("Revise and resubmit");
            starter.setAssignee("${" + ApprovalConventions.INITIATOR + "}");
            add(starter, x, y, TASK_W, TASK_H);
            connect(starter, firstNode, null, null, List.of(point(x + TASK_W / 2, y + TASK_H), point(x + TASK_W / 2, y + TASK_H + GAP),
                    point(x - 20, y + TASK_H + GAP)));
        }

        /** A laid-out piece of the chain: its entry and exit nodes sit on the centre line at its top and bottom. */
        final class Block {
            final FlowNode entry;
            final FlowNode exit;
            final int height;

            Block(FlowNode entry, FlowNode exit, int height) {
                this.entry = entry;
                this.exit = exit;
                this.height = height;
            }

            /** An approver's decision gateway continues on the flow leaving the block by default. */
            void markDefault(SequenceFlow out) {
                if (exit instanceof ExclusiveGateway gateway && gateway.getDefaultFlow() == null) {
                    gateway.setDefaultFlow(out.getId());
                }
            }
        }

        Block chain(List<Node> nodes, int cx, int y) {
            Block first = null;
            Block previous = null;
            int top = y;
            for (Node node : nodes) {
                Block block;
                if (node instanceof ApproverNode a) {
                    block = approver(a, cx, y);
                } else if (node instanceof CcNode c) {
                    block = cc(c, cx, y);
                } else if (node instanceof ConditionNode c) {
                    block = condition(c, cx, y);
                } else {
                    block = parallel((ParallelNode) node, cx, y);
                }
                if (previous != null) {
                    previous.markDefault(flow(previous.exit, block.entry, null, cx, y - GAP, y));
                } else {
                    first = block;
                }
                previous = block;
                y += block.height + GAP;
            }
            return first == null ? null : new Block(first.entry, previous.exit, y - GAP - top);
        }

        Block approver(ApproverNode node, int cx, int y) {
            String id = node.id();
            ServiceTask resolve = serviceTask(resolveStep(id), "Find approvers: " + label(node), "approvalApprovers");
            add(resolve, cx - TASK_W / 2, y, TASK_W, TASK_H);

            UserTask task = new UserTask();
            task.setId(id);
            task.setName(label(node));
            task.setAssignee("${" + ApprovalConventions.ELEMENT_VARIABLE + "}");
            MultiInstanceLoopCharacteristics mi = new MultiInstanceLoopCharacteristics();
            mi.setSequential(node.method() == Method.SEQUENTIAL);
            mi.setInputDataItem(approvers(id));
            mi.setElementVariable(ApprovalConventions.ELEMENT_VARIABLE);
            mi.setCompletionCondition(completionCondition(node));
            task.setLoopCharacteristics(mi);
            task.getTaskListeners().add(listener("complete", "approvalTally"));
            NodeRules.attach(task, NodeRules.APPROVER, node);
            int taskY = y + TASK_H + GAP;
            add(task, cx - TASK_W / 2, taskY, TASK_W, APPROVER_H);
            flow(resolve, task, null, cx, y + TASK_H, taskY);

            ExclusiveGateway decision = new ExclusiveGateway();
            decision.setId(id + "_decision");
            decision.setName("Rejected?");
            int gwY = taskY + APPROVER_H + GAP;
            add(decision, cx - GW / 2, gwY, GW, GW);
            flow(task, decision, null, cx, taskY + APPROVER_H, gwY);

            EndEvent rejected = rejectedEnd(id + "_rejected", "Rejected");
            int gwMid = gwY + GW / 2;
            add(rejected, cx + 120 - EV / 2, gwMid - EV / 2, EV, EV);
            SequenceFlow toRejected = connect(decision, rejected, "rejected",
                    "${" + result(id) + " == '" + ApprovalConventions.REJECTED + "'}",
                    List.of(point(cx + GW / 2, gwMid), point(cx + 120 - EV / 2, gwMid)));
            toRejected.setName("rejected");

            if (node.timeout() != null) {
                timers(node, task, cx, taskY);
            }
            return new Block(resolve, decision, APPROVER_BLOCK_H);
        }

        void timers(ApproverNode node, UserTask task, int cx, int taskY) {
            String id = node.id();
            var timeout = node.timeout();
            int every = timeout.remindEveryHours();
            int sideX = cx - 220 - SIDE_TASK_W / 2;
            int endX = cx - 330 - EV / 2;
            if (timeout.times() > 0) {
                BoundaryEvent remind = timer(id + "_remindTimer", "Every " + every + " h", task,
                        "R" + timeout.times() + "/PT" + every + "H", null);
                int mid = taskY + 20;
                add(remind, cx - TASK_W / 2 - EV / 2, mid - EV / 2, EV, EV);
                ServiceTask step = serviceTask(id + "_remind", "Remind the approvers", "approvalReminderStep");
                add(step, sideX, mid - SIDE_TASK_H / 2, SIDE_TASK_W, SIDE_TASK_H);
                connect(remind, step, null, null, List.of(point(cx - TASK_W / 2 - EV / 2, mid), point(sideX + SIDE_TASK_W, mid)));
                EndEvent done = plainEnd(id + "_reminded", "Reminded");
                add(done, endX, mid - EV / 2, EV, EV);
                connect(step, done, null, null, List.of(point(sideX, mid), point(endX + EV, mid)));
            }
            if (timeout.action() != TimeoutAction.NONE) {
                String after = "PT" + (long) every * (timeout.times() + 1) + "H";
                String name = timeout.action() == TimeoutAction.AUTO_APPROVE ? "Auto-approve" : "Auto-reject";
                BoundaryEvent finalTimer = timer(id + "_timeoutTimer", "After " + (every * (timeout.times() + 1)) + " h",
                        task, null, after);
                int mid = taskY + 60;
                add(finalTimer, cx - TASK_W / 2 - EV / 2, mid - EV / 2, EV, EV);
                ServiceTask step = serviceTask(id + "_timeout", name + " on timeout", "approvalTimeoutStep");
                int stepMid = mid + 50;
                add(step, sideX, stepMid - SIDE_TASK_H / 2, SIDE_TASK_W, SIDE_TASK_H);
                int bendX = cx - TASK_W / 2 - 50;
                connect(finalTimer, step, null, null, List.of(point(cx - TASK_W / 2 - EV / 2, mid), point(bendX, mid),
                        point(bendX, stepMid), point(sideX + SIDE_TASK_W, stepMid)));
                EndEvent done = plainEnd(id + "_timedOut", "Decided on timeout");
                add(done, endX, stepMid - EV / 2, EV, EV);
                connect(step, done, null, null, List.of(point(sideX, stepMid), point(endX + EV, stepMid)));
            }
        }

        BoundaryEvent timer(String id, String name, UserTask task, String cycle, String duration) {
            BoundaryEvent event = new BoundaryEvent();
            event.setId(id);
            event.setName(name);
            event.setAttachedToRef(task);
            event.setAttachedToRefId(task.getId());
            event.setCancelActivity(false);
            TimerEventDefinition timer = new TimerEventDefinition();
            timer.setTimeCycle(cycle);
            timer.setTimeDuration(duration);
            event.addEventDefinition(timer);
            task.getBoundaryEvents().add(event);
            return event;
        }

        Block cc(CcNode node, int cx, int y) {
            ServiceTask task = serviceTask(node.id(), label(node), "approvalCcStep");
            NodeRules.attach(task, NodeRules.CC, node);
            add(task, cx - TASK_W / 2, y, TASK_W, TASK_H);
            return new Block(task, task, TASK_H);
        }

        Block condition(ConditionNode node, int cx, int y) {
            ExclusiveGateway split = new ExclusiveGateway();
            split.setId(node.id());
            split.setName(label(node));
            ExclusiveGateway join = new ExclusiveGateway();
            join.setId(node.id() + "_join");
            List<Branch> branches = new ArrayList<>(node.branches());
            branches.add(node.defaultBranch());
            List<SequenceFlow> out = branches(split, join, branches, cx, y, i -> i < node.branches().size()
                    ? ConditionExpressions.of(node.branches().get(i).conditions(), simple.form())
                    : null);
            split.setDefaultFlow(out.get(out.size() - 1).getId());
            return new Block(split, join, blockHeight(branches));
        }

        Block parallel(ParallelNode node, int cx, int y) {
            ParallelGateway split = new ParallelGateway();
            split.setId(node.id());
            split.setName(label(node));
            ParallelGateway join = new ParallelGateway();
            join.setId(node.id() + "_join");
            branches(split, join, node.branches(), cx, y, i -> null);
            return new Block(split, join, blockHeight(node.branches()));
        }

        List<SequenceFlow> branches(FlowNode split, FlowNode join, List<Branch> branches, int cx, int y,
                java.util.function.IntFunction<String> conditionOf) {
            add(split, cx - GW / 2, y, GW, GW);
            int inner = innerHeight(branches);
            int branchTop = y + GW + GAP;
            int joinY = branchTop + inner + GAP;
            add(join, cx - GW / 2, joinY, GW, GW);
            int total = totalWidth(branches);
            int left = cx - total / 2;
            int gwMid = y + GW / 2;
            int joinMid = joinY + GW / 2;
            List<SequenceFlow> out = new ArrayList<>();
            for (int i = 0; i < branches.size(); i++) {
                Branch branch = branches.get(i);
                int width = branchWidth(branch);
                int bx = left + width / 2;
                left += width + BRANCH_GAP;
                String condition = conditionOf.apply(i);
                Block block = chain(branch.nodes(), bx, branchTop);
                List<GraphicInfo> down = bx == cx
                        ? List.of(point(cx, y + GW), point(cx, branchTop))
                        : List.of(point(bx < cx ? cx - GW / 2 : cx + GW / 2, gwMid), point(bx, gwMid), point(bx, branchTop));
                if (block == null) {
                    List<GraphicInfo> straight = bx == cx
                            ? List.of(point(cx, y + GW), point(cx, joinY))
                            : List.of(point(bx < cx ? cx - GW / 2 : cx + GW / 2, gwMid), point(bx, gwMid), point(bx, joinMid),
                                    point(bx < cx ? cx - GW / 2 : cx + GW / 2, joinMid));
                    SequenceFlow flow = connect(split, join, branch.name(), condition, straight);
                    out.add(flow);
                    continue;
                }
                out.add(connect(split, block.entry, branch.name(), condition, down));
                int bottom = branchTop + block.height;
                List<GraphicInfo> up = bx == cx
                        ? List.of(point(cx, bottom), point(cx, joinY))
                        : List.of(point(bx, bottom), point(bx, joinMid), point(bx < cx ? cx - GW / 2 : cx + GW / 2, joinMid));
                block.markDefault(connect(block.exit, join, null, null, up));
            }
            return out;
        }

        int blockHeight(List<Branch> branches) {
            return GW + GAP + innerHeight(branches) + GAP + GW;
        }

        int innerHeight(List<Branch> branches) {
            return branches.stream().mapToInt(b -> chainHeight(b.nodes())).max().orElse(0);
        }

        int chainHeight(List<Node> nodes) {
            int height = 0;
            for (Node node : nodes) {
                height += nodeHeight(node) + GAP;
            }
            return Math.max(0, height - GAP);
        }

        int nodeHeight(Node node) {
            if (node instanceof ApproverNode) {
                return APPROVER_BLOCK_H;
            } else if (node instanceof CcNode) {
                return TASK_H;
            } else if (node instanceof ConditionNode c) {
                return blockHeight(withDefault(c));
            }
            return blockHeight(((ParallelNode) node).branches());
        }

        int halfWidth(List<Node> nodes) {
            int half = MIN_BRANCH_W / 2;
            for (Node node : nodes) {
                int own;
                if (node instanceof ApproverNode a) {
                    own = a.timeout() == null ? APPROVER_HALF : APPROVER_HALF_WITH_TIMEOUT;
                } else if (node instanceof CcNode) {
                    own = TASK_W / 2 + 30;
                } else if (node instanceof ConditionNode c) {
                    own = totalWidth(withDefault(c)) / 2;
                } else {
                    own = totalWidth(((ParallelNode) node).branches()) / 2;
                }
                half = Math.max(half, own);
            }
            return half;
        }

        List<Branch> withDefault(ConditionNode node) {
            List<Branch> all = new ArrayList<>(node.branches());
            all.add(node.defaultBranch());
            return all;
        }

        int branchWidth(Branch branch) {
            return Math.max(MIN_BRANCH_W, 2 * halfWidth(branch.nodes()));
        }

        int totalWidth(List<Branch> branches) {
            return branches.stream().mapToInt(this::branchWidth).sum() + BRANCH_GAP * Math.max(0, branches.size() - 1);
        }

        ServiceTask serviceTask(String id, String name, String bean) {
            ServiceTask task = new ServiceTask();
            task.setId(id);
            task.setName(name);
            task.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
            task.setImplementation("${" + bean + "}");
            return task;
        }

        EndEvent rejectedEnd(String id, String name) {
            EndEvent end = new EndEvent();
            end.setId(id);
            end.setName(name);
            TerminateEventDefinition terminate = new TerminateEventDefinition();
            terminate.setTerminateAll(true);
            end.addEventDefinition(terminate);
            end.getExecutionListeners().add(listener("start", "approvalTally"));
            return end;
        }

        EndEvent plainEnd(String id, String name) {
            EndEvent end = new EndEvent();
            end.setId(id);
            end.setName(name);
            return end;
        }

        FlowableListener listener(String event, String bean) {
            FlowableListener listener = new FlowableListener();
            listener.setEvent(event);
            listener.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
            listener.setImplementation("${" + bean + "}");
            return listener;
        }

        void add(FlowElement element, int x, int y, int width, int height) {
            process.addFlowElement(element);
            GraphicInfo info = new GraphicInfo();
            info.setX(x);
            info.setY(y);
            info.setWidth(width);
            info.setHeight(height);
            model.addGraphicInfo(element.getId(), info);
        }

        SequenceFlow flow(FlowNode from, FlowNode to, String condition, int x, int fromY, int toY) {
            return connect(from, to, null, condition, List.of(point(x, fromY), point(x, toY)));
        }

        SequenceFlow connect(FlowNode from, FlowNode to, String name, String condition, List<GraphicInfo> waypoints) {
            SequenceFlow flow = new SequenceFlow(from.getId(), to.getId());
            flow.setId("Flow_" + (++flows));
            if (name != null && !name.isBlank()) {
                flow.setName(name);
            }
            flow.setConditionExpression(condition);
            flow.setSourceFlowElement(from);
            flow.setTargetFlowElement(to);
            from.getOutgoingFlows().add(flow);
            to.getIncomingFlows().add(flow);
            process.addFlowElement(flow);
            model.addFlowGraphicInfoList(flow.getId(), waypoints);
            return flow;
        }

        static GraphicInfo point(int x, int y) {
            GraphicInfo info = new GraphicInfo();
            info.setX(x);
            info.setY(y);
            return info;
        }

        static String label(Node node) {
            return node.name() == null || node.name().isBlank() ? node.id() : node.name();
        }
    }

    /** The completion condition of the node's multi-instance, from its tally counters. */
    static String completionCondition(ApproverNode node) {
        String approved = approvedCount(node.id());
        String rejected = rejectedCount(node.id());
        String decided = result(node.id()) + " != '" + ApprovalConventions.OPEN + "'";
        String votes = switch (node.method()) {
            case SEQUENTIAL, ALL -> rejected + " > 0";
            case ANY -> approved + " + " + rejected + " > 0";
            case RATIO -> approved + " * 100 >= " + node.ratio() + " * nrOfInstances || " + rejected + " * 100 > "
                    + (100 - node.ratio()) + " * nrOfInstances";
        };
        return "${" + decided + " || " + votes + "}";
    }
}
