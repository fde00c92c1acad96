-- One-click acknowledge links (docs/acknowledge-links.md). A link is accepted once: the primary key on the
-- token's random id, not a check in Java, decides which of two concurrent clicks wins, also across nodes.
-- expires_at lets old rows be purged once no link of theirs could be accepted anyway.
CREATE TABLE ack_link_use (
    token_id        VARCHAR(32)  NOT NULL PRIMARY KEY,
    incident_number VARCHAR(20)  NOT NULL,
    contact_id      VARCHAR(100) NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The signing key when INCIDENTFLOW_ACK_LINKS_SECRET is not set (development): generated at first use and
-- shared by every node through the database, so links survive restarts. One row at most.
CREATE TABLE ack_link_secret (
    id         SMALLINT     NOT NULL PRIMARY KEY,
    secret     VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_ack_link_secret_single CHECK (id = 1)
);
