-- What this database is. One row. `demo = 1` marks a database filled by `resapi-server
-- demo`: the server says so at start and in GET /api/v1/health, the admin commands warn,
-- and `demo` refuses any database that is not empty, so demo data never mixes with real.
CREATE TABLE instance (
    id BIGINT PRIMARY KEY NOT NULL CHECK (id = 1),
    demo BIGINT NOT NULL DEFAULT 0,
    demo_seed BIGINT,
    demo_filled_at TEXT
);
INSERT INTO instance (id, demo) VALUES (1, 0);
