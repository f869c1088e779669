-- The agency roster (`resapi-server import-roster`). While it has rows, only NIPs on it may
-- register, and a new account gets the roster's unit. Empty: registration is open.
CREATE TABLE roster (
    -- 18 digits, no spaces.
    nip TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units (id),
    imported_at TEXT NOT NULL
);

-- `resapi-server reset-account` releases a NIP whose account someone else took: the account
-- stays (its records are kept, attached to it, never shown to the NIP's owner) but its NIP
-- moves here and `nip` becomes 'released:<id>', which no login can match.
ALTER TABLE accounts ADD COLUMN released_nip TEXT;
ALTER TABLE accounts ADD COLUMN released_at TEXT;

-- Expired sessions are deleted periodically.
CREATE INDEX sessions_expires ON sessions (expires_at);
