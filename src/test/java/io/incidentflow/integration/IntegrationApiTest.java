package io.incidentflow.integration;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.audit.AuditLogs;
import io.incidentflow.support.MigratedDatabases;
import io.incidentflow.web.ApiExceptionHandler;

import jakarta.validation.Validation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The administrators' REST API on a real (H2) database, without the security filters: who may call it
 * is checked with the whole application (AlertIntakeTest); here, what it answers.
 */
class IntegrationApiTest {

    private static final Authentication ADMIN = new UsernamePasswordAuthenticationToken("admin", "n/a", List.of());
    private static DataSource dataSource;

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private MockMvc mvc;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("integrationapi");
    }

    @BeforeEach
    void wire() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List.of("audit_log", "integration").forEach(table -> jdbc.sql("DELETE FROM " + table).update());
        IntegrationService service = new IntegrationService(new IntegrationRepository(jdbc), AuditLogs.create(jdbc),
                Clock.systemUTC());
        // No transactions without Spring's proxies: each statement commits, which is all these answers need.
        IntegrationController controller = new IntegrationController(service, json,
                Validation.buildDefaultValidatorFactory().getValidator());
        mvc = MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new ApiExceptionHandler()).build();
    }

    @Test
    void creatingAnswersCreatedWithTheKeyAndReadingNeverShowsIt() throws Exception {
        JsonNode created = create("{\"name\": \"prometheus\", \"type\": \"ALERTMANAGER\", \"urgency\": 2}");
        String key = created.path("key").asText();
        long id = created.path("integration").path("id").asLong();

        mvc.perform(get("/api/integrations/" + id).principal(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("prometheus"))
                .andExpect(jsonPath("$.key").doesNotExist())
                .andExpect(content().string(not(containsString(key))));
        mvc.perform(get("/api/integrations").principal(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(content().string(not(containsString(key))));
    }

    @Test
    void aNameInUseIsAConflictNamingTheName() throws Exception {
        create("{\"name\": \"prometheus\", \"type\": \"ALERTMANAGER\"}");

        mvc.perform(post("/api/integrations").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"prometheus\", \"type\": \"GENERIC\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void anInvalidNewIntegrationIsAProblemNamingEachField() throws Exception {
        mvc.perform(post("/api/integrations").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Prometheus Prod\", \"urgency\": 7}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains("name", "type", "urgency")));
    }

    @Test
    void patchingChangesOnlyTheGivenDefaults() throws Exception {
        long id = create("{\"name\": \"prometheus\", \"type\": \"ALERTMANAGER\", \"service\": \"web\", \"urgency\": 2}")
                .path("integration").path("id").asLong();

        mvc.perform(patch("/api/integrations/" + id).principal(ADMIN)
                        .contentType(MediaType.valueOf("application/merge-patch+json"))
                        .content("{\"urgency\": 1, \"autoResolve\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.urgency").value(1))
                .andExpect(jsonPath("$.autoResolve").value(true))
                .andExpect(jsonPath("$.service").value("web"))
                .andExpect(jsonPath("$.name").value("prometheus"));
    }

    @Test
    void patchingTheNameOrABadValueIsAProblemNamingTheField() throws Exception {
        long id = create("{\"name\": \"prometheus\", \"type\": \"ALERTMANAGER\"}").path("integration").path("id").asLong();

        mvc.perform(patch("/api/integrations/" + id).principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"renamed\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(patch("/api/integrations/" + id).principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"defaultImpact\": 9}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("defaultImpact"));
    }

    @Test
    void rotatingAnswersTheNewKeyOnceAndUnknownIdsAreNotFound() throws Exception {
        JsonNode created = create("{\"name\": \"prometheus\", \"type\": \"ALERTMANAGER\"}");
        long id = created.path("integration").path("id").asLong();

        mvc.perform(post("/api/integrations/" + id + "/rotate-key").principal(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.key").value(not(created.path("key").asText())));
        mvc.perform(post("/api/integrations/999/disable").principal(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Integration not found"));
        mvc.perform(get("/api/integrations/999").principal(ADMIN)).andExpect(status().isNotFound());
    }

    private JsonNode create(String body) throws Exception {
        String answer = mvc.perform(post("/api/integrations").principal(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/integrations/")))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(answer);
    }
}
