package io.incidentflow.alert;

import java.util.List;

import io.incidentflow.incident.IncidentComments;
import io.incidentflow.incident.IncidentComments.NewAttachment;
import io.incidentflow.incident.IncidentComments.NewComment;
import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationService;
import io.incidentflow.mail.MailAttachment;
import io.incidentflow.mail.MailIntake;
import io.incidentflow.mail.MailOutcome;
import io.incidentflow.mail.MailReply;
import io.incidentflow.mail.MailToAlert;
import io.incidentflow.mail.MailboxProperties;
import io.incidentflow.mail.ParsedMail;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The support mailbox's way in: a new mail is an alert like any other (de-duplicated on its Message-ID),
 * a reply naming {@code [INC-000042]} becomes a comment on that incident. Files are kept either way.
 */
@Component
class MailboxIntake implements MailIntake {

    private static final String SOURCE = "email";

    private final IntegrationService integrations;
    private final AlertIntake intake;
    private final IncidentComments comments;
    private final TransactionTemplate transaction;

    MailboxIntake(IntegrationService integrations, AlertIntake intake, IncidentComments comments,
            TransactionTemplate transaction) {
        this.integrations = integrations;
        this.intake = intake;
        this.comments = comments;
        this.transaction = transaction;
    }

    @Override
    public MailOutcome accept(ParsedMail mail, MailboxProperties.Mailbox mailbox) {
        Integration integration = integrations.findByName(mailbox.integration())
                .orElseThrow(() -> new IllegalStateException("mailbox '" + mailbox.name()
                        + "' names integration '" + mailbox.integration() + "', which does not exist"));
        MailToAlert.Result result = MailToAlert.convert(mail, integration, mailbox);
        if (result instanceof MailToAlert.NewAlert alert) {
            return newIncident(integration, alert, mail);
        }
        if (result instanceof MailToAlert.ReplyTo reply) {
            return reply(reply.reply());
        }
        return MailOutcome.refused(((MailToAlert.Refused) result).reason());
    }

    private MailOutcome newIncident(Integration integration, MailToAlert.NewAlert alert, ParsedMail mail) {
        List<AlertIntake.AcceptedAlert> accepted = transaction.execute(status -> {
            List<AlertIntake.AcceptedAlert> result = intake.accept(integration, List.of(alert.alert()));
            if (!result.get(0).redelivery()) {
                comments.keepForMail(alert.alert().dedupKey(), files(mail.attachments()));
            }
            return result;
        });
        String key = alert.alert().dedupKey();
        return accepted.get(0).redelivery() ? MailOutcome.duplicate(key) : MailOutcome.accepted(key);
    }

    private MailOutcome reply(MailReply reply) {
        return comments.add(reply.incidentNumber(), new NewComment(reply.from(), SOURCE, reply.subject(),
                        reply.body(), reply.dedupKey(), files(reply.attachments())))
                .map(id -> MailOutcome.accepted(reply.incidentNumber()))
                .orElseGet(() -> MailOutcome.duplicate(reply.incidentNumber()));
    }

    private static List<NewAttachment> files(List<MailAttachment> attachments) {
        return attachments.stream()
                .map(file -> new NewAttachment(file.name(), file.contentType(), file.content()))
                .toList();
    }
}
