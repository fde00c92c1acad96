package io.incidentflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.ContactChannel;
import io.incidentflow.contact.ContactService;
import io.incidentflow.contact.EngagementStage;
import io.incidentflow.engagement.ResponsePlan.ChatChannel;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.notification.Notice;
import io.incidentflow.notification.NotificationEvent;
import io.incidentflow.notification.NotificationException;
import io.incidentflow.notification.NotificationService;
import io.incidentflow.oncall.OnCallService;
import io.incidentflow.support.AdjustableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What the response plan's chat channels are told, and that one failing room does not silence the others. */
class ChatUpdatesTest {

    private static final String URL = "https://hooks.slack.com/services/T0/B0/SECRET";

    private final ResponsePlanService responsePlans = mock(ResponsePlanService.class);
    private final IncidentService incidents = mock(IncidentService.class);
    private final ContactService contacts = mock(ContactService.class);
    private final NotificationService notifications = mock(NotificationService.class);
    private EngagementService engagement;

    @BeforeEach
    void planWithARoomContactAndASlackUrl() {
        engagement = new EngagementService(responsePlans, mock(EscalationPlanService.class),
                mock(IncidentEngagementRepository.class), incidents, contacts, mock(OnCallService.class),
                notifications, (number, contact) -> null, new AdjustableClock(Instant.parse("2026-03-02T00:00:00Z")));
        when(responsePlans.find("db-outage")).thenReturn(Optional.of(new ResponsePlan("db-outage", null, null, null,
                null, List.of(new ChatChannel("db-room", null, null, null, null),
                        new ChatChannel(null, "SLACK", URL, "ja", "Asia/Tokyo")), null, List.of(), null)));
        when(incidents.findById(42L)).thenReturn(Optional.of(incident()));
        ContactChannel teams = new ContactChannel(7, "db-room", ChannelType.TEAMS, "https://example.webhook.office.com/x",
                true, null, null, null);
        ContactChannel mail = new ContactChannel(8, "db-room", ChannelType.EMAIL, "room@example.co.jp", true, null,
                null, null);
        when(contacts.engagementPlan("db-room")).thenReturn(List.of(new EngagementStage(0, teams),
                new EngagementStage(0, mail), new EngagementStage(5, teams)));
    }

    @Test
    void theAcknowledgementGoesToEveryChatChannelOnceWithWhoAcknowledged() {
        engagement.post(42, "db-outage", EngagementService.Update.ACKNOWLEDGED, 0, false);

        ArgumentCaptor<Notice> notice = ArgumentCaptor.forClass(Notice.class);
        verify(notifications).deliver(notice.capture(), eq("db-room"), eq(7L));
        verify(notifications, never()).deliver(any(), eq("db-room"), eq(8L));
        verify(notifications).post(any(), eq(ChannelType.SLACK), eq(URL), eq("plan:db-outage"), eq("ja"),
                eq("Asia/Tokyo"));
        assertThat(notice.getValue().event()).isEqualTo(NotificationEvent.ACKNOWLEDGED);
        assertThat(notice.getValue().actor()).isEqualTo("hanako");
    }

    @Test
    void aFailingRoomIsRetriedAfterTheOthersWereToldAndGivenUpOnTheLastAttempt() {
        NotificationException down = mock(NotificationException.class);
        when(down.retryable()).thenReturn(true);
        when(notifications.deliver(any(), eq("db-room"), anyLong())).thenThrow(down);

        assertThatThrownBy(() -> engagement.post(42, "db-outage", EngagementService.Update.ESCALATED, 2, false))
                .isSameAs(down);
        verify(notifications).post(any(), eq(ChannelType.SLACK), eq(URL), anyString(), anyString(), anyString());

        engagement.post(42, "db-outage", EngagementService.Update.ESCALATED, 2, true);
    }

    private static Incident incident() {
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 2, 0, 0, 0, 0, ZoneOffset.UTC);
        return new Incident(42, "INC-000042", "DB 障害", null, io.incidentflow.incident.IncidentStatus.ESCALATED,
                "database", "db01", 2, 1, 2, "database", null, null, null, "api", null, "p1", at, at, at.plusMinutes(3),
                "hanako", null, null, null, null, null, null, null, false, false, null, null, null, null, null, 0,
                null, at);
    }
}
