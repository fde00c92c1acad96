package io.incidentflow.engagement;

import java.util.Map;

import io.incidentflow.notification.NotificationException;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Notify contact: one channel of the contact's engagement plan. A failure fails the job, which the job executor
 * retries with back-off; once retrying cannot help (or the last retry failed) the delivery is given up through the
 * error "deliveryFailed". Every attempt is in the delivery log either way.
 */
@Component("notifyContactDelegate")
class NotifyContactDelegate implements JavaDelegate {

    static final String DELIVERY_FAILED = "deliveryFailed";

    private final EngagementService engagement;

    NotifyContactDelegate(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<?, ?> channel = (Map<?, ?>) execution.getVariable("channel");
        try {
            engagement.notify(Variables.incidentId(execution), Variables.text(execution, "contactId"),
                    Variables.number(channel.get("channelId"), "channel.channelId").longValue(),
                    Variables.integer(execution, "round"), Variables.integer(execution, "stage"));
        } catch (NotificationException e) {
            if (!e.retryable() || Variables.lastAttempt(execution)) {
                throw new BpmnError(DELIVERY_FAILED, e.getMessage());
            }
            throw e;
        }
    }
}
