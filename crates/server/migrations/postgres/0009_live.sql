-- Live quiz (kuis apel, docs/live-quiz.md): a trainer's saved settings (quiz sets) and the
-- games they ran, with each game's final board for the history and the CSV export. The
-- players' answers themselves are ordinary `records` (kind live_answer).

CREATE TABLE live_quiz_sets (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- resapi_core::live::config::GameConfig as JSON.
    config TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX live_quiz_sets_owner ON live_quiz_sets (owner_id, updated_at);

CREATE TABLE live_games (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    quiz_set_id TEXT,
    code TEXT NOT NULL,
    config TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- Set when the game ended (or was ended for being idle); NULL while it runs.
    ended_at TEXT,
    -- The latest report (summary, leaderboard, unit board) as JSON, rewritten at each close.
    report TEXT
);
CREATE INDEX live_games_owner ON live_games (owner_id, created_at);
