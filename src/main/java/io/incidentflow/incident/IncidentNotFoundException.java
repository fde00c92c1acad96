package io.incidentflow.incident;

/** No incident with that id or number. */
public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(long id) {
        super("No incident with id " + id);
    }

    public IncidentNotFoundException(String number) {
        super("No incident " + number);
    }
}
