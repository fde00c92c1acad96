package io.incidentflow.oncall;

import static io.incidentflow.oncall.ShiftUnit.DAYS;
import static io.incidentflow.oncall.ShiftUnit.HOURS;
import static io.incidentflow.oncall.ShiftUnit.WEEKS;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rotation maths on its own. New York's 2026 daylight-saving changes are the interesting cases: clocks spring
 * forward on Sunday 2026-03-08 at 02:00 (EST, UTC-5, to EDT, UTC-4) and fall back on Sunday 2026-11-01 at 02:00.
 * Expected instants are written out in UTC so that the tests do not share the code's arithmetic.
 */
class RotationMathTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Set<DayOfWeek> WEEKDAYS = Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

    @Nested
    class DailyAndHourlyInTokyo {

        final Rotation daily = rotation(List.of("hanako", "taro", "jiro"), 1, DAYS, "09:00", TOKYO, "2026-04-01");

        @Test
        void nobodyIsOnCallBeforeTheFirstHandOff() {
            assertThat(onCall(daily, tokyo("2026-04-01T08:59:59"))).isEmpty();
            assertThat(RotationMath.turnAt(daily, tokyo("2026-04-01T08:59:59"))).isEqualTo(-1);
        }

        @Test
        void participantsTakeTurnsHandingOffAtTheLocalHandOffTime() {
            assertThat(onCall(daily, tokyo("2026-04-01T09:00"))).containsExactly("hanako");
            assertThat(onCall(daily, tokyo("2026-04-02T08:59:59"))).containsExactly("hanako");
            assertThat(onCall(daily, tokyo("2026-04-02T09:00"))).containsExactly("taro");
            assertThat(onCall(daily, tokyo("2026-04-03T23:00"))).containsExactly("jiro");
            assertThat(onCall(daily, tokyo("2026-04-04T09:00"))).containsExactly("hanako");
            assertThat(RotationMath.handoff(daily, 1)).isEqualTo(Instant.parse("2026-04-02T00:00:00Z"));
        }

        @Test
        void turnsKeepCountingFarIntoTheFuture() {
            Instant threeHundredDaysOn = LocalDate.of(2026, 4, 1).plusDays(300).atTime(10, 0).atZone(TOKYO).toInstant();
            Instant threeHundredOneDaysOn = threeHundredDaysOn.plus(Duration.ofDays(1));

            assertThat(onCall(daily, threeHundredDaysOn)).containsExactly("hanako");
            assertThat(onCall(daily, threeHundredOneDaysOn)).containsExactly("taro");
        }

        @Test
        void aTwoDayShiftHandsOffEverySecondDay() {
            Rotation twoDays = rotation(List.of("hanako", "taro"), 2, DAYS, "09:00", TOKYO, "2026-04-01");

            assertThat(onCall(twoDays, tokyo("2026-04-02T20:00"))).containsExactly("hanako");
            assertThat(onCall(twoDays, tokyo("2026-04-03T08:59"))).containsExactly("hanako");
            assertThat(onCall(twoDays, tokyo("2026-04-03T09:00"))).containsExactly("taro");
            assertThat(onCall(twoDays, tokyo("2026-04-05T09:00"))).containsExactly("hanako");
        }

        @Test
        void eightHourShiftsRunThreeTimesADayFromTheHandOffTime() {
            Rotation shifts = rotation(List.of("hanako", "taro", "jiro"), 8, HOURS, "06:00", TOKYO, "2026-04-01");

            assertThat(onCall(shifts, tokyo("2026-04-01T06:00"))).containsExactly("hanako");
            assertThat(onCall(shifts, tokyo("2026-04-01T14:00"))).containsExactly("taro");
            assertThat(onCall(shifts, tokyo("2026-04-01T22:00"))).containsExactly("jiro");
            assertThat(onCall(shifts, tokyo("2026-04-02T05:59:59"))).containsExactly("jiro");
            assertThat(onCall(shifts, tokyo("2026-04-02T06:00"))).containsExactly("hanako");
        }

        @Test
        void theRotationsZoneSetsTheHandOffAndTheSchedulesZoneTheWindow() {
            Rotation fromNewYork = new Rotation("follow the sun", List.of("alice", "bob"), 1, DAYS,
                    LocalTime.of(9, 0), NEW_YORK, LocalDate.of(2026, 3, 2),
                    new DailyWindow(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0)));
            Schedule schedule = schedule(TOKYO, List.of(), fromNewYork);

            // 09:00 in New York is 23:00 in Tokyo (EST); Tokyo's business hours 09:00–18:00 bound the cover.
            assertThat(RotationMath.handoff(fromNewYork, 1)).isEqualTo(Instant.parse("2026-03-03T14:00:00Z"));
            assertThat(RotationMath.whoIsOnCall(schedule, tokyo("2026-03-03T10:00"))).containsExactly("alice");
            assertThat(RotationMath.whoIsOnCall(schedule, tokyo("2026-03-04T10:00"))).containsExactly("bob");
            assertThat(RotationMath.whoIsOnCall(schedule, tokyo("2026-03-04T08:59"))).isEmpty();
            assertThat(RotationMath.whoIsOnCall(schedule, tokyo("2026-03-04T18:00"))).isEmpty();
        }
    }

    @Nested
    class DaylightSavingInNewYork {

        @Test
        void weeklyShiftsHandOffEveryMondayAtNineLocalAllYear() {
            Rotation weekly = rotation(List.of("alice", "bob"), 1, WEEKS, "09:00", NEW_YORK, "2026-01-05");

            for (int week = 0; week < 53; week++) {
                assertThat(RotationMath.handoff(weekly, week).atZone(NEW_YORK).toLocalDateTime())
                        .as("week %d", week)
                        .isEqualTo(LocalDateTime.of(2026, 1, 5, 9, 0).plusWeeks(week));
            }
        }

        @Test
        void dailyShiftsHandOffAtNineLocalEveryDayOfTheYear() {
            Rotation daily = rotation(List.of("alice", "bob", "carol"), 1, DAYS, "09:00", NEW_YORK, "2026-01-01");

            for (int day = 0; day < 366; day++) {
                Instant handoff = RotationMath.handoff(daily, day);
                assertThat(handoff.atZone(NEW_YORK).toLocalDateTime()).as("day %d", day)
                        .isEqualTo(LocalDateTime.of(2026, 1, 1, 9, 0).plusDays(day));
                assertThat(RotationMath.turnAt(daily, handoff)).isEqualTo(day);
                assertThat(RotationMath.turnAt(daily, handoff.minusNanos(1))).isEqualTo(day - 1);
            }
        }

        @Test
        void aWeeklyHandOffAfterSpringForwardIsAnHourEarlierInUtc() {
            Rotation weekly = rotation(List.of("alice", "bob"), 1, WEEKS, "09:00", NEW_YORK, "2026-03-02");

            assertThat(RotationMath.handoff(weekly, 0)).isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
            assertThat(RotationMath.handoff(weekly, 1)).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
            assertThat(onCall(weekly, Instant.parse("2026-03-09T12:59:59Z"))).containsExactly("alice");
            // Counting 168 hours would still say alice here.
            assertThat(onCall(weekly, Instant.parse("2026-03-09T13:30:00Z"))).containsExactly("bob");
            assertThat(shiftLengthAround(weekly, Instant.parse("2026-03-05T00:00:00Z"))).isEqualTo(Duration.ofHours(167));
        }

        @Test
        void aWeeklyHandOffAfterFallBackIsAnHourLaterInUtc() {
            Rotation weekly = rotation(List.of("alice", "bob"), 1, WEEKS, "09:00", NEW_YORK, "2026-03-02");

            // 2026-10-26 is week 34 (alice), 2026-11-02 week 35 (bob).
            assertThat(RotationMath.handoff(weekly, 34)).isEqualTo(Instant.parse("2026-10-26T13:00:00Z"));
            assertThat(RotationMath.handoff(weekly, 35)).isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));
            assertThat(onCall(weekly, Instant.parse("2026-11-02T13:30:00Z"))).containsExactly("alice");
            assertThat(onCall(weekly, Instant.parse("2026-11-02T14:00:00Z"))).containsExactly("bob");
            assertThat(shiftLengthAround(weekly, Instant.parse("2026-10-29T00:00:00Z"))).isEqualTo(Duration.ofHours(169));
        }

        @Test
        void aOneDayShiftAcrossSpringForwardLastsTwentyThreeHours() {
            Rotation daily = rotation(List.of("alice", "bob"), 1, DAYS, "09:00", NEW_YORK, "2026-03-06");

            Shift bob = RotationMath.nextShifts(schedule(NEW_YORK, List.of(), daily),
                    Instant.parse("2026-03-07T20:00:00Z"), 1).get(0);

            assertThat(bob).isEqualTo(new Shift(Instant.parse("2026-03-07T14:00:00Z"),
                    Instant.parse("2026-03-08T13:00:00Z"), List.of("bob"), 0, false));
            assertThat(Duration.between(bob.start(), bob.end())).isEqualTo(Duration.ofHours(23));
            assertThat(onCall(daily, Instant.parse("2026-03-08T13:30:00Z"))).containsExactly("alice");
        }

        @Test
        void aOneDayShiftAcrossFallBackLastsTwentyFiveHours() {
            Rotation daily = rotation(List.of("alice", "bob"), 1, DAYS, "09:00", NEW_YORK, "2026-10-30");

            Shift bob = RotationMath.nextShifts(schedule(NEW_YORK, List.of(), daily),
                    Instant.parse("2026-11-01T06:00:00Z"), 1).get(0);

            assertThat(bob).isEqualTo(new Shift(Instant.parse("2026-10-31T13:00:00Z"),
                    Instant.parse("2026-11-01T14:00:00Z"), List.of("bob"), 0, false));
            assertThat(Duration.between(bob.start(), bob.end())).isEqualTo(Duration.ofHours(25));
            assertThat(onCall(daily, Instant.parse("2026-11-01T13:30:00Z"))).containsExactly("bob");
        }

        @Test
        void aHandOffTimeThatSpringForwardSkipsMovesOnByTheGapThatDayOnly() {
            Rotation daily = rotation(List.of("alice", "bob"), 1, DAYS, "02:30", NEW_YORK, "2026-03-07");

            assertThat(RotationMath.handoff(daily, 0)).isEqualTo(Instant.parse("2026-03-07T07:30:00Z"));
            // 02:30 does not exist on 2026-03-08: the hand-off happens at 03:30 EDT.
            assertThat(RotationMath.handoff(daily, 1)).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
            assertThat(RotationMath.handoff(daily, 2)).isEqualTo(Instant.parse("2026-03-09T06:30:00Z"));
        }

        @Test
        void aHandOffTimeThatFallBackRepeatsMeansItsFirstOccurrence() {
            Rotation daily = rotation(List.of("alice", "bob"), 1, DAYS, "01:30", NEW_YORK, "2026-10-31");

            assertThat(RotationMath.handoff(daily, 1)).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
            assertThat(onCall(daily, Instant.parse("2026-11-01T06:15:00Z"))).containsExactly("bob");
            assertThat(RotationMath.handoff(daily, 2)).isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
        }

        @Test
        void twelveHourShiftsKeepNineAndTwentyOneLocalSoTheNightShiftsShrinkAndGrow() {
            Rotation spring = rotation(List.of("day", "night"), 12, HOURS, "09:00", NEW_YORK, "2026-03-07");
            Rotation autumn = rotation(List.of("day", "night"), 12, HOURS, "09:00", NEW_YORK, "2026-10-31");

            assertThat(RotationMath.handoff(spring, 1)).isEqualTo(Instant.parse("2026-03-08T02:00:00Z"));
            assertThat(RotationMath.handoff(spring, 2)).isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
            assertThat(shiftLengthAround(spring, Instant.parse("2026-03-08T06:00:00Z"))).isEqualTo(Duration.ofHours(11));
            assertThat(RotationMath.handoff(autumn, 1)).isEqualTo(Instant.parse("2026-11-01T01:00:00Z"));
            assertThat(RotationMath.handoff(autumn, 2)).isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
            assertThat(shiftLengthAround(autumn, Instant.parse("2026-11-01T06:00:00Z"))).isEqualTo(Duration.ofHours(13));
        }

        @Test
        void anHourlyTurnThatSpringForwardSkipsEntirelyPassesToTheNextParticipant() {
            Rotation hourly = rotation(List.of("a", "b", "c", "d"), 1, HOURS, "00:30", NEW_YORK, "2026-03-08");

            // b from 01:30 EST; c's 02:30 does not exist and shrinks to nothing; d from 03:30 EDT.
            assertThat(onCall(hourly, Instant.parse("2026-03-08T07:29:59Z"))).containsExactly("b");
            assertThat(onCall(hourly, Instant.parse("2026-03-08T07:30:00Z"))).containsExactly("d");
            assertThat(RotationMath.nextShifts(schedule(NEW_YORK, List.of(), hourly),
                    Instant.parse("2026-03-08T07:00:00Z"), 2))
                    .extracting(Shift::contacts)
                    .containsExactly(List.of("b"), List.of("d"));
        }

        @Test
        void anHourlyTurnThatStartsInTheRepeatedHourLastsTwoRealHours() {
            Rotation hourly = rotation(List.of("a", "b", "c", "d"), 1, HOURS, "00:30", NEW_YORK, "2026-11-01");

            assertThat(onCall(hourly, Instant.parse("2026-11-01T05:30:00Z"))).containsExactly("b");
            assertThat(onCall(hourly, Instant.parse("2026-11-01T06:45:00Z"))).containsExactly("b");
            assertThat(onCall(hourly, Instant.parse("2026-11-01T07:30:00Z"))).containsExactly("c");
        }

        @Test
        void businessHoursFollowTheLocalClockAcrossSpringForward() {
            Rotation office = new Rotation("office", List.of("alice"), 1, WEEKS, LocalTime.of(9, 0), NEW_YORK,
                    LocalDate.of(2026, 3, 2), new DailyWindow(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0)));
            Schedule schedule = schedule(NEW_YORK, List.of(), office);

            assertThat(RotationMath.whoIsOnCall(schedule, Instant.parse("2026-03-06T13:30:00Z"))).isEmpty();
            assertThat(RotationMath.whoIsOnCall(schedule, Instant.parse("2026-03-06T14:00:00Z"))).containsExactly("alice");
            assertThat(RotationMath.whoIsOnCall(schedule, Instant.parse("2026-03-09T13:00:00Z"))).containsExactly("alice");
            assertThat(RotationMath.whoIsOnCall(schedule, Instant.parse("2026-03-09T22:00:00Z"))).isEmpty();
        }
    }

    @Nested
    class Layers {

        final Rotation backstop = rotation(List.of("yamada", "suzuki"), 1, WEEKS, "09:00", TOKYO, "2026-02-23");
        final Rotation businessHours = new Rotation("business hours", List.of("hanako", "taro"), 1, DAYS,
                LocalTime.of(9, 0), TOKYO, LocalDate.of(2026, 3, 2),
                new DailyWindow(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0)));
        final Schedule layered = schedule(TOKYO, List.of(), backstop, businessHours);

        @Test
        void businessHoursOverrideTheBackstopOnWeekdaysOnly() {
            assertThat(who(layered, "2026-03-02T08:59")).containsExactly("yamada");
            assertThat(who(layered, "2026-03-02T09:00")).containsExactly("hanako");
            assertThat(who(layered, "2026-03-02T17:59:59")).containsExactly("hanako");
            assertThat(who(layered, "2026-03-02T18:00")).containsExactly("suzuki");
            assertThat(who(layered, "2026-03-03T08:59")).containsExactly("suzuki");
            assertThat(who(layered, "2026-03-03T09:00")).containsExactly("taro");
            assertThat(who(layered, "2026-03-07T12:00")).containsExactly("suzuki");
            assertThat(who(layered, "2026-03-09T08:59")).containsExactly("suzuki");
            // Daily turns count weekend days too: 2026-03-09 is turn 7.
            assertThat(who(layered, "2026-03-09T09:00")).containsExactly("taro");
            assertThat(who(layered, "2026-03-09T18:00")).containsExactly("yamada");
        }

        @Test
        void aNightWindowRunsPastMidnightIntoTheNextDay() {
            Rotation days = new Rotation("days", List.of("hanako"), 1, WEEKS, LocalTime.of(9, 0), TOKYO,
                    LocalDate.of(2026, 3, 2), new DailyWindow(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0)));
            Rotation nights = new Rotation("nights", List.of("taro"), 1, WEEKS, LocalTime.of(9, 0), TOKYO,
                    LocalDate.of(2026, 3, 2), new DailyWindow(WEEKDAYS, LocalTime.of(18, 0), LocalTime.of(9, 0)));
            Schedule schedule = schedule(TOKYO, List.of(), days, nights);

            assertThat(who(schedule, "2026-03-06T17:59")).containsExactly("hanako");
            assertThat(who(schedule, "2026-03-06T18:00")).containsExactly("taro");
            assertThat(who(schedule, "2026-03-07T08:59")).containsExactly("taro");
            assertThat(who(schedule, "2026-03-07T09:00")).isEmpty();
            assertThat(who(schedule, "2026-03-08T23:00")).isEmpty();
            assertThat(who(schedule, "2026-03-09T08:59")).isEmpty();
            assertThat(who(schedule, "2026-03-09T09:00")).containsExactly("hanako");
        }

        @Test
        void aWindowWhoseEndEqualsItsStartCoversWholeDays() {
            Rotation weekend = new Rotation("weekend", List.of("kenji"), 1, WEEKS, LocalTime.of(9, 0), TOKYO,
                    LocalDate.of(2026, 3, 2), new DailyWindow(Set.of(SATURDAY, SUNDAY), LocalTime.of(9, 0),
                            LocalTime.of(9, 0)));
            Schedule schedule = schedule(TOKYO, List.of(), backstop, weekend);

            assertThat(who(schedule, "2026-03-07T08:59")).containsExactly("suzuki");
            assertThat(who(schedule, "2026-03-07T09:00")).containsExactly("kenji");
            assertThat(who(schedule, "2026-03-08T23:00")).containsExactly("kenji");
            assertThat(who(schedule, "2026-03-09T08:59")).containsExactly("kenji");
            assertThat(who(schedule, "2026-03-09T09:00")).containsExactly("yamada");
        }

        @Test
        void nextShiftsWalkTheLayersAndMergeTheWeekendIntoOneShift() {
            List<Shift> shifts = RotationMath.nextShifts(layered, tokyo("2026-03-06T12:00"), 4);

            assertThat(shifts).containsExactly(
                    new Shift(tokyo("2026-03-06T09:00"), tokyo("2026-03-06T18:00"), List.of("hanako"), 1, false),
                    new Shift(tokyo("2026-03-06T18:00"), tokyo("2026-03-09T09:00"), List.of("suzuki"), 0, false),
                    new Shift(tokyo("2026-03-09T09:00"), tokyo("2026-03-09T18:00"), List.of("taro"), 1, false),
                    new Shift(tokyo("2026-03-09T18:00"), tokyo("2026-03-10T09:00"), List.of("yamada"), 0, false));
        }

        @Test
        void theFirstShiftStartsWhereTheBottomLayerBegan() {
            List<Shift> shifts = RotationMath.nextShifts(layered, tokyo("2026-02-25T00:00"), 2);

            assertThat(shifts).containsExactly(
                    new Shift(tokyo("2026-02-23T09:00"), tokyo("2026-03-02T09:00"), List.of("yamada"), 0, false),
                    new Shift(tokyo("2026-03-02T09:00"), tokyo("2026-03-02T18:00"), List.of("hanako"), 1, false));
        }
    }

    @Nested
    class Overrides {

        final Rotation daily = rotation(List.of("hanako", "taro"), 1, DAYS, "09:00", TOKYO, "2026-03-02");

        @Test
        void anOverrideForOneParticipantReplacesThemOnlyWhileTheyAreOnCall() {
            ScheduleOverride swap = override(1, "2026-03-02T12:00", "2026-03-03T12:00", "hanako", "jiro");
            Schedule schedule = schedule(TOKYO, List.of(swap), daily);

            assertThat(who(schedule, "2026-03-02T11:59")).containsExactly("hanako");
            assertThat(who(schedule, "2026-03-02T12:00")).containsExactly("jiro");
            assertThat(who(schedule, "2026-03-03T08:59")).containsExactly("jiro");
            assertThat(who(schedule, "2026-03-03T10:00")).containsExactly("taro");
        }

        @Test
        void anOverrideEndsExclusively() {
            Schedule schedule = schedule(TOKYO,
                    List.of(override(1, "2026-03-02T12:00", "2026-03-02T15:00", "hanako", "jiro")), daily);

            assertThat(who(schedule, "2026-03-02T14:59:59")).containsExactly("jiro");
            assertThat(who(schedule, "2026-03-02T15:00")).containsExactly("hanako");
        }

        @Test
        void anOverrideForEveryoneReplacesWhoeverIsOnCallAndFillsGaps() {
            Rotation office = new Rotation("office", List.of("hanako"), 1, WEEKS, LocalTime.of(9, 0), TOKYO,
                    LocalDate.of(2026, 3, 2), new DailyWindow(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0)));
            ScheduleOverride holiday = override(1, "2026-03-05T00:00", "2026-03-09T00:00", null, "kenji");
            Schedule schedule = schedule(TOKYO, List.of(holiday), office);

            assertThat(who(schedule, "2026-03-04T10:00")).containsExactly("hanako");
            assertThat(who(schedule, "2026-03-05T10:00")).containsExactly("kenji");
            assertThat(who(schedule, "2026-03-07T03:00")).containsExactly("kenji");
            assertThat(who(schedule, "2026-03-09T03:00")).isEmpty();
        }

        @Test
        void theOverrideThatStartedLastWinsWhateverTheListOrder() {
            ScheduleOverride holiday = override(1, "2026-03-02T00:00", "2026-03-09T00:00", null, "kenji");
            ScheduleOverride swap = override(2, "2026-03-04T09:00", "2026-03-04T18:00", "kenji", "jiro");

            for (List<ScheduleOverride> overrides : List.of(List.of(holiday, swap), List.of(swap, holiday))) {
                Schedule schedule = schedule(TOKYO, overrides, daily);
                assertThat(who(schedule, "2026-03-04T10:00")).containsExactly("jiro");
                assertThat(who(schedule, "2026-03-05T10:00")).containsExactly("kenji");
            }
        }

        @Test
        void contactsAreNotRepeatedWhenAnOverrideNamesSomeoneAlreadyOnCall() {
            ScheduleOverride same = override(1, "2026-03-02T12:00", "2026-03-02T15:00", "hanako", "hanako");
            Schedule schedule = schedule(TOKYO, List.of(same), daily);

            assertThat(who(schedule, "2026-03-02T13:00")).containsExactly("hanako");
        }

        @Test
        void nextShiftsSplitAShiftAroundASwap() {
            Rotation weekly = rotation(List.of("hanako", "taro"), 1, WEEKS, "09:00", TOKYO, "2026-03-02");
            ScheduleOverride swap = override(7, "2026-03-04T00:00", "2026-03-05T00:00", "hanako", "jiro");

            List<Shift> shifts = RotationMath.nextShifts(schedule(TOKYO, List.of(swap), weekly),
                    tokyo("2026-03-02T10:00"), 4);

            assertThat(shifts).containsExactly(
                    new Shift(tokyo("2026-03-02T09:00"), tokyo("2026-03-04T00:00"), List.of("hanako"), 0, false),
                    new Shift(tokyo("2026-03-04T00:00"), tokyo("2026-03-05T00:00"), List.of("jiro"), 0, true),
                    new Shift(tokyo("2026-03-05T00:00"), tokyo("2026-03-09T09:00"), List.of("hanako"), 0, false),
                    new Shift(tokyo("2026-03-09T09:00"), tokyo("2026-03-16T09:00"), List.of("taro"), 0, false));
        }

        @Test
        void nextShiftsShowCoverInAGapWithoutALayer() {
            Rotation office = new Rotation("office", List.of("hanako"), 1, WEEKS, LocalTime.of(9, 0), TOKYO,
                    LocalDate.of(2026, 3, 2), new DailyWindow(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0)));
            ScheduleOverride saturday = override(1, "2026-03-07T12:00", "2026-03-08T12:00", null, "kenji");

            List<Shift> shifts = RotationMath.nextShifts(schedule(TOKYO, List.of(saturday), office),
                    tokyo("2026-03-06T20:00"), 2);

            assertThat(shifts).containsExactly(
                    new Shift(tokyo("2026-03-07T12:00"), tokyo("2026-03-08T12:00"), List.of("kenji"), null, true),
                    new Shift(tokyo("2026-03-09T09:00"), tokyo("2026-03-09T18:00"), List.of("hanako"), 0, false));
        }
    }

    @Nested
    class NextShifts {

        @Test
        void theShiftInProgressComesFirstWithItsRealStart() {
            Rotation weekly = rotation(List.of("alice", "bob"), 1, WEEKS, "09:00", NEW_YORK, "2026-03-02");

            List<Shift> shifts = RotationMath.nextShifts(schedule(NEW_YORK, List.of(), weekly),
                    Instant.parse("2026-03-04T12:00:00Z"), 3);

            assertThat(shifts).containsExactly(
                    new Shift(Instant.parse("2026-03-02T14:00:00Z"), Instant.parse("2026-03-09T13:00:00Z"),
                            List.of("alice"), 0, false),
                    new Shift(Instant.parse("2026-03-09T13:00:00Z"), Instant.parse("2026-03-16T13:00:00Z"),
                            List.of("bob"), 0, false),
                    new Shift(Instant.parse("2026-03-16T13:00:00Z"), Instant.parse("2026-03-23T13:00:00Z"),
                            List.of("alice"), 0, false));
        }

        @Test
        void aShiftStartingExactlyAtFromIsTheFirst() {
            Rotation daily = rotation(List.of("hanako", "taro"), 1, DAYS, "09:00", TOKYO, "2026-03-02");

            assertThat(RotationMath.nextShifts(schedule(TOKYO, List.of(), daily), tokyo("2026-03-03T09:00"), 1))
                    .containsExactly(new Shift(tokyo("2026-03-03T09:00"), tokyo("2026-03-04T09:00"),
                            List.of("taro"), 0, false));
        }

        @Test
        void consecutiveTurnsOfTheSamePersonMerge() {
            Rotation daily = rotation(List.of("hanako", "hanako", "taro"), 1, DAYS, "09:00", TOKYO, "2026-03-02");

            assertThat(RotationMath.nextShifts(schedule(TOKYO, List.of(), daily), tokyo("2026-03-02T10:00"), 3))
                    .containsExactly(
                            new Shift(tokyo("2026-03-02T09:00"), tokyo("2026-03-04T09:00"), List.of("hanako"), 0, false),
                            new Shift(tokyo("2026-03-04T09:00"), tokyo("2026-03-05T09:00"), List.of("taro"), 0, false),
                            new Shift(tokyo("2026-03-05T09:00"), tokyo("2026-03-07T09:00"), List.of("hanako"), 0, false));
        }

        @Test
        void aLoneParticipantHasOneShiftWithoutEnd() {
            Rotation alone = rotation(List.of("hanako"), 1, DAYS, "09:00", TOKYO, "2026-03-02");

            assertThat(RotationMath.nextShifts(schedule(TOKYO, List.of(), alone), tokyo("2026-06-01T00:00"), 5))
                    .containsExactly(new Shift(tokyo("2026-03-02T09:00"), null, List.of("hanako"), 0, false));
        }

        @Test
        void aStartBeyondTheHorizonIsLeftOpen() {
            Rotation alone = rotation(List.of("hanako"), 1, DAYS, "09:00", TOKYO, "2020-01-01");

            assertThat(RotationMath.nextShifts(schedule(TOKYO, List.of(), alone), tokyo("2026-06-01T00:00"), 1))
                    .containsExactly(new Shift(null, null, List.of("hanako"), 0, false));
        }

        @Test
        void nobodyOnCallWithinTheHorizonGivesNoShifts() {
            Rotation later = rotation(List.of("hanako"), 1, DAYS, "09:00", TOKYO, "2030-01-01");

            assertThat(RotationMath.nextShifts(schedule(TOKYO, List.of(), later), tokyo("2026-06-01T00:00"), 5))
                    .isEmpty();
        }

        @Test
        void atMostCountShiftsAreReturned() {
            Rotation hourly = rotation(List.of("a", "b", "c"), 1, HOURS, "00:00", TOKYO, "2026-03-02");

            List<Shift> shifts = RotationMath.nextShifts(schedule(TOKYO, List.of(), hourly), tokyo("2026-03-02T00:00"), 100);

            assertThat(shifts).hasSize(100);
            assertThat(shifts.get(99).start()).isEqualTo(tokyo("2026-03-06T03:00"));
        }

        @Test
        void aCountBelowOneIsRefused() {
            Rotation daily = rotation(List.of("hanako"), 1, DAYS, "09:00", TOKYO, "2026-03-02");

            assertThatThrownBy(() -> RotationMath.nextShifts(schedule(TOKYO, List.of(), daily), Instant.EPOCH, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        /** The shifts and the point look-ups must tell the same story at every moment, across spring-forward. */
        @Test
        void shiftsAgreeWithWhoIsOnCallEveryTenMinutesForThreeWeeks() {
            Rotation backstop = rotation(List.of("alice", "bob", "alice"), 1, WEEKS, "09:00", NEW_YORK, "2026-02-23");
            Rotation office = new Rotation("office", List.of("carol", "dave"), 1, DAYS, LocalTime.of(10, 0),
                    NEW_YORK, LocalDate.of(2026, 2, 23), new DailyWindow(WEEKDAYS, LocalTime.of(9, 0),
                            LocalTime.of(17, 0)));
            Rotation nights = new Rotation("nights", List.of("erin", "frank"), 12, HOURS, LocalTime.of(2, 30),
                    NEW_YORK, LocalDate.of(2026, 2, 20), new DailyWindow(Set.of(FRIDAY, SATURDAY),
                            LocalTime.of(22, 0), LocalTime.of(6, 0)));
            Schedule schedule = schedule(NEW_YORK, List.of(
                    override(1, Instant.parse("2026-03-03T12:00:00Z"), Instant.parse("2026-03-04T12:00:00Z"), "carol", "gina"),
                    override(2, Instant.parse("2026-03-08T05:00:00Z"), Instant.parse("2026-03-08T09:00:00Z"), null, "hank"),
                    override(3, Instant.parse("2026-03-10T00:00:00Z"), Instant.parse("2026-03-12T00:00:00Z"), "bob", "alice")),
                    backstop, office, nights);
            Instant from = Instant.parse("2026-02-25T00:00:00Z");
            Instant until = from.plus(Duration.ofDays(21));

            List<Shift> shifts = RotationMath.nextShifts(schedule, from, 100);

            assertThat(shifts.get(shifts.size() - 1).end()).isAfter(until);
            for (int i = 1; i < shifts.size(); i++) {
                Shift before = shifts.get(i - 1);
                Shift after = shifts.get(i);
                assertThat(after.start()).isAfterOrEqualTo(before.end());
                if (after.start().equals(before.end())) {
                    assertThat(List.of(after.contacts(), after.layer() == null ? -1 : after.layer(), after.overridden()))
                            .as("neighbours at %s differ", after.start())
                            .isNotEqualTo(List.of(before.contacts(), before.layer() == null ? -1 : before.layer(),
                                    before.overridden()));
                }
            }
            for (Instant at = from; at.isBefore(until); at = at.plus(Duration.ofMinutes(10))) {
                Instant t = at;
                List<String> expected = RotationMath.whoIsOnCall(schedule, t);
                List<List<String>> covering = shifts.stream()
                        .filter(shift -> !t.isBefore(shift.start()) && t.isBefore(shift.end()))
                        .map(Shift::contacts)
                        .toList();
                assertThat(covering).as("at %s", t).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    static Rotation rotation(List<String> participants, int length, ShiftUnit unit, String handoff, ZoneId zone,
            String startDate) {
        return new Rotation("rotation", participants, length, unit, LocalTime.parse(handoff), zone,
                LocalDate.parse(startDate), null);
    }

    static Schedule schedule(ZoneId zone, List<ScheduleOverride> overrides, Rotation... layers) {
        return new Schedule("test", "Test", zone, List.of(layers), overrides);
    }

    static ScheduleOverride override(long id, String start, String end, String replaces, String contact) {
        return override(id, tokyo(start), tokyo(end), replaces, contact);
    }

    static ScheduleOverride override(long id, Instant start, Instant end, String replaces, String contact) {
        return new ScheduleOverride(id, start, end, replaces, contact);
    }

    static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    static List<String> onCall(Rotation rotation, Instant at) {
        return RotationMath.whoIsOnCall(schedule(rotation.timeZone(), List.of(), rotation), at);
    }

    static List<String> who(Schedule schedule, String tokyoTime) {
        return RotationMath.whoIsOnCall(schedule, tokyo(tokyoTime));
    }

    /** The real length of the turn in progress at {@code at}. */
    static Duration shiftLengthAround(Rotation rotation, Instant at) {
        long turn = RotationMath.turnAt(rotation, at);
        return Duration.between(RotationMath.handoff(rotation, turn), RotationMath.handoff(rotation, turn + 1));
    }
}
