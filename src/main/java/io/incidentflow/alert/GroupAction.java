package io.incidentflow.alert;

/** What a later alert asks of an open incident; carried out by the opener, off the accepting request. */
enum GroupAction {
    RESOLVE,
    ACKNOWLEDGE
}
