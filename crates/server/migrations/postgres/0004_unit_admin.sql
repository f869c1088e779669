-- Units edited in the admin console. Until the console edits a unit (or creates one), the
-- units file (content/units.toml) governs it as before: upserted at every start, marked
-- inactive when it leaves the file. Once `managed_by = 'console'`, the file no longer
-- touches it: a name, parent or retirement set in the console is never overwritten.
-- See docs/units.md.
ALTER TABLE units ADD COLUMN managed_by TEXT NOT NULL DEFAULT 'file';

-- People search and member counts per unit.
CREATE INDEX accounts_unit ON accounts (unit_id);
