package io.incidentflow.alert;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodyBytes  larger payloads get 413 before they are parsed
 * @param maxConcurrent requests in flight on this node before it answers 503 (senders retry 5xx, drop 4xx)
 * @param sweepInterval how often each node looks for accepted alerts whose incident is not open yet
 * @param openerThreads incidents each node opens at the same time (each one engine start in its own transaction)
 */
@Validated
@ConfigurationProperties("incidentflow.alerts")
record AlertProperties(
        @DefaultValue("1MB") @NotNull DataSize maxBodyBytes,
        @DefaultValue("64") @Min(1) int maxConcurrent,
        @DefaultValue("1s") @NotNull Duration sweepInterval,
        @DefaultValue("4") @Min(1) int openerThreads) {
}
