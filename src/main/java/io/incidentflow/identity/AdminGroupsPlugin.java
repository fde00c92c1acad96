package io.incidentflow.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Members of our {@code admins} group are engine administrators, like Camunda's own {@code camunda-admin}. */
@Component
class AdminGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = new ArrayList<>();
        if (configuration.getAdminGroups() != null) {
            adminGroups.addAll(configuration.getAdminGroups());
        }
        adminGroups.add(Groups.ADMINS);
        configuration.setAdminGroups(adminGroups);
    }
}
