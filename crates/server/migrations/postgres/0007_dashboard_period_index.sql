-- The dashboard reads the responses of one period label (every questionnaire at once) and
-- counts respondents per period label and unit (the anonymity grids). The index of 0006
-- starts with the questionnaire, so those reads walked the whole table, answers included:
-- about 10 ms per read over a million records, and a month's trend reads twelve labels.
-- This one starts with the label and covers the counts (docs/dashboard.md, "Speed").
CREATE INDEX fact_responses_by_period ON fact_responses (period, questionnaire_id, unit_id);
