package io.opsflow.platform.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.Groups;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Three doors, each its own filter chain. The two servlets (ours and Flowable REST's) rule out
 * string matchers, so every matcher is a {@code PathPatternRequestMatcher}.
 * <ul>
 *   <li>{@code /process-api/**} and {@code /api/v1/**}: HTTP Basic, stateless, JSON 401/403.
 *   <li>Flowable REST APIs Opsflow does not offer ({@code /idm-api}, {@code /cmmn-api}, …): 404.
 *   <li>Everything else: the web app with form login, a session and CSRF tokens.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    static final String ADMIN = CurrentUser.GROUP_AUTHORITY_PREFIX + Groups.ADMIN;
    static final String DESIGNER = CurrentUser.GROUP_AUTHORITY_PREFIX + Groups.DESIGNER;
    static final String[] PLAN_WRITERS = {CurrentUser.GROUP_AUTHORITY_PREFIX + Groups.SUPERVISOR, CurrentUser.GROUP_AUTHORITY_PREFIX + Groups.INTEGRATOR};
    static final String SUPERVISOR = CurrentUser.GROUP_AUTHORITY_PREFIX + Groups.SUPERVISOR;
    static final String INTEGRATOR = CurrentUser.GROUP_AUTHORITY_PREFIX + Groups.INTEGRATOR;

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiAccessRules rules) throws Exception {
        var entryPoint = new JsonAuthenticationEntryPoint();
        http.securityMatcher(new OrRequestMatcher(withDefaults().matcher("/process-api/**"), withDefaults().matcher("/api/v1/**")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(new JsonAccessDeniedHandler()))
                .authorizeHttpRequests(rules::apply);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain hiddenFlowableApis(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(
                        withDefaults().matcher("/idm-api/**"),
                        withDefaults().matcher("/cmmn-api/**"),
                        withDefaults().matcher("/dmn-api/**"),
                        withDefaults().matcher("/app-api/**"),
                        withDefaults().matcher("/form-api/**"),
                        withDefaults().matcher("/content-api/**"),
                        withDefaults().matcher("/event-registry-api/**"),
                        withDefaults().matcher("/external-job-api/**")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .addFilterBefore(new NotOfferedFilter(), org.springframework.security.web.context.SecurityContextHolderFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        var entryPoint = new JsonAuthenticationEntryPoint();
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(a -> a.requestMatchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(ADMIN));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                withDefaults().matcher("/login"),
                                withDefaults().matcher("/error"),
                                withDefaults().matcher("/css/**"),
                                withDefaults().matcher("/js/**"),
                                withDefaults().matcher("/img/**"),
                                withDefaults().matcher("/webjars/**"),
                                withDefaults().matcher("/favicon.ico"))
                        .permitAll()
                        .requestMatchers(withDefaults().matcher("/admin/**"))
                        .hasAuthority(ADMIN)
                        .requestMatchers(withDefaults().matcher("/design/**"), withDefaults().matcher("/design"))
                        .hasAnyAuthority(ADMIN, DESIGNER)
                        // Recurring work-order plans: supervisors, integrators and admins (the pages check it too).
                        .requestMatchers(withDefaults().matcher("/work-order-plans/**"), withDefaults().matcher("/work-order-plans"))
                        .hasAnyAuthority(ADMIN, PLAN_WRITERS[0], PLAN_WRITERS[1])
                        // The staff directory pages: supervisors and admins.
                        .requestMatchers(withDefaults().matcher("/staff/**"))
                        .hasAnyAuthority(ADMIN, SUPERVISOR)
                        .requestMatchers(withDefaults().matcher("/approvals/design/**"))
                        .hasAnyAuthority(ADMIN, DESIGNER)
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

}
