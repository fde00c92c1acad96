package io.incidentflow.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Groups, the administrator and configured users; existing ones are left as administrators changed them. */
@Component
@Order(1)
class IdentitySeeder implements Seeder {

    private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);

    private static final Map<String, String> GROUP_NAMES = Map.of(
            Groups.SERVICE_DESK, "サービスデスク / Service desk",
            Groups.INCIDENT_MANAGERS, "インシデントマネージャー / Incident managers",
            Groups.ANALYSTS, "アナリスト / Analysts",
            Groups.AUDITORS, "監査担当 / Auditors",
            Groups.ADMINS, "管理者 / Administrators",
            Groups.MONITORING, "監視 / Monitoring (metrics scrape)",
            Groups.CAMUNDA_ADMIN, "Camunda administrators");

    private final IdentityService identityService;
    private final IdentityProperties properties;

    IdentitySeeder(IdentityService identityService, IdentityProperties properties) {
        this.identityService = identityService;
        this.properties = properties;
    }

    @Override
    public void seed() {
        Groups.FIXED.forEach(id -> ensureGroup(id, GROUP_NAMES.get(id), "WORKFLOW"));
        ensureGroup(Groups.CAMUNDA_ADMIN, GROUP_NAMES.get(Groups.CAMUNDA_ADMIN), "SYSTEM");
        properties.resolverGroups().forEach(id -> ensureGroup(id, "解決担当 / Resolver group: " + id, "WORKFLOW"));
        ensureAdministrator();
        properties.users().forEach(this::ensureUser);
    }

    private void ensureAdministrator() {
        String adminId = properties.adminUser();
        if (identityService.createUserQuery().userId(adminId).count() == 0) {
            String password = properties.adminPassword();
            if (password == null) {
                password = randomPassword();
                // Printed once, at the start that creates the administrator; never stored in clear.
                log.warn("""

                        ==============================================================
                         Created administrator '{}' with generated password: {}
                         Set INCIDENTFLOW_IDENTITY_ADMIN_PASSWORD to choose your own.
                        ==============================================================""", adminId, password);
            }
            createUser(adminId, "Incident", "Administrator", null, password);
        }
        ensureMembership(adminId, Groups.ADMINS);
        ensureMembership(adminId, Groups.CAMUNDA_ADMIN);
    }

    private void ensureUser(IdentityProperties.SeedUser user) {
        if (identityService.createUserQuery().userId(user.id()).count() == 0) {
            createUser(user.id(), user.firstName(), user.lastName(), user.email(), user.password());
        }
        user.groups().forEach(group -> ensureMembership(user.id(), group));
    }

    private void createUser(String id, String firstName, String lastName, String email, String password) {
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identityService.saveUser(user);
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void ensureMembership(String userId, String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            throw new IllegalStateException("incidentflow.identity: user '" + userId
                    + "' is to be a member of unknown group '" + groupId + "'");
        }
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
