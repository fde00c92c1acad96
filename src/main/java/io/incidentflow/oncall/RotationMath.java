package io.incidentflow.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Who is on call when: pure functions of a schedule and an instant (no database, no clock).
 *
 * <p>Turns are counted in local clock hours, calendar days or weeks from the start date's hand-off, so hand-offs
 * stay at the local hand-off time across daylight-saving changes: a one-day shift across spring-forward lasts 23
 * hours, and a weekly rotation hands off every Monday at 09:00. A local time that spring-forward skips moves on by
 * the gap (02:30 becomes 03:30); one that fall-back repeats means its first occurrence.
 *
 * <p>{@link #nextShifts} walks the instants at which anything may change (hand-offs, window edges, override
 * edges) and reports a shift wherever the outcome changes, which is what merges identical neighbours.
 */
final class RotationMath {

    /** How far {@link #nextShifts} looks from its start, each way: a hundred weekly shifts fit. */
    static final Duration HORIZON = Duration.ofDays(731);
    /** Change points are gathered a week at a time, so a long scan never holds more than a week of them. */
    private static final Duration CHUNK = Duration.ofDays(7);
    /** Instants are exact to the nanosecond: "strictly after t" is "at or after t plus this". */
    private static final Duration TICK = Duration.ofNanos(1);

    private RotationMath() {
    }

    /** The contacts on call at {@code at}, in order and without repeats; empty when nobody is. */
    static List<String> whoIsOnCall(Schedule schedule, Instant at) {
        return onCallAt(schedule, at).contacts();
    }

    /**
     * The shift in progress at {@code from} (with its real start) and those after it, at most {@code count}, that
     * start within {@link #HORIZON}; one still running at the horizon has no end. Times when nobody is on call are
     * no shifts.
     */
    static List<Shift> nextShifts(Schedule schedule, Instant from, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, was " + count);
        }
        List<Shift> shifts = new ArrayList<>();
        OnCall current = onCallAt(schedule, from);
        Instant since = current.isNobody() ? null : startOfCurrent(schedule, from, current);
        Instant limit = from.plus(HORIZON);
        for (Instant cursor = from.plus(TICK); cursor.isBefore(limit); cursor = min(cursor.plus(CHUNK), limit)) {
            for (Instant change : changes(schedule, cursor, min(cursor.plus(CHUNK), limit))) {
                OnCall next = onCallAt(schedule, change);
                if (next.equals(current)) {
                    continue;
                }
                if (!current.isNobody()) {
                    shifts.add(current.shift(since, change));
                    if (shifts.size() == count) {
                        return shifts;
                    }
                }
                current = next;
                since = change;
            }
        }
        if (!current.isNobody()) {
            shifts.add(current.shift(since, null));
        }
        return shifts;
    }

    /** The turn in progress at {@code at}, counting from 0 at the start date's hand-off; -1 before that. */
    static long turnAt(Rotation rotation, Instant at) {
        Instant first = handoff(rotation, 0);
        if (at.isBefore(first)) {
            return -1;
        }
        // A guess from the nominal length, off by at most a turn or so after daylight-saving changes.
        long turn = Duration.between(first, at).toHours() / (rotation.shiftLength() * rotation.shiftUnit().nominalHours());
        while (turn > 0 && handoff(rotation, turn).isAfter(at)) {
            turn--;
        }
        while (!handoff(rotation, turn + 1).isAfter(at)) {
            turn++;
        }
        return turn;
    }

    /** When turn {@code turn} begins: the start date's hand-off plus that many shift lengths on the local clock. */
    static Instant handoff(Rotation rotation, long turn) {
        LocalDateTime first = rotation.startDate().atTime(rotation.handoffTime());
        long units = turn * rotation.shiftLength();
        LocalDateTime local = switch (rotation.shiftUnit()) {
            case HOURS -> first.plusHours(units);
            case DAYS -> first.plusDays(units);
            case WEEKS -> first.plusWeeks(units);
        };
        // atZone resolves a skipped local time forward by the gap and a repeated one to its earlier offset.
        return local.atZone(rotation.timeZone()).toInstant();
    }

    /** Who is on call and why: the outcome that {@link #nextShifts} tracks for changes. */
    private record OnCall(List<String> contacts, Integer layer, boolean overridden) {

        static final OnCall NOBODY = new OnCall(List.of(), null, false);

        boolean isNobody() {
            return contacts.isEmpty();
        }

        Shift shift(Instant start, Instant end) {
            return new Shift(start, end, contacts, layer, overridden);
        }
    }

    private static OnCall onCallAt(Schedule schedule, Instant at) {
        return applyOverrides(rotationsAt(schedule, at), schedule.overrides(), at);
    }

    /** The topmost layer that has someone on call decides. */
    private static OnCall rotationsAt(Schedule schedule, Instant at) {
        for (int layer = schedule.rotations().size() - 1; layer >= 0; layer--) {
            Rotation rotation = schedule.rotations().get(layer);
            long turn = turnAt(rotation, at);
            if (turn >= 0 && (rotation.window() == null || rotation.window().covers(at, schedule.timeZone()))) {
                return new OnCall(List.of(rotation.participant(turn)), layer, false);
            }
        }
        return OnCall.NOBODY;
    }

    /** In the schedule's order (by start): where two overlap, the one that started later has the last word. */
    private static OnCall applyOverrides(OnCall base, List<ScheduleOverride> overrides, Instant at) {
        List<String> contacts = base.contacts();
        boolean overridden = false;
        for (ScheduleOverride override : overrides) {
            if (!override.covers(at)) {
                continue;
            }
            if (override.replacesEveryone()) {
                contacts = List.of(override.contact());
                overridden = true;
            } else if (contacts.contains(override.replaces())) {
                contacts = contacts.stream()
                        .map(contact -> contact.equals(override.replaces()) ? override.contact() : contact)
                        .distinct()
                        .toList();
                overridden = true;
            }
        }
        return overridden ? new OnCall(contacts, base.layer(), true) : base;
    }

    /**
     * The latest change at or before {@code at} since which the outcome has been {@code current}; null when it has
     * not changed within the horizon.
     */
    private static Instant startOfCurrent(Schedule schedule, Instant at, OnCall current) {
        Instant limit = at.minus(HORIZON);
        // The upper end is exclusive: starting one tick after {@code at} lets a change at {@code at} itself count.
        for (Instant cursor = at.plus(TICK); cursor.isAfter(limit); cursor = max(cursor.minus(CHUNK), limit)) {
            for (Instant change : changes(schedule, max(cursor.minus(CHUNK), limit), cursor).descendingSet()) {
                // The outcome is constant between change points, so one tick before a change shows the one before.
                if (!onCallAt(schedule, change.minus(TICK)).equals(current)) {
                    return change;
                }
            }
        }
        return null;
    }

    /** The instants in [from, to) at which the outcome may change. */
    private static NavigableSet<Instant> changes(Schedule schedule, Instant from, Instant to) {
        NavigableSet<Instant> changes = new TreeSet<>();
        for (Rotation rotation : schedule.rotations()) {
            addHandoffs(rotation, from, to, changes);
            if (rotation.window() != null) {
                addWindowEdges(rotation.window(), schedule.timeZone(), from, to, changes);
            }
        }
        for (ScheduleOverride override : schedule.overrides()) {
            changes.add(override.start());
            changes.add(override.end());
        }
        return changes.subSet(from, true, to, false);
    }

    /** Only hand-offs between different people matter: a one-person rotation's turns never end a shift. */
    private static void addHandoffs(Rotation rotation, Instant from, Instant to, NavigableSet<Instant> changes) {
        for (long turn = Math.max(0, turnAt(rotation, from)); ; turn++) {
            Instant handoff = handoff(rotation, turn);
            if (!handoff.isBefore(to)) {
                return;
            }
            if (turn == 0 || !rotation.participant(turn).equals(rotation.participant(turn - 1))) {
                changes.add(handoff);
            }
        }
    }

    /** A window opened the day before may close inside the range, hence the extra day at the front. */
    private static void addWindowEdges(DailyWindow window, ZoneId zone, Instant from, Instant to,
            NavigableSet<Instant> changes) {
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (window.days().contains(day.getDayOfWeek())) {
                changes.add(window.opens(day, zone));
                changes.add(window.closes(day, zone));
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
