-- Each counted response's answers also as a compact row of numbers, so a dashboard reads
-- bytes instead of parsing one JSON object per response (docs/dashboard.md, "Speed").
-- A row has one byte per item of its layout (0 = skipped, 1-5 = the answer); a layout is a
-- questionnaire's item ids in order when the row was written, so a later content change
-- (an item removed or moved) still finds each answer's item. A response the content could
-- not lay out keeps only its JSON `answers` (no row), read as before.
CREATE TABLE fact_layouts (
    id BIGSERIAL PRIMARY KEY,
    questionnaire_id TEXT NOT NULL,
    -- JSON array of item ids.
    items TEXT NOT NULL,
    UNIQUE (questionnaire_id, items)
);
ALTER TABLE fact_responses ADD COLUMN layout BIGINT;
ALTER TABLE fact_responses ADD COLUMN answer_row BYTEA;

-- A period's responses with their rows in one run of this index: the dashboard reads them
-- from here without visiting the table (whose rows carry the JSON, several times larger,
-- and lie scattered among the other periods' rows).
CREATE INDEX fact_responses_rows ON fact_responses
    (period, questionnaire_id, unit_id, account_id, at, record_id, layout, answer_row);

-- The facts kept so far have no rows: build them again from the records at the next start
-- (`Store::build_facts_if_needed`).
UPDATE fact_state SET built = 0;
