package io.incidentflow.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.Contact;
import io.incidentflow.contact.ContactChannel;
import io.incidentflow.contact.MailCharset;

/** Recipients, channels, notices and settings the notification tests share. */
final class NotificationFixtures {

    static final OffsetDateTime CREATED = OffsetDateTime.parse("2025-03-01T00:00:00Z");
    /** 17:55 in Tokyo, 03:55 in New York. */
    static final OffsetDateTime OPENED = OffsetDateTime.parse("2025-03-01T08:55:00Z");
    static final String TITLE = "ディスク容量不足 db01（本番）";
    static final IncidentSummary INCIDENT = new IncidentSummary("INC-000042", TITLE, 1, "基幹DB");
    static final String ACK_URL = "https://incidentflow.example.co.jp/ack/INC-000042";

    private NotificationFixtures() {
    }

    static Contact hanako(MailCharset charset) {
        return new Contact("hanako", "山田 花子", "desk-user", "ja", "Asia/Tokyo", charset, CREATED, CREATED);
    }

    static Contact john() {
        return new Contact("john", "John Smith", null, "en", "America/New_York", null, CREATED, CREATED);
    }

    static ContactChannel channel(ChannelType type, String address) {
        return new ContactChannel(7, "hanako", type, address, true, CREATED, null, CREATED);
    }

    static Notification opened(Contact recipient) {
        return opened(recipient, INCIDENT);
    }

    static Notification opened(Contact recipient, IncidentSummary incident) {
        return new Notification(Notice.incidentOpened(incident, OPENED, ACK_URL), recipient);
    }

    static Notification activation(Contact recipient, String code) {
        return new Notification(Notice.activationCode(code, Duration.ofMinutes(15)), recipient);
    }

    static NotificationProperties properties(String templateDir) {
        return properties(templateDir, new NotificationProperties.Mail("incidentflow@example.co.jp", "インシデント管理",
                List.of()), null, null);
    }

    static NotificationProperties properties(String templateDir, NotificationProperties.Mail mail,
            NotificationProperties.PhoneProvider sms, NotificationProperties.PhoneProvider voice) {
        return new NotificationProperties(templateDir, mail,
                new NotificationProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(2)), sms, voice);
    }

    static NotificationProperties.PhoneProvider provider(String url, String method, Map<String, String> headers,
            String contentType, String bodyTemplate) {
        return new NotificationProperties.PhoneProvider(url, method, headers, contentType, bodyTemplate);
    }
}
