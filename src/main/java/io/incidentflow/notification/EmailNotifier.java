package io.incidentflow.notification;

import java.io.UnsupportedEncodingException;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.Contact;
import io.incidentflow.contact.ContactChannel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Plain-text mail through Spring's {@link JavaMailSender} ({@code spring.mail.*}), in UTF-8 or ISO-2022-JP as the
 * recipient needs (see {@link MailEncoding}).
 */
@Component
class EmailNotifier implements NotificationChannel {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessageTemplates templates;
    private final NotificationProperties.Mail settings;

    EmailNotifier(ObjectProvider<JavaMailSender> mailSender, MessageTemplates templates,
            NotificationProperties properties) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.settings = properties.mail();
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public DeliveryResult send(Notification n, ContactChannel target) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return DeliveryResult.failed("e-mail is not configured: set spring.mail.host");
        }
        if (settings.from() == null || settings.from().isBlank()) {
            return DeliveryResult.failed("e-mail is not configured: set incidentflow.notification.mail.from");
        }
        RenderedMessage message = templates.render(n, ChannelType.EMAIL);
        Contact recipient = n.recipient();
        MailEncoding encoding = MailEncoding.choose(recipient.mailCharset(), settings.charsetRules(), target.address(),
                message.subject(), message.body(), recipient.displayName(), settings.fromName());
        try {
            sender.send(mime(sender, message, recipient, target.address(), encoding.charset()));
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("The mail could not be composed: " + e.getMessage(), e);
        }
        return DeliveryResult.sent(encoding.note() == null ? encoding.charset() : encoding.note());
    }

    private MimeMessage mime(JavaMailSender sender, RenderedMessage message, Contact recipient, String address,
            String charset) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = sender.createMimeMessage();
        mime.setFrom(new InternetAddress(settings.from(), settings.fromName(), charset));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(address, recipient.displayName(), charset));
        // "B" (base64) encoded-words: the form Japanese mailers expect for ISO-2022-JP subjects.
        mime.setHeader("Subject", MimeUtility.fold(9, MimeUtility.encodeText(message.subject(), charset, "B")));
        // SMTP wants CRLF; converting here keeps the ISO-2022-JP escape sequences intact on each line.
        mime.setText(message.body().replace("\n", "\r\n"), charset);
        if (charset.equals(MailEncoding.ISO_2022_JP)) {
            // RFC 1468 mail is 7bit as it stands. Jakarta Mail counts the ESC bytes as binary and would pick
            // quoted-printable, which some Japanese (mobile) mailers do not decode for ISO-2022-JP.
            mime.setHeader("Content-Transfer-Encoding", "7bit");
        }
        mime.setSentDate(new Date());
        // Out-of-office replies must not come back: the mail intake would open incidents from them (RFC 3834).
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("X-Auto-Response-Suppress", "All");
        return mime;
    }
}
