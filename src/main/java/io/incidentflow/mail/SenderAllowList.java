package io.incidentflow.mail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may open incidents by mail: exact addresses ({@code ops@example.com}) and whole domains
 * ({@code @example.com}, that domain only, not its subdomains), compared case-insensitively. An empty list
 * refuses everyone: a support mailbox that anybody on the internet can turn into incidents is a pager for
 * spammers. The From address can be forged; the list is a filter, not authentication (that is the mail
 * server's SPF/DKIM/DMARC enforcement).
 */
final class SenderAllowList {

    private final List<String> entries;

    private SenderAllowList(List<String> entries) {
        this.entries = entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).toList();
    }

    static SenderAllowList of(List<String> entries) {
        return new SenderAllowList(entries == null ? List.of() : entries);
    }

    /** Empty when the sender may pass; otherwise why not. */
    Optional<String> refusal(String from) {
        if (entries.isEmpty()) {
            return Optional.of("no allowed senders are configured for this mailbox, so every sender is refused");
        }
        if (from == null || from.isBlank()) {
            return Optional.of("the mail has no From address");
        }
        String address = from.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? null : address.substring(at);
        for (String entry : entries) {
            if (entry.startsWith("@") ? entry.equals(domain) : entry.equals(address)) {
                return Optional.empty();
            }
        }
        return Optional.of("sender " + from + " is not on the mailbox's allowed-senders list");
    }

    boolean allows(String from) {
        return refusal(from).isEmpty();
    }
}
