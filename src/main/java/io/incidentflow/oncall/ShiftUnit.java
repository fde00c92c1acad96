package io.incidentflow.oncall;

/** The unit of a rotation's shift length; all three are counted on the local clock and calendar. */
enum ShiftUnit {
    HOURS, DAYS, WEEKS;

    /** The usual length in hours, only a first guess: a day across a daylight-saving change is 23 or 25. */
    long nominalHours() {
        return switch (this) {
            case HOURS -> 1;
            case DAYS -> 24;
            case WEEKS -> 24 * 7;
        };
    }
}
