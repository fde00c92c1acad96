package io.incidentflow.engagement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Look up engagement plan: the contact's activated channels and after how many minutes each is used. */
@Component("lookUpEngagementPlanDelegate")
class LookUpEngagementPlanDelegate implements JavaDelegate {

    private final EngagementService engagement;

    LookUpEngagementPlanDelegate(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Map<String, Object>> channels = new ArrayList<>();
        engagement.channelsOf(Variables.text(execution, "contactId")).forEach(stage -> {
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("channelId", stage.channel().id());
            channel.put("afterMinutes", stage.afterMinutes());
            channels.add(channel);
        });
        // Local: the contacts of a stage are engaged in parallel, each with their own plan.
        execution.setVariableLocal("channels", channels);
    }
}
