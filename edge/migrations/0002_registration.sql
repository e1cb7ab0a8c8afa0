-- Registration: volunteers sign up for an edition (all of its sessions) with no account.
-- Every change of a registration's state is appended to registration_event, never edited.

-- When an edition takes registrations (UTC instants; NULL: from now / until it starts), what
-- an application asks (JSON list of {id, label: {fr, en}, required}), and what only
-- confirmed participants see (a meeting link, a private address), per language.
ALTER TABLE edition ADD COLUMN registration_opens_at TEXT;
ALTER TABLE edition ADD COLUMN registration_closes_at TEXT;
ALTER TABLE edition ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE edition ADD COLUMN private_details TEXT NOT NULL DEFAULT '{}';

CREATE TABLE registration (
  id            TEXT PRIMARY KEY,
  edition_id    TEXT NOT NULL REFERENCES edition (id),
  -- Lower-cased: the same address twice for one edition is one registration.
  email         TEXT NOT NULL,
  name          TEXT NOT NULL,
  lang          TEXT NOT NULL,
  zone          TEXT NOT NULL,
  region        TEXT NOT NULL DEFAULT '',
  organisation  TEXT NOT NULL DEFAULT '',
  answers       TEXT NOT NULL DEFAULT '{}',
  accessibility TEXT NOT NULL DEFAULT '',
  -- 1 when they answered yes to a priority question: ranked first for coordinators.
  priority      INTEGER NOT NULL DEFAULT 0,
  status        TEXT NOT NULL CHECK (status IN
                  ('confirmed', 'waitlisted', 'applied', 'accepted', 'declined', 'cancelled')),
  -- Arrival order within the edition: the waiting list's order.
  arrival       INTEGER NOT NULL,
  -- SHA-256 of the private manage link's token; the token itself is never stored.
  token_hash    TEXT NOT NULL UNIQUE,
  consented_at  TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  -- The last change's id: the statement that records a change in registration_event finds
  -- the rows that change touched by it, in the same batch.
  change_id     TEXT,
  -- The site it was made on: links in later messages (sent by the cron) point there.
  origin        TEXT NOT NULL DEFAULT '',
  UNIQUE (edition_id, email),
  UNIQUE (edition_id, arrival)
);
CREATE INDEX registration_by_status ON registration (edition_id, status, arrival);

CREATE TABLE registration_event (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id TEXT NOT NULL,
  edition_id      TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN
                    ('registered', 'waitlisted', 'applied', 'promoted', 'accepted', 'declined',
                     'cancelled', 'deleted', 'updated')),
  at              TEXT NOT NULL,
  -- The coordinator's account for their decisions; NULL when the registrant acted.
  actor           TEXT
);
CREATE INDEX registration_event_by_registration ON registration_event (registration_id, id);

-- A client's retry with the same Idempotency-Key gets the first answer again.
CREATE TABLE idempotency (
  key          TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  status       INTEGER NOT NULL,
  body         TEXT NOT NULL,
  created_at   TEXT NOT NULL
);

-- Registration attempts per client address and minute, counted atomically.
CREATE TABLE rate_limit (
  key    TEXT NOT NULL,
  window INTEGER NOT NULL,
  count  INTEGER NOT NULL,
  PRIMARY KEY (key, window)
);
CREATE INDEX rate_limit_by_window ON rate_limit (window);

-- Messages to registrants. A row is written in the same batch as the change it tells of;
-- the sender renders it (in the recipient's language, on their clock) and sends it once:
-- `claimed_at` keeps two senders apart, `sent_at` marks it done, `dedupe` keeps a reminder
-- from being queued twice.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id TEXT NOT NULL,
  edition_id      TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN
                    ('confirmed', 'waitlisted', 'applied', 'promoted', 'accepted', 'declined',
                     'cancelled', 'reminder')),
  session_id      TEXT,
  dedupe          TEXT UNIQUE,
  created_at      TEXT NOT NULL,
  -- The manage link, for the one message that carries it; cleared once sent.
  manage_url      TEXT,
  recipient       TEXT,
  lang            TEXT,
  subject         TEXT,
  body            TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  claimed_at      TEXT,
  sent_at         TEXT,
  last_error      TEXT
);
CREATE INDEX outbox_pending ON outbox (sent_at, id);
