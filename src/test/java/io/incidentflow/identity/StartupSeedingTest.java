package io.incidentflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.integration.IntegrationService;
import io.incidentflow.integration.IntegrationType;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class StartupSeedingTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    StartupSeeding seeding;
    @Autowired
    org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRoleGroupExistsAtStartup() {
        for (String group : new String[] {"service-desk", "network", "database", "application",
                "incident-managers", "analysts", "auditors", "admins", "camunda-admin"}) {
            assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
        }
    }

    @Test
    void administratorGetsConfiguredPasswordAndAdminGroups() {
        assertThat(identityService.checkPassword("admin", "test-admin-password")).isTrue();
        assertThat(identityService.createGroupQuery().groupMember("admin").list())
                .extracting("id").contains("admins", "camunda-admin");
    }

    @Test
    void adminsGroupMembersAreEngineAdministrators() {
        assertThat(engineConfiguration.getAdminGroups()).contains("admins", "camunda-admin");
        org.camunda.bpm.engine.task.Task task = taskService.newTask();
        taskService.saveTask(task);
        try {
            assertThat(visibleTasks("admin", "admins")).isEqualTo(1);
            assertThat(visibleTasks("desk-user", "service-desk")).isZero();
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
    }

    private long visibleTasks(String user, String group) {
        identityService.setAuthentication(user, java.util.List.of(group));
        try {
            return taskService.createTaskQuery().count();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void configuredUsersAreMembersOfTheirGroups() {
        assertThat(identityService.checkPassword("desk-user", "desk-user-password")).isTrue();
        assertThat(identityService.createUserQuery().userId("desk-user").singleResult().getFirstName())
                .isEqualTo("花子");
        assertThat(identityService.createUserQuery().memberOfGroup("service-desk").userId("desk-user").count())
                .isEqualTo(1);
    }

    @Test
    void seedingTwiceCreatesNothingNew() {
        long filters = filterService.createFilterQuery().count();
        long grants = authorizationService.createAuthorizationQuery().count();
        long users = identityService.createUserQuery().count();
        long auditEntries = jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();

        seeding.afterSingletonsInstantiated();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single()).isEqualTo(auditEntries);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(grants);
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    }

    @Test
    void configuredIntegrationAcceptsItsConfiguredKey() {
        var integration = integrations.authenticate("configured-generic-key-for-tests", IntegrationType.GENERIC);

        assertThat(integration.name()).isEqualTo("configured-generic");
        assertThat(integration.defaultImpact()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM integration WHERE key_hash LIKE '%configured%'")
                .query(Long.class).single()).as("only the hash is stored").isZero();
    }

    @Test
    void responderGroupsCanReadTheSharedFilters() {
        assertThat(filterService.createFilterQuery().count()).isGreaterThanOrEqualTo(4);
        for (Filter filter : filterService.createFilterQuery().list()) {
            assertThat(authorizationService.isUserAuthorized("desk-user", java.util.List.of("service-desk"),
                    Permissions.READ, Resources.FILTER, filter.getId())).as(filter.getName()).isTrue();
        }
    }

    @Test
    void auditorsMayReadHistoryButNotWorkTasks() {
        var groups = java.util.List.of("auditors");
        assertThat(authorizationService.isUserAuthorized("auditor-user", groups,
                Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "incident-management")).isTrue();
        assertThat(authorizationService.isUserAuthorized("auditor-user", groups,
                Permissions.UPDATE, Resources.TASK, "any-task")).isFalse();
        assertThat(authorizationService.isUserAuthorized("auditor-user", groups,
                Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
    }

    @Test
    void analystsMayDeployModelsButRespondersMayNot() {
        assertThat(authorizationService.isUserAuthorized("analyst-user", java.util.List.of("analysts"),
                Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
        assertThat(authorizationService.isUserAuthorized("desk-user", java.util.List.of("service-desk"),
                Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
    }
}
