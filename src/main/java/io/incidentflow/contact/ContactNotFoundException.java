package io.incidentflow.contact;

/** No such contact, or no such channel of that contact. */
public class ContactNotFoundException extends RuntimeException {

    ContactNotFoundException(String message) {
        super(message);
    }

    static ContactNotFoundException contact(String id) {
        return new ContactNotFoundException("There is no contact " + id + ".");
    }

    static ContactNotFoundException channel(String contactId, long channelId) {
        return new ContactNotFoundException("Contact " + contactId + " has no channel " + channelId + ".");
    }
}
