package io.incidentflow.engagement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.incidentflow.engagement.ResponsePlan.ChatChannel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The response_plan, response_plan_contact and response_plan_chat tables; a plan is written as a whole. */
@Repository
class ResponsePlanRepository {

    private final JdbcClient jdbc;

    ResponsePlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM response_plan WHERE name = :name").param("name", name)
                .query(Long.class).single() > 0;
    }

    List<String> names() {
        return jdbc.sql("SELECT name FROM response_plan ORDER BY name").query(String.class).list();
    }

    Optional<ResponsePlan> find(String name) {
        record Head(String title, Integer impact, String summary, String dedupTemplate, String escalationPlan,
                String runbook) {
        }
        return jdbc.sql("""
                SELECT title, impact, summary, dedup_template, escalation_plan, runbook
                  FROM response_plan WHERE name = :name""")
                .param("name", name)
                .query((rs, n) -> new Head(rs.getString("title"), rs.getObject("impact", Integer.class),
                        rs.getString("summary"), rs.getString("dedup_template"), rs.getString("escalation_plan"),
                        rs.getString("runbook")))
                .optional()
                .map(head -> new ResponsePlan(name, head.title(), head.impact(), head.summary(), head.dedupTemplate(),
                        chats(name), head.escalationPlan(), contacts(name), head.runbook()));
    }

    private List<ChatChannel> chats(String name) {
        return jdbc.sql("""
                SELECT contact_id, channel_type, webhook_url, locale, time_zone FROM response_plan_chat
                 WHERE plan_name = :name ORDER BY chat_no""")
                .param("name", name)
                .query((rs, n) -> new ChatChannel(rs.getString("contact_id"), rs.getString("channel_type"),
                        rs.getString("webhook_url"), rs.getString("locale"), rs.getString("time_zone")))
                .list();
    }

    private List<String> contacts(String name) {
        return jdbc.sql("SELECT contact_id FROM response_plan_contact WHERE plan_name = :name ORDER BY contact_no")
                .param("name", name).query(String.class).list();
    }

    void insert(ResponsePlan plan, String actor, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO response_plan (name, title, impact, summary, dedup_template, escalation_plan, runbook,
                                           created_at, created_by, updated_at, updated_by)
                VALUES (:name, :title, :impact, :summary, :dedupTemplate, :escalationPlan, :runbook, :now, :actor,
                        :now, :actor)""")
                .paramSource(new PlanParams(plan, actor, now))
                .update();
        insertLists(plan);
    }

    void replace(ResponsePlan plan, String actor, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE response_plan SET title = :title, impact = :impact, summary = :summary,
                       dedup_template = :dedupTemplate, escalation_plan = :escalationPlan, runbook = :runbook,
                       updated_at = :now, updated_by = :actor
                 WHERE name = :name""")
                .paramSource(new PlanParams(plan, actor, now))
                .update();
        deleteLists(plan.name());
        insertLists(plan);
    }

    int delete(String name) {
        deleteLists(name);
        return jdbc.sql("DELETE FROM response_plan WHERE name = :name").param("name", name).update();
    }

    /** The integrations that open incidents with this plan: a plan in use cannot be deleted. */
    List<String> usedBy(String name) {
        return jdbc.sql("SELECT name FROM integration WHERE response_plan = :name ORDER BY name")
                .param("name", name).query(String.class).list();
    }

    boolean lock(String name) {
        return jdbc.sql("SELECT name FROM response_plan WHERE name = :name FOR UPDATE").param("name", name)
                .query(String.class).optional().isPresent();
    }

    private void deleteLists(String name) {
        jdbc.sql("DELETE FROM response_plan_chat WHERE plan_name = :name").param("name", name).update();
        jdbc.sql("DELETE FROM response_plan_contact WHERE plan_name = :name").param("name", name).update();
    }

    private void insertLists(ResponsePlan plan) {
        for (int i = 0; i < plan.contacts().size(); i++) {
            jdbc.sql("INSERT INTO response_plan_contact (plan_name, contact_no, contact_id) VALUES (:name, :no, :contact)")
                    .param("name", plan.name())
                    .param("no", i + 1)
                    .param("contact", plan.contacts().get(i))
                    .update();
        }
        for (int i = 0; i < plan.chatChannels().size(); i++) {
            ChatChannel chat = plan.chatChannels().get(i);
            jdbc.sql("""
                    INSERT INTO response_plan_chat (plan_name, chat_no, contact_id, channel_type, webhook_url, locale,
                                                    time_zone)
                    VALUES (:name, :no, :contact, :type, :url, :locale, :zone)""")
                    .param("name", plan.name())
                    .param("no", i + 1)
                    .param("contact", chat.contact())
                    .param("type", chat.type())
                    .param("url", chat.url())
                    .param("locale", chat.locale())
                    .param("zone", chat.timeZone())
                    .update();
        }
    }

    /** Named parameters of the plan's own row. */
    private static final class PlanParams extends org.springframework.jdbc.core.namedparam.MapSqlParameterSource {

        PlanParams(ResponsePlan plan, String actor, OffsetDateTime now) {
            addValue("name", plan.name());
            addValue("title", plan.title());
            addValue("impact", plan.impact());
            addValue("summary", plan.summary());
            addValue("dedupTemplate", plan.dedupTemplate());
            addValue("escalationPlan", plan.escalationPlan());
            addValue("runbook", plan.runbook());
            addValue("now", now);
            addValue("actor", actor);
        }
    }
}
