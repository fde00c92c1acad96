package io.incidentflow.incident;

import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The real incident service on a test database, with the engine mocked: for other features' store tests. */
public final class StoredIncidents {

    private StoredIncidents() {
    }

    public static IncidentComments comments(JdbcClient jdbc, IncidentService service) {
        return new IncidentComments(jdbc, service);
    }

    public static IncidentService service(JdbcClient jdbc) {
        return new IncidentService(new IncidentRepository(jdbc), mock(RuntimeService.class),
                mock(IdentityService.class), mock(ApplicationEventPublisher.class));
    }
}
