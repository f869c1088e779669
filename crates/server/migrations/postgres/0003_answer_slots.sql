-- One answer per practice session and position. A stale second tab (or a phone that
-- replays an old draft) could otherwise store two answers for question 2 of one session.
-- The primary key is the rule: the second answer for a slot is refused `already_answered`
-- by the database itself, also when two syncs race.
-- Keyed by account too, so that naming someone else's attempt id can never block them.
-- No foreign key to `records`: the slot is claimed before the record is inserted, in the
-- same transaction; erasing an account cascades from `accounts`.
CREATE TABLE answer_slots (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    attempt_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    record_id TEXT NOT NULL UNIQUE,
    PRIMARY KEY (account_id, attempt_id, position)
);

-- Answers stored before this rule: the first one stored for a slot claims it. A second
-- answer stored earlier stays in `records` (nothing acknowledged is ever deleted).
INSERT INTO answer_slots (account_id, attempt_id, position, record_id)
SELECT account_id, payload::jsonb ->> 'attempt_id', (payload::jsonb ->> 'position')::BIGINT, id
FROM records
WHERE kind = 'practice_answer'
  AND payload::jsonb ->> 'attempt_id' IS NOT NULL
  AND payload::jsonb ->> 'position' IS NOT NULL
ORDER BY seq
ON CONFLICT DO NOTHING;
