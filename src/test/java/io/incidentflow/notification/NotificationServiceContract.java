package io.incidentflow.notification;

import static io.incidentflow.notification.NotificationFixtures.INCIDENT;
import static io.incidentflow.notification.NotificationFixtures.OPENED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.incidentflow.contact.ActivationCodeSender;
import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.ContactChannel;
import io.incidentflow.contact.ContactService;
import io.incidentflow.contact.ContactTestAccess;
import io.incidentflow.contact.EngagementStage;
import io.incidentflow.support.AdjustableClock;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery through the real contact service and delivery log, on H2 and PostgreSQL (see the subclasses), with
 * notifiers that record what they were asked to send: activation through the channel itself, no use of an
 * unactivated channel, every attempt logged, failures thrown for the job executor to retry.
 */
abstract class NotificationServiceContract {

    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    abstract DataSource dataSource();

    JdbcClient jdbc;
    AdjustableClock clock;
    RecordingNotifier mail;
    RecordingNotifier sms;
    ContactFacade contacts;
    NotificationService notifications;
    DeliveryLog log;

    @BeforeEach
    void wire() throws Exception {
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("DELETE FROM contact").update();
        jdbc.sql("DELETE FROM notification_delivery").update();
        clock = new AdjustableClock(START);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource());
        log = new DeliveryLog(jdbc, DeliveryLog.ownTransaction(transactions), clock);
        mail = new RecordingNotifier(ChannelType.EMAIL);
        sms = new RecordingNotifier(ChannelType.SMS);
        Dispatcher dispatcher = new Dispatcher(List.of(mail, sms), log);
        contacts = new ContactFacade(dataSource(), new ActivationCodeNotifier(dispatcher), transactions, clock);
        notifications = new NotificationService(contacts.service, dispatcher, log);
        contacts.create("hanako");
    }

    @Test
    void theActivationCodeGoesThroughTheNewChannelAndIsLoggedWithoutTheCode() {
        long phone = contacts.addChannel("hanako", ChannelType.SMS, "+819012345678");

        assertThat(sms.sent).singleElement().satisfies(n -> {
            assertThat(n.notice().event()).isEqualTo(NotificationEvent.ACTIVATION_CODE);
            assertThat(n.notice().code()).matches("[0-9]{6}");
            assertThat(n.recipient().id()).isEqualTo("hanako");
        });
        assertThat(allRows()).containsExactly("null ACTIVATION_CODE " + phone + " +********5678 SENT");
        String code = sms.sent.get(0).notice().code();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE error LIKE :code OR detail LIKE :code")
                .param("code", "%" + code + "%").query(Long.class).single()).isZero();
    }

    @Test
    void anUnactivatedChannelIsNeverUsedAndTheRefusalIsLogged() {
        long phone = contacts.addChannel("hanako", ChannelType.SMS, "+819012345678");

        assertThatThrownBy(() -> notifications.deliver(Notice.incidentOpened(INCIDENT, OPENED, null), "hanako", phone))
                .isInstanceOfSatisfying(NotificationException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e).hasMessage("Channel " + phone + " of hanako is not activated");
                });
        assertThat(sms.sent).extracting(n -> n.notice().event()).containsExactly(NotificationEvent.ACTIVATION_CODE);
        assertThat(notifications.deliveriesFor("INC-000042")).singleElement().satisfies(refused -> {
            assertThat(refused.result()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(refused.error()).isEqualTo("Channel " + phone + " of hanako is not activated");
            assertThat(refused.channelType()).isEqualTo(ChannelType.SMS);
        });
        assertThat(contacts.service.engagementPlan("hanako")).isEmpty();
    }

    @Test
    void onceActivatedTheChannelIsUsedAndTheDeliveryLoggedAsSent() {
        long address = contacts.addActivated("hanako", ChannelType.EMAIL, "hanako@example.co.jp", mail);
        mail.detail = "ISO-2022-JP";

        NotificationDelivery delivery = notifications.deliver(Notice.escalated(INCIDENT, 2, OPENED, "https://x/ack"),
                "hanako", address);

        assertThat(mail.sent).last().satisfies(n -> {
            assertThat(n.notice().event()).isEqualTo(NotificationEvent.ESCALATED);
            assertThat(n.recipient().displayName()).isEqualTo("山田 花子");
        });
        assertThat(delivery.result()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery.incidentNumber()).isEqualTo("INC-000042");
        assertThat(delivery.contactId()).isEqualTo("hanako");
        assertThat(delivery.channelType()).isEqualTo(ChannelType.EMAIL);
        assertThat(delivery.target()).isEqualTo("hanako@example.co.jp");
        assertThat(delivery.stage()).isEqualTo(2);
        assertThat(delivery.attempt()).isEqualTo(1);
        assertThat(delivery.detail()).isEqualTo("ISO-2022-JP");
        assertThat(delivery.error()).isNull();
        assertThat(delivery.at().toInstant()).isEqualTo(START);
        assertThat(notifications.deliveriesFor(" inc-000042 ")).containsExactly(delivery);
    }

    @Test
    void failedAttemptsAreCountedPerChannelForPrometheus() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            long phone = contacts.addActivated("hanako", ChannelType.SMS, "+819012345678", sms);
            sms.failure = new IllegalStateException("gateway timeout");

            assertThatThrownBy(() -> notifications.deliver(Notice.incidentOpened(INCIDENT, OPENED, null), "hanako",
                    phone)).isInstanceOf(NotificationException.class);

            assertThat(registry.get("incidentflow.notifications.failed").tag("channel", "sms").counter().count())
                    .isEqualTo(1);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    @Test
    void aFailingChannelIsLoggedFailedWithItsErrorAndTheFailurePropagatesForARetry() {
        long phone = contacts.addActivated("hanako", ChannelType.SMS, "+819012345678", sms);
        sms.failure = new IllegalStateException("ゲートウェイ応答なし (gateway timeout)");
        Notice opened = Notice.incidentOpened(INCIDENT, OPENED, null);

        assertThatThrownBy(() -> notifications.deliver(opened, "hanako", phone))
                .isInstanceOfSatisfying(NotificationException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("attempt 1", "ゲートウェイ応答なし (gateway timeout)");
                });
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> notifications.deliver(opened, "hanako", phone))
                .hasMessageContaining("attempt 2");
        sms.failure = null;
        clock.advance(Duration.ofSeconds(20));
        notifications.deliver(opened, "hanako", phone);

        assertThat(notifications.deliveriesFor("INC-000042"))
                .extracting(NotificationDelivery::attempt, NotificationDelivery::result, NotificationDelivery::error)
                .containsExactly(
                        tuple(1, DeliveryStatus.FAILED, "IllegalStateException: ゲートウェイ応答なし (gateway timeout)"),
                        tuple(2, DeliveryStatus.FAILED, "IllegalStateException: ゲートウェイ応答なし (gateway timeout)"),
                        tuple(3, DeliveryStatus.SENT, null));
    }

    @Test
    void theFailedAttemptOutlivesTheRollbackOfTheJobThatMadeIt() {
        long phone = contacts.addActivated("hanako", ChannelType.SMS, "+819012345678", sms);
        sms.failure = new IllegalStateException("HTTP 503");
        TransactionTemplate job = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));

        assertThatThrownBy(() -> job.executeWithoutResult(status -> {
            jdbc.sql("UPDATE contact SET display_name = 'rolled back' WHERE id = 'hanako'").update();
            notifications.deliver(Notice.incidentOpened(INCIDENT, OPENED, null), "hanako", phone);
        })).isInstanceOf(NotificationException.class);

        assertThat(contacts.service.find("hanako").orElseThrow().displayName()).isEqualTo("山田 花子");
        assertThat(notifications.deliveriesFor("INC-000042")).extracting(NotificationDelivery::result)
                .containsExactly(DeliveryStatus.FAILED);
    }

    @Test
    void aContactOrChannelThatIsGoneIsLoggedAndNotWorthARetry() {
        long address = contacts.addActivated("hanako", ChannelType.EMAIL, "hanako@example.co.jp", mail);
        Notice resolved = Notice.resolved(INCIDENT, "suzuki", OPENED);

        assertThatThrownBy(() -> notifications.deliver(resolved, "nobody", address))
                .isInstanceOfSatisfying(NotificationException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("There is no contact nobody");
        assertThatThrownBy(() -> notifications.deliver(resolved, "hanako", 999_999))
                .hasMessage("Contact hanako has no channel 999999");

        assertThat(notifications.deliveriesFor("INC-000042"))
                .extracting(NotificationDelivery::contactId, NotificationDelivery::channelType, NotificationDelivery::target)
                .containsExactly(tuple("nobody", null, null), tuple("hanako", null, null));
    }

    @Test
    void theTimelineHoldsOnlyTheIncidentsAttemptsOldestFirst() {
        long address = contacts.addActivated("hanako", ChannelType.EMAIL, "hanako@example.co.jp", mail);
        IncidentSummary other = new IncidentSummary("INC-000043", "別件", 3, null);
        notifications.deliver(Notice.incidentOpened(INCIDENT, OPENED, null), "hanako", address);
        clock.advance(Duration.ofMinutes(1));
        notifications.deliver(Notice.incidentOpened(other, OPENED, null), "hanako", address);
        clock.advance(Duration.ofMinutes(1));
        notifications.deliver(Notice.acknowledged(INCIDENT, "suzuki", OPENED), "hanako", address);

        assertThat(notifications.deliveriesFor("INC-000042")).extracting(NotificationDelivery::event)
                .containsExactly(NotificationEvent.INCIDENT_OPENED, NotificationEvent.ACKNOWLEDGED);
        assertThat(notifications.deliveriesFor("INC-999999")).isEmpty();
        assertThat(notifications.deliveriesFor(null)).isEmpty();
    }

    @Test
    void theEngagementPlanOffersTheActivatedChannelsToDeliverTo() {
        long address = contacts.addActivated("hanako", ChannelType.EMAIL, "hanako@example.co.jp", mail);
        long phone = contacts.addChannel("hanako", ChannelType.SMS, "+819012345678");
        contacts.plan("hanako", phone, address);

        List<EngagementStage> plan = contacts.service.engagementPlan("hanako");

        assertThat(plan).extracting(stage -> stage.channel().id()).containsExactly(address);
        for (EngagementStage stage : plan) {
            notifications.deliver(Notice.incidentOpened(INCIDENT, OPENED, null), "hanako", stage.channel().id());
        }
        assertThat(mail.sent).extracting(n -> n.notice().event())
                .containsExactly(NotificationEvent.ACTIVATION_CODE, NotificationEvent.INCIDENT_OPENED);
    }

    /** Every row, activation codes included (they belong to no incident's timeline). */
    List<String> allRows() {
        return jdbc.sql("""
                SELECT incident_number, event, channel_id, target, result FROM notification_delivery ORDER BY id""")
                .query((rs, n) -> rs.getString("incident_number") + " " + rs.getString("event") + " "
                        + rs.getLong("channel_id") + " " + rs.getString("target") + " " + rs.getString("result"))
                .list();
    }

    /** Remembers every notification it is handed; answers sent, or fails as told. */
    static final class RecordingNotifier implements NotificationChannel {

        final ChannelType type;
        final List<Notification> sent = new ArrayList<>();
        RuntimeException failure;
        String detail;

        RecordingNotifier(ChannelType type) {
            this.type = type;
        }

        @Override
        public ChannelType type() {
            return type;
        }

        @Override
        public DeliveryResult send(Notification n, ContactChannel target) {
            if (failure != null) {
                throw failure;
            }
            sent.add(n);
            return DeliveryResult.sent(detail);
        }
    }

    /** Contacts set up through the contact feature's own service. */
    static final class ContactFacade {

        final ContactService service;
        private final ContactTestAccess access;

        ContactFacade(DataSource dataSource, ActivationCodeSender sender, DataSourceTransactionManager transactions,
                Clock clock) {
            this.access = new ContactTestAccess(dataSource, sender, transactions, clock);
            this.service = access.service();
        }

        void create(String id) {
            access.create(id, "山田 花子");
        }

        long addChannel(String id, ChannelType type, String address) {
            return access.addChannel(id, type, address);
        }

        /** Adds the channel and activates it with the code the notifier was handed. */
        long addActivated(String id, ChannelType type, String address, RecordingNotifier notifier) {
            long channelId = addChannel(id, type, address);
            access.activate(id, channelId, notifier.sent.get(notifier.sent.size() - 1).notice().code());
            return channelId;
        }

        void plan(String id, long... channelIds) {
            access.plan(id, channelIds);
        }
    }
}
