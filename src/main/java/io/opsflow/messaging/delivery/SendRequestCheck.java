package io.opsflow.messaging.delivery;

import io.opsflow.messaging.MessageRequest;
import io.opsflow.messaging.template.MessageTemplate;
import io.opsflow.messaging.template.TemplateRenderer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * What an outside caller of the send API must correct before anything is recorded: an unknown
 * template or channel, a template without a version for the named channel, or variables the
 * template uses but the request does not give. Processes and Java callers are not checked here:
 * their problems become FAILED rows in the send log, so the business transaction goes on.
 */
@Component
class SendRequestCheck {

    /** Filled in by the outbox for every recipient, so callers need not give them. */
    static final Set<String> BUILT_IN = Set.of("recipientId", "recipientName", "processInstanceId", "taskId");

    private final DeliveryTargets targets;

    SendRequestCheck(DeliveryTargets targets) {
        this.targets = targets;
    }

    /** The problems of the request, each a sentence; empty when it can be sent. */
    List<String> problems(MessageRequest request) {
        List<String> problems = new ArrayList<>();
        for (DeliveryTargets.Target target : targets.of(request)) {
            if (target.template() == null && target.problem() != null) {
                problems.add(target.problem());
            } else if (target.template() != null) {
                missingVariables(target.template(), request).ifPresent(problems::add);
            }
        }
        return problems.stream().distinct().toList();
    }

    private static Optional<String> missingVariables(MessageTemplate template, MessageRequest request) {
        Set<String> missing = new LinkedHashSet<>();
        Stream.of(template.subject(), template.body())
                .filter(text -> text != null && !text.isEmpty())
                .flatMap(text -> TemplateRenderer.placeholders(text).stream())
                .map(name -> name.contains(".") ? name.substring(0, name.indexOf('.')) : name)
                .filter(name -> !BUILT_IN.contains(name) && !request.variables().containsKey(name))
                .forEach(missing::add);
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of("template '" + template.code() + "' (" + template.channelType() + ") needs the variable(s) "
                        + String.join(", ", missing));
    }
}
