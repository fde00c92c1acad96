package io.incidentflow.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.incidentflow.contact.ContactChannel;
import io.incidentflow.contact.Addresses;

import java.net.URI;
import java.util.Map;

/** What the chat notifiers share: JSON POSTed to the channel's webhook URL. */
final class ChatPayloads {

    private ChatPayloads() {
    }

    static DeliveryResult post(HttpSender http, ObjectMapper json, ContactChannel target, ObjectNode payload) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of a tree cannot fail to write", e);
        }
        return http.send("POST", URI.create(target.address()), Map.of(), "application/json; charset=utf-8", body,
                Addresses.mask(target.type(), target.address()));
    }
}
