package io.incidentflow.oncall;

import static io.incidentflow.oncall.RotationMathTest.TOKYO;
import static io.incidentflow.oncall.RotationMathTest.WEEKDAYS;
import static io.incidentflow.oncall.RotationMathTest.tokyo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Schedules stored and read back through the service, run unchanged against H2 and PostgreSQL (see the
 * subclasses), with the audit hook mocked.
 */
abstract class ScheduleStoreContract {

    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    abstract DataSource dataSource();

    JdbcClient jdbc;
    ScheduleChanges changes;
    OnCallService service;

    @BeforeEach
    void cleanDatabaseAndWireService() {
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("DELETE FROM schedule").update();
        changes = mock(ScheduleChanges.class);
        service = new OnCallService(new ScheduleRepository(jdbc), changes, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // --- create and read --------------------------------------------------------------------------------

    @Test
    void aCreatedScheduleReadsBackEqualWithLayersParticipantsWindowsAndOverrides() {
        Schedule created = service.create(dbPrimary(), "manager-user");

        assertThat(withoutOverrideIds(created)).isEqualTo(dbPrimary());
        assertThat(created.overrides()).allSatisfy(override -> assertThat(override.id()).isNotNull());
        assertThat(service.get("db-primary")).isEqualTo(created);
        Rotation office = created.rotations().get(1);
        assertThat(office.participants()).containsExactly("hanako", "taro", "hanako");
        assertThat(office.window().days()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(created.rotations().get(0).timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(created.rotations().get(2).window().crossesMidnight()).isTrue();
    }

    @Test
    void japaneseNamesAndContactsRoundTripUnchanged() {
        Schedule schedule = new Schedule("kikan-db", "基幹DB 当番（本番）", TOKYO, List.of(new Rotation("平日 日勤",
                List.of("山田", "鈴木"), 1, ShiftUnit.WEEKS, LocalTime.of(9, 0), TOKYO, LocalDate.of(2026, 3, 2), null)),
                List.of());

        Schedule read = service.create(schedule, "manager-user");

        assertThat(read).isEqualTo(schedule);
        assertThat(service.whoIsOnCall("kikan-db", tokyo("2026-03-03T10:00"))).containsExactly("山田");
    }

    @Test
    void overrideInstantsReadBackInUtcToTheMicrosecond() {
        Instant start = Instant.parse("2026-03-04T01:02:03.123456789Z");
        Schedule schedule = schedule("tz", List.of(new ScheduleOverride(null, start, start.plusSeconds(3600), null,
                "kenji")));

        ScheduleOverride read = service.create(schedule, "manager-user").overrides().get(0);

        assertThat(read.start()).isEqualTo(Instant.parse("2026-03-04T01:02:03.123456Z"));
        assertThat(read.end()).isEqualTo(Instant.parse("2026-03-04T02:02:03.123456Z"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM schedule_override WHERE starts_at = :start")
                .param("start", OffsetDateTime.parse("2026-03-04T10:02:03.123456+09:00"))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void listAnswersEverySchedulesByIdWithTheirParts() {
        service.create(schedule("network", List.of()), "manager-user");
        service.create(dbPrimary(), "manager-user");

        List<Schedule> all = service.list();

        assertThat(all).extracting(Schedule::id).containsExactly("db-primary", "network");
        assertThat(all.get(0).rotations()).hasSize(3);
        assertThat(all.get(0).overrides()).hasSize(2);
        assertThat(all.get(1).rotations()).hasSize(1);
        assertThat(all.get(1).overrides()).isEmpty();
    }

    @Test
    void aTakenIdIsAConflictAndTheExistingScheduleStays() {
        service.create(dbPrimary(), "manager-user");
        Schedule other = new Schedule("db-primary", "Other", TOKYO, schedule("x", List.of()).rotations(), List.of());

        assertThatThrownBy(() -> service.create(other, "manager-user"))
                .isInstanceOf(ScheduleAlreadyExistsException.class)
                .hasMessageContaining("db-primary");
        assertThat(service.get("db-primary").name()).isEqualTo("DB primary");
    }

    @Test
    void anUnknownScheduleIsNotFound() {
        assertThatThrownBy(() -> service.get("nope")).isInstanceOf(ScheduleNotFoundException.class)
                .hasMessage("There is no schedule nope.");
        assertThatThrownBy(() -> service.whoIsOnCall("nope", NOW))
                .isInstanceOfSatisfying(ScheduleNotFoundException.class,
                        e -> assertThat(e.scheduleId()).isEqualTo("nope"));
        assertThatThrownBy(() -> service.nextShifts("nope", NOW, 5)).isInstanceOf(ScheduleNotFoundException.class);
    }

    @Test
    void existsTellsKnownSchedulesFromUnknownOnes() {
        service.create(dbPrimary(), "manager-user");

        assertThat(service.exists("db-primary")).isTrue();
        assertThat(service.exists("db-secondary")).isFalse();
        assertThat(service.exists(null)).isFalse();
    }

    // --- replace and delete -----------------------------------------------------------------------------

    @Test
    void replaceSwapsNameZoneRotationsAndOverridesAndLeavesNoOrphans() {
        service.create(dbPrimary(), "manager-user");
        Schedule replacement = new Schedule("db-primary", "DB primary (new)", ZoneId.of("Europe/Berlin"),
                List.of(new Rotation("solo", List.of("kenji", "yui"), 12, ShiftUnit.HOURS, LocalTime.of(8, 0),
                        ZoneId.of("Europe/Berlin"), LocalDate.of(2026, 3, 1), null)),
                List.of(new ScheduleOverride(null, NOW, NOW.plusSeconds(60), "yui", "kenji")));

        Schedule read = service.replace(replacement, "admin");

        assertThat(withoutOverrideIds(read)).isEqualTo(replacement);
        assertThat(count("rotation")).isEqualTo(1);
        assertThat(count("rotation_participant")).isEqualTo(2);
        assertThat(count("schedule_override")).isEqualTo(1);
    }

    @Test
    void replacingAnUnknownScheduleIsNotFoundAndCreatesNothing() {
        assertThatThrownBy(() -> service.replace(dbPrimary(), "admin")).isInstanceOf(ScheduleNotFoundException.class);
        assertThat(count("schedule")).isZero();
        assertThat(count("rotation")).isZero();
    }

    @Test
    void deleteRemovesTheScheduleWithAllItsParts() {
        service.create(dbPrimary(), "manager-user");
        service.create(schedule("network", List.of()), "manager-user");

        service.delete("db-primary", "admin");

        assertThat(service.exists("db-primary")).isFalse();
        assertThat(count("rotation")).isEqualTo(1);
        assertThat(count("rotation_participant")).isEqualTo(2);
        assertThat(count("schedule_override")).isZero();
        assertThatThrownBy(() -> service.delete("db-primary", "admin")).isInstanceOf(ScheduleNotFoundException.class);
    }

    // --- overrides --------------------------------------------------------------------------------------

    @Test
    void anOverrideAddedLaterTakesEffectAndCanBeRemoved() {
        service.create(schedule("network", List.of()), "manager-user");
        Instant monday = tokyo("2026-03-02T10:00");
        ScheduleOverride swap = new ScheduleOverride(null, tokyo("2026-03-02T09:00"), tokyo("2026-03-02T18:00"),
                "hanako", "jiro");

        ScheduleOverride stored = service.addOverride("network", swap, "manager-user");

        assertThat(stored.id()).isNotNull();
        assertThat(service.whoIsOnCall("network", monday)).containsExactly("jiro");
        assertThat(service.removeOverride("network", stored.id(), "manager-user")).isTrue();
        assertThat(service.whoIsOnCall("network", monday)).containsExactly("hanako");
        assertThat(service.removeOverride("network", stored.id(), "manager-user")).isFalse();
    }

    @Test
    void anOverrideIsRemovedOnlyFromItsOwnSchedule() {
        service.create(schedule("network", List.of()), "manager-user");
        service.create(schedule("storage", List.of()), "manager-user");
        ScheduleOverride stored = service.addOverride("network", new ScheduleOverride(null, NOW, NOW.plusSeconds(60),
                null, "kenji"), "manager-user");

        assertThat(service.removeOverride("storage", stored.id(), "manager-user")).isFalse();
        assertThat(service.get("network").overrides()).containsExactly(stored);
        assertThatThrownBy(() -> service.removeOverride("nope", stored.id(), "manager-user"))
                .isInstanceOf(ScheduleNotFoundException.class);
    }

    @Test
    void anOverrideMustReplaceSomeoneWhoTakesTurns() {
        service.create(schedule("network", List.of()), "manager-user");
        ScheduleOverride typo = new ScheduleOverride(null, NOW, NOW.plusSeconds(60), "hanak0", "jiro");

        assertThatThrownBy(() -> service.addOverride("network", typo, "manager-user"))
                .isInstanceOfSatisfying(ScheduleValidationException.class, e -> assertThat(e.errors())
                        .extracting(ScheduleValidationException.FieldError::field).containsExactly("replaces"));
        assertThatThrownBy(() -> service.create(schedule("storage", List.of(
                new ScheduleOverride(null, NOW, NOW.plusSeconds(60), "hanako", "jiro"), typo)), "manager-user"))
                .isInstanceOfSatisfying(ScheduleValidationException.class, e -> assertThat(e.errors())
                        .extracting(ScheduleValidationException.FieldError::field)
                        .containsExactly("overrides[1].replaces"));
        assertThat(count("schedule_override")).isZero();
        assertThat(service.exists("storage")).isFalse();
    }

    // --- on call ----------------------------------------------------------------------------------------

    @Test
    void whoIsOnCallAndNextShiftsAnswerFromTheStoredSchedule() {
        service.create(dbPrimary(), "manager-user");

        // Tuesday 10:00 in Tokyo is business hours; the stored override hands hanako's Wednesday to jiro.
        assertThat(service.whoIsOnCall("db-primary", tokyo("2026-03-03T10:00"))).containsExactly("taro");
        assertThat(service.whoIsOnCall("db-primary", tokyo("2026-03-04T10:00"))).containsExactly("jiro");
        assertThat(service.whoIsOnCall("db-primary", tokyo("2026-03-04T20:00"))).containsExactly("yui");
        assertThat(service.nextShifts("db-primary", tokyo("2026-03-04T12:00"), 2)).containsExactly(
                new Shift(tokyo("2026-03-04T09:00"), tokyo("2026-03-04T18:00"), List.of("jiro"), 1, true),
                new Shift(tokyo("2026-03-04T18:00"), tokyo("2026-03-05T09:00"), List.of("yui"), 2, false));
    }

    @Test
    void nobodyIsOnCallBeforeAnyRotationStarts() {
        service.create(dbPrimary(), "manager-user");

        assertThat(service.whoIsOnCall("db-primary", Instant.parse("2025-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void instantsOutsideTheSupportedYearsAreRefused() {
        service.create(dbPrimary(), "manager-user");

        assertThatThrownBy(() -> service.whoIsOnCall("db-primary", Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(ScheduleValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("at"));
        assertThatThrownBy(() -> service.whoIsOnCall("db-primary", null))
                .isInstanceOf(ScheduleValidationException.class);
        assertThatThrownBy(() -> service.nextShifts("db-primary", Instant.MIN, 5))
                .isInstanceOfSatisfying(ScheduleValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("from"));
    }

    // --- audit hook -------------------------------------------------------------------------------------

    @Test
    void everyChangeIsHandedToTheAuditHookWithItsActor() {
        service.create(dbPrimary(), "manager-user");
        service.replace(dbPrimary(), "admin");
        ScheduleOverride stored = service.addOverride("db-primary", new ScheduleOverride(null, NOW,
                NOW.plusSeconds(60), null, "kenji"), "manager-user");
        service.removeOverride("db-primary", stored.id(), "manager-user");
        service.delete("db-primary", "admin");

        InOrder order = inOrder(changes);
        order.verify(changes).record("manager-user", ScheduleChanges.CREATED, "db-primary", Map.of("name",
                "DB primary", "timeZone", "Asia/Tokyo", "rotations", List.of("backstop", "office", "nights"),
                "overrides", 2));
        order.verify(changes).record(eq("admin"), eq(ScheduleChanges.REPLACED), eq("db-primary"), anyMap());
        order.verify(changes).record(eq("manager-user"), eq(ScheduleChanges.OVERRIDE_ADDED), eq("db-primary"),
                eq(overrideDetails(stored)));
        order.verify(changes).record("manager-user", ScheduleChanges.OVERRIDE_REMOVED, "db-primary",
                Map.of("overrideId", stored.id()));
        order.verify(changes).record(eq("admin"), eq(ScheduleChanges.DELETED), eq("db-primary"), anyMap());
    }

    @Test
    void readingAndRefusedChangesAreNotAudited() {
        service.create(dbPrimary(), "manager-user");
        clearInvocations(changes);

        service.list();
        service.whoIsOnCall("db-primary", NOW);
        assertThatThrownBy(() -> service.create(dbPrimary(), "manager-user"))
                .isInstanceOf(ScheduleAlreadyExistsException.class);
        assertThat(service.removeOverride("db-primary", 999_999, "manager-user")).isFalse();

        verify(changes, never()).record(anyString(), anyString(), anyString(), anyMap());
    }

    // --- the tables' own rules ----------------------------------------------------------------------------

    @Test
    void theDatabaseRejectsAShiftLengthBelowOneAndAnUnknownUnit() {
        service.create(schedule("network", List.of()), "manager-user");

        assertThatThrownBy(() -> insertRotation(0, "DAYS")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertRotation(1, "MONTHS")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theDatabaseRejectsAnOverrideThatEndsBeforeItStarts() {
        service.create(schedule("network", List.of()), "manager-user");

        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO schedule_override (schedule_id, starts_at, ends_at, contact_id, created_at)
                VALUES ('network', :start, :start, 'kenji', :start)""")
                .param("start", NOW.atOffset(ZoneOffset.UTC))
                .update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    // --- fixtures ---------------------------------------------------------------------------------------

    /** Tokyo: a New York backstop, business hours (hanako twice as often) and nights, with two overrides. */
    static Schedule dbPrimary() {
        ZoneId newYork = ZoneId.of("America/New_York");
        return new Schedule("db-primary", "DB primary", TOKYO, List.of(
                new Rotation("backstop", List.of("alice", "bob"), 1, ShiftUnit.WEEKS, LocalTime.of(9, 0), newYork,
                        LocalDate.of(2026, 3, 2), null),
                new Rotation("office", List.of("hanako", "taro", "hanako"), 1, ShiftUnit.DAYS, LocalTime.of(9, 0),
                        TOKYO, LocalDate.of(2026, 3, 2), new DailyWindow(WEEKDAYS, LocalTime.of(9, 0),
                                LocalTime.of(18, 0))),
                new Rotation("nights", List.of("yui", "kenji"), 1, ShiftUnit.WEEKS, LocalTime.of(18, 0), TOKYO,
                        LocalDate.of(2026, 3, 2), new DailyWindow(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY), LocalTime.of(18, 0), LocalTime.of(9, 0)))),
                List.of(new ScheduleOverride(null, tokyo("2026-03-04T00:00"), tokyo("2026-03-05T00:00"), "hanako",
                                "jiro"),
                        new ScheduleOverride(null, tokyo("2026-05-01T00:00"), tokyo("2026-05-07T00:00"), null,
                                "kenji")));
    }

    static Schedule schedule(String id, List<ScheduleOverride> overrides) {
        return new Schedule(id, id, TOKYO, List.of(new Rotation("daily", List.of("hanako", "taro"), 1,
                ShiftUnit.DAYS, LocalTime.of(9, 0), TOKYO, LocalDate.of(2026, 3, 2), null)), overrides);
    }

    static Schedule withoutOverrideIds(Schedule schedule) {
        return new Schedule(schedule.id(), schedule.name(), schedule.timeZone(), schedule.rotations(),
                schedule.overrides().stream().map(override -> new ScheduleOverride(null, override.start(),
                        override.end(), override.replaces(), override.contact())).toList());
    }

    static Map<String, Object> overrideDetails(ScheduleOverride override) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("overrideId", override.id());
        details.put("start", override.start().toString());
        details.put("end", override.end().toString());
        details.put("replaces", override.replaces());
        details.put("contact", override.contact());
        return details;
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private void insertRotation(int shiftLength, String unit) {
        jdbc.sql("""
                INSERT INTO rotation (schedule_id, layer, name, shift_length, shift_unit, handoff_time, time_zone,
                                      start_date)
                VALUES ('network', 5, 'bad', :length, :unit, :time, 'Asia/Tokyo', :date)""")
                .param("length", shiftLength)
                .param("unit", unit)
                .param("time", LocalTime.of(9, 0))
                .param("date", LocalDate.of(2026, 3, 2))
                .update();
    }
}
