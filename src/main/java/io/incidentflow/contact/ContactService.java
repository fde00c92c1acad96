package io.incidentflow.contact;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.incidentflow.contact.ActivationResult.Outcome;
import io.incidentflow.contact.ContactRepository.PendingCode;
import io.incidentflow.contact.ContactRepository.PlannedStage;
import io.incidentflow.contact.ContactValidationException.FieldError;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contacts, their channels and engagement plans. Other features use {@link #find}, {@link #exists},
 * {@link #channel} and {@link #engagementPlan}; the rest serves the REST API.
 *
 * <p>Transactions are explicit because an activation code is sent only after its channel's row has committed: a
 * slow mail server must not hold the row locks, and a failed send must not undo the channel.
 */
@Service
public class ContactService {

    private static final Logger log = LoggerFactory.getLogger(ContactService.class);
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Set<String> LOCALES = Set.of("ja", "en");
    static final int MAX_NAME = 200;
    static final int MAX_USER_ID = 64;
    static final int MAX_STAGES = 20;
    static final int MAX_MINUTES = 24 * 60;

    private final ContactRepository repository;
    private final IdentityService identityService;
    private final ActivationCodeSender codeSender;
    private final ContactAudit audit;
    private final ContactProperties properties;
    private final TransactionOperations tx;
    private final Clock clock;

    @Autowired
    ContactService(ContactRepository repository, IdentityService identityService, ActivationCodeSender codeSender,
            ContactAudit audit, ContactProperties properties, PlatformTransactionManager transactionManager) {
        this(repository, identityService, codeSender, audit, properties, new TransactionTemplate(transactionManager),
                Clock.systemUTC());
    }

    ContactService(ContactRepository repository, IdentityService identityService, ActivationCodeSender codeSender,
            ContactAudit audit, ContactProperties properties, TransactionOperations tx, Clock clock) {
        this.repository = repository;
        this.identityService = identityService;
        this.codeSender = codeSender;
        this.audit = audit;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    // --- for other features -----------------------------------------------------------------------------

    public Optional<Contact> find(String id) {
        return id == null ? Optional.empty() : repository.find(id);
    }

    public boolean exists(String id) {
        return id != null && repository.exists(id);
    }

    /** The contact's channel, activated or not; none when the channel belongs to someone else. */
    public Optional<ContactChannel> channel(String contactId, long channelId) {
        return repository.channel(contactId, channelId);
    }

    /**
     * Whom to engage how, in order: only stages whose channel is activated, so nothing is ever sent to an address
     * its owner has not confirmed.
     *
     * @throws ContactNotFoundException when there is no such contact
     */
    public List<EngagementStage> engagementPlan(String id) {
        return fullPlan(id).stream().filter(stage -> stage.channel().activated()).toList();
    }

    // --- contacts ---------------------------------------------------------------------------------------

    List<Contact> list() {
        return repository.list();
    }

    Contact get(String id) {
        return find(id).orElseThrow(() -> ContactNotFoundException.contact(id));
    }

    Contact create(ContactRequest request, String actor) {
        return tx.execute(status -> {
            Contact contact = validated(request, trimmed(request.id()), null);
            if (repository.exists(contact.id())) {
                throw new ContactConflictException("There is already a contact " + contact.id() + ".");
            }
            repository.insert(contact);
            audit.record(actor, "contact.created", contact.id(), profile(contact));
            return contact;
        });
    }

    Contact update(String id, ContactRequest request, String actor) {
        return tx.execute(status -> {
            Contact existing = get(id);
            String bodyId = trimmed(request.id());
            if (bodyId != null && !bodyId.equals(id)) {
                throw new ContactValidationException("id", "must be " + id + " as in the path; ids cannot change");
            }
            Contact contact = validated(request, id, existing);
            repository.update(contact);
            audit.record(actor, "contact.updated", id, profile(contact));
            return contact;
        });
    }

    void delete(String id, String actor) {
        tx.executeWithoutResult(status -> {
            if (repository.delete(id) == 0) {
                throw ContactNotFoundException.contact(id);
            }
            audit.record(actor, "contact.deleted", id, Map.of());
        });
    }

    private Contact validated(ContactRequest request, String id, Contact existing) {
        List<FieldError> errors = new ArrayList<>();
        if (existing == null && (id == null || !ID.matcher(id).matches())) {
            errors.add(new FieldError("id", "must be 1 to 64 lower-case letters, digits and hyphens, such as hanako"));
        }
        String displayName = trimmed(request.displayName());
        if (displayName == null) {
            errors.add(new FieldError("displayName", "must not be blank"));
        } else if (displayName.length() > MAX_NAME) {
            errors.add(new FieldError("displayName", "size must be between 1 and " + MAX_NAME));
        }
        String userId = trimmed(request.tasklistUserId());
        checkTasklistUser(errors, userId, id);
        String locale = trimmed(request.locale());
        if (locale == null || !LOCALES.contains(locale)) {
            errors.add(new FieldError("locale", "must be ja or en"));
        }
        String timeZone = trimmed(request.timeZone());
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Asia/Tokyo or America/New_York"));
        }
        String charsetLabel = trimmed(request.mailCharset());
        Optional<MailCharset> charset = charsetLabel == null ? Optional.empty() : MailCharset.fromLabel(charsetLabel);
        if (charsetLabel != null && charset.isEmpty()) {
            errors.add(new FieldError("mailCharset", "must be UTF-8 or ISO-2022-JP, or left out for the default"));
        }
        throwIfAny(errors);
        OffsetDateTime now = now();
        return new Contact(id, displayName, userId, locale, timeZone, charset.orElse(null),
                existing == null ? now : existing.createdAt(), now);
    }

    private void checkTasklistUser(List<FieldError> errors, String userId, String contactId) {
        if (userId == null) {
            return;
        }
        if (userId.length() > MAX_USER_ID || identityService.createUserQuery().userId(userId).count() == 0) {
            errors.add(new FieldError("tasklistUserId", "is not a Tasklist user"));
            return;
        }
        repository.findByTasklistUser(userId)
                .filter(other -> !other.id().equals(contactId))
                .ifPresent(other -> errors.add(new FieldError("tasklistUserId",
                        "is already linked to contact " + other.id())));
    }

    // --- channels and activation ------------------------------------------------------------------------

    List<ContactChannel> channels(String id) {
        get(id);
        return repository.channels(id);
    }

    /** Stores the channel with a fresh code, then sends the code through it. */
    ChannelAdded addChannel(String id, ChannelRequest request, String actor) {
        String code = ActivationCodes.newCode();
        ContactChannel channel = tx.execute(status -> {
            get(id);
            Addresses.Result address = validatedAddress(id, request);
            OffsetDateTime now = now();
            long channelId = repository.insertChannel(id, request.type(), address.address(),
                    ActivationCodes.hash(code), now.plus(properties.activationCodeTtl()), now);
            audit.record(actor, "contact.channel-added", id, Map.of("channelId", channelId, "type", request.type(),
                    "address", Addresses.mask(request.type(), address.address())));
            return repository.channel(id, channelId).orElseThrow();
        });
        String error = null;
        try {
            send(channel, code);
        } catch (ActivationCodeNotSentException e) {
            error = e.getMessage();
        }
        return new ChannelAdded(ChannelView.of(channel), error == null, error);
    }

    private Addresses.Result validatedAddress(String id, ChannelRequest request) {
        if (request.type() == null) {
            throw new ContactValidationException("type", "must be one of EMAIL, SMS, VOICE, SLACK, TEAMS, WEBHOOK");
        }
        Addresses.Result address = Addresses.normalize(request.type(), request.address(),
                properties.allowPlainHttpWebhooks());
        if (address.error() != null) {
            throw new ContactValidationException("address", address.error());
        }
        if (repository.channelExists(id, request.type(), address.address())) {
            throw new ContactValidationException("address", "is already a " + request.type() + " channel of " + id);
        }
        return address;
    }

    void removeChannel(String id, long channelId, String actor) {
        tx.executeWithoutResult(status -> {
            if (repository.deleteChannel(id, channelId) == 0) {
                get(id);
                throw ContactNotFoundException.channel(id, channelId);
            }
            audit.record(actor, "contact.channel-removed", id, Map.of("channelId", channelId));
        });
    }

    /** Replaces a pending (or void, or expired) code with a new one and sends it. */
    ContactChannel resendActivationCode(String id, long channelId, String actor) {
        String code = ActivationCodes.newCode();
        ContactChannel channel = tx.execute(status -> {
            ContactChannel existing = channelOf(id, channelId);
            if (existing.activated()) {
                throw new ContactConflictException("Channel " + channelId + " of " + id + " is already activated.");
            }
            repository.setActivationCode(channelId, ActivationCodes.hash(code),
                    now().plus(properties.activationCodeTtl()));
            audit.record(actor, "contact.activation-code-sent", id, Map.of("channelId", channelId));
            return repository.channel(id, channelId).orElseThrow();
        });
        send(channel, code);
        return channel;
    }

    private void send(ContactChannel channel, String code) {
        try {
            codeSender.send(get(channel.contactId()), channel, code, properties.activationCodeTtl());
        } catch (RuntimeException e) {
            log.warn("Activation code for channel {} of {} not sent: {}", channel.id(), channel.contactId(),
                    e.getMessage());
            throw new ActivationCodeNotSentException("The activation code could not be sent: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a guess. Every guess at a live code counts, right or wrong; the last wrong one voids the code. The
     * guess is counted before the code is compared, in the same row lock, so parallel guesses cannot go over
     * the limit.
     */
    ActivationResult activate(String id, long channelId, String code, String actor) {
        String guess = code == null ? "" : code.strip();
        if (!ActivationCodes.FORMAT.matcher(guess).matches()) {
            throw new ContactValidationException("code", "must be the 6 digits that were sent");
        }
        return tx.execute(status -> {
            ContactChannel channel = channelOf(id, channelId);
            if (channel.activated()) {
                return new ActivationResult(Outcome.ALREADY_ACTIVATED, 0, channel);
            }
            OffsetDateTime now = now();
            boolean counted = repository.countAttempt(channelId, properties.activationMaxAttempts(), now) == 1;
            PendingCode pending = repository.pendingCode(channelId).orElseThrow();
            if (!counted) {
                Outcome outcome = pending.hash() != null && !pending.expiresAt().isAfter(now)
                        ? Outcome.EXPIRED : Outcome.NO_CODE;
                return new ActivationResult(outcome, 0, channel);
            }
            if (ActivationCodes.matches(guess, pending.hash())) {
                repository.activate(channelId, pending.hash(), now);
                audit.record(actor, "contact.channel-activated", id, Map.of("channelId", channelId));
                return new ActivationResult(Outcome.ACTIVATED, 0, repository.channel(id, channelId).orElseThrow());
            }
            int left = properties.activationMaxAttempts() - pending.attempts();
            if (left == 0) {
                repository.voidCode(channelId);
            }
            audit.record(actor, "contact.activation-failed", id, Map.of("channelId", channelId, "attemptsLeft", left));
            return new ActivationResult(Outcome.WRONG_CODE, left, channel);
        });
    }

    private ContactChannel channelOf(String id, long channelId) {
        get(id);
        return repository.channel(id, channelId).orElseThrow(() -> ContactNotFoundException.channel(id, channelId));
    }

    // --- engagement plan --------------------------------------------------------------------------------

    /** Every stage, activated or not: what the plan says, for the people who maintain it. */
    List<EngagementStage> fullPlan(String id) {
        get(id);
        return repository.plan(id);
    }

    /** Replaces the plan; stages are kept in order of their minutes (the given order breaks ties). */
    List<EngagementStage> replacePlan(String id, EngagementPlanRequest request, String actor) {
        return tx.execute(status -> {
            get(id);
            List<PlannedStage> stages = validatedStages(id, request);
            repository.replacePlan(id, stages);
            audit.record(actor, "contact.engagement-plan-replaced", id, Map.of("stages", stages.stream()
                    .map(stage -> Map.of("channelId", stage.channelId(), "afterMinutes", stage.afterMinutes()))
                    .toList()));
            return repository.plan(id);
        });
    }

    private List<PlannedStage> validatedStages(String id, EngagementPlanRequest request) {
        if (request == null || request.stages() == null) {
            throw new ContactValidationException("stages", "must not be null; send [] for no plan");
        }
        if (request.stages().size() > MAX_STAGES) {
            throw new ContactValidationException("stages", "must have at most " + MAX_STAGES + " stages");
        }
        Set<Long> channels = Set.copyOf(repository.channels(id).stream().map(ContactChannel::id).toList());
        List<FieldError> errors = new ArrayList<>();
        Map<PlannedStage, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < request.stages().size(); i++) {
            EngagementPlanRequest.Stage stage = request.stages().get(i);
            String field = "stages[" + i + "]";
            if (stage == null) {
                errors.add(new FieldError(field, "must not be null"));
                continue;
            }
            checkStageChannel(errors, field, stage.channelId(), channels, id);
            checkStageMinutes(errors, field, stage.afterMinutes());
            if (stage.channelId() != null && stage.afterMinutes() != null) {
                Integer first = seen.putIfAbsent(new PlannedStage(stage.channelId(), stage.afterMinutes()), i);
                if (first != null) {
                    errors.add(new FieldError(field, "repeats stages[" + first + "]"));
                }
            }
        }
        throwIfAny(errors);
        return seen.keySet().stream().sorted(Comparator.comparingInt(PlannedStage::afterMinutes)).toList();
    }

    private static void checkStageChannel(List<FieldError> errors, String field, Long channelId, Set<Long> channels,
            String id) {
        if (channelId == null) {
            errors.add(new FieldError(field + ".channelId", "must not be null"));
        } else if (!channels.contains(channelId)) {
            errors.add(new FieldError(field + ".channelId", "is not a channel of " + id));
        }
    }

    private static void checkStageMinutes(List<FieldError> errors, String field, Integer minutes) {
        if (minutes == null) {
            errors.add(new FieldError(field + ".afterMinutes", "must not be null"));
        } else if (minutes < 0 || minutes > MAX_MINUTES) {
            errors.add(new FieldError(field + ".afterMinutes", "must be between 0 and " + MAX_MINUTES));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------

    /** What the audit keeps of a contact's profile. */
    private static Map<String, Object> profile(Contact contact) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("displayName", contact.displayName());
        details.put("tasklistUserId", contact.tasklistUserId());
        details.put("locale", contact.locale());
        details.put("timeZone", contact.timeZone());
        details.put("mailCharset", contact.mailCharset() == null ? null : contact.mailCharset().label());
        return details;
    }

    /** Microseconds: what both databases store, so a value read back equals the value written. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ContactValidationException(errors);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
