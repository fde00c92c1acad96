package io.incidentflow.contact;

/**
 * How a contact channel reaches its owner. SLACK, TEAMS and WEBHOOK are the chat channels: their address is an
 * incoming-webhook URL (Slack-compatible ones, such as Mattermost's, are SLACK too).
 */
public enum ChannelType {
    EMAIL,
    SMS,
    VOICE,
    SLACK,
    TEAMS,
    WEBHOOK;

    /** Addressed by an E.164 phone number. */
    public boolean isPhone() {
        return this == SMS || this == VOICE;
    }

    /** Addressed by an incoming-webhook URL. */
    public boolean isChat() {
        return this == SLACK || this == TEAMS || this == WEBHOOK;
    }
}
