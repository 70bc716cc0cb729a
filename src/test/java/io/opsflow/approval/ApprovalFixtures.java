package io.opsflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.opsflow.approval.bpmn.BpmnGenerator;
import io.opsflow.approval.model.ApprovalForm;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.Branch;
import io.opsflow.approval.model.Condition;
import io.opsflow.approval.model.ConditionNode;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.Node;
import io.opsflow.approval.model.Operator;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.hamcrest.Matcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Deploys generated approvals with unique keys, starts them and acts on their tasks as run time does. */
@Component
public class ApprovalFixtures {

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;

    public String user(String prefix, String... groups) {
        return TestUsers.create(identityService, prefix, groups);
    }

    public String group(String prefix) {
        String id = TestUsers.uniqueId(prefix);
        var group = identityService.newGroup(id);
        group.setName(id);
        identityService.saveGroup(group);
        return id;
    }

    /** The people of the purchase chain tests ({@link #leadThenDirectorOver1000}): who designs, starts and approves. */
    public record Purchasers(String designer, String starter, String lead, String director) {}

    public Purchasers purchasers(String prefix) {
        return new Purchasers(user(prefix + "-designer", Groups.DESIGNER), user(prefix + "-staff", Groups.STAFF),
                user(prefix + "-lead", Groups.STAFF), user(prefix + "-director", Groups.STAFF));
    }

    public void join(String user, String group) {
        identityService.createMembership(user, group);
    }

    public static SimpleModel model(List<FormFieldSpec> fields, Node... nodes) {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        return new SimpleModel(code, "Test approval " + code, null, new ApprovalForm(fields), Arrays.asList(nodes));
    }

    /**
     * The purchase chain of the start-form tests: the team lead approves, and over 1,000 (field
     * {@code amount}) the director after them.
     */
    /** A value that does not fit the purchase form ({@link #purchaseFields()}), as JSON, and the message its field gets. */
    public record BadValue(String field, String json, Matcher<? super String> message) {}

    /** One value of each kind the form refuses: not a number, below the minimum, no option, too long, no such field, no date, no boolean. */
    public static List<BadValue> badPurchaseValues() {
        return List.of(
                new BadValue("amount", "\"12abc\"", startsWith("Enter a number")),
                new BadValue("amount", "-5", equalTo("At least 0.")),
                new BadValue("category", "\"food\"", equalTo("Choose one of the options.")),
                new BadValue("title", "\"" + "L".repeat(21) + "\"", equalTo("At most 20 characters (this has 21).")),
                new BadValue("amout", "2500", equalTo("This approval's form has no field amout.")),
                new BadValue("needed", "\"24/12/2026\"", equalTo("Enter a date as YYYY-MM-DD.")),
                new BadValue("urgent", "\"yes\"", equalTo("Send true or false.")));
    }

    /** A good purchase form as a JSON object (a 800 laptop), with {@code field} set to the raw JSON {@code value}. */
    public static String purchaseJsonWith(String field, String value) {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("title", "\"Laptop\"", "amount", "800", "category", "\"it\""));
        form.put(field, value);
        return form.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    public static Node[] leadThenDirectorOver1000(String lead, String director) {
        return new Node[] {
            ApproverNode.of("lead", "Team lead", ApproverNode.Assignee.users(lead), ApproverNode.Method.SEQUENTIAL),
            new ConditionNode("big", "Over 1,000?", List.of(new Branch("more than 1,000",
                    List.of(new Condition("amount", Operator.GT, "1000")),
                    List.of(ApproverNode.of("director", "Director", ApproverNode.Assignee.users(director), ApproverNode.Method.SEQUENTIAL)))),
                    new Branch("otherwise", List.of(), List.of()))
        };
    }

    /**
     * The purchase form of the API start and resubmit tests: a title of at most 20 characters, a required amount of
     * at least 0, a required category (IT or travel), an optional date and an urgent box.
     */
    public static List<FormFieldSpec> purchaseFields() {
        return List.of(
                new FormFieldSpec("title", "What to buy", "text", true, null, 20, null, null, null, null, null, null, null, null, null),
                new FormFieldSpec("amount", "Amount (CNY)", "number", true, null, null, BigDecimal.ZERO, null, new BigDecimal("0.01"),
                        null, null, null, null, null, null),
                FormFieldSpec.of("category", "Category", "select").asRequired()
                        .withOptions(List.of(new FormFieldSpec.Option("it", "IT equipment"), new FormFieldSpec.Option("travel", "Travel"))),
                FormFieldSpec.of("needed", "Needed by", "date"),
                FormFieldSpec.of("urgent", "Urgent", "checkbox"));
    }

    /** Deploys the model's generated BPMN and returns the process key. */
    public String deploy(SimpleModel model) {
        String key = ApprovalConventions.keyOf(model.code());
        String xml = BpmnGenerator.xml(model, key);
        repositoryService.createDeployment().name(key).addString(key + ".bpmn20.xml", xml).deploy();
        return key;
    }

    public String start(String key, String starter, Map<String, Object> variables) {
        identityService.setAuthenticatedUserId(starter);
        try {
            return runtimeService.startProcessInstanceByKey(key, new HashMap<>(variables)).getId();
        } finally {
            identityService.setAuthenticatedUserId(null);
        }
    }

    public List<Task> open(String instanceId) {
        return taskService.createTaskQuery().processInstanceId(instanceId).orderByTaskCreateTime().asc().list();
    }

    public List<String> assignees(String instanceId) {
        return open(instanceId).stream().map(Task::getAssignee).sorted().toList();
    }

    public Task taskOf(String instanceId, String user) {
        List<Task> mine = open(instanceId).stream().filter(t -> user.equals(t.getAssignee())).toList();
        assertThat(mine).as("open task of " + user).hasSize(1);
        return mine.get(0);
    }

    public void act(String instanceId, String user, String outcome) {
        Task task = taskOf(instanceId, user);
        taskService.setVariableLocal(task.getId(), ApprovalConventions.OUTCOME, outcome);
        identityService.setAuthenticatedUserId(user);
        try {
            taskService.addComment(task.getId(), instanceId, outcome + " by " + user);
        } finally {
            identityService.setAuthenticatedUserId(null);
        }
        taskService.complete(task.getId());
    }

    public void approve(String instanceId, String user) {
        act(instanceId, user, ApprovalConventions.APPROVED);
    }

    public void reject(String instanceId, String user) {
        act(instanceId, user, ApprovalConventions.REJECTED);
    }

    public boolean ended(String instanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0;
    }

    public Object variable(String instanceId, String name) {
        var value = historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName(name)
                .singleResult();
        return value == null ? null : value.getValue();
    }

    public String result(String instanceId) {
        return (String) variable(instanceId, ApprovalConventions.RESULT);
    }

    public boolean passed(String instanceId, String activityId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityId(activityId)
                .count() > 0;
    }
}
