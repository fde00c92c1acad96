package io.incidentflow.security;

import static io.incidentflow.identity.Groups.ADMINS;
import static io.incidentflow.identity.Groups.ANALYSTS;
import static io.incidentflow.identity.Groups.AUDITORS;
import static io.incidentflow.identity.Groups.INCIDENT_MANAGERS;
import static io.incidentflow.identity.Groups.MONITORING;
import static io.incidentflow.identity.Groups.SERVICE_DESK;

import java.util.stream.Stream;

import io.incidentflow.identity.IdentityProperties;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Three doors, each locked: our {@code /api} (HTTP Basic against Camunda's users, per-group rules),
 * the Camunda webapps (their own login and CSRF protection) and {@code /engine-rest} (HTTP Basic
 * through Camunda's own filter, so the engine's authorizations apply to Modeler deployments too).
 * Monitoring systems never reach these chains: {@code alert.AlertEndpoint} answers the alert paths ahead of
 * Spring Security and accepts an alert only with its integration's key.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, IdentityProperties identity) throws Exception {
        String[] responders = identity.responderGroups().toArray(String[]::new);
        String[] readers = Stream.concat(identity.responderGroups().stream(), Stream.of(AUDITORS, ANALYSTS, ADMINS))
                .toArray(String[]::new);
        String[] problemOwners = Stream.concat(identity.resolverGroups().stream(), Stream.of(INCIDENT_MANAGERS, ADMINS))
                .toArray(String[]::new);
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/", "/error", "/actuator/health").permitAll()
                // The webapps and the engine REST API authenticate with Camunda's own filters.
                .requestMatchers("/camunda/**", "/engine-rest/**").permitAll()
                // Acknowledge links are their own credential: a signed, expiring, single-use token in the URL.
                .requestMatchers(HttpMethod.GET, "/ack/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/ack/*").permitAll()
                .requestMatchers("/api/integrations", "/api/integrations/**").hasRole(ADMINS)
                .requestMatchers(HttpMethod.POST, "/api/incidents").hasAnyRole(append(responders, ADMINS))
                .requestMatchers(HttpMethod.POST, "/api/incidents/*/acknowledge").hasAnyRole(append(responders, ADMINS))
                .requestMatchers(HttpMethod.GET, "/api/incidents", "/api/incidents/**").hasAnyRole(readers)
                // Merging and splitting reshape incidents: the service desk and the incident managers do that.
                .requestMatchers(HttpMethod.POST, "/api/incidents/*/merge", "/api/incidents/*/split")
                    .hasAnyRole(SERVICE_DESK, INCIDENT_MANAGERS, ADMINS)
                .requestMatchers(HttpMethod.POST, "/api/incidents/*/links", "/api/incidents/*/comments")
                    .hasAnyRole(append(responders, ADMINS))
                .requestMatchers(HttpMethod.DELETE, "/api/incidents/*/links/*").hasAnyRole(append(responders, ADMINS))
                // Problems: every reader reads; incident managers, resolver groups and admins change them.
                .requestMatchers(HttpMethod.GET, "/api/problems", "/api/problems/**").hasAnyRole(readers)
                .requestMatchers("/api/problems", "/api/problems/**").hasAnyRole(problemOwners)
                .requestMatchers(HttpMethod.GET, "/reports", "/reports/**")
                    .hasAnyRole(AUDITORS, ANALYSTS, INCIDENT_MANAGERS, ADMINS)
                // Everyone who reads incidents may see who is on call; only managers change schedules.
                .requestMatchers(HttpMethod.GET, "/api/schedules", "/api/schedules/**").hasAnyRole(readers)
                .requestMatchers("/api/schedules", "/api/schedules/**").hasAnyRole(ADMINS, INCIDENT_MANAGERS)
                // Everyone who reads incidents may look up whom to call; only managers change contacts.
                .requestMatchers(HttpMethod.GET, "/api/contacts", "/api/contacts/**").hasAnyRole(readers)
                .requestMatchers("/api/contacts", "/api/contacts/**").hasAnyRole(ADMINS, INCIDENT_MANAGERS)
                // Everyone who reads incidents may see how they are engaged; only managers change the plans.
                .requestMatchers(HttpMethod.GET, "/api/escalation-plans", "/api/escalation-plans/**",
                        "/api/response-plans", "/api/response-plans/**").hasAnyRole(readers)
                .requestMatchers("/api/escalation-plans", "/api/escalation-plans/**", "/api/response-plans",
                        "/api/response-plans/**").hasAnyRole(ADMINS, INCIDENT_MANAGERS)
                // Auditors read everything that happened; nobody changes it through these.
                .requestMatchers(HttpMethod.GET, "/api/exports/**", "/api/audit", "/api/audit/**")
                    .hasAnyRole(AUDITORS, ADMINS)
                .requestMatchers(HttpMethod.GET, "/audit/**", "/webjars/**").hasAnyRole(readers)
                .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(ADMINS, MONITORING)
                .requestMatchers("/actuator/**").hasRole(ADMINS)
                .anyRequest().authenticated())
            .httpBasic(Customizer.withDefaults())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // /api is stateless HTTP Basic (no cookie to ride on); the webapps bring their own CSRF filter.
            .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    private static String[] append(String[] groups, String group) {
        return Stream.concat(Stream.of(groups), Stream.of(group)).toArray(String[]::new);
    }
}
