-- A coordinator writes to the people of an edition: one announcement, in every interface
-- language, queued in the outbox as one message per recipient (each in their language, on
-- their clock). The same key sent twice by the same account queues it once.

CREATE TABLE announcement (
  id               TEXT PRIMARY KEY,
  network_id       TEXT NOT NULL,
  edition_id       TEXT NOT NULL,
  account_id       TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL,
  audience         TEXT NOT NULL CHECK (audience IN ('active', 'with_place', 'waiting')),
  include_sessions INTEGER NOT NULL DEFAULT 0 CHECK (include_sessions IN (0, 1)),
  -- JSON, by language code.
  subject          TEXT NOT NULL,
  body             TEXT NOT NULL,
  -- How many messages were queued.
  recipients       INTEGER NOT NULL,
  created_at       TEXT NOT NULL,
  UNIQUE (account_id, idempotency_key)
);
CREATE INDEX announcement_by_edition ON announcement (edition_id);

-- The outbox, rebuilt for the announcement's kind and the announcement each message tells;
-- every row and column kept.
CREATE TABLE outbox_next (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id TEXT,
  edition_id      TEXT,
  kind            TEXT NOT NULL CHECK (kind IN
                    ('confirmed', 'held', 'waitlisted', 'applied', 'promoted', 'released',
                     'accepted', 'declined', 'cancelled', 'cancelled_by_coordinator', 'removed',
                     'link_sent', 'links', 'reminder', 'session_changed', 'session_cancelled',
                     'invitation', 'password_reset', 'announcement')),
  session_id      TEXT,
  dedupe          TEXT UNIQUE,
  created_at      TEXT NOT NULL,
  manage_url      TEXT,
  links           TEXT,
  reason          TEXT,
  note            TEXT,
  recipient       TEXT,
  lang            TEXT,
  subject         TEXT,
  body            TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  claimed_at      TEXT,
  sent_at         TEXT,
  last_error      TEXT,
  next_attempt_at TEXT,
  failed_at       TEXT,
  sequence        INTEGER,
  announcement_id TEXT REFERENCES announcement (id),
  CHECK (registration_id IS NOT NULL OR kind IN ('invitation', 'password_reset')),
  CHECK ((kind = 'announcement') = (announcement_id IS NOT NULL))
);
INSERT INTO outbox_next (id, registration_id, edition_id, kind, session_id, dedupe, created_at,
  manage_url, links, reason, note, recipient, lang, subject, body, attempts, claimed_at,
  sent_at, last_error, next_attempt_at, failed_at, sequence)
SELECT id, registration_id, edition_id, kind, session_id, dedupe, created_at, manage_url, links,
  reason, note, recipient, lang, subject, body, attempts, claimed_at, sent_at, last_error,
  next_attempt_at, failed_at, sequence FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (sent_at, id);
CREATE INDEX outbox_failed ON outbox (failed_at) WHERE failed_at IS NOT NULL;
CREATE INDEX outbox_by_edition ON outbox (edition_id, id);
