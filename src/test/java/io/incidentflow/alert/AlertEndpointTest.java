package io.incidentflow.alert;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationKeyException;
import io.incidentflow.integration.IntegrationService;
import io.incidentflow.integration.IntegrationType;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

/**
 * What senders are told, with the payload formats replaced by a minimal fake and the intake mocked: the
 * status codes senders act on (2xx stored, 4xx dropped, 5xx retried) and the answers' shape.
 */
class AlertEndpointTest {

    private static final Integration GENERIC = integration(IntegrationType.GENERIC);

    private final IntegrationService integrations = mock(IntegrationService.class);
    private final AlertIntake intake = mock(AlertIntake.class);

    private static AlertProperties properties() {
        return new AlertProperties(DataSize.ofBytes(200), 10, Duration.ofSeconds(1), 1);
    }
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup()
            .addFilter(new AlertEndpoint(integrations, intake, Jackson2ObjectMapperBuilder.json().build(),
                    properties(), new AlertCapacity(properties()),
                    List.of(new FakeFormat(IntegrationType.GENERIC), new FakeFormat(IntegrationType.SNS),
                            new FakeFormat(IntegrationType.EVENTS_V2))),
                    "/api/alerts/*", "/v2/enqueue")
            .build();

    @Test
    void storedAlertsAreAnsweredAcceptedWithWhatBecameOfEach() throws Exception {
        when(integrations.authenticate("k", IntegrationType.GENERIC)).thenReturn(GENERIC);
        when(intake.accept(any(), anyList())).thenReturn(List.of(
                new AlertIntake.AcceptedAlert("db01", AlertOutcome.DUPLICATE, false, "INC-000042"),
                new AlertIntake.AcceptedAlert("web01", AlertOutcome.NEW, false, null),
                AlertIntake.AcceptedAlert.redelivered("db01")));

        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dedupKey\": \"db01\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(3))
                .andExpect(jsonPath("$.new").value(1))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.redelivered").value(1))
                .andExpect(jsonPath("$.alerts[0].incident").value("INC-000042"))
                .andExpect(jsonPath("$.alerts[1].outcome").value("NEW"))
                .andExpect(jsonPath("$.alerts[1].incident").doesNotExist())
                .andExpect(jsonPath("$.alerts[2].outcome").value("REDELIVERED"));
    }

    @Test
    void theKeyMayComeAsQueryParameterForSendersThatCannotSetHeaders() throws Exception {
        when(integrations.authenticate("k", IntegrationType.GENERIC)).thenReturn(GENERIC);
        when(intake.accept(any(), anyList())).thenReturn(List.of());

        mvc.perform(post("/api/alerts/generic").param("key", "k").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dedupKey\": \"db01\"}"))
                .andExpect(status().isAccepted());
    }

    @Test
    void anUnknownKeyIsUnauthorizedAndADisabledOrForeignOneForbidden() throws Exception {
        IntegrationKeyException unknown = keyException("unknown integration key", false);
        IntegrationKeyException foreign = keyException("integration 'zabbix' sends ZABBIX, not GENERIC", true);
        when(integrations.authenticate("unknown", IntegrationType.GENERIC)).thenThrow(unknown);
        when(integrations.authenticate("zabbix-key", IntegrationType.GENERIC)).thenThrow(foreign);

        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer unknown")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dedupKey\": \"db01\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer zabbix-key")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dedupKey\": \"db01\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("integration 'zabbix' sends ZABBIX, not GENERIC"));
        verifyNoInteractions(intake);
    }

    @Test
    void aPayloadTheFormatRefusesIsABadRequestNamingTheField() throws Exception {
        when(integrations.authenticate("k", IntegrationType.GENERIC)).thenReturn(GENERIC);

        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"summary\": \"no key\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("alerts[0].dedupKey"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"))
                .andExpect(jsonPath("$.detail").value("alerts[0].dedupKey: is required"));
        verifyNoInteractions(intake);
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dedupKey\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("$"));
        verifyNoInteractions(intake);
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeReading() throws Exception {
        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dedupKey\": \"" + "x".repeat(300) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(intake, integrations);
    }

    @Test
    void onlyJsonIsAcceptedExceptFromAmazonSnsWhichPostsItsJsonAsPlainText() throws Exception {
        when(integrations.authenticate("sns-key", IntegrationType.SNS)).thenReturn(integration(IntegrationType.SNS));
        when(intake.accept(any(), anyList())).thenReturn(List.of());

        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                        .contentType(MediaType.TEXT_PLAIN).content("{\"dedupKey\": \"db01\"}"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("dedupKey=db01"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/alerts/sns").param("key", "sns-key")
                        .contentType(MediaType.parseMediaType("text/plain; charset=UTF-8"))
                        .content("{\"dedupKey\": \"alarm\"}"))
                .andExpect(status().isAccepted());
    }

    @Test
    void eventsApiV2IsAnsweredLikePagerDutyOnBothPaths() throws Exception {
        when(integrations.authenticate("routing", IntegrationType.EVENTS_V2))
                .thenReturn(integration(IntegrationType.EVENTS_V2));
        when(intake.accept(any(), anyList())).thenReturn(List.of(
                new AlertIntake.AcceptedAlert("pd-1", AlertOutcome.NEW, false, null)));

        for (String path : List.of("/v2/enqueue", "/api/alerts/events-v2")) {
            mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"routing_key\": \"routing\", \"dedupKey\": \"pd-1\"}"))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.status").value("success"))
                    .andExpect(jsonPath("$.message").value("Event processed"))
                    .andExpect(jsonPath("$.dedup_key").value("pd-1"));
        }
    }

    @Test
    void anEventWithoutRoutingKeyIsABadRequestNamingIt() throws Exception {
        mvc.perform(post("/v2/enqueue").contentType(MediaType.APPLICATION_JSON).content("{\"dedupKey\": \"pd-1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("routing_key"));
        verifyNoInteractions(intake, integrations);
    }

    @Test
    void anUnknownSourceIsNotFound() throws Exception {
        mvc.perform(post("/api/alerts/nagios").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyPostIsAllowedAndTheAnswerSaysSo() throws Exception {
        mvc.perform(get("/api/alerts/generic").header("Authorization", "Bearer k"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(jsonPath("$.errors[0].field").value("method"));
        verifyNoInteractions(intake, integrations);
    }

    @Test
    void answersAreNeverSniffedAsHtml() throws Exception {
        when(integrations.authenticate("k", IntegrationType.GENERIC)).thenReturn(GENERIC);
        when(intake.accept(any(), anyList())).thenReturn(List.of());

        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dedupKey\": \"<script>\"}"))
                .andExpect(status().isAccepted())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aFaultOfOursIsAServerErrorProblemThatSendersRetry() throws Exception {
        when(integrations.authenticate("k", IntegrationType.GENERIC)).thenReturn(GENERIC);
        when(intake.accept(any(), anyList())).thenThrow(new IllegalStateException("bug"));

        mvc.perform(post("/api/alerts/generic").header("Authorization", "Bearer k")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dedupKey\": \"db01\"}"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.instance").value("/api/alerts/generic"));
    }

    private static Integration integration(IntegrationType type) {
        return new Integration(1, type.name().toLowerCase(), type, true, null, null, null, null, null, false, false,
                null, null);
    }

    /** The smallest format: one alert whose dedup key is the payload's {@code dedupKey}. */
    private record FakeFormat(IntegrationType type) implements AlertFormat {

        @Override
        public List<Alert> parse(JsonNode payload, Integration integration) {
            if (!payload.path("dedupKey").isTextual()) {
                throw new AlertFormatException("alerts[0].dedupKey", "is required");
            }
            return List.of(new Alert(payload.path("dedupKey").asText(), AlertStatus.FIRING, "summary", null, null,
                    null, null, null, Map.of(), List.of(), null, null));
        }
    }

    /** The exception's constructor belongs to its package; what the controller reads of it is stubbed. */
    private static IntegrationKeyException keyException(String message, boolean known) {
        IntegrationKeyException exception = mock(IntegrationKeyException.class);
        when(exception.getMessage()).thenReturn(message);
        when(exception.known()).thenReturn(known);
        return exception;
    }
}
