package io.incidentflow.contact;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contacts, channels and engagement plans over HTTP. Errors are RFC 7807 problems; 400s name the field (see
 * {@code io.incidentflow.web.ApiExceptionHandler}). Who may call what is the security configuration's business.
 */
@RestController
@RequestMapping(path = "/api/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
class ContactController {

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    // --- contacts ---------------------------------------------------------------------------------------

    @GetMapping
    List<Contact> list() {
        return contacts.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Contact> create(@RequestBody ContactRequest request, Authentication authentication) {
        Contact contact = contacts.create(request, actor(authentication));
        // Relative, so that it stays right behind a proxy that rewrites host or scheme.
        return ResponseEntity.created(URI.create("/api/contacts/" + contact.id())).body(contact);
    }

    @GetMapping("/{id}")
    ContactDetails get(@PathVariable String id) {
        Contact contact = contacts.get(id);
        return new ContactDetails(contact, contacts.channels(id).stream().map(ChannelView::of).toList(),
                StageView.of(contacts.fullPlan(id)));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Contact update(@PathVariable String id, @RequestBody ContactRequest request, Authentication authentication) {
        return contacts.update(id, request, actor(authentication));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Authentication authentication) {
        contacts.delete(id, actor(authentication));
    }

    // --- channels ---------------------------------------------------------------------------------------

    @GetMapping("/{id}/channels")
    List<ChannelView> channels(@PathVariable String id) {
        return contacts.channels(id).stream().map(ChannelView::of).toList();
    }

    @GetMapping("/{id}/channels/{channelId}")
    ChannelView channel(@PathVariable String id, @PathVariable long channelId) {
        return ChannelView.of(contacts.channel(id, channelId)
                .orElseThrow(() -> ContactNotFoundException.channel(id, channelId)));
    }

    /** Adds a channel and sends it its activation code; 201 even when the code could not be sent (see body). */
    @PostMapping(path = "/{id}/channels", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ChannelAdded> addChannel(@PathVariable String id, @RequestBody ChannelRequest request,
            Authentication authentication) {
        ChannelAdded added = contacts.addChannel(id, request, actor(authentication));
        return ResponseEntity.created(URI.create("/api/contacts/" + id + "/channels/" + added.channel().id()))
                .body(added);
    }

    @DeleteMapping("/{id}/channels/{channelId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeChannel(@PathVariable String id, @PathVariable long channelId, Authentication authentication) {
        contacts.removeChannel(id, channelId, actor(authentication));
    }

    /** Sends a new code, voiding the previous one: after expiry, too many wrong guesses, or a lost message. */
    @PostMapping("/{id}/channels/{channelId}/activation-code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ChannelView resendActivationCode(@PathVariable String id, @PathVariable long channelId,
            Authentication authentication) {
        return ChannelView.of(contacts.resendActivationCode(id, channelId, actor(authentication)));
    }

    @PostMapping(path = "/{id}/channels/{channelId}/activate", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> activate(@PathVariable String id, @PathVariable long channelId,
            @RequestBody ActivationRequest request, Authentication authentication) {
        ActivationResult result = contacts.activate(id, channelId, request.code(), actor(authentication));
        String resend = "/api/contacts/" + id + "/channels/" + channelId + "/activation-code";
        return switch (result.outcome()) {
            case ACTIVATED -> ResponseEntity.ok(ChannelView.of(result.channel()));
            case WRONG_CODE -> throw new ContactValidationException("code", result.attemptsLeft() == 0
                    ? "is wrong, and that was the last attempt: request a new code (POST " + resend + ")"
                    : "is wrong; " + result.attemptsLeft() + " attempt(s) left");
            case EXPIRED -> problem(HttpStatus.GONE, "Activation code expired",
                    "The activation code has expired; request a new one (POST " + resend + ").");
            case NO_CODE -> problem(HttpStatus.GONE, "No activation code pending",
                    "No activation code is pending for this channel; request one (POST " + resend + ").");
            case ALREADY_ACTIVATED -> problem(HttpStatus.CONFLICT, "Already activated",
                    "Channel " + channelId + " of " + id + " is already activated.");
        };
    }

    // --- engagement plan --------------------------------------------------------------------------------

    @GetMapping("/{id}/engagement-plan")
    EngagementPlanView plan(@PathVariable String id) {
        return new EngagementPlanView(StageView.of(contacts.fullPlan(id)));
    }

    @PutMapping(path = "/{id}/engagement-plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    EngagementPlanView replacePlan(@PathVariable String id, @RequestBody EngagementPlanRequest request,
            Authentication authentication) {
        return new EngagementPlanView(StageView.of(contacts.replacePlan(id, request, actor(authentication))));
    }

    // --- problems ---------------------------------------------------------------------------------------

    @ExceptionHandler(ContactNotFoundException.class)
    ResponseEntity<Object> notFound(ContactNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Contact not found", ex.getMessage());
    }

    @ExceptionHandler(ContactConflictException.class)
    ResponseEntity<Object> conflict(ContactConflictException ex) {
        return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
    }

    /** The channel's provider failed us, not the client: a gateway error. */
    @ExceptionHandler(ActivationCodeNotSentException.class)
    ResponseEntity<Object> notSent(ActivationCodeNotSentException ex) {
        return problem(HttpStatus.BAD_GATEWAY, "Activation code not sent", ex.getMessage());
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String actor(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }
}
