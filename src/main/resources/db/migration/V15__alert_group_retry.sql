-- A group whose incident cannot be opened (or whose action fails) waits longer after each failure before it is
-- tried again, so that one broken group neither fills the log every second nor costs every sweep an engine
-- start. retry_at is compared with the trying node's clock; a succeeded try clears both.
ALTER TABLE alert_group ADD COLUMN failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE alert_group ADD COLUMN retry_at TIMESTAMP WITH TIME ZONE;
