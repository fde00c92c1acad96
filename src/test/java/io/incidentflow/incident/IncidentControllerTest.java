package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The REST API with the service mocked. Security filters are off: the security configuration is tested
 * where it is written; here the caller's authentication is handed in as the request's principal.
 */
@WebMvcTest(IncidentController.class)
@AutoConfigureMockMvc(addFilters = false)
class IncidentControllerTest {

    private static final Authentication ALICE = new UsernamePasswordAuthenticationToken("alice", "n/a", List.of(
            new SimpleGrantedAuthority("ROLE_service-desk"), new SimpleGrantedAuthority("ROLE_network"),
            new SimpleGrantedAuthority("FACTOR_PASSWORD")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IncidentService incidents;

    @Test
    void reportingAnIncidentAnswersCreatedWithItsLocation() throws Exception {
        when(incidents.report(any(), anyString(), anyList())).thenReturn(IncidentFixtures.registered(42, "api", 2, 1));

        mvc.perform(post("/api/incidents").principal(ALICE).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "VPN down", "service": "vpn", "category": "network", "impact": 2,
                                 "urgency": 1, "detectedAt": "2025-03-01T17:00:00+09:00"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/incidents/INC-000042"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.number").value("INC-000042"))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.registeredAt").value("2025-03-01T09:00:00Z"));

        ArgumentCaptor<NewIncident> reported = ArgumentCaptor.forClass(NewIncident.class);
        verify(incidents).report(reported.capture(), eq("alice"), eq(List.of("service-desk", "network")));
        assertThat(reported.getValue().title()).isEqualTo("VPN down");
        assertThat(reported.getValue().impact()).isEqualTo(2);
        assertThat(reported.getValue().detectedAt().toInstant()).hasToString("2025-03-01T08:00:00Z");
    }

    @Test
    void japaneseTextRoundTripsUnchanged() throws Exception {
        String title = "ディスク容量不足 db01（本番）";
        String description = "/var が 98% です。\n🔥 至急";
        when(incidents.report(any(), anyString(), anyList())).thenAnswer(call -> {
            NewIncident reported = call.getArgument(0);
            Incident registered = IncidentFixtures.incident(43, reported.title(), IncidentStatus.NEW, "api", null,
                    null, false);
            return new Incident(registered.id(), registered.number(), registered.title(), reported.description(),
                    registered.status(), null, null, null, null, null, null, null, null, null, "api", "alice",
                    "pi-43", registered.detectedAt(), registered.registeredAt(), null, null, null, null, null, null,
                    null, null, null, false, false, null, null, null, null, null, 0, null, registered.updatedAt());
        });

        MvcResult result = mvc.perform(post("/api/incidents").principal(ALICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(("{\"title\": \"" + title + "\", \"description\": \"/var が 98% です。\\n🔥 至急\"}")
                                .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated())
                .andReturn();

        ArgumentCaptor<NewIncident> reported = ArgumentCaptor.forClass(NewIncident.class);
        verify(incidents).report(reported.capture(), anyString(), anyList());
        assertThat(reported.getValue().title()).isEqualTo(title);
        assertThat(reported.getValue().description()).isEqualTo(description);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains(title);
        mvc.perform(get("/api/incidents/INC-000043").principal(ALICE)).andExpect(status().isNotFound());
        when(incidents.findByNumber("INC-000043")).thenReturn(Optional.of(IncidentFixtures.incident(43, title,
                IncidentStatus.NEW, "api", null, null, false)));
        mvc.perform(get("/api/incidents/INC-000043").principal(ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value(title));
    }

    @Test
    void aBlankTitleIsAProblemNamingTheTitle() throws Exception {
        mvc.perform(post("/api/incidents").principal(ALICE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail", containsString("title")))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        verifyNoInteractions(incidents);
    }

    @Test
    void anImpactOutsideOneToFiveIsAProblemNamingTheImpact() throws Exception {
        mvc.perform(post("/api/incidents").principal(ALICE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"VPN down\", \"impact\": 9, \"urgency\": 4}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("impact", "urgency")));
        verifyNoInteractions(incidents);
    }

    @Test
    void malformedJsonIsAProblem() throws Exception {
        mvc.perform(post("/api/incidents").principal(ALICE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"VPN down\", "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail", containsString("not valid JSON")))
                .andExpect(jsonPath("$.errors", hasSize(1)));
        verifyNoInteractions(incidents);
    }

    @Test
    void aValueOfTheWrongTypeIsAProblemNamingTheField() throws Exception {
        mvc.perform(post("/api/incidents").principal(ALICE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"VPN down\", \"impact\": \"high\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("impact"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
        mvc.perform(post("/api/incidents").principal(ALICE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"VPN down\", \"detectedAt\": \"yesterday\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("detectedAt"));
        verifyNoInteractions(incidents);
    }

    @Test
    void theServicesValidationBecomesTheSameProblem() throws Exception {
        when(incidents.report(any(), anyString(), anyList()))
                .thenThrow(new IncidentValidationException("description", "size must be between 0 and 10000"));

        mvc.perform(post("/api/incidents").principal(ALICE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"VPN down\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 10000"));
    }

    @Test
    void camundaRefusingTheUserIsForbiddenNotAServerError() throws Exception {
        when(incidents.report(any(), anyString(), anyList())).thenThrow(new org.camunda.bpm.engine.AuthorizationException(
                "The user with id 'alice' does not have 'CREATE_INSTANCE' permission"));

        mvc.perform(post("/api/incidents").principal(ALICE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"VPN down\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void plainTextIsAnUnsupportedMediaType() throws Exception {
        mvc.perform(post("/api/incidents").principal(ALICE).contentType(MediaType.TEXT_PLAIN).content("VPN down"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
        verifyNoInteractions(incidents);
    }

    @Test
    void listPassesTheFiltersAndAnswersAPage() throws Exception {
        when(incidents.list(any())).thenReturn(new IncidentPage(
                List.of(IncidentFixtures.registered(42, "api", 2, 1)), 1, 10, 11));

        mvc.perform(get("/api/incidents").principal(ALICE)
                        .param("status", "IN_PROGRESS").param("priority", "2").param("group", "network")
                        .param("page", "1").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].number").value("INC-000042"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.total").value(11));

        verify(incidents).list(new IncidentFilter(IncidentStatus.IN_PROGRESS, 2, "network", 1, 10));
    }

    @Test
    void listWithoutFiltersAsksForTheFirstDefaultPage() throws Exception {
        when(incidents.list(any())).thenReturn(new IncidentPage(List.of(), 0, 20, 0));

        mvc.perform(get("/api/incidents").principal(ALICE)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)));

        verify(incidents).list(new IncidentFilter(null, null, null, 0, 20));
    }

    @Test
    void aPriorityThatIsNoNumberIsAProblemNamingThePriority() throws Exception {
        mvc.perform(get("/api/incidents").principal(ALICE).param("priority", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("priority"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
        verifyNoInteractions(incidents);
    }

    @Test
    void anUnknownStatusIsAProblemListingTheStatuses() throws Exception {
        mvc.perform(get("/api/incidents").principal(ALICE).param("status", "OPEN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message", containsString("IN_PROGRESS")));
    }

    @Test
    void aSizeOutOfRangeIsAProblemFromTheService() throws Exception {
        when(incidents.list(any())).thenThrow(new IncidentValidationException("size", "must be between 1 and 200"));

        mvc.perform(get("/api/incidents").principal(ALICE).param("size", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void anUnknownNumberIsANotFoundProblem() throws Exception {
        when(incidents.findByNumber("INC-999999")).thenReturn(Optional.empty());

        mvc.perform(get("/api/incidents/INC-999999").principal(ALICE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Incident not found"))
                .andExpect(jsonPath("$.detail", containsString("INC-999999")));
    }

    @Test
    void aKnownNumberAnswersTheIncident() throws Exception {
        when(incidents.findByNumber("INC-000042")).thenReturn(Optional.of(IncidentFixtures.registered(42, "api", 2, 1)));

        mvc.perform(get("/api/incidents/INC-000042").principal(ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value("INC-000042"))
                .andExpect(jsonPath("$.impact").value(2));
    }
}
