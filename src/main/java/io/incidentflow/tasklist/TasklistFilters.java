package io.incidentflow.tasklist;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.incidentflow.identity.Grants;
import io.incidentflow.identity.Groups;
import io.incidentflow.identity.IdentityProperties;
import io.incidentflow.identity.Seeder;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A non-admin sees no task list at all in Tasklist until a shared filter exists and is granted to
 * them, so the standard ones are created at start-up when missing (matched by name, so an
 * administrator may edit them).
 */
@Component
@Order(3)
class TasklistFilters implements Seeder {

    static final String PROCESS = "incident-management";
    static final String MY_GROUPS = "自分のグループ / My group's incidents";
    static final String ASSIGNED_TO_ME = "自分の担当 / Assigned to me";
    static final String URGENT_UNASSIGNED = "P1/P2 未割当 / P1/P2 unassigned";
    static final String ALL_OPEN = "すべての未完了 / All open incidents";
    /** Task priority that P2 maps to (see {@link TaskNaming}). */
    private static final int P2_TASK_PRIORITY = 75;

    private final FilterService filterService;
    private final TaskService taskService;
    private final Grants grants;
    private final IdentityProperties identity;

    TasklistFilters(FilterService filterService, TaskService taskService, Grants grants, IdentityProperties identity) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
        this.identity = identity;
    }

    @Override
    public void seed() {
        List<String> everyone = responderAndAuditorGroups();
        ensure(MY_GROUPS, -10, "#1f7a3a", "Tasks offered to your groups",
                incidents().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
                everyone);
        ensure(ASSIGNED_TO_ME, -5, "#2d6fb7", "Tasks you claimed",
                incidents().taskAssigneeExpression("${currentUser()}"), everyone);
        ensure(URGENT_UNASSIGNED, 0, "#c0392b", "Major incidents nobody has taken yet",
                incidents().taskUnassigned().taskMinPriority(P2_TASK_PRIORITY), everyone);
        ensure(ALL_OPEN, 10, "#555555", "Every open incident task you may see", incidents(), everyone);
    }

    private TaskQuery incidents() {
        return taskService.createTaskQuery().processDefinitionKey(PROCESS);
    }

    private void ensure(String name, int priority, String color, String description, TaskQuery query,
            List<String> groups) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name)
                    .setOwner(identity.adminUser())
                    .setQuery(query)
                    .setProperties(Map.of(
                            "priority", priority,
                            "color", color,
                            "description", description,
                            "refresh", true,
                            "variables", List.of(
                                    Map.of("name", "incidentNumber", "label", "番号 / Number"),
                                    Map.of("name", "title", "label", "件名 / Title"),
                                    Map.of("name", "priority", "label", "優先度 / Priority"))));
            filterService.saveFilter(filter);
        }
        String filterId = filter.getId();
        groups.forEach(group -> grants.grant(group, Resources.FILTER, filterId, Permissions.READ));
    }

    private List<String> responderAndAuditorGroups() {
        return Stream.concat(identity.responderGroups().stream(), Stream.of(Groups.AUDITORS)).toList();
    }
}
