package io.incidentflow.engagement;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.incidentflow.contact.Addresses;
import io.incidentflow.contact.ChannelType;
import io.incidentflow.engagement.ResponsePlan.ChatChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Response plans: validated, stored as a whole, every change audited in its transaction. Other features read a plan
 * with {@link #find}; the alert intake opens incidents with its defaults.
 */
@Service
public class ResponsePlanService {

    private static final Logger log = LoggerFactory.getLogger(ResponsePlanService.class);
    static final String AUDIT_TYPE = "response-plan";
    static final Pattern PROCESS_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");
    static final Set<String> LOCALES = Set.of("ja", "en");
    static final int MAX_CONTACTS = 20;
    static final int MAX_CHATS = 10;

    private final ResponsePlanRepository repository;
    private final EscalationPlanRepository escalationPlans;
    private final References references;
    private final EngagementAudit audit;
    private final Clock clock;

    @Autowired
    ResponsePlanService(ResponsePlanRepository repository, EscalationPlanRepository escalationPlans,
            References references, EngagementAudit audit) {
        this(repository, escalationPlans, references, audit, Clock.systemUTC());
    }

    ResponsePlanService(ResponsePlanRepository repository, EscalationPlanRepository escalationPlans,
            References references, EngagementAudit audit, Clock clock) {
        this.repository = repository;
        this.escalationPlans = escalationPlans;
        this.references = references;
        this.audit = audit;
        this.clock = clock;
    }

    /** The plan as stored, webhook URLs included (they are secrets: never hand them to a client). */
    @Transactional(readOnly = true)
    public Optional<ResponsePlan> find(String name) {
        return name == null ? Optional.empty() : repository.find(name);
    }

    @Transactional(readOnly = true)
    List<ResponsePlan> list() {
        return repository.names().stream().map(name -> repository.find(name).orElseThrow()).toList();
    }

    ResponsePlan get(String name) {
        return find(name).orElseThrow(() -> new PlanNotFoundException("response plan", name));
    }

    @Transactional
    ResponsePlan create(ResponsePlan request, String actor) {
        ResponsePlan plan = validated(request, Checks.trimmed(request.name()), true);
        if (repository.exists(plan.name())) {
            throw new EngagementConflictException("There is already a response plan " + plan.name() + ".");
        }
        repository.insert(plan, actor, now());
        audit.record(actor, "response-plan.created", AUDIT_TYPE, plan.name(), Map.of("plan", masked(plan)));
        return get(plan.name());
    }

    @Transactional
    ResponsePlan replace(String name, ResponsePlan request, String actor) {
        if (!repository.lock(name)) {
            throw new PlanNotFoundException("response plan", name);
        }
        String bodyName = Checks.trimmed(request.name());
        if (bodyName != null && !bodyName.equals(name)) {
            throw new EngagementValidationException(List.of(new EngagementValidationException.FieldError("name",
                    "cannot be changed (was " + name + "); create a new plan")));
        }
        ResponsePlan before = get(name);
        ResponsePlan plan = validated(request, name, true);
        if (!plan.equals(before)) {
            repository.replace(plan, actor, now());
            audit.record(actor, "response-plan.updated", AUDIT_TYPE, name,
                    Map.of("from", masked(before), "to", masked(plan)));
        }
        return get(name);
    }

    @Transactional
    void delete(String name, String actor) {
        if (!repository.lock(name)) {
            throw new PlanNotFoundException("response plan", name);
        }
        List<String> users = repository.usedBy(name);
        if (!users.isEmpty()) {
            throw new EngagementConflictException("Response plan " + name + " is used by integration(s) "
                    + String.join(", ", users) + "; change them first.");
        }
        ResponsePlan before = get(name);
        repository.delete(name);
        audit.record(actor, "response-plan.deleted", AUDIT_TYPE, name, Map.of("plan", masked(before)));
    }

    /** Like {@link EscalationPlanService#seed}: created or brought in line by name; missing contacts only logged. */
    @Transactional
    void seed(ResponsePlan seed) {
        ResponsePlan plan = validated(seed, Checks.trimmed(seed.name()), false);
        Optional<ResponsePlan> stored = repository.find(plan.name());
        if (stored.isEmpty()) {
            repository.insert(plan, EngagementAudit.CONFIGURATION, now());
            audit.record(EngagementAudit.CONFIGURATION, "response-plan.created", AUDIT_TYPE, plan.name(),
                    Map.of("plan", masked(plan)));
        } else if (!stored.get().equals(plan)) {
            repository.replace(plan, EngagementAudit.CONFIGURATION, now());
            audit.record(EngagementAudit.CONFIGURATION, "response-plan.updated", AUDIT_TYPE, plan.name(),
                    Map.of("from", masked(stored.get()), "to", masked(plan)));
        }
    }

    /** What clients and the audit log see: webhook URLs as scheme and host only. */
    static ResponsePlan masked(ResponsePlan plan) {
        List<ChatChannel> chats = plan.chatChannels().stream()
                .map(chat -> chat.url() == null ? chat : new ChatChannel(null, chat.type(),
                        Addresses.mask(ChannelType.valueOf(chat.type()), chat.url()), chat.locale(), chat.timeZone()))
                .toList();
        return new ResponsePlan(plan.name(), plan.title(), plan.impact(), plan.summary(), plan.dedupTemplate(), chats,
                plan.escalationPlan(), plan.contacts(), plan.runbook());
    }

    private ResponsePlan validated(ResponsePlan request, String name, boolean strictReferences) {
        Checks checks = new Checks();
        checks.name("name", name);
        String title = Checks.trimmed(request.title());
        checks.length("title", title, 200);
        checks.range("impact", request.impact(), 1, 5);
        String summary = Checks.trimmed(request.summary());
        checks.length("summary", summary, 10_000);
        String dedupTemplate = Checks.trimmed(request.dedupTemplate());
        checks.length("dedupTemplate", dedupTemplate, 500);
        String escalationPlan = Checks.trimmed(request.escalationPlan());
        if (escalationPlan != null && !escalationPlans.exists(escalationPlan)) {
            checks.add("escalationPlan", "there is no escalation plan " + escalationPlan);
        }
        List<String> contacts = contacts(checks, request.contacts(), strictReferences, name);
        if (escalationPlan != null && !contacts.isEmpty()) {
            checks.add("contacts", "must be empty when an escalationPlan is named: engage one or the other");
        }
        List<ChatChannel> chats = chats(checks, request.chatChannels(), strictReferences, name);
        String runbook = Checks.trimmed(request.runbook());
        if (runbook != null && !PROCESS_KEY.matcher(runbook).matches()) {
            checks.add("runbook", "must be the key of a BPMN process, such as runbook-restart-service");
        }
        checks.throwIfAny();
        return new ResponsePlan(name, title, request.impact(), summary, dedupTemplate, chats, escalationPlan, contacts,
                runbook);
    }

    private List<String> contacts(Checks checks, List<String> requested, boolean strict, String plan) {
        List<String> contacts = new ArrayList<>();
        List<String> given = requested == null ? List.of() : requested;
        if (given.size() > MAX_CONTACTS) {
            checks.add("contacts", "must list at most " + MAX_CONTACTS + " contacts");
        }
        for (int i = 0; i < given.size(); i++) {
            String contact = Checks.trimmed(given.get(i));
            if (contact == null) {
                checks.add("contacts[" + i + "]", "must not be blank");
            } else if (!references.contactExists(contact)) {
                missing(checks, "contacts[" + i + "]", "there is no contact " + contact, strict, plan);
            }
            contacts.add(contact);
        }
        return List.copyOf(contacts);
    }

    private List<ChatChannel> chats(Checks checks, List<ChatChannel> requested, boolean strict, String plan) {
        List<ChatChannel> chats = new ArrayList<>();
        List<ChatChannel> given = requested == null ? List.of() : requested;
        if (given.size() > MAX_CHATS) {
            checks.add("chatChannels", "must list at most " + MAX_CHATS + " channels");
        }
        for (int i = 0; i < given.size(); i++) {
            chats.add(chat(checks, "chatChannels[" + i + "]", given.get(i), strict, plan));
        }
        return List.copyOf(chats);
    }

    private ChatChannel chat(Checks checks, String field, ChatChannel chat, boolean strict, String plan) {
        String contact = chat == null ? null : Checks.trimmed(chat.contact());
        String url = chat == null ? null : Checks.trimmed(chat.url());
        if ((contact == null) == (url == null)) {
            checks.add(field, "must name exactly one of contact and url");
            return chat;
        }
        if (contact != null) {
            if (!references.contactExists(contact)) {
                missing(checks, field + ".contact", "there is no contact " + contact, strict, plan);
            }
            return new ChatChannel(contact, null, null, null, null);
        }
        String type = chat.type() == null ? null : chat.type().strip().toUpperCase(Locale.ROOT);
        if (type == null || !Set.of("SLACK", "TEAMS", "WEBHOOK").contains(type)) {
            checks.add(field + ".type", "must be SLACK, TEAMS or WEBHOOK");
        }
        if (!isHttpsUrl(url)) {
            checks.add(field + ".url", "must be an https:// webhook URL");
        }
        String locale = chat.locale() == null ? "en" : chat.locale().strip().toLowerCase(Locale.ROOT);
        if (!LOCALES.contains(locale)) {
            checks.add(field + ".locale", "must be ja or en");
        }
        String zone = Checks.trimmed(chat.timeZone()) == null ? "UTC" : chat.timeZone().strip();
        if (!isRegionZone(zone)) {
            checks.add(field + ".timeZone", "must be an IANA time zone such as Asia/Tokyo");
        }
        return new ChatChannel(null, type, url, locale, zone);
    }

    private static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && url.length() <= 1000;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isRegionZone(String zone) {
        try {
            return zone.equals("UTC") || ZoneId.of(zone).getId().contains("/");
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static void missing(Checks checks, String field, String message, boolean strict, String plan) {
        if (strict) {
            checks.add(field, message);
        } else {
            log.warn("Response plan {} (incidentflow.response-plans): {}: {}; skipped when the plan runs",
                    plan, field, message);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
