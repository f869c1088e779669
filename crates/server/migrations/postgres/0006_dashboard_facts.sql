-- Facts the unit dashboard reads (docs/dashboard.md): kept up to date in the same
-- transaction as a synced record is stored, so a dashboard over a year and a million
-- records reads a few thousand rows instead of the records. Every fact is keyed by the
-- period labels of the agency's calendar ('2026-03', '2026-Q1', '2026': one row per label)
-- and by the person's unit when the record was stored.

-- Each person's latest response to each questionnaire per period (the one that counts).
CREATE TABLE fact_responses (
    account_id TEXT NOT NULL,
    questionnaire_id TEXT NOT NULL,
    period TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    -- created_at of the record (unix ms) and its id: "latest" is the larger pair.
    at BIGINT NOT NULL,
    record_id TEXT NOT NULL,
    -- The answers as stored (item id -> 1..5).
    answers TEXT NOT NULL,
    PRIMARY KEY (account_id, questionnaire_id, period)
);
CREATE INDEX fact_responses_period ON fact_responses (questionnaire_id, period, unit_id);

-- Practice tallies per unit, period and key: an indicator id, `value:<value>` or `all`.
-- `people` counts distinct people. Each is the sum of the people's own tallies below, so
-- erasing an account subtracts exactly what it added.
CREATE TABLE fact_practice (
    period TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    key TEXT NOT NULL,
    answered BIGINT NOT NULL,
    correct BIGINT NOT NULL,
    people BIGINT NOT NULL,
    PRIMARY KEY (period, unit_id, key)
);

-- A person's own tally per period and key, under the unit of their first answer in it.
CREATE TABLE fact_practice_people (
    account_id TEXT NOT NULL,
    period TEXT NOT NULL,
    key TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    answered BIGINT NOT NULL,
    correct BIGINT NOT NULL,
    PRIMARY KEY (account_id, period, key)
);

-- Who was active (any record) in a period, under which unit.
CREATE TABLE fact_activity (
    account_id TEXT NOT NULL,
    period TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    PRIMARY KEY (account_id, period)
);
CREATE INDEX fact_activity_period ON fact_activity (period, unit_id);

-- The facts of records stored before this migration are built once at the next start
-- (the server needs the content bundle to know a question's value and indicator):
-- `built = 0` asks for it.
CREATE TABLE fact_state (
    id BIGINT PRIMARY KEY NOT NULL CHECK (id = 1),
    built BIGINT NOT NULL
);
INSERT INTO fact_state (id, built) VALUES (1, 0);

-- PostgreSQL: moved on after every commit that changes the facts, by every server process
-- on this database; a process serves a cached dashboard only while the value it was made at
-- is current (docs/database.md, "Several processes"). A sequence: moving it takes no lock
-- and writes no row.
CREATE SEQUENCE facts_changes;
