package io.incidentflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;

import io.incidentflow.support.Logins;
import io.incidentflow.support.ScriptedHistory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reports page in the whole application, over a past period that only this test writes to (the test database
 * is shared with other tests): it renders the figures of a known history, charts included, for the readers only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportPageTest {

    static final String PAGE = "/reports?weeks=2&until=2020-03-15&zone=UTC";
    static final OffsetDateTime MONDAY = OffsetDateTime.parse("2020-03-02T09:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private static boolean written;

    @BeforeEach
    void knownHistoryInMarch2020() {
        if (written) {
            return;
        }
        written = true;
        ScriptedHistory history = new ScriptedHistory(jdbc);
        long source = history.integration("report-page-zabbix");
        long first = history.incident("レポート P1", 1, "report-db", MONDAY, MONDAY);
        history.acknowledged(first, "tanaka", MONDAY.plusMinutes(12));
        history.resolved(first, "tanaka", MONDAY.plusMinutes(90));
        history.breached(first, true, false);
        long second = history.incident("レポート P3", 3, "report-net", MONDAY.plusDays(8), MONDAY.plusDays(8));
        history.alert(source, first, "<script>alert(1)</script>", "NEW", null, MONDAY);
        history.alert(source, first, "<script>alert(1)</script>", "DUPLICATE", null, MONDAY.plusMinutes(1));
        history.alert(source, second, "sw-report", "NEW", null, MONDAY.plusDays(8));
    }

    @Test
    void readersSeeTheFiguresOfThePeriodWithCharts() throws Exception {
        String html = mvc.perform(get(PAGE).with(Logins.AUDITOR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("週ごとのインシデント（優先度別） / Incidents per week by priority",
                "MTTA・MTTR の推移 / MTTA and MTTR trend", "SLA 違反 / SLA breaches",
                "アラート送信元（上位） / Top alert sources", "最も騒がしい重複キー / Noisiest dedup keys");
        assertThat(html).contains("2020-03-02", "2020-03-15");
        assertThat(html).contains("<svg").contains("<rect").contains("<polyline");
        assertThat(html).contains("report-db", "report-net", "report-page-zabbix");
        // Week of 2 March: MTTA 12 min, MTTR 90 min; the second week has neither.
        assertThat(html).containsPattern("<td>03-02</td><td>12</td><td>90</td>")
                .containsPattern("<td>03-09</td><td>—</td><td>—</td>");
        // One response breach in the first week.
        assertThat(html).containsPattern("<td>03-02</td><td>1</td>\\s*<td>1</td><td>0</td>");
        // Three alerts from the source, one key twice.
        assertThat(html).containsPattern("<td>report-page-zabbix</td><td>3</td>\\s*<td>2</td><td>1</td>");
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void incidentManagersAnalystsAndAdminsMayReadTheReports() throws Exception {
        mvc.perform(get(PAGE).with(Logins.MANAGER)).andExpect(status().isOk());
        mvc.perform(get(PAGE).with(Logins.ANALYST)).andExpect(status().isOk());
        mvc.perform(get(PAGE).with(Logins.ADMIN)).andExpect(status().isOk());
    }

    @Test
    void respondersWithoutAReadingRoleAndStrangersMayNot() throws Exception {
        mvc.perform(get(PAGE).with(Logins.DESK)).andExpect(status().isForbidden());
        mvc.perform(get(PAGE).with(Logins.RESOLVER)).andExpect(status().isForbidden());
        mvc.perform(get(PAGE)).andExpect(status().isUnauthorized());
    }

    @Test
    void aBadPeriodNamesTheParameter() throws Exception {
        String body = mvc.perform(get("/reports?weeks=0").with(Logins.AUDITOR)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("weeks");
        mvc.perform(get("/reports?zone=Mars/Olympus").with(Logins.AUDITOR)).andExpect(status().isBadRequest());
    }
}
