package io.incidentflow.acklink;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.incidentflow.incident.Incident;

import org.springframework.web.util.HtmlUtils;

/**
 * The link's pages, Japanese above English, since one link reaches recipients of either locale. Every value
 * is escaped: incident titles come from monitoring systems and mails.
 */
final class AckPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private AckPages() {
    }

    static String confirm(Incident incident) {
        String earlier = incident.acknowledgedBy() == null ? "" : """
                <p>%s<br><span lang="en">%s</span></p>
                """.formatted(acknowledgedBy(incident.acknowledgedBy(), incident.acknowledgedAt(), true),
                acknowledgedBy(incident.acknowledgedBy(), incident.acknowledgedAt(), false));
        // No action attribute: the form posts back to this page's own URL, token included.
        return page("インシデントの確認", "Acknowledge incident", headline(incident.number(), incident.title()) + """
                <p>このインシデントを確認し、対応を引き受けますか？<br>
                <span lang="en">Do you acknowledge this incident and take it on?</span></p>
                %s<form method="post"><button type="submit">確認する / Acknowledge</button></form>
                """.formatted(earlier));
    }

    static String done(AckResult result) {
        String body = result.acknowledgedEarlierBySomeoneElse()
                ? "<p>%s<br><span lang=\"en\">%s</span></p>".formatted(
                        acknowledgedBy(result.acknowledgedBy(), result.acknowledgedAt(), true),
                        acknowledgedBy(result.acknowledgedBy(), result.acknowledgedAt(), false))
                : "<p>確認をインシデントに記録しました。<br>"
                        + "<span lang=\"en\">Your acknowledgement is recorded on the incident.</span></p>";
        return page("確認しました", "Acknowledged", headline(result.incidentNumber(), result.title()) + body);
    }

    static String rejected(AckLinkRejectedException.Reason reason) {
        return page("確認できません", "Cannot acknowledge", """
                <p>%s<br><span lang="en">%s</span></p>
                <p>Tasklist で確認してください。<br><span lang="en">Please acknowledge in Tasklist instead.</span></p>
                """.formatted(escape(reason.japanese), escape(reason.english)));
    }

    private static String headline(String number, String title) {
        return "<p><strong>%s</strong> · %s</p>\n".formatted(escape(number), escape(title));
    }

    private static String acknowledgedBy(String who, OffsetDateTime at, boolean japanese) {
        String when = at == null ? "" : TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC));
        return japanese ? "%s が %s に確認済みです。".formatted(escape(who), when)
                : "Already acknowledged by %s at %s.".formatted(escape(who), when);
    }

    private static String page(String titleJa, String titleEn, String body) {
        return """
                <!doctype html>
                <html lang="ja">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%1$s / %2$s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;\
                line-height:1.6}span[lang=en]{color:#555}button{font-size:1.1rem;padding:.6rem 1.4rem}</style>
                </head>
                <body>
                <h1>%1$s <span lang="en">/ %2$s</span></h1>
                %3$s</body>
                </html>
                """.formatted(titleJa, titleEn, body);
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
