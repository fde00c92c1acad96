package io.incidentflow.incident;

/** The process referred to an incident row that does not exist (a bug or a deleted row, never user input). */
public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(long id) {
        super("No incident with id " + id);
    }
}
