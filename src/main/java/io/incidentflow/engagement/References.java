package io.incidentflow.engagement;

import io.incidentflow.contact.ContactService;
import io.incidentflow.oncall.OnCallService;

import org.springframework.stereotype.Component;

/** Whether the contacts and schedules a plan names exist: owned by other features, asked through their API. */
@Component
class References {

    private final ContactService contacts;
    private final OnCallService schedules;

    References(ContactService contacts, OnCallService schedules) {
        this.contacts = contacts;
        this.schedules = schedules;
    }

    boolean contactExists(String id) {
        return contacts.exists(id);
    }

    boolean scheduleExists(String id) {
        return schedules.exists(id);
    }
}
