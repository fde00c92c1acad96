package io.incidentflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.incidentflow.contact.ChannelType;

import org.springframework.stereotype.Component;

/**
 * The message templates: one UTF-8 file per event and language, {@code <event>.<locale>.txt}, whose first line is
 * {@code Subject: …} and the rest the body. Read at every use, so an edited file takes effect with the next message,
 * without recompiling or restarting.
 *
 * <p>Look-up order, first found wins: {@code <event>.<channel>.<locale>.txt} (e.g. {@code activation-code.voice.ja.txt},
 * text to be read aloud), {@code <event>.<locale>.txt}, then the same two in English; each name first in
 * {@code incidentflow.notification.template-dir}, then among the built-in templates. E-mail and chat send subject
 * and body; SMS and voice only the subject line.
 */
@Component
class MessageTemplates {

    static final String BUILT_IN_LOCATION = "classpath:notification-templates/";
    private static final String BUILT_IN = "notification-templates/";
    private static final String CLASSPATH = "classpath:";
    private static final String SUBJECT = "subject:";

    /** Null when templates come from the classpath only. */
    private final Path directory;
    /** The classpath folder of the configured location; the built-in one when it is a directory. */
    private final String classpathFolder;

    MessageTemplates(NotificationProperties properties) {
        String location = properties.templateDir().strip();
        if (location.startsWith(CLASSPATH)) {
            this.directory = null;
            this.classpathFolder = folder(location.substring(CLASSPATH.length()));
        } else {
            this.directory = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
            this.classpathFolder = BUILT_IN;
            // Fail at start-up, not at the first incident in the night.
            if (!Files.isDirectory(directory)) {
                throw new IllegalStateException("incidentflow.notification.template-dir: " + directory
                        + " is not a directory");
            }
        }
    }

    RenderedMessage render(Notification n, ChannelType via) {
        Template template = load(n.notice().event(), via, n.recipient().locale());
        var values = Placeholders.of(n);
        // A value with a line break must not start a new header line: subjects stay one line.
        String subject = TemplateRenderer.render(template.subject(), values).replaceAll("[\\r\\n\\t]+", " ").strip();
        return new RenderedMessage(subject, TemplateRenderer.render(template.body(), values));
    }

    private Template load(NotificationEvent event, ChannelType via, String locale) {
        List<String> names = new ArrayList<>();
        for (String language : locale.equals("en") ? List.of("en") : List.of(locale, "en")) {
            names.add(event.template() + "." + via.name().toLowerCase(Locale.ROOT) + "." + language + ".txt");
            names.add(event.template() + "." + language + ".txt");
        }
        for (String name : names) {
            Optional<Template> template = read(name);
            if (template.isPresent()) {
                return template.get();
            }
        }
        throw new IllegalStateException("No template " + names.get(1) + " (nor any fallback)");
    }

    private Optional<Template> read(String name) {
        try {
            if (directory != null && Files.isRegularFile(directory.resolve(name))) {
                return Optional.of(parse(name, Files.readAllBytes(directory.resolve(name))));
            }
            Optional<Template> configured = classpath(classpathFolder + name, name);
            return configured.isPresent() ? configured : classpath(BUILT_IN + name, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Template " + name + " cannot be read", e);
        }
    }

    private Optional<Template> classpath(String resource, String name) throws IOException {
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(parse(name, in.readAllBytes()));
        }
    }

    /**
     * Strict UTF-8: a template saved as Shift_JIS by a Windows editor fails loudly here instead of mailing
     * mojibake. A BOM (Notepad writes one) and CRLF line ends are fine.
     */
    static Template parse(String name, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("Template " + name + " is not UTF-8; save it as UTF-8", e);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        if (!first.toLowerCase(Locale.ROOT).startsWith(SUBJECT)) {
            throw new IllegalStateException("Template " + name + " must start with a line 'Subject: …'");
        }
        String body = end < 0 ? "" : text.substring(end + 1);
        // One blank line between subject and body reads well in the file; it is not part of the body.
        if (body.startsWith("\n")) {
            body = body.substring(1);
        }
        return new Template(first.substring(SUBJECT.length()).strip(), body.stripTrailing());
    }

    private static String folder(String path) {
        String folder = path.startsWith("/") ? path.substring(1) : path;
        return folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
    }

    record Template(String subject, String body) {
    }
}
