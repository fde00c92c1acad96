package io.incidentflow.oncall;

/** A new schedule asked for an id that is taken; ids are references, so the existing one is not overwritten. */
class ScheduleAlreadyExistsException extends RuntimeException {

    ScheduleAlreadyExistsException(String scheduleId) {
        super("There is already a schedule " + scheduleId + ".");
    }
}
