package io.incidentflow.engagement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.ContactNotFoundException;
import io.incidentflow.contact.ContactService;
import io.incidentflow.contact.EngagementStage;
import io.incidentflow.engagement.EscalationPlan.Stage;
import io.incidentflow.engagement.EscalationPlan.Target;
import io.incidentflow.engagement.ResponsePlan.ChatChannel;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.notification.IncidentSummary;
import io.incidentflow.notification.Notice;
import io.incidentflow.notification.NotificationException;
import io.incidentflow.notification.NotificationService;
import io.incidentflow.oncall.OnCallService;
import io.incidentflow.oncall.ScheduleNotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * What the engagement process does, step by step; each delegate of processes/engagement.bpmn calls one method.
 * Plans are read when a step runs, so a plan changed during an incident applies from its next stage.
 */
@Service
class EngagementService {

    private static final Logger log = LoggerFactory.getLogger(EngagementService.class);
    /** A response plan that engages contacts directly gives them this long, once, before the plan runs out. */
    static final int DIRECT_STAGE_MINUTES = 30;

    private final ResponsePlanService responsePlans;
    private final EscalationPlanService escalationPlans;
    private final IncidentEngagementRepository engagements;
    private final IncidentService incidents;
    private final ContactService contacts;
    private final OnCallService onCall;
    private final NotificationService notifications;
    private final AckLinkFactory ackLinks;
    private final Clock clock;

    @Autowired
    EngagementService(ResponsePlanService responsePlans, EscalationPlanService escalationPlans,
            IncidentEngagementRepository engagements, IncidentService incidents, ContactService contacts,
            OnCallService onCall, NotificationService notifications, AckLinkFactory ackLinks) {
        this(responsePlans, escalationPlans, engagements, incidents, contacts, onCall, notifications, ackLinks,
                Clock.systemUTC());
    }

    EngagementService(ResponsePlanService responsePlans, EscalationPlanService escalationPlans,
            IncidentEngagementRepository engagements, IncidentService incidents, ContactService contacts,
            OnCallService onCall, NotificationService notifications, AckLinkFactory ackLinks, Clock clock) {
        this.responsePlans = responsePlans;
        this.escalationPlans = escalationPlans;
        this.engagements = engagements;
        this.incidents = incidents;
        this.contacts = contacts;
        this.onCall = onCall;
        this.notifications = notifications;
        this.ackLinks = ackLinks;
        this.clock = clock;
    }

    /** What the process needs to know up front: how many stages and rounds, and whether anything is to be done. */
    record Outline(String escalationPlan, int stageCount, int rounds, boolean hasChat, boolean acknowledged) {

        boolean anythingToDo() {
            return stageCount > 0 || hasChat;
        }

        boolean escalate() {
            return stageCount > 0 && !acknowledged;
        }
    }

    Outline start(long incidentId, String responsePlanName) {
        Incident incident = incident(incidentId);
        Optional<ResponsePlan> plan = responsePlans.find(responsePlanName);
        if (plan.isEmpty()) {
            if (responsePlanName != null) {
                log.warn("{}: response plan {} does not exist (any more); nobody is engaged", incident.number(),
                        responsePlanName);
            }
            return new Outline(null, 0, 0, false, incident.acknowledgedAt() != null);
        }
        ResponsePlan response = plan.get();
        Optional<EscalationPlan> escalation = escalationPlans.find(response.escalationPlan());
        int stageCount = escalation.map(found -> found.stages().size()).orElse(response.contacts().isEmpty() ? 0 : 1);
        int rounds = escalation.map(found -> found.repeat() + 1).orElse(stageCount == 0 ? 0 : 1);
        Outline outline = new Outline(escalation.map(EscalationPlan::name).orElse(null), stageCount, rounds,
                !response.chatChannels().isEmpty(), incident.acknowledgedAt() != null);
        if (outline.anythingToDo()) {
            engagements.start(incidentId, incident.number(), response.name(), outline.escalationPlan(), now());
        }
        return outline;
    }

    /** One stage as it runs: whom it engages now (schedules resolved to who is on call), until when. */
    record StageRun(List<String> contactIds, Instant endsAt, boolean acknowledgementStopsPlan,
            boolean alreadyAcknowledged) {
    }

    StageRun engageStage(long incidentId, String responsePlanName, String escalationPlanName, int round, int stage) {
        Stage definition = stage(responsePlanName, escalationPlanName, stage);
        // An acknowledgement while no stage was waiting (between jobs) reached nobody: the record has it.
        boolean acknowledged = incident(incidentId).acknowledgedAt() != null;
        Instant now = clock.instant();
        engagements.stageEngaged(incidentId, round, stage, utc(now));
        if (definition == null) {
            log.warn("Incident {}: stage {} of {} is gone; nobody engaged in it", incidentId, stage,
                    escalationPlanName);
            return new StageRun(List.of(), now, true, acknowledged);
        }
        Set<String> contactIds = new LinkedHashSet<>();
        for (Target target : definition.targets()) {
            contactIds.addAll(resolve(incidentId, target, now));
        }
        return new StageRun(List.copyOf(contactIds), now.plus(Duration.ofMinutes(definition.durationMinutes())),
                definition.acknowledgementStopsPlan(), acknowledged);
    }

    private Stage stage(String responsePlanName, String escalationPlanName, int stage) {
        if (escalationPlanName != null) {
            return escalationPlans.find(escalationPlanName)
                    .filter(plan -> stage <= plan.stages().size())
                    .map(plan -> plan.stages().get(stage - 1))
                    .orElse(null);
        }
        return responsePlans.find(responsePlanName)
                .map(plan -> new Stage(DIRECT_STAGE_MINUTES, true,
                        plan.contacts().stream().map(contact -> new Target(contact, null)).toList()))
                .orElse(null);
    }

    private List<String> resolve(long incidentId, Target target, Instant now) {
        if (target.contact() != null) {
            return List.of(target.contact());
        }
        try {
            List<String> onCallNow = onCall.whoIsOnCall(target.schedule(), now);
            if (onCallNow.isEmpty()) {
                log.warn("Incident {}: nobody is on call in schedule {}", incidentId, target.schedule());
            }
            return onCallNow;
        } catch (ScheduleNotFoundException e) {
            log.warn("Incident {}: schedule {} is gone; skipped", incidentId, target.schedule());
            return List.of();
        }
    }

    /** A contact's activated channels with their minutes (e-mail at 0, SMS at 2 ...); none for a deleted contact. */
    List<EngagementStage> channelsOf(String contactId) {
        try {
            return contacts.engagementPlan(contactId);
        } catch (ContactNotFoundException e) {
            log.warn("Contact {} is gone; not engaged", contactId);
            return List.of();
        }
    }

    /** The first stage of the first round tells of a new incident; every later one is an escalation. */
    void notify(long incidentId, String contactId, long channelId, int round, int stage) {
        Incident incident = incident(incidentId);
        IncidentSummary summary = IncidentSummary.of(incident);
        String ackUrl = ackLinks.linkFor(incident.number(), contactId);
        Notice notice = round == 1 && stage == 1 ? Notice.incidentOpened(summary, now(), ackUrl)
                : Notice.escalated(summary, stage, now(), ackUrl);
        notifications.deliver(notice, contactId, channelId);
    }

    void nobodyAcknowledged(long incidentId) {
        engagements.nobodyAcknowledged(incidentId, now());
    }

    /** What to post in the incident's chat channels. */
    enum Update { OPENED, ESCALATED, ACKNOWLEDGED, RESOLVED }

    /**
     * Posts to every chat channel of the plan; a failure does not keep the others from theirs. Throws at the end
     * when one failed, so the job is retried (the others then get it again: chat is at least once).
     */
    void post(long incidentId, String responsePlanName, Update update, int stage, boolean lastAttempt) {
        Optional<ResponsePlan> plan = responsePlans.find(responsePlanName);
        if (plan.isEmpty()) {
            return;
        }
        Incident incident = incident(incidentId);
        Notice notice = notice(incident, update, stage);
        List<NotificationException> failures = new ArrayList<>();
        for (ChatChannel chat : plan.get().chatChannels()) {
            try {
                postTo(plan.get().name(), chat, notice);
            } catch (NotificationException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty() && !lastAttempt && failures.stream().anyMatch(NotificationException::retryable)) {
            throw failures.get(0);
        }
        failures.forEach(e -> log.warn("{}: chat update given up: {}", incident.number(), e.getMessage()));
    }

    private void postTo(String planName, ChatChannel chat, Notice notice) {
        if (chat.url() != null) {
            String label = ("plan:" + planName).substring(0, Math.min(64, planName.length() + 5));
            notifications.post(notice, ChannelType.valueOf(chat.type()), chat.url(), label, chat.locale(),
                    chat.timeZone());
            return;
        }
        List<NotificationException> failures = new ArrayList<>();
        channelsOf(chat.contact()).stream()
                .filter(stage -> stage.channel().type().isChat())
                .map(stage -> stage.channel().id())
                .distinct()
                .forEach(channelId -> {
                    try {
                        notifications.deliver(notice, chat.contact(), channelId);
                    } catch (NotificationException e) {
                        failures.add(e);
                    }
                });
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private Notice notice(Incident incident, Update update, int stage) {
        IncidentSummary summary = IncidentSummary.of(incident);
        return switch (update) {
            case OPENED -> Notice.incidentOpened(summary, now(), null);
            case ESCALATED -> Notice.escalated(summary, stage, now(), null);
            case ACKNOWLEDGED -> Notice.acknowledged(summary, incident.acknowledgedBy(),
                    incident.acknowledgedAt() == null ? now() : incident.acknowledgedAt());
            case RESOLVED -> Notice.resolved(summary, incident.resolvedBy(),
                    incident.resolvedAt() == null ? now() : incident.resolvedAt());
        };
    }

    Optional<IncidentEngagementRepository.Row> engagementOf(long incidentId) {
        return engagements.find(incidentId);
    }

    private Incident incident(long incidentId) {
        return incidents.findById(incidentId)
                .orElseThrow(() -> new IllegalStateException("There is no incident " + incidentId));
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
