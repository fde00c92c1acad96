-- Escalation plans: ordered stages, each engaging contacts and/or whoever is on call in a schedule, for a
-- while, before the next stage is engaged. Contacts and schedules are ids owned by other features: no foreign
-- keys to them (a deleted contact is skipped when the plan runs), as in V7.
-- Written in the SQL that H2 2.x (default mode) and PostgreSQL 16 both accept, as V1 is.
CREATE TABLE escalation_plan (
    -- A slug such as db-critical: response plans and people refer to plans by it.
    name         VARCHAR(100) PRIMARY KEY,
    description  VARCHAR(500),
    -- How often the whole plan runs again after its last stage; 0 runs it once.
    repeat_count INT          DEFAULT 0 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(100),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(100),
    CONSTRAINT ck_escalation_plan_repeat CHECK (repeat_count BETWEEN 0 AND 10)
);

CREATE TABLE escalation_stage (
    plan_name        VARCHAR(100) NOT NULL REFERENCES escalation_plan (name) ON DELETE CASCADE,
    -- 1, 2, 3 ...: a plan is replaced as a whole, so stages are renumbered each time.
    stage_no         INT          NOT NULL,
    duration_minutes INT          NOT NULL,
    ack_stops_plan   BOOLEAN      NOT NULL,
    PRIMARY KEY (plan_name, stage_no),
    CONSTRAINT ck_escalation_stage_duration CHECK (duration_minutes BETWEEN 1 AND 1440)
);

CREATE TABLE escalation_target (
    plan_name   VARCHAR(100) NOT NULL,
    stage_no    INT          NOT NULL,
    target_no   INT          NOT NULL,
    contact_id  VARCHAR(64),
    schedule_id VARCHAR(64),
    PRIMARY KEY (plan_name, stage_no, target_no),
    FOREIGN KEY (plan_name, stage_no) REFERENCES escalation_stage (plan_name, stage_no) ON DELETE CASCADE,
    CONSTRAINT ck_escalation_target_one CHECK ((contact_id IS NULL AND schedule_id IS NOT NULL)
                                            OR (contact_id IS NOT NULL AND schedule_id IS NULL))
);

-- How the engagement of one incident went: the plan it followed, the last stage engaged and whether the plan
-- ran out with nobody acknowledging. The acknowledgement itself is on the incident (acknowledged_at/_by).
-- No foreign key to incident: like the delivery log, it is history.
CREATE TABLE incident_engagement (
    incident_id            BIGINT PRIMARY KEY,
    incident_number        VARCHAR(20)  NOT NULL,
    response_plan          VARCHAR(100),
    escalation_plan        VARCHAR(100),
    started_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    last_round             INT,
    last_stage             INT,
    last_stage_at          TIMESTAMP WITH TIME ZONE,
    nobody_acknowledged_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_incident_engagement_number ON incident_engagement (incident_number);
