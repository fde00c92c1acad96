package io.incidentflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.incidentflow.engagement.EscalationPlan.Stage;
import io.incidentflow.engagement.EscalationPlan.Target;
import io.incidentflow.engagement.ResponsePlan.ChatChannel;
import io.incidentflow.support.AdjustableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Escalation plans, response plans and incident engagements through their services, on H2 and PostgreSQL. */
abstract class EngagementStoreContract {

    static final Instant START = Instant.parse("2026-03-02T00:00:00.123456789Z");

    abstract DataSource dataSource();

    JdbcClient jdbc;
    EngagementAudit audit;
    EscalationPlanService escalationPlans;
    ResponsePlanService responsePlans;
    IncidentEngagementRepository engagements;

    @BeforeEach
    void cleanDatabaseAndWireServices() {
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("DELETE FROM integration").update();
        jdbc.sql("DELETE FROM response_plan_chat").update();
        jdbc.sql("DELETE FROM response_plan_contact").update();
        jdbc.sql("DELETE FROM response_plan").update();
        jdbc.sql("DELETE FROM escalation_target").update();
        jdbc.sql("DELETE FROM escalation_stage").update();
        jdbc.sql("DELETE FROM escalation_plan").update();
        jdbc.sql("DELETE FROM incident_engagement").update();
        References references = mock(References.class);
        when(references.contactExists(anyString())).thenReturn(true);
        when(references.scheduleExists(anyString())).thenReturn(true);
        audit = mock(EngagementAudit.class);
        AdjustableClock clock = new AdjustableClock(START);
        EscalationPlanRepository escalationRepository = new EscalationPlanRepository(jdbc);
        escalationPlans = new EscalationPlanService(escalationRepository, references, audit, clock);
        responsePlans = new ResponsePlanService(new ResponsePlanRepository(jdbc), escalationRepository, references,
                audit, clock);
        engagements = new IncidentEngagementRepository(jdbc);
    }

    static EscalationPlan twoStages(String name) {
        return new EscalationPlan(name, "本番 DB：一次→二次", 2, List.of(
                new Stage(5, null, List.of(new Target("hanako", null), new Target(null, "db-primary"))),
                new Stage(15, false, List.of(new Target("yamada", null)))));
    }

    static ResponsePlan withChat(String name, String escalationPlan) {
        return new ResponsePlan(name, "DB 障害", 2, "本番 DB に接続できません", "{{labels.instance}}",
                List.of(new ChatChannel("ops-room", null, null, null, null),
                        new ChatChannel(null, "slack", "https://hooks.slack.com/services/T0/B0/SECRET", "ja",
                                "Asia/Tokyo")),
                escalationPlan, List.of(), "runbook-restart-service");
    }

    @Test
    void escalationPlanRoundTripsWithItsStagesInOrder() {
        escalationPlans.create(twoStages("db-critical"), "manager-user");

        EscalationPlan stored = escalationPlans.get("db-critical");
        assertThat(stored.description()).isEqualTo("本番 DB：一次→二次");
        assertThat(stored.repeat()).isEqualTo(2);
        assertThat(stored.stages()).extracting(Stage::durationMinutes, Stage::acknowledgementStopsPlan)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, true),
                        org.assertj.core.groups.Tuple.tuple(15, false));
        assertThat(stored.stages().get(0).targets())
                .containsExactly(new Target("hanako", null), new Target(null, "db-primary"));
        verify(audit).record(eq("manager-user"), eq("escalation-plan.created"), eq("escalation-plan"),
                eq("db-critical"), anyMap());
    }

    @Test
    void replacingAPlanReplacesItsStages() {
        escalationPlans.create(twoStages("db-critical"), "manager-user");

        escalationPlans.replace("db-critical", new EscalationPlan(null, null, 0,
                List.of(new Stage(30, true, List.of(new Target("taro", null))))), "manager-user");

        EscalationPlan stored = escalationPlans.get("db-critical");
        assertThat(stored.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.durationMinutes()).isEqualTo(30);
            assertThat(stage.targets()).containsExactly(new Target("taro", null));
        });
        assertThat(escalationPlans.list()).extracting(EscalationPlan::name).containsExactly("db-critical");
    }

    @Test
    void escalationPlanInUseCannotBeDeletedUntilItsResponsePlanIsGone() {
        escalationPlans.create(twoStages("db-critical"), "manager-user");
        responsePlans.create(withChat("db-outage", "db-critical"), "manager-user");

        assertThatThrownBy(() -> escalationPlans.delete("db-critical", "manager-user"))
                .isInstanceOf(EngagementConflictException.class).hasMessageContaining("db-outage");
        responsePlans.delete("db-outage", "manager-user");
        escalationPlans.delete("db-critical", "manager-user");

        assertThat(escalationPlans.find("db-critical")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM escalation_target").query(Long.class).single()).isZero();
    }

    @Test
    void responsePlanRoundTripsWithChatChannelsAndRunbook() {
        escalationPlans.create(twoStages("db-critical"), "manager-user");
        responsePlans.create(withChat("db-outage", "db-critical"), "manager-user");

        ResponsePlan stored = responsePlans.get("db-outage");
        assertThat(stored.title()).isEqualTo("DB 障害");
        assertThat(stored.summary()).isEqualTo("本番 DB に接続できません");
        assertThat(stored.impact()).isEqualTo(2);
        assertThat(stored.dedupTemplate()).isEqualTo("{{labels.instance}}");
        assertThat(stored.runbook()).isEqualTo("runbook-restart-service");
        assertThat(stored.chatChannels()).containsExactly(new ChatChannel("ops-room", null, null, null, null),
                new ChatChannel(null, "SLACK", "https://hooks.slack.com/services/T0/B0/SECRET", "ja", "Asia/Tokyo"));
        assertThat(ResponsePlanService.masked(stored).chatChannels().get(1).url())
                .isEqualTo("https://hooks.slack.com/…");
    }

    @Test
    void responsePlanOfAnIntegrationCannotBeDeleted() {
        responsePlans.create(new ResponsePlan("mail-outage", null, null, null, null, List.of(), null,
                List.of("hanako", "taro"), null), "manager-user");
        integrationWith("mail-outage");

        assertThatThrownBy(() -> responsePlans.delete("mail-outage", "manager-user"))
                .isInstanceOf(EngagementConflictException.class).hasMessageContaining("alertmanager-prod");
        assertThat(responsePlans.get("mail-outage").contacts()).containsExactly("hanako", "taro");
    }

    @Test
    void anIntegrationCannotNameAMissingResponsePlan() {
        assertThatThrownBy(() -> integrationWith("missing")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void seedingAnUnchangedPlanAgainChangesNothing() {
        escalationPlans.seed(twoStages("db-critical"));
        escalationPlans.seed(twoStages("db-critical"));
        escalationPlans.seed(new EscalationPlan("db-critical", null, 0,
                List.of(new Stage(5, true, List.of(new Target("hanako", null))))));

        verify(audit, times(1)).record(eq("configuration"), eq("escalation-plan.created"), anyString(), anyString(),
                anyMap());
        verify(audit, times(1)).record(eq("configuration"), eq("escalation-plan.updated"), anyString(), anyString(),
                anyMap());
        assertThat(escalationPlans.get("db-critical").stages()).hasSize(1);
    }

    @Test
    void incidentEngagementKeepsItsStartAndRecordsStagesAndThatNobodyAcknowledged() {
        OffsetDateTime start = START.atOffset(ZoneOffset.UTC).withNano(123456000);
        engagements.start(42, "INC-000042", "db-outage", "db-critical", start);
        engagements.start(42, "INC-000042", "other", null, start.plusMinutes(1));
        engagements.stageEngaged(42, 1, 2, start.plusMinutes(5));
        engagements.nobodyAcknowledged(42, start.plusMinutes(20));
        engagements.nobodyAcknowledged(42, start.plusMinutes(40));

        IncidentEngagementRepository.Row row = engagements.find(42).orElseThrow();
        assertThat(row.responsePlan()).isEqualTo("db-outage");
        assertThat(row.escalationPlan()).isEqualTo("db-critical");
        assertThat(row.startedAt()).isEqualTo(start);
        assertThat(row.lastRound()).isEqualTo(1);
        assertThat(row.lastStage()).isEqualTo(2);
        assertThat(row.lastStageAt()).isEqualTo(start.plusMinutes(5));
        assertThat(row.nobodyAcknowledgedAt()).isEqualTo(start.plusMinutes(20));
    }

    private void integrationWith(String responsePlan) {
        OffsetDateTime now = START.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO integration (name, type, key_hash, key_hint, response_plan, created_at, updated_at)
                VALUES ('alertmanager-prod', 'ALERTMANAGER', :hash, 'abcd', :plan, :now, :now)""")
                .param("hash", "0".repeat(64)).param("plan", responsePlan).param("now", now).update();
    }
}
