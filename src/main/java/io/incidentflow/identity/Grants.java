package io.incidentflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Creates a group's grant on a resource unless the group has one there already, so that an
 * administrator's later changes in Camunda Admin survive restarts.
 */
@Component
public class Grants {

    private final AuthorizationService authorizationService;

    Grants(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        List.of(permissions).forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
    }
}
