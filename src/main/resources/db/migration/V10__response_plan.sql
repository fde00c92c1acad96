-- Response plans: the template an incident is opened with and whom it engages. An integration may name one
-- (integration.response_plan, since V3); from here on that name must exist, and a plan in use cannot go.
CREATE TABLE response_plan (
    name            VARCHAR(100) PRIMARY KEY,
    title           VARCHAR(200),
    impact          SMALLINT,
    summary         TEXT,
    dedup_template  VARCHAR(500),
    -- Either an escalation plan or a list of contacts (response_plan_contact) is engaged, never both.
    escalation_plan VARCHAR(100) REFERENCES escalation_plan (name),
    -- The key of a BPMN process (processes/runbooks/...) started for the incident.
    runbook         VARCHAR(255),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(100),
    CONSTRAINT ck_response_plan_impact CHECK (impact BETWEEN 1 AND 5)
);

CREATE TABLE response_plan_contact (
    plan_name  VARCHAR(100) NOT NULL REFERENCES response_plan (name) ON DELETE CASCADE,
    contact_no INT          NOT NULL,
    contact_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (plan_name, contact_no)
);

-- Where updates about the incident are posted: a chat contact's activated chat channels, or a webhook URL.
-- The URL is a secret (whoever has it posts into the room); the API shows its host only.
CREATE TABLE response_plan_chat (
    plan_name    VARCHAR(100) NOT NULL REFERENCES response_plan (name) ON DELETE CASCADE,
    chat_no      INT          NOT NULL,
    contact_id   VARCHAR(64),
    channel_type VARCHAR(10),
    webhook_url  VARCHAR(1000),
    locale       VARCHAR(2),
    time_zone    VARCHAR(64),
    PRIMARY KEY (plan_name, chat_no),
    CONSTRAINT ck_response_plan_chat_one CHECK ((contact_id IS NULL AND webhook_url IS NOT NULL)
                                             OR (contact_id IS NOT NULL AND webhook_url IS NULL)),
    CONSTRAINT ck_response_plan_chat_type CHECK (channel_type IN ('SLACK', 'TEAMS', 'WEBHOOK'))
);

ALTER TABLE integration ADD CONSTRAINT fk_integration_response_plan
    FOREIGN KEY (response_plan) REFERENCES response_plan (name);
