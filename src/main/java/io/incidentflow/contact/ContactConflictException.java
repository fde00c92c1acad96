package io.incidentflow.contact;

/** The request clashes with what exists: a contact id taken, a channel already activated. */
class ContactConflictException extends RuntimeException {

    ContactConflictException(String message) {
        super(message);
    }
}
