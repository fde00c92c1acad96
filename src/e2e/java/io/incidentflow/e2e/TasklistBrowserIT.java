package io.incidentflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist, Cockpit and Admin in a real headless Chromium against the whole application on a random
 * port, with the test profile's seeded users (desk-user, db-user, net-user, auditor-user, ...).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:e2e-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class TasklistBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void incidentReportedInTasklistIsWorkedToClosedByTheRightGroupsWithItsJapaneseTextIntact() throws Exception {
        String number = new IncidentWalk(baseUrl()).reportAndClose();

        JsonNode incident = incident(number);
        assertThat(incident.path("status").asText()).isEqualTo("CLOSED");
        assertThat(incident.path("closureCode").asText()).isEqualTo("RESOLVED");
        assertThat(incident.path("title").asText()).isEqualTo(IncidentWalk.TITLE);
        assertThat(incident.path("description").asText()).isEqualTo(IncidentWalk.DESCRIPTION);
        assertThat(incident.path("diagnosis").asText()).isEqualTo("WAL が溜まっている");
        assertThat(incident.path("rootCause").asText()).isEqualTo("アーカイブ先の権限");
        assertThat(incident.path("source").asText()).isEqualTo("tasklist");
        assertThat(incident.path("reporter").asText()).isEqualTo("desk-user");
        assertThat(incident.path("resolvedBy").asText()).isEqualTo("db-user");
        assertThat(incident.path("closedBy").asText()).isEqualTo("desk-user");
        assertThat(incident.path("resolverGroup").asText()).isEqualTo("database");
        assertThat(incident.path("priority").asInt()).isEqualTo(4);
    }

    @Test
    void tasklistCockpitAndAdminShowOnlyTheLoginPageUntilSomeoneLogsIn() {
        try (Browser browser = Browser.open(baseUrl(), "en")) {
            for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
                browser.go("/camunda/app/" + app + "/");
                browser.waitFor(By.cssSelector("form[name='signinForm']"));
                assertThat(browser.all(By.cssSelector(".dashboard, .filters, [cam-widget-header] .user-name")))
                        .as(app).noneMatch(org.openqa.selenium.WebElement::isDisplayed);
                browser.screenshot("login-required-" + app);
            }
            assertThat(http.getForEntity("/camunda/api/engine/engine/default/process-definition", String.class)
                    .getStatusCode()).as("the webapps' API behind them").isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void auditorOpensTheIncidentRecordAndItsAuditPageInTheBrowserButMayNotUseTasklist() throws Exception {
        String number = reportOverApi("監査で確認 — ログ欠落 app02");

        try (Browser auditor = Browser.open(baseUrl(), "en")) {
            auditor.go("/camunda/app/tasklist/");
            auditor.type(auditor.waitFor(By.cssSelector("input[ng-model='username']")), "auditor-user");
            auditor.type(auditor.driver().findElement(By.cssSelector("input[ng-model='password']")),
                    "auditor-user-password");
            auditor.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
            auditor.waitFor(By.cssSelector(".notifications .alert-danger"));
            assertThat(auditor.all(By.cssSelector("form[name='signinForm']"))).as("still at the login").isNotEmpty();
            auditor.screenshot("auditor-has-no-tasklist");

            auditor.logIn("cockpit", "auditor-user", "auditor-user-password");
            auditor.waitFor(By.cssSelector("[cam-widget-header] .navbar-brand, .dashboard, .processes-dashboard"));
            auditor.screenshot("auditor-in-cockpit");

            auditor.driver().get("http://auditor-user:auditor-user-password@localhost:" + port + "/api/incidents/" + number);
            JsonNode shown = json.readTree(auditor.driver().findElement(By.tagName("body")).getText());
            assertThat(shown.path("number").asText()).isEqualTo(number);
            assertThat(shown.path("title").asText()).isEqualTo("監査で確認 — ログ欠落 app02");
            auditor.screenshot("auditor-reads-incident-record");

            auditor.driver().get("http://auditor-user:auditor-user-password@localhost:" + port + "/audit/incidents/"
                    + number);
            auditor.waitFor(By.cssSelector("#diagram [data-element-id='Task_RegisterIncident'].done"));
            auditor.waitFor(By.cssSelector("#diagram [data-element-id='Task_IdentifyIncident'].active"));
            assertThat(auditor.driver().findElement(By.tagName("body")).getText())
                    .contains("監査で確認 — ログ欠落 app02", "Register incident");
            auditor.screenshot("auditor-audit-page");
        }
    }

    @Test
    void aJapaneseBrowserGetsJapaneseWebappsAndAnEnglishOneEnglish() {
        try (Browser japanese = Browser.open(baseUrl(), "ja")) {
            for (String app : new String[] {"admin", "cockpit", "tasklist"}) {
                japanese.go("/camunda/app/" + app + "/");
                japanese.waitForText(By.cssSelector("form[name='signinForm'] button[type='submit']"), "ログイン");
            }
            japanese.logIn("tasklist", "desk-user", "desk-user-password");
            japanese.waitForText(By.cssSelector("li.start-process-action a"), "プロセスを開始");
            japanese.screenshot("tasklist-ja");
        }
        try (Browser english = Browser.open(baseUrl(), "en")) {
            english.go("/camunda/app/tasklist/");
            english.waitForText(By.cssSelector("form[name='signinForm'] button[type='submit']"), "Log in");
            english.logIn("tasklist", "desk-user", "desk-user-password");
            english.waitForText(By.cssSelector("li.start-process-action a"), "Start process");
            english.screenshot("tasklist-en");
        }
    }

    @Test
    void analystSeesTheIncidentFlowDiagramInCockpit() throws Exception {
        String definition = json.readTree(http.withBasicAuth("analyst-user", "analyst-user-password")
                .getForEntity("/engine-rest/process-definition/key/incident-management", String.class).getBody())
                .path("id").asText();
        try (Browser analyst = Browser.open(baseUrl(), "en")) {
            analyst.logIn("cockpit", "analyst-user", "analyst-user-password");
            // The model is long and flat: a wide window makes Cockpit fit it at a readable size.
            analyst.driver().manage().window().setSize(new org.openqa.selenium.Dimension(3000, 1900));
            analyst.go("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
            analyst.waitFor(By.cssSelector(".djs-element[data-element-id='Task_ConfirmClosure']"));
            assertThat(analyst.all(By.cssSelector(".djs-element[data-element-id='Task_InvestigateAndDiagnose']")))
                    .isNotEmpty();
            // The viewport group's box is the drawing itself, without Cockpit's controls and margins.
            analyst.screenshot(analyst.waitFor(By.cssSelector(".djs-container svg g.viewport")), "incident-flow-diagram");
        }
    }

    private String reportOverApi(String title) throws Exception {
        ResponseEntity<String> created = http.withBasicAuth("desk-user", "desk-user-password")
                .postForEntity("/api/incidents", Map.of("title", title), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(created.getBody()).path("number").asText();
    }

    private JsonNode incident(String number) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("auditor-user", "auditor-user-password")
                .getForEntity("/api/incidents/" + number, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
