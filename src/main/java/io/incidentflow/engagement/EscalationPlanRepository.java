package io.incidentflow.engagement;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.incidentflow.engagement.EscalationPlan.Stage;
import io.incidentflow.engagement.EscalationPlan.Target;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The escalation_plan, escalation_stage and escalation_target tables; a plan is written as a whole. */
@Repository
class EscalationPlanRepository {

    private final JdbcClient jdbc;

    EscalationPlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM escalation_plan WHERE name = :name").param("name", name)
                .query(Long.class).single() > 0;
    }

    List<String> names() {
        return jdbc.sql("SELECT name FROM escalation_plan ORDER BY name").query(String.class).list();
    }

    Optional<EscalationPlan> find(String name) {
        record Head(String description, int repeat) {
        }
        Optional<Head> head = jdbc.sql("SELECT description, repeat_count FROM escalation_plan WHERE name = :name")
                .param("name", name)
                .query((rs, n) -> new Head(rs.getString("description"), rs.getInt("repeat_count")))
                .optional();
        return head.map(found -> new EscalationPlan(name, found.description(), found.repeat(), stages(name)));
    }

    private List<Stage> stages(String name) {
        record StageRow(int number, int minutes, boolean stops) {
        }
        List<StageRow> rows = jdbc.sql("""
                SELECT stage_no, duration_minutes, ack_stops_plan FROM escalation_stage
                 WHERE plan_name = :name ORDER BY stage_no""")
                .param("name", name)
                .query((rs, n) -> new StageRow(rs.getInt("stage_no"), rs.getInt("duration_minutes"),
                        rs.getBoolean("ack_stops_plan")))
                .list();
        Map<Integer, List<Target>> targets = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT stage_no, contact_id, schedule_id FROM escalation_target
                 WHERE plan_name = :name ORDER BY stage_no, target_no""")
                .param("name", name)
                .query(rs -> {
                    targets.computeIfAbsent(rs.getInt("stage_no"), stage -> new ArrayList<>())
                            .add(new Target(rs.getString("contact_id"), rs.getString("schedule_id")));
                });
        return rows.stream()
                .map(row -> new Stage(row.minutes(), row.stops(), targets.getOrDefault(row.number(), List.of())))
                .toList();
    }

    void insert(EscalationPlan plan, String actor, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO escalation_plan (name, description, repeat_count, created_at, created_by, updated_at,
                                             updated_by)
                VALUES (:name, :description, :repeat, :now, :actor, :now, :actor)""")
                .param("name", plan.name())
                .param("description", plan.description())
                .param("repeat", plan.repeat())
                .param("now", now)
                .param("actor", actor)
                .update();
        insertStages(plan);
    }

    void replace(EscalationPlan plan, String actor, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE escalation_plan SET description = :description, repeat_count = :repeat, updated_at = :now,
                       updated_by = :actor
                 WHERE name = :name""")
                .param("name", plan.name())
                .param("description", plan.description())
                .param("repeat", plan.repeat())
                .param("now", now)
                .param("actor", actor)
                .update();
        jdbc.sql("DELETE FROM escalation_target WHERE plan_name = :name").param("name", plan.name()).update();
        jdbc.sql("DELETE FROM escalation_stage WHERE plan_name = :name").param("name", plan.name()).update();
        insertStages(plan);
    }

    int delete(String name) {
        jdbc.sql("DELETE FROM escalation_target WHERE plan_name = :name").param("name", name).update();
        jdbc.sql("DELETE FROM escalation_stage WHERE plan_name = :name").param("name", name).update();
        return jdbc.sql("DELETE FROM escalation_plan WHERE name = :name").param("name", name).update();
    }

    /** The response plans that engage this escalation plan: a plan in use cannot be deleted. */
    List<String> usedBy(String name) {
        return jdbc.sql("SELECT name FROM response_plan WHERE escalation_plan = :name ORDER BY name")
                .param("name", name).query(String.class).list();
    }

    /** Locks the plan's row, so that concurrent changes of one plan queue instead of interleaving. */
    boolean lock(String name) {
        return jdbc.sql("SELECT name FROM escalation_plan WHERE name = :name FOR UPDATE").param("name", name)
                .query(String.class).optional().isPresent();
    }

    private void insertStages(EscalationPlan plan) {
        for (int s = 0; s < plan.stages().size(); s++) {
            Stage stage = plan.stages().get(s);
            jdbc.sql("""
                    INSERT INTO escalation_stage (plan_name, stage_no, duration_minutes, ack_stops_plan)
                    VALUES (:name, :stage, :minutes, :stops)""")
                    .param("name", plan.name())
                    .param("stage", s + 1)
                    .param("minutes", stage.durationMinutes())
                    .param("stops", stage.acknowledgementStopsPlan())
                    .update();
            for (int t = 0; t < stage.targets().size(); t++) {
                Target target = stage.targets().get(t);
                jdbc.sql("""
                        INSERT INTO escalation_target (plan_name, stage_no, target_no, contact_id, schedule_id)
                        VALUES (:name, :stage, :target, :contact, :schedule)""")
                        .param("name", plan.name())
                        .param("stage", s + 1)
                        .param("target", t + 1)
                        .param("contact", target.contact())
                        .param("schedule", target.schedule())
                        .update();
            }
        }
    }
}
