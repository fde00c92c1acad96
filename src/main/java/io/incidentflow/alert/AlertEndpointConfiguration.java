package io.incidentflow.alert;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.integration.IntegrationService;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link AlertEndpoint} on the alert paths only, ahead of Spring Security and Spring MVC. A configuration
 * rather than a component, so that web-layer test slices of other features do not pick the filter up.
 */
@Configuration
class AlertEndpointConfiguration {

    @Bean
    FilterRegistrationBean<AlertEndpoint> alertEndpoint(IntegrationService integrations, AlertIntake intake,
            ObjectMapper json, AlertProperties properties, AlertCapacity capacity, List<AlertFormat> formats) {
        FilterRegistrationBean<AlertEndpoint> registration = new FilterRegistrationBean<>(
                new AlertEndpoint(integrations, intake, json, properties, capacity, formats));
        registration.addUrlPatterns(AlertEndpoint.ALERTS_PATH + "*", AlertEndpoint.EVENTS_V2_PATH);
        /*
         * First of all filters: the body is read as bytes (no character encoding to set), and AlertMetrics counts
         * every alert request, so the per-request observation would only add its CPU to every alert of a storm.
         */
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
