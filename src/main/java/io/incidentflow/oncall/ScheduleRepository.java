package io.incidentflow.oncall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * All SQL of on-call schedules, for both H2 (development) and PostgreSQL (production). A schedule is written and
 * replaced as a whole; reading one (or all) takes three queries whatever the number of rotations.
 */
@Repository
class ScheduleRepository {

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the schedule with its rotations and overrides; a taken id fails with a duplicate-key error. */
    void insert(Schedule schedule, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO schedule (id, name, time_zone, created_at, updated_at)
                VALUES (:id, :name, :timeZone, :now, :now)""")
                .param("id", schedule.id())
                .param("name", schedule.name())
                .param("timeZone", schedule.timeZone().getId())
                .param("now", now)
                .update();
        insertParts(schedule, now);
    }

    /** Replaces name, zone, rotations and overrides; false when there is no such schedule. */
    boolean replace(Schedule schedule, OffsetDateTime now) {
        int rows = jdbc.sql("UPDATE schedule SET name = :name, time_zone = :timeZone, updated_at = :now WHERE id = :id")
                .param("name", schedule.name())
                .param("timeZone", schedule.timeZone().getId())
                .param("now", now)
                .param("id", schedule.id())
                .update();
        if (rows == 0) {
            return false;
        }
        // Participants go with their rotations (ON DELETE CASCADE).
        jdbc.sql("DELETE FROM rotation WHERE schedule_id = :id").param("id", schedule.id()).update();
        jdbc.sql("DELETE FROM schedule_override WHERE schedule_id = :id").param("id", schedule.id()).update();
        insertParts(schedule, now);
        return true;
    }

    /** Rotations, participants and overrides go with the schedule (ON DELETE CASCADE). */
    boolean delete(String id) {
        return jdbc.sql("DELETE FROM schedule WHERE id = :id").param("id", id).update() > 0;
    }

    boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM schedule WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    Optional<Schedule> find(String id) {
        return load(id).stream().findFirst();
    }

    /** Every schedule, by id. */
    List<Schedule> findAll() {
        return load(null);
    }

    /** Stores one more override and answers it with its id. */
    ScheduleOverride insertOverride(String scheduleId, ScheduleOverride override, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO schedule_override (schedule_id, starts_at, ends_at, replaced_contact_id, contact_id, created_at)
                VALUES (:scheduleId, :start, :end, :replaces, :contact, :now)""")
                .param("scheduleId", scheduleId)
                .param("start", utc(override.start()))
                .param("end", utc(override.end()))
                .param("replaces", override.replaces())
                .param("contact", override.contact())
                .param("now", now)
                // Naming the key column keeps PostgreSQL from returning every column as a "key".
                .update(keys, "id");
        return override.withId(keys.getKeyAs(Number.class).longValue());
    }

    /** False when the schedule has no such override. */
    boolean deleteOverride(String scheduleId, long overrideId) {
        return jdbc.sql("DELETE FROM schedule_override WHERE id = :id AND schedule_id = :scheduleId")
                .param("id", overrideId)
                .param("scheduleId", scheduleId)
                .update() > 0;
    }

    private void insertParts(Schedule schedule, OffsetDateTime now) {
        for (int layer = 0; layer < schedule.rotations().size(); layer++) {
            insertRotation(schedule.id(), layer, schedule.rotations().get(layer));
        }
        schedule.overrides().forEach(override -> insertOverride(schedule.id(), override, now));
    }

    private void insertRotation(String scheduleId, int layer, Rotation rotation) {
        DailyWindow window = rotation.window();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rotation (schedule_id, layer, name, shift_length, shift_unit, handoff_time, time_zone,
                                      start_date, window_days, window_start, window_end)
                VALUES (:scheduleId, :layer, :name, :shiftLength, :shiftUnit, :handoffTime, :timeZone,
                        :startDate, :windowDays, :windowStart, :windowEnd)""")
                .param("scheduleId", scheduleId)
                .param("layer", layer)
                .param("name", rotation.name())
                .param("shiftLength", rotation.shiftLength())
                .param("shiftUnit", rotation.shiftUnit().name())
                .param("handoffTime", rotation.handoffTime())
                .param("timeZone", rotation.timeZone().getId())
                .param("startDate", rotation.startDate())
                .param("windowDays", window == null ? null : days(window))
                .param("windowStart", window == null ? null : window.start())
                .param("windowEnd", window == null ? null : window.end())
                .update(keys, "id");
        long rotationId = keys.getKeyAs(Number.class).longValue();
        for (int turn = 0; turn < rotation.participants().size(); turn++) {
            jdbc.sql("INSERT INTO rotation_participant (rotation_id, turn, contact_id) VALUES (:rotationId, :turn, :contact)")
                    .param("rotationId", rotationId)
                    .param("turn", turn)
                    .param("contact", rotation.participants().get(turn))
                    .update();
        }
    }

    /** One schedule, or all of them when {@code id} is null. */
    private List<Schedule> load(String id) {
        Map<String, List<Rotation>> rotations = loadRotations(id);
        Map<String, List<ScheduleOverride>> overrides = new HashMap<>();
        select("SELECT id, schedule_id, starts_at, ends_at, replaced_contact_id, contact_id FROM schedule_override",
                "schedule_id", "schedule_id, starts_at, id", id, rs -> overrides
                        .computeIfAbsent(rs.getString("schedule_id"), key -> new ArrayList<>())
                        .add(override(rs)));
        List<Schedule> schedules = new ArrayList<>();
        select("SELECT id, name, time_zone FROM schedule", "id", "id", id, rs -> {
            String scheduleId = rs.getString("id");
            schedules.add(new Schedule(scheduleId, rs.getString("name"), ZoneId.of(rs.getString("time_zone")),
                    rotations.getOrDefault(scheduleId, List.of()), overrides.getOrDefault(scheduleId, List.of())));
        });
        return schedules;
    }

    /**
     * Rotations by schedule, in layer order. One statement with the participants, so that a rotation and its
     * participants come from the same committed state even while another transaction replaces the schedule.
     */
    private Map<String, List<Rotation>> loadRotations(String id) {
        Map<Long, RotationRows> rows = new LinkedHashMap<>();
        select("""
                SELECT r.id, r.schedule_id, r.name, r.shift_length, r.shift_unit, r.handoff_time, r.time_zone,
                       r.start_date, r.window_days, r.window_start, r.window_end, p.contact_id
                  FROM rotation r JOIN rotation_participant p ON p.rotation_id = r.id""", "r.schedule_id",
                "r.schedule_id, r.layer, p.turn", id, rs -> {
                    // Not computeIfAbsent: reading the columns may throw SQLException.
                    RotationRows rotation = rows.get(rs.getLong("id"));
                    if (rotation == null) {
                        rotation = new RotationRows(rs.getString("schedule_id"), RotationColumns.of(rs),
                                new ArrayList<>());
                        rows.put(rs.getLong("id"), rotation);
                    }
                    rotation.participants().add(rs.getString("contact_id"));
                });
        return rows.values().stream().collect(Collectors.groupingBy(RotationRows::scheduleId, LinkedHashMap::new,
                Collectors.mapping(RotationRows::toRotation, Collectors.toList())));
    }

    /** A rotation's columns from its first row, and its participants gathered from all of its rows. */
    private record RotationRows(String scheduleId, RotationColumns columns, List<String> participants) {

        Rotation toRotation() {
            return columns.toRotation(participants);
        }
    }

    private record RotationColumns(String name, int shiftLength, ShiftUnit shiftUnit, LocalTime handoffTime,
            ZoneId timeZone, LocalDate startDate, DailyWindow window) {

        static RotationColumns of(ResultSet rs) throws SQLException {
            String windowDays = rs.getString("window_days");
            DailyWindow window = windowDays == null ? null : new DailyWindow(
                    Arrays.stream(windowDays.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet()),
                    rs.getObject("window_start", LocalTime.class),
                    rs.getObject("window_end", LocalTime.class));
            return new RotationColumns(
                    rs.getString("name"),
                    rs.getInt("shift_length"),
                    ShiftUnit.valueOf(rs.getString("shift_unit")),
                    rs.getObject("handoff_time", LocalTime.class),
                    ZoneId.of(rs.getString("time_zone")),
                    rs.getObject("start_date", LocalDate.class),
                    window);
        }

        Rotation toRotation(List<String> participants) {
            return new Rotation(name, participants, shiftLength, shiftUnit, handoffTime, timeZone, startDate, window);
        }
    }

    /** Only a given id becomes a condition: PostgreSQL cannot type a bare {@code :id IS NULL}. */
    private void select(String select, String idColumn, String orderBy, String id, RowCallbackHandler row) {
        String where = id == null ? "" : " WHERE " + idColumn + " = :id";
        JdbcClient.StatementSpec statement = jdbc.sql(select + where + " ORDER BY " + orderBy);
        (id == null ? statement : statement.param("id", id)).query(row);
    }

    private static ScheduleOverride override(ResultSet rs) throws SQLException {
        return new ScheduleOverride(
                rs.getLong("id"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getString("replaced_contact_id"),
                rs.getString("contact_id"));
    }

    private static String days(DailyWindow window) {
        return window.days().stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
