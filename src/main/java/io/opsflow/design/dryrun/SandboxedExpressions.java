package io.opsflow.design.dryrun;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.common.engine.impl.el.DefaultExpressionManager;
import org.flowable.common.engine.impl.javax.el.BeanELResolver;
import org.flowable.common.engine.impl.javax.el.ELContext;
import org.flowable.common.engine.impl.javax.el.ELException;

/**
 * Flowable's expression language over the sample variables only: no Spring bean is visible (the bean map
 * is empty), and methods and properties may be used only on plain values (text, numbers, booleans, dates,
 * lists and maps), never {@code getClass} — so a dry run cannot call a delegate, a service or reflection.
 */
public final class SandboxedExpressions {

    private static final Set<String> FORBIDDEN_MEMBERS = Set.of("class", "getClass", "wait", "notify", "notifyAll");

    private final DefaultExpressionManager manager;

    public SandboxedExpressions() {
        manager = new DefaultExpressionManager(Map.of());
        manager.setBeanResolver(new PlainValuesOnly());
    }

    /** A new evaluator over a copy of the variables. */
    public PathWalker.Evaluator over(Map<String, Object> variables) {
        Variables container = new Variables(new LinkedHashMap<>(variables));
        return expression -> {
            try {
                return manager.createExpression(expression).getValue(container);
            } catch (FlowableException | ELException | IllegalStateException e) {
                throw new IllegalArgumentException(reason(e));
            }
        };
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (message.startsWith("Unknown property used in expression") || message.contains("Cannot resolve identifier")) {
            return "a variable it uses is not in your sample (" + message.replaceAll("^.*?identifier\\s*", "").strip() + ")";
        }
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static final class PlainValuesOnly extends BeanELResolver {

        PlainValuesOnly() {
            super(true);
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null) {
                return null;
            }
            check(base, property);
            return super.getValue(context, base, property);
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base == null) {
                return null;
            }
            check(base, method);
            return super.invoke(context, base, method, paramTypes, params);
        }

        private static void check(Object base, Object member) {
            boolean plain = base instanceof CharSequence || base instanceof Number || base instanceof Boolean || base instanceof Character
                    || base instanceof Temporal || base instanceof Date || base instanceof Collection<?> || base instanceof Map<?, ?>;
            if (!plain || FORBIDDEN_MEMBERS.contains(String.valueOf(member))) {
                throw new ELException("'" + member + "' is not available in a dry run (only plain values of the sample can be used)");
            }
        }
    }

    private record Variables(Map<String, Object> values) implements VariableContainer {

        @Override
        public boolean hasVariable(String name) {
            return values.containsKey(name);
        }

        @Override
        public Object getVariable(String name) {
            return values.get(name);
        }

        @Override
        public void setVariable(String name, Object value) {
            values.put(name, value);
        }

        @Override
        public void setTransientVariable(String name, Object value) {
            values.put(name, value);
        }

        @Override
        public String getTenantId() {
            return null;
        }

        @Override
        public Set<String> getVariableNames() {
            return values.keySet();
        }
    }
}
