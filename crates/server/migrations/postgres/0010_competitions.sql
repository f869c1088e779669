-- Competitions between units (lomba, docs/competitions.md) and ASN Inspiratif recognitions.
-- Times that rules compare are BIGINT unix ms (UTC); JSON columns hold resapi_core types.

CREATE TABLE competitions (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    -- The participating units: this one and its subtree; its direct sub-units are ranked.
    unit_id TEXT NOT NULL REFERENCES units (id),
    -- WIB, WITA or WIT: the zone the organiser picked the window in.
    zone TEXT NOT NULL,
    opens_at BIGINT NOT NULL,
    closes_at BIGINT NOT NULL,
    grace_seconds BIGINT NOT NULL,
    limit_seconds BIGINT NOT NULL,
    -- resapi_core::competition::draw::QuestionSource
    source TEXT NOT NULL,
    -- The drawn question ids (JSON array), the same for everyone.
    question_ids TEXT NOT NULL,
    -- resapi_core::competition::ranking::RankingRule
    rule TEXT NOT NULL,
    cancel_reason TEXT,
    published_at BIGINT,
    -- The results as published (resapi_core::competition::wire::CompetitionResults): the
    -- record participants see, fixed at publication.
    results TEXT,
    created_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX competitions_unit ON competitions (unit_id, opens_at);

-- When each account first downloaded a competition's questions (the server's clock): no
-- attempt can have started before it, whatever the phone's clock says.
CREATE TABLE competition_downloads (
    competition_id TEXT NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    first_at BIGINT NOT NULL,
    PRIMARY KEY (competition_id, account_id)
);

-- Counted attempts: one per account and competition (the primary key is the rule).
CREATE TABLE competition_attempts (
    competition_id TEXT NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    record_id TEXT NOT NULL UNIQUE,
    -- The account's unit when the attempt arrived: the unit it counts for.
    unit_id TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    correct BIGINT NOT NULL,
    total BIGINT NOT NULL,
    -- The answers (JSON [{question_id, option_id}]) for the item analysis and the review.
    answers TEXT NOT NULL,
    PRIMARY KEY (competition_id, account_id)
);

-- Attempts that did not count, by code, for the organiser's results page.
CREATE TABLE competition_refusals (
    record_id TEXT PRIMARY KEY NOT NULL,
    competition_id TEXT NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
CREATE INDEX competition_refusals_competition ON competition_refusals (competition_id);

CREATE TABLE recognitions (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units (id),
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    value_id TEXT NOT NULL,
    citation TEXT NOT NULL,
    -- YYYY-MM
    period TEXT NOT NULL,
    competition_id TEXT REFERENCES competitions (id) ON DELETE SET NULL,
    named_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    named_at BIGINT NOT NULL,
    -- pending, given or declined: shown to the unit only when given.
    consent TEXT NOT NULL DEFAULT 'pending',
    consent_at BIGINT
);
CREATE INDEX recognitions_unit ON recognitions (unit_id, named_at);
CREATE INDEX recognitions_account ON recognitions (account_id);
