package io.incidentflow.acklink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.support.AdjustableClock;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /ack/{token}} in the whole application, without any login: the link is the credential. The key is
 * the one the application generated into its database, as in development.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AckLinkWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AcknowledgeLinks links;
    @Autowired
    IncidentService incidents;
    @Autowired
    AckLinkProperties properties;
    @Autowired
    AckLinkKey key;
    @Autowired
    RuntimeService runtimeService;

    Incident incident;

    @BeforeEach
    void openIncident() {
        incident = incidents.open(new NewIncident("ディスク容量不足 <b>db01</b>", null, null, null, null, null,
                "test", null, null), Map.of());
    }

    @Test
    void openingTheLinkAsksAndAcknowledgesNothing() throws Exception {
        String path = path(links.linkFor(incident.number(), "hanako"));

        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(content().string(containsString(incident.number())))
                .andExpect(content().string(containsString("ディスク容量不足 &lt;b&gt;db01&lt;/b&gt;")))
                .andExpect(content().string(containsString("<form method=\"post\">")))
                .andExpect(content().string(containsString("確認する / Acknowledge")));
        mvc.perform(get(path)).andExpect(status().isOk());

        assertThat(reloaded().acknowledgedAt()).isNull();
        assertThat(reloaded().acknowledgedBy()).isNull();
    }

    @Test
    void theButtonAcknowledgesAsTheLinksContactOnce() throws Exception {
        String path = path(links.linkFor(incident.number(), "hanako"));

        mvc.perform(post(path))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("確認をインシデントに記録しました")))
                .andExpect(content().string(containsString("Your acknowledgement is recorded")));
        Incident acknowledged = reloaded();
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("hanako");
        assertThat(acknowledged.acknowledgedAt()).isNotNull();

        mvc.perform(post(path))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This link has already been used.")));
        mvc.perform(get(path))
                .andExpect(status().isConflict())
                .andExpect(content().string(not(containsString("<form"))));
        assertThat(reloaded().acknowledgedAt()).isEqualTo(acknowledged.acknowledgedAt());
    }

    @Test
    void aSecondContactsLinkIsAcceptedButTheFirstAcknowledgementStays() throws Exception {
        mvc.perform(post(path(links.linkFor(incident.number(), "hanako")))).andExpect(status().isOk());

        mvc.perform(post(path(links.linkFor(incident.number(), "taro"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hanako が")))
                .andExpect(content().string(containsString("Already acknowledged by hanako")));
        assertThat(reloaded().acknowledgedBy()).isEqualTo("hanako");
    }

    @Test
    void aTamperedLinkIsRejectedAndAcknowledgesNothing() throws Exception {
        String forged = AcknowledgeLinks.PATH + AcknowledgeLinksTest.withOtherSignature(
                AcknowledgeLinksTest.token(links.linkFor(incident.number(), "hanako")));

        mvc.perform(get(forged)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("このリンクは無効です。")));
        mvc.perform(post(forged)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("This link is not valid.")));
        assertThat(reloaded().acknowledgedAt()).isNull();
    }

    @Test
    void anExpiredLinkIsRejectedAndAcknowledgesNothing() throws Exception {
        AdjustableClock yesterday = new AdjustableClock(Instant.now().minus(Duration.ofHours(25)));
        String path = path(new AcknowledgeLinks(properties, key, yesterday).linkFor(incident.number(), "hanako"));

        mvc.perform(get(path)).andExpect(status().isGone())
                .andExpect(content().string(containsString("有効期限が切れています")));
        mvc.perform(post(path)).andExpect(status().isGone())
                .andExpect(content().string(containsString("This link has expired.")));
        assertThat(reloaded().acknowledgedAt()).isNull();
    }

    @Test
    void aLinkToAnIncidentThatDoesNotExistIsRejected() throws Exception {
        mvc.perform(post(path(links.linkFor("INC-999999", "hanako")))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("The incident does not exist.")));
    }

    /** The context is shared with other tests: leave no open incident task behind. */
    @AfterEach
    void endTheIncidentsProcess() {
        runtimeService.deleteProcessInstance(incident.processInstanceId(), "test over");
    }

    private Incident reloaded() {
        return incidents.findById(incident.id()).orElseThrow();
    }

    private static String path(String link) {
        assertThat(link).startsWith("http://localhost:8080" + AcknowledgeLinks.PATH);
        return link.substring("http://localhost:8080".length());
    }
}
