-- A pool place given back: when the request that took it is declined or withdrawn before
-- anything was booked, its minutes are written as returned (budget::return_place) and its
-- place freed for another organisation. The ledger is rebuilt for the new movement, every
-- row, id and trigger kept.
CREATE TABLE coaching_ledger_next (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  programme_id    TEXT NOT NULL REFERENCES coaching_programme (id),
  organisation_id TEXT NOT NULL REFERENCES organisation (id),
  account         TEXT NOT NULL CHECK (account IN ('allowance', 'pool')),
  period          INTEGER NOT NULL,
  movement        TEXT NOT NULL CHECK (movement IN ('granted', 'carried_in', 'expired', 'booked',
                    'released', 'used', 'paid_by_organisation', 'returned')),
  -- The period carried minutes came from: set for a carry-over, and only then.
  from_period     INTEGER CHECK ((movement = 'carried_in') = (from_period IS NOT NULL)),
  minutes         INTEGER NOT NULL CHECK (minutes > 0),
  request_id      TEXT REFERENCES coaching_request (id),
  -- Who wrote it: an account's id, or 'organisation' / 'relais' for what follows a rule.
  recorded_by     TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  at              TEXT NOT NULL,
  -- The entries written together share it: a batch computed from the ledger is written only
  -- while no other batch came after what it read (coaching::ledger).
  batch_id        TEXT NOT NULL
);
INSERT INTO coaching_ledger_next (id, programme_id, organisation_id, account, period, movement,
  from_period, minutes, request_id, recorded_by, note, at, batch_id)
SELECT id, programme_id, organisation_id, account, period, movement, from_period, minutes,
  request_id, recorded_by, note, at, batch_id FROM coaching_ledger;
DROP TABLE coaching_ledger;
ALTER TABLE coaching_ledger_next RENAME TO coaching_ledger;
CREATE INDEX coaching_ledger_by_organisation ON coaching_ledger (organisation_id, programme_id, period);
CREATE TRIGGER coaching_ledger_never_changed BEFORE UPDATE ON coaching_ledger
BEGIN
  SELECT RAISE (ABORT, 'the coaching ledger is append-only');
END;
CREATE TRIGGER coaching_ledger_never_removed BEFORE DELETE ON coaching_ledger
BEGIN
  SELECT RAISE (ABORT, 'the coaching ledger is append-only');
END;
