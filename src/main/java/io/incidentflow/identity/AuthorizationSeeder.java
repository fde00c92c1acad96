package io.incidentflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Least privilege per role. Responders get Tasklist and may report incidents; their task rights come
 * from candidate groups. Analysts deploy and manage models. Auditors read everything incl. history
 * and never work tasks. Administrators may do everything (see {@link AdminGroupsPlugin}).
 * A grant that exists already is left alone, so an administrator's later changes survive restarts.
 */
@Component
@Order(2)
class AuthorizationSeeder implements Seeder {

    private static final String TASKLIST = "tasklist";
    private static final String COCKPIT = "cockpit";

    private final Grants grants;
    private final IdentityProperties properties;

    AuthorizationSeeder(Grants grants, IdentityProperties properties) {
        this.grants = grants;
        this.properties = properties;
    }

    @Override
    public void seed() {
        properties.responderGroups().forEach(this::grantResponder);
        grants.grant(Groups.INCIDENT_MANAGERS, Resources.TASK, ANY, Permissions.READ);
        grantAnalyst(Groups.ANALYSTS);
        grantAuditor(Groups.AUDITORS);
        grantAdministrator(Groups.ADMINS);
        grantAdministrator(Groups.CAMUNDA_ADMIN);
    }

    /**
     * Engine administrators may run admin-only commands, but queries still filter by grants, so an
     * administrator sees every task and instance only with ALL on every resource (as Camunda's own
     * first-administrator set-up grants).
     */
    private void grantAdministrator(String group) {
        for (Resources resource : Resources.values()) {
            grants.grant(group, resource, ANY, Permissions.ALL);
        }
    }

    private void grantResponder(String group) {
        grants.grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grants.grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE);
        grants.grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }

    private void grantAnalyst(String group) {
        grants.grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grants.grant(group, Resources.DEPLOYMENT, ANY, Permissions.ALL);
        grants.grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
        grants.grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
        grants.grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
        grants.grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    }

    private void grantAuditor(String group) {
        grants.grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grants.grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grants.grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grants.grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grants.grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grants.grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grants.grant(group, Resources.TASK, ANY, Permissions.READ);
        grants.grant(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grants.grant(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grants.grant(group, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
    }
}
