package io.incidentflow.alert;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;


import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationService;
import io.incidentflow.integration.IntegrationType;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

/** Trouble a retry can fix is 503 with Retry-After: Alertmanager and SNS retry 5xx but drop every 4xx. */
class AlertEndpointUnavailableTest {

    private static final String BODY = "{\"dedupKey\":\"db01\",\"summary\":\"ディスク容量不足\"}";
    private static final Integration GENERIC = new Integration(1, "generic", IntegrationType.GENERIC, true,
            null, null, null, null, null, false, false, null, null);

    private static final AlertProperties PROPERTIES =
            new AlertProperties(DataSize.ofKilobytes(64), 1, Duration.ofSeconds(1), 1);

    private final IntegrationService integrations = mock(IntegrationService.class);
    private final AlertIntake intake = mock(AlertIntake.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup()
            .addFilter(new AlertEndpoint(integrations, intake, Jackson2ObjectMapperBuilder.json().build(),
                    PROPERTIES, new AlertCapacity(PROPERTIES), List.of(new GenericFormat())),
                    "/api/alerts/*", "/v2/enqueue")
            .build();

    @Test
    void databaseDownIsAnsweredWith503SoTheSenderRetries() throws Exception {
        when(integrations.authenticate("k", IntegrationType.GENERIC)).thenReturn(GENERIC);
        when(intake.accept(any(), anyList())).thenThrow(new CannotGetJdbcConnectionException("database down"));

        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.title").value("Try again later"));
    }

    @Test
    void keyLookupFailingOnTheDatabaseIsAlso503() throws Exception {
        when(integrations.authenticate("k", IntegrationType.GENERIC))
                .thenThrow(new CannotGetJdbcConnectionException("database down"));

        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isServiceUnavailable());
    }

    @Test
    void moreRequestsInFlightThanTheNodeAcceptsGet503() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(integrations.authenticate("k", IntegrationType.GENERIC)).thenReturn(GENERIC);
        when(intake.accept(any(), anyList())).thenAnswer(call -> {
            inside.countDown();
            release.await(5, TimeUnit.SECONDS);
            return List.of();
        });
        ExecutorService first = Executors.newSingleThreadExecutor();
        first.submit(() -> mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                .contentType(MediaType.APPLICATION_JSON).content(BODY)));
        inside.await(5, TimeUnit.SECONDS);

        try {
            mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                            .contentType(MediaType.APPLICATION_JSON).content(BODY))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"));
        } finally {
            release.countDown();
            first.shutdown();
        }
    }
}
