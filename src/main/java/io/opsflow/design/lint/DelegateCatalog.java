package io.opsflow.design.lint;

import java.util.List;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Opsflow's delegate beans that BPMN may call as {@code ${name}}: the documented ones (offered in the
 * modeller's picker with their fields) and any other {@code io.opsflow} bean that is a Flowable
 * delegate or listener.
 */
@Component
public class DelegateCatalog {

    /** A documented delegate: its bean name, what it does and the fields it reads. */
    public record Delegate(String name, String summary, List<Field> fields) {}

    /** A {@code flowable:field} the delegate reads. */
    public record Field(String name, String description) {}

    static final List<Delegate> DOCUMENTED = List.of(
            new Delegate("assignmentScorer", "ranks the staff for a work order by skill, load and performance and assigns the best",
                    List.of()),
            new Delegate("sendMessage", "sends a message from a template through the recipients' channels (docs/messaging.md)",
                    List.of(new Field("template", "template code, e.g. work-order-assigned"),
                            new Field("to", "recipients: user:<id>, group:<id>, comma-separated; expressions allowed"))));

    private final ApplicationContext beans;

    DelegateCatalog(ApplicationContext beans) {
        this.beans = beans;
    }

    /** The documented delegates that exist in this installation. */
    public List<Delegate> documented() {
        return DOCUMENTED.stream().filter(delegate -> isOpsflowDelegate(delegate.name())).toList();
    }

    /** True when the name is an Opsflow bean that Flowable can call as a delegate or listener. */
    public boolean isOpsflowDelegate(String beanName) {
        if (!beans.containsBean(beanName)) {
            return false;
        }
        Class<?> type = beans.getType(beanName);
        return type != null && type.getName().startsWith("io.opsflow.")
                && (JavaDelegate.class.isAssignableFrom(type) || TaskListener.class.isAssignableFrom(type)
                        || ExecutionListener.class.isAssignableFrom(type));
    }
}
