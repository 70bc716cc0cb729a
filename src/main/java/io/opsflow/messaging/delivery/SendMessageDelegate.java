package io.opsflow.messaging.delivery;

import io.opsflow.messaging.MessageRequest;
import io.opsflow.messaging.Recipient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.DelegateHelper;
import org.flowable.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The BPMN send step: a service task with {@code flowable:delegateExpression} {@code ${sendMessage}} and the fields
 * {@code template} (required), {@code to} (required, e.g. {@code user:bob; group:staff; address:a@b.c}), {@code channel}
 * (a channel name or type; omitted: every channel the template has), {@code variables} (an expression
 * giving a map; omitted: the process variables) and {@code retry} ({@code R3/PT10S}: tries and first
 * backoff). Each field falls back to the process variable {@code messageTemplate}, {@code messageTo},
 * {@code messageChannel}, {@code messageVariables}, {@code messageRetry}. The step only records the
 * messages; the process moves on at once and delivery failures never reach it.
 */
@Component("sendMessage")
class SendMessageDelegate implements JavaDelegate {

    private static final Pattern RETRY = Pattern.compile("R(\\d{1,2})(?:/(P.+))?");

    private final Outbox outbox;

    SendMessageDelegate(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = text(execution, "template", "messageTemplate");
        Object to = value(execution, "to", "messageTo");
        if (template == null || to == null) {
            throw new FlowableIllegalArgumentException(
                    "step " + execution.getCurrentActivityId() + " needs the fields 'template' and 'to' (or messageTemplate/messageTo)");
        }
        Object variables = value(execution, "variables", "messageVariables");
        Map<String, Object> values = new HashMap<>(execution.getVariables());
        if (variables instanceof Map<?, ?> map) {
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
        }
        String retrySpec = text(execution, "retry", "messageRetry");
        Matcher retry = RETRY.matcher(retrySpec == null ? "R3" : retrySpec);
        if (!retry.matches()) {
            throw new FlowableIllegalArgumentException("step " + execution.getCurrentActivityId() + ": retry must look like R3/PT10S");
        }
        Duration backoff = retry.group(2) == null ? MessageRequest.DEFAULT_BACKOFF : Duration.parse(retry.group(2));
        outbox.send(new MessageRequest(template, text(execution, "channel", "messageChannel"), recipients(to), values,
                execution.getProcessInstanceId(), execution.getCurrentActivityId(), null, null,
                Integer.parseInt(retry.group(1)), backoff));
    }

    private static List<Recipient> recipients(Object to) {
        List<Recipient> recipients = new ArrayList<>();
        Collection<?> items = to instanceof Collection<?> c ? c : List.of(String.valueOf(to).split("[,;]"));
        for (Object item : items) {
            String text = String.valueOf(item).trim();
            if (!text.isEmpty()) {
                recipients.add(Recipient.parse(text));
            }
        }
        return recipients;
    }

    private static String text(DelegateExecution execution, String field, String variable) {
        Object value = value(execution, field, variable);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).trim();
    }

    private static Object value(DelegateExecution execution, String field, String variable) {
        Expression expression = DelegateHelper.getFieldExpression(execution, field);
        if (expression != null) {
            return expression.getValue(execution);
        }
        return execution.getVariable(variable);
    }
}
