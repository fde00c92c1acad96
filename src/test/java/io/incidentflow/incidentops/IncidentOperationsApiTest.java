package io.incidentflow.incidentops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.support.Logins;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Merge, comments and problem records over HTTP in the whole application, and who may do what. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IncidentOperationsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    IncidentService incidents;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;

    @Test
    void aMergedDuplicateClosesAndItsProcessEndsWithTheReasonAndTheUser() throws Exception {
        Incident survivor = open("web01 停止");
        Incident duplicate = open("web01 応答なし");
        postJson("/api/incidents/" + duplicate.number() + "/comments", Logins.DESK, Map.of("body", "同じ障害です"))
                .andExpect(status().isCreated());

        postJson("/api/incidents/" + duplicate.number() + "/merge", Logins.DESK, Map.of("into", survivor.number()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.survivor").value(survivor.number()))
                .andExpect(jsonPath("$.comments").value(1));

        JsonNode merged = read("/api/incidents/" + duplicate.number(), Logins.AUDITOR);
        assertThat(merged.path("status").asText()).isEqualTo("CLOSED");
        assertThat(merged.path("closureCode").asText()).isEqualTo("MERGED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(duplicate.processInstanceId())
                .count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(duplicate.processInstanceId()).singleResult().getDeleteReason())
                .isEqualTo("Merged into " + survivor.number());
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(duplicate.processInstanceId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_DELETE).list())
                .extracting(UserOperationLogEntry::getUserId).contains("desk-user");
        mvc.perform(get("/api/incidents/" + survivor.number() + "/comments").with(Logins.AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.body == '同じ障害です')]", hasSize(1)));
        postJson("/api/incidents/" + duplicate.number() + "/merge", Logins.DESK, Map.of("into", survivor.number()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("number"));
    }

    @Test
    void auditorsReadEverythingAndChangeNothing() throws Exception {
        Incident incident = open("監査対象");
        String number = incident.number();

        postJson("/api/incidents/" + number + "/merge", Logins.AUDITOR, Map.of("into", open("other").number()))
                .andExpect(status().isForbidden());
        postJson("/api/incidents/" + number + "/split", Logins.AUDITOR, Map.of("title", "x"))
                .andExpect(status().isForbidden());
        postJson("/api/incidents/" + number + "/links", Logins.AUDITOR, Map.of("type", "RELATES_TO", "incident", number))
                .andExpect(status().isForbidden());
        postJson("/api/incidents/" + number + "/comments", Logins.AUDITOR, Map.of("body", "x"))
                .andExpect(status().isForbidden());
        postJson("/api/problems", Logins.AUDITOR, Map.of("title", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/api/incidents/" + number + "/links").with(Logins.AUDITOR)).andExpect(status().isOk());
        mvc.perform(get("/api/incidents/" + number + "/comments").with(Logins.AUDITOR)).andExpect(status().isOk());
        mvc.perform(get("/api/incidents/" + number + "/review").with(Logins.AUDITOR)).andExpect(status().isOk());
        mvc.perform(get("/api/problems").with(Logins.AUDITOR)).andExpect(status().isOk());
    }

    @Test
    void onlyManagersResolverGroupsAndAdminsChangeProblems() throws Exception {
        postJson("/api/problems", Logins.DESK, Map.of("title", "x")).andExpect(status().isForbidden());
        postJson("/api/problems", Logins.ANALYST, Map.of("title", "x")).andExpect(status().isForbidden());
        postJson("/api/problems", Logins.MANAGER, Map.of("title", "x")).andExpect(status().isCreated());
        postJson("/api/problems", Logins.ADMIN, Map.of("title", "x")).andExpect(status().isCreated());
        mvc.perform(post("/api/problems").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aProblemMovesThroughItsStatesAndRefusesTheWrongOnes() throws Exception {
        Incident incident = open("DB 遅延");
        JsonNode created = json.readTree(postJson("/api/problems", Logins.RESOLVER,
                Map.of("title", "WAL の肥大化", "owner", "tanaka", "incident", incident.number()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String problem = "/api/problems/" + created.path("number").asText();
        assertThat(created.path("incidents").get(0).asText()).isEqualTo(incident.number());

        postJson(problem + "/transition", Logins.RESOLVER, Map.of("state", "KNOWN_ERROR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("workaround"));
        postJson(problem + "/transition", Logins.RESOLVER, Map.of("state", "LOST"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        postJson(problem + "/transition", Logins.RESOLVER, Map.of("state", "KNOWN_ERROR", "workaround", "手で削除"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("KNOWN_ERROR"));
        postJson(problem + "/transition", Logins.RESOLVER, Map.of("state", "INVESTIGATE"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        postJson(problem + "/incidents", Logins.MANAGER, Map.of("incident", "INC-999999"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("incident"));
        postJson(problem + "/transition", Logins.RESOLVER, Map.of("state", "RESOLVED", "resolution", "権限を修正"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RESOLVED"));
        mvc.perform(get("/api/problems/PRB-999999").with(Logins.AUDITOR)).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownIncidentIsNotFoundAndBadInputNamesTheField() throws Exception {
        postJson("/api/incidents/INC-999999/comments", Logins.DESK, Map.of("body", "x"))
                .andExpect(status().isNotFound());
        Incident incident = open("入力チェック");
        postJson("/api/incidents/" + incident.number() + "/comments", Logins.DESK, Map.of("body", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        postJson("/api/incidents/" + incident.number() + "/links", Logins.DESK,
                Map.of("type", "RELATES_TO", "incident", incident.number()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("incident"));
    }

    private Incident open(String title) {
        return incidents.open(new NewIncident(title, null, "web", "server", 3, 2, "test", "desk-user", null), Map.of());
    }

    private ResultActions postJson(String path, RequestPostProcessor login, Map<String, ?> body) throws Exception {
        return mvc.perform(post(path).with(login).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private JsonNode read(String path, RequestPostProcessor login) throws Exception {
        return json.readTree(mvc.perform(get(path).with(login)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }
}
