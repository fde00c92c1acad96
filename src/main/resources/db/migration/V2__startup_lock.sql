-- Nodes starting together take turns at seeding users, groups, grants and filters: the engine's
-- identity tables have no unique names for filters or grants, so a row lock serializes the check-then-create.
CREATE TABLE startup_lock (
    name VARCHAR(50) PRIMARY KEY
);
INSERT INTO startup_lock (name) VALUES ('seed');
