package io.incidentflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MailSenderAllowListTest {

    @Test
    void exactAddressIsAllowedIgnoringCase() {
        SenderAllowList list = SenderAllowList.of(List.of("Zabbix@Monitor.Example.com"));

        assertThat(list.allows("zabbix@monitor.example.com")).isTrue();
        assertThat(list.allows("ZABBIX@MONITOR.EXAMPLE.COM")).isTrue();
        assertThat(list.allows("other@monitor.example.com")).isFalse();
    }

    @Test
    void domainEntryAllowsThatDomainButNotSubdomainsOrLookAlikes() {
        SenderAllowList list = SenderAllowList.of(List.of("@example.co.jp"));

        assertThat(list.allows("taro@example.co.jp")).isTrue();
        assertThat(list.allows("taro@EXAMPLE.co.jp")).isTrue();
        assertThat(list.allows("taro@mail.example.co.jp")).isFalse();
        assertThat(list.allows("taro@badexample.co.jp")).isFalse();
        assertThat(list.allows("example.co.jp@evil.com")).isFalse();
    }

    @Test
    void emptyListRefusesEveryoneAndSaysSo() {
        assertThat(SenderAllowList.of(List.of()).refusal("taro@example.co.jp"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no allowed senders"));
    }

    @Test
    void mailWithoutSenderIsRefused() {
        assertThat(SenderAllowList.of(List.of("@example.com")).refusal(null)).isPresent();
    }

    @Test
    void displayNameCannotSmuggleAnAllowedAddress() throws Exception {
        ParsedMail parsed = RawMail.mail()
                .header("From: \"ops@example.com\" <attacker@evil.test>")
                .text("text/plain", "x", "us-ascii", "7bit")
                .parse();

        assertThat(SenderAllowList.of(List.of("ops@example.com")).allows(parsed.from())).isFalse();
        assertThat(parsed.from()).isEqualTo("attacker@evil.test");
    }
}
