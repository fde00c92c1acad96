package io.incidentflow.oncall;

/** There is no schedule with the id a caller named: a configuration or input error, answered with 404 over REST. */
public class ScheduleNotFoundException extends RuntimeException {

    private final String scheduleId;

    public ScheduleNotFoundException(String scheduleId) {
        super("There is no schedule " + scheduleId + ".");
        this.scheduleId = scheduleId;
    }

    public String scheduleId() {
        return scheduleId;
    }
}
