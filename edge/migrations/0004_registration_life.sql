-- A registration's whole life (domain::registration::lifecycle): held places to confirm by
-- email, cancellations and removals by coordinators with a reason, attendance, a return
-- after cancelling; manage links of their own table, so a link can be sent again without
-- ending the one already sent. SQLite cannot change a CHECK constraint in place: the tables
-- whose allowed values grow are rebuilt, their rows kept.

-- Off (NULL) by default: "confirm by email within N hours or the place goes to the next person".
ALTER TABLE edition ADD COLUMN confirm_within_hours INTEGER
  CHECK (confirm_within_hours IS NULL OR confirm_within_hours > 0);

CREATE TABLE registration_next (
  id            TEXT PRIMARY KEY,
  edition_id    TEXT NOT NULL REFERENCES edition (id),
  email         TEXT NOT NULL,
  name          TEXT NOT NULL,
  lang          TEXT NOT NULL,
  zone          TEXT NOT NULL,
  region        TEXT NOT NULL DEFAULT '',
  organisation  TEXT NOT NULL DEFAULT '',
  answers       TEXT NOT NULL DEFAULT '{}',
  accessibility TEXT NOT NULL DEFAULT '',
  priority      INTEGER NOT NULL DEFAULT 0,
  status        TEXT NOT NULL CHECK (status IN
                  ('held', 'confirmed', 'waitlisted', 'applied', 'accepted', 'declined',
                   'cancelled', 'removed', 'attended', 'absent')),
  -- Arrival order within the edition: the waiting list's order. A return after cancelling
  -- is a new arrival, at the end of the line.
  arrival       INTEGER NOT NULL,
  -- Until when a held place waits for the registrant's confirmation (UTC).
  hold_until    TEXT,
  consented_at  TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  -- The last change's id: the statements that record a change in registration_event and
  -- queue its message find the rows that change touched by it, in the same batch.
  change_id     TEXT,
  origin        TEXT NOT NULL DEFAULT '',
  UNIQUE (edition_id, email),
  UNIQUE (edition_id, arrival)
);
INSERT INTO registration_next (id, edition_id, email, name, lang, zone, region, organisation,
  answers, accessibility, priority, status, arrival, consented_at, created_at, change_id, origin)
SELECT id, edition_id, email, name, lang, zone, region, organisation, answers, accessibility,
  priority, status, arrival, consented_at, created_at, change_id, origin FROM registration;

-- The private manage links, as the SHA-256 of their tokens (the tokens are never stored).
CREATE TABLE manage_token (
  token_hash      TEXT PRIMARY KEY,
  registration_id TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
INSERT INTO manage_token (token_hash, registration_id, created_at)
SELECT token_hash, id, created_at FROM registration;
CREATE INDEX manage_token_by_registration ON manage_token (registration_id);

DROP TABLE registration;
ALTER TABLE registration_next RENAME TO registration;
CREATE INDEX registration_by_status ON registration (edition_id, status, arrival);
-- The history and message statements find a change's rows by its id.
CREATE INDEX registration_by_change ON registration (change_id);
CREATE INDEX registration_by_email ON registration (email);
CREATE INDEX registration_held ON registration (status, hold_until);

CREATE TABLE registration_event_next (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id TEXT NOT NULL,
  edition_id      TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN
                    ('registered', 'held', 'waitlisted', 'applied', 'confirmed', 'promoted',
                     'released', 'accepted', 'declined', 'cancelled', 'cancelled_by_coordinator',
                     'removed', 'attended', 'absent', 'deleted', 'updated', 'link_sent')),
  at              TEXT NOT NULL,
  actor           TEXT
);
INSERT INTO registration_event_next (id, registration_id, edition_id, kind, at, actor)
SELECT id, registration_id, edition_id, kind, at, actor FROM registration_event;
DROP TABLE registration_event;
ALTER TABLE registration_event_next RENAME TO registration_event;
CREATE INDEX registration_event_by_registration ON registration_event (registration_id, id);

CREATE TABLE outbox_next (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id TEXT NOT NULL,
  edition_id      TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN
                    ('confirmed', 'held', 'waitlisted', 'applied', 'promoted', 'released',
                     'accepted', 'declined', 'cancelled', 'cancelled_by_coordinator', 'removed',
                     'link_sent', 'links', 'reminder')),
  session_id      TEXT,
  dedupe          TEXT UNIQUE,
  created_at      TEXT NOT NULL,
  manage_url      TEXT,
  -- For 'links': every registration's new link, as a JSON object by registration id, kept
  -- only until the message is sent.
  links           TEXT,
  -- A coordinator's reason (domain::registration::Reason) and note, told to the person.
  reason          TEXT,
  note            TEXT,
  recipient       TEXT,
  lang            TEXT,
  subject         TEXT,
  body            TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  claimed_at      TEXT,
  sent_at         TEXT,
  last_error      TEXT
);
INSERT INTO outbox_next (id, registration_id, edition_id, kind, session_id, dedupe, created_at,
  manage_url, recipient, lang, subject, body, attempts, claimed_at, sent_at, last_error)
SELECT id, registration_id, edition_id, kind, session_id, dedupe, created_at, manage_url,
  recipient, lang, subject, body, attempts, claimed_at, sent_at, last_error FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (sent_at, id);
