package io.incidentflow.notification;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The notifications of an incident, for its timeline; readable by whoever reads incidents. */
@RestController
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** Every attempt, sent or failed, oldest first; an unknown number has none. */
    @GetMapping(path = "/api/incidents/{number}/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    List<NotificationDelivery> deliveries(@PathVariable String number) {
        return notifications.deliveriesFor(number);
    }
}
