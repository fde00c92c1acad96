package io.incidentflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;

/**
 * One incident from report to closed in Tasklist, each step by the group the process gives it to,
 * with a screenshot of each step (numbered in walking order).
 */
final class IncidentWalk {

    static final String TITLE = "ディスク容量不足 db01";
    /** The shared filter "自分のグループ / My group's incidents" (the app creates it at start-up). */
    static final String GROUP_FILTER = "自分のグループ";
    static final String DESCRIPTION = "/var/lib/postgresql が 98% です。\n夜間バッチが失敗しました。";

    private final String baseUrl;

    IncidentWalk(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Walks the incident to closed and answers its number, as Tasklist showed it. */
    String reportAndClose() {
        String number;
        try (Browser desk = Browser.open(baseUrl, "en")) {
            Tasklist tasklist = new Tasklist(desk);
            desk.logIn("tasklist", "desk-user", "desk-user-password");
            tasklist.startIncident(TITLE, DESCRIPTION, "db01");
            desk.screenshot("01-report-incident");
            tasklist.submitStart();

            tasklist.openFilter(GROUP_FILTER);
            tasklist.openTask(TITLE);
            desk.screenshot("02-found-in-group-filter");
            tasklist.claim();
            number = tasklist.value("incidentNumber");
            assertThat(number).matches("INC-\\d{6,}");
            assertThat(tasklist.value("title")).isEqualTo(TITLE);
            assertThat(tasklist.value("description")).isEqualTo(DESCRIPTION);
            tasklist.radio("classification", "Incident");
            tasklist.text("classificationReason", "利用者からの報告、監視では未検知");
            desk.screenshot("03-identify");
            tasklist.complete();

            tasklist.openTask(number + " · Categorize");
            tasklist.claim();
            tasklist.select("category", "Database");
            tasklist.text("service", "db01");
            tasklist.select("impact", "Medium");
            tasklist.select("urgency", "Medium");
            desk.screenshot("04-categorize");
            tasklist.complete();

            tasklist.openTask(number + " · Initial diagnosis");
            tasklist.claim();
            tasklist.text("diagnosis", "容量はサービスデスクでは増やせない");
            tasklist.radio("firstLineOutcome", "Escalate to the resolver group");
            desk.screenshot("05-initial-diagnosis-escalate");
            tasklist.complete();
            desk.waitUntilGone(By.xpath(Tasklist.taskInList(number)));
        }

        try (Browser network = Browser.open(baseUrl, "en")) {
            Tasklist tasklist = new Tasklist(network);
            network.logIn("tasklist", "net-user", "net-user-password");
            for (String filter : new String[] {GROUP_FILTER, "すべての未完了"}) {
                tasklist.openFilter(filter);
                assertThat(tasklist.activeFilterCount(filter)).as("tasks network sees in " + filter).isZero();
                assertThat(network.all(By.xpath(Tasklist.taskInList(number)))).isEmpty();
            }
            network.screenshot("06-network-sees-no-database-task");
        }

        try (Browser dba = Browser.open(baseUrl, "en")) {
            Tasklist tasklist = new Tasklist(dba);
            dba.logIn("tasklist", "db-user", "db-user-password");
            tasklist.openFilter(GROUP_FILTER);
            tasklist.openTask(number + " · Investigate");
            tasklist.claim();
            tasklist.text("diagnosis", "WAL が溜まっている");
            dba.screenshot("07-investigate");
            tasklist.complete();

            tasklist.openTask(number + " · Resolve");
            tasklist.claim();
            tasklist.text("resolution", "古い WAL を削除し、アーカイブを修復");
            tasklist.text("rootCause", "アーカイブ先の権限");
            dba.screenshot("08-resolve");
            tasklist.complete();
            dba.waitUntilGone(By.xpath(Tasklist.taskInList(number)));
        }

        try (Browser desk = Browser.open(baseUrl, "en")) {
            Tasklist tasklist = new Tasklist(desk);
            desk.logIn("tasklist", "desk-user", "desk-user-password");
            tasklist.openFilter(GROUP_FILTER);
            tasklist.openTask(number + " · Confirm closure");
            tasklist.claim();
            assertThat(tasklist.value("resolution")).isEqualTo("古い WAL を削除し、アーカイブを修復");
            tasklist.radio("confirmation", "Fixed");
            desk.screenshot("09-confirm-closure");
            tasklist.complete();
            desk.waitUntilGone(By.xpath(Tasklist.taskInList(number)));
            desk.screenshot("10-closed-no-task-left");
        }
        return number;
    }
}
