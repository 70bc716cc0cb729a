package io.opsflow.platform.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Which group may call which part of the REST APIs, by URL. Per-object rules (whose task, whose
 * process instance) are checked by the engine module's REST interceptor, not here.
 */
@Component
class ApiAccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry a) {
        var path = withDefaults();
        a
                // Opsflow's own operations API (dead-letter jobs, …): admins only; the controllers check it too.
                .requestMatchers(path.matcher("/api/v1/admin/**"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                // The staff directory: supervisors and admins edit it, integrators may read it.
                .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/staff/**"))
                .hasAnyAuthority(SecurityConfiguration.ADMIN, SecurityConfiguration.SUPERVISOR, SecurityConfiguration.INTEGRATOR)
                .requestMatchers(path.matcher("/api/v1/staff/**"))
                .hasAnyAuthority(SecurityConfiguration.ADMIN, SecurityConfiguration.SUPERVISOR)
                // Code-running and engine-wide operations: admins only.
                .requestMatchers(path.matcher("/process-api/management/**"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                .requestMatchers(path.matcher("/process-api/runtime/process-instances/*/change-state"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                .requestMatchers(path.matcher("/process-api/runtime/process-instances/*/migrate"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                .requestMatchers(path.matcher("/process-api/runtime/process-instances/*/inject"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                .requestMatchers(path.matcher("/process-api/repository/process-definitions/*/migrate"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                .requestMatchers(path.matcher("/process-api/repository/process-definitions/*/batch-migrate"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                .requestMatchers(path.matcher("/process-api/runtime/executions/**"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                .requestMatchers(path.matcher(HttpMethod.POST, "/process-api/identity/**"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                .requestMatchers(path.matcher(HttpMethod.PUT, "/process-api/identity/**"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                .requestMatchers(path.matcher(HttpMethod.DELETE, "/process-api/identity/**"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                .requestMatchers(path.matcher(HttpMethod.PATCH, "/process-api/identity/**"))
                .hasAuthority(SecurityConfiguration.ADMIN)
                // The design studio's model API: designers and admins.
                .requestMatchers(path.matcher("/api/v1/models/**"))
                .hasAnyAuthority(SecurityConfiguration.ADMIN, SecurityConfiguration.DESIGNER)
                // Migrating running instances between versions (design studio): designers and admins.
                .requestMatchers(path.matcher("/api/v1/definitions/*/migrations/**"))
                .hasAnyAuthority(SecurityConfiguration.ADMIN, SecurityConfiguration.DESIGNER)
                // Recurring work-order plans: supervisors, integrators and admins; staff may not (the controller checks it too).
                .requestMatchers(path.matcher("/api/v1/work-order-plans/**"), path.matcher("/api/v1/work-order-plans"))
                .hasAnyAuthority(SecurityConfiguration.ADMIN, SecurityConfiguration.PLAN_WRITERS[0], SecurityConfiguration.PLAN_WRITERS[1])
                // Approval design (simple models, publish, BPMN): designers and admins; predicting approvers: anyone signed in.
                .requestMatchers(path.matcher(HttpMethod.POST, "/api/v1/approval-definitions/*/predict"))
                .authenticated()
                .requestMatchers(path.matcher("/api/v1/approval-definitions/**"))
                .hasAnyAuthority(SecurityConfiguration.ADMIN, SecurityConfiguration.DESIGNER)
                // Versioned forms: everyone signed in reads them, designers and admins write (the controller checks it too).
                .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/forms/**"), path.matcher(HttpMethod.GET, "/api/v1/forms"))
                .authenticated()
                .requestMatchers(path.matcher("/api/v1/forms/**"), path.matcher("/api/v1/forms"))
                .hasAnyAuthority(SecurityConfiguration.ADMIN, SecurityConfiguration.DESIGNER)
                // Deploying and changing process definitions: designers and admins.
                .requestMatchers(path.matcher(HttpMethod.POST, "/process-api/repository/**"))
                .hasAnyAuthority(SecurityConfiguration.ADMIN, SecurityConfiguration.DESIGNER)
                .requestMatchers(path.matcher(HttpMethod.PUT, "/process-api/repository/**"))
                .hasAnyAuthority(SecurityConfiguration.ADMIN, SecurityConfiguration.DESIGNER)
                .requestMatchers(path.matcher(HttpMethod.DELETE, "/process-api/repository/**"))
                .hasAnyAuthority(SecurityConfiguration.ADMIN, SecurityConfiguration.DESIGNER)
                .anyRequest()
                .authenticated();
    }
}
