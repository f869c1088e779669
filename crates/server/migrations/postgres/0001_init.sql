-- Resapi schema (PostgreSQL): the twin of migrations/sqlite/0001_init.sql, version for
-- version. INTEGER there is BIGINT here (the server reads i64), BLOB is BYTEA, and a
-- judgement the server binds as a bool is BOOLEAN. Ids are TEXT (UUIDs, content ids);
-- timestamps are RFC 3339 TEXT in UTC, except expiry checks, which use BIGINT unix ms.

-- The agency's org chart; content/units.toml is the source of truth, upserted at start.
-- Units removed from the file are kept (accounts point at them) but marked inactive.
CREATE TABLE units (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    parent_id TEXT,
    position BIGINT NOT NULL DEFAULT 0,
    active BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    -- 18 digits, no spaces.
    nip TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units (id),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE account_roles (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (account_id, role)
);

-- Only the SHA-256 of a token is stored: a leaked database does not leak live sessions.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX sessions_account ON sessions (account_id);

-- Synced records. `seq` orders them for the `since` cursor of GET /me/records;
-- `content_hash` tells a repeat (duplicate) from a reused id (id_conflict).
CREATE TABLE records (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    -- The server's own judgement of a practice answer; NULL for other kinds.
    server_correct BOOLEAN
);
CREATE INDEX records_account_seq ON records (account_id, seq);
