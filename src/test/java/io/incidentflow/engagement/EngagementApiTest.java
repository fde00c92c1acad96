package io.incidentflow.engagement;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code /api/escalation-plans} and {@code /api/response-plans} in the whole application, logged in per group. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EngagementApiTest {

    static final RequestPostProcessor MANAGER = basic("manager-user", "manager-user-password");
    static final RequestPostProcessor ADMIN = basic("admin", "test-admin-password");
    static final RequestPostProcessor DESK = basic("desk-user", "desk-user-password");
    static final RequestPostProcessor RESOLVER = basic("net-user", "net-user-password");
    static final RequestPostProcessor AUDITOR = basic("auditor-user", "auditor-user-password");
    static final RequestPostProcessor ANALYST = basic("analyst-user", "analyst-user-password");

    static final String ESCALATION = """
            {"name": "db-critical", "description": "本番 DB", "repeat": 1, "stages": [
              {"durationMinutes": 5, "targets": [{"contact": "hanako"}]},
              {"durationMinutes": 15, "acknowledgementStopsPlan": false, "targets": [{"contact": "yamada"}]}]}""";
    static final String RESPONSE = """
            {"name": "db-outage", "title": "DB 障害", "impact": 2, "summary": "本番 DB に接続できません",
             "chatChannels": [{"type": "SLACK", "url": "https://hooks.slack.com/services/T0/B0/SECRET", "locale": "ja",
                               "timeZone": "Asia/Tokyo"}],
             "escalationPlan": "db-critical", "runbook": "runbook-restart-service"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void twoContactsAndNoPlans() {
        jdbc.sql("UPDATE integration SET response_plan = NULL").update();
        jdbc.sql("DELETE FROM response_plan_chat").update();
        jdbc.sql("DELETE FROM response_plan_contact").update();
        jdbc.sql("DELETE FROM response_plan").update();
        jdbc.sql("DELETE FROM escalation_target").update();
        jdbc.sql("DELETE FROM escalation_stage").update();
        jdbc.sql("DELETE FROM escalation_plan").update();
        jdbc.sql("DELETE FROM contact").update();
        for (String id : new String[] {"hanako", "yamada"}) {
            jdbc.sql("""
                    INSERT INTO contact (id, display_name, locale, time_zone, created_at, updated_at)
                    VALUES (:id, :id, 'ja', 'Asia/Tokyo', :now, :now)""")
                    .param("id", id).param("now", OffsetDateTime.now()).update();
        }
    }

    @Test
    void aManagerSetsUpPlansAndEveryReaderSeesThem() throws Exception {
        mvc.perform(json(post("/api/escalation-plans"), ESCALATION).with(MANAGER))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/escalation-plans/db-critical"))
                .andExpect(jsonPath("$.stages[0].acknowledgementStopsPlan").value(true))
                .andExpect(jsonPath("$.stages[1].acknowledgementStopsPlan").value(false));
        mvc.perform(json(post("/api/response-plans"), RESPONSE).with(ADMIN))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.chatChannels[0].url").value("https://hooks.slack.com/…"));

        for (RequestPostProcessor reader : new RequestPostProcessor[] {DESK, RESOLVER, AUDITOR, ANALYST, MANAGER}) {
            mvc.perform(get("/api/escalation-plans/db-critical").with(reader))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.description").value("本番 DB"))
                    .andExpect(jsonPath("$.repeat").value(1));
            mvc.perform(get("/api/response-plans").with(reader))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].title").value("DB 障害"))
                    // The webhook URL is the credential: nobody reads it back.
                    .andExpect(jsonPath("$[0].chatChannels[0].url").value("https://hooks.slack.com/…"));
        }
        Assertions.assertThat(jdbc.sql("SELECT action FROM audit_log WHERE target_id IN ('db-critical', 'db-outage')")
                .query(String.class).list()).contains("escalation-plan.created", "response-plan.created");
        Assertions.assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'response-plan.created'")
                .query(String.class).list()).noneMatch(details -> details.contains("SECRET"));
    }

    @Test
    void onlyManagersAndAdminsChangePlans() throws Exception {
        for (RequestPostProcessor other : new RequestPostProcessor[] {DESK, RESOLVER, AUDITOR, ANALYST}) {
            mvc.perform(json(post("/api/escalation-plans"), ESCALATION).with(other)).andExpect(status().isForbidden());
            mvc.perform(json(post("/api/response-plans"), RESPONSE).with(other)).andExpect(status().isForbidden());
            mvc.perform(delete("/api/escalation-plans/db-critical").with(other)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/escalation-plans")).andExpect(status().isUnauthorized());
        // Acknowledging is for those who respond: auditors and analysts only watch.
        mvc.perform(post("/api/incidents/INC-999999/acknowledge").with(AUDITOR)).andExpect(status().isForbidden());
        mvc.perform(post("/api/incidents/INC-999999/acknowledge").with(ANALYST)).andExpect(status().isForbidden());
        mvc.perform(post("/api/incidents/INC-999999/acknowledge").with(DESK)).andExpect(status().isNotFound());
    }

    @Test
    void aPlanNamingAMissingContactOrScheduleIsRefusedNamingTheField() throws Exception {
        mvc.perform(json(post("/api/escalation-plans"), """
                        {"name": "db-critical", "stages": [
                          {"durationMinutes": 5, "targets": [{"contact": "nobody"}]},
                          {"durationMinutes": 0, "targets": [{"schedule": "no-such-rota"}, {"contact": "hanako",
                            "schedule": "db-primary"}]}]}""").with(MANAGER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("stages[0].targets[0].contact")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("stages[1].targets[0].schedule")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("stages[1].targets[1]")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("stages[1].durationMinutes")))
                .andExpect(jsonPath("$.detail").value(containsString("there is no contact nobody")));
        mvc.perform(json(post("/api/response-plans"), """
                        {"name": "db-outage", "escalationPlan": "missing", "contacts": ["hanako"],
                         "chatChannels": [{"type": "SLACK", "url": "http://hooks.example/x"}], "impact": 9}""")
                        .with(MANAGER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("escalationPlan")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("contacts")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("chatChannels[0].url")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("impact")));
        mvc.perform(get("/api/escalation-plans/db-critical").with(MANAGER)).andExpect(status().isNotFound());
    }

    @Test
    void plansInUseCannotBeDeleted() throws Exception {
        mvc.perform(json(post("/api/escalation-plans"), ESCALATION).with(MANAGER)).andExpect(status().isCreated());
        mvc.perform(json(post("/api/response-plans"), RESPONSE).with(MANAGER)).andExpect(status().isCreated());
        jdbc.sql("UPDATE integration SET response_plan = 'db-outage' WHERE name = 'configured-generic'").update();

        mvc.perform(delete("/api/escalation-plans/db-critical").with(MANAGER))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("db-outage")));
        mvc.perform(delete("/api/response-plans/db-outage").with(MANAGER))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("configured-generic")));

        jdbc.sql("UPDATE integration SET response_plan = NULL").update();
        mvc.perform(delete("/api/response-plans/db-outage").with(MANAGER)).andExpect(status().isNoContent());
        mvc.perform(delete("/api/escalation-plans/db-critical").with(MANAGER)).andExpect(status().isNoContent());
    }

    @Test
    void replacingKeepsTheNameAndIsAudited() throws Exception {
        mvc.perform(json(post("/api/escalation-plans"), ESCALATION).with(MANAGER)).andExpect(status().isCreated());

        mvc.perform(json(put("/api/escalation-plans/db-critical"), ESCALATION.replace("\"db-critical\"", "\"other\""))
                        .with(MANAGER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(json(put("/api/escalation-plans/db-critical"),
                        "{\"stages\": [{\"durationMinutes\": 30, \"targets\": [{\"contact\": \"yamada\"}]}]}")
                        .with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stages[0].targets[0].contact").value("yamada"))
                .andExpect(jsonPath("$.repeat").value(0));
        Assertions.assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'escalation-plan.updated'"
                + " AND target_id = 'db-critical'").query(String.class).list()).contains("manager-user");
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static RequestPostProcessor basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request -> {
            request.addHeader("Authorization", "Basic " + token);
            return request;
        };
    }
}
