-- A network's digest of its coming offerings, written by its coordinators to the people who
-- follow its news: one message per follower (`news_digest`), each due at its own time so a
-- large list goes out a round at a time (relais_domain::news::digest_delay_minutes). The
-- outbox is rebuilt for the new kind; every row and column kept.

CREATE TABLE outbox_next (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id TEXT,
  edition_id      TEXT,
  kind            TEXT NOT NULL CHECK (kind IN
                    ('confirmed', 'held', 'waitlisted', 'applied', 'promoted', 'released',
                     'accepted', 'declined', 'cancelled', 'cancelled_by_coordinator', 'removed',
                     'link_sent', 'links', 'reminder', 'session_changed', 'session_cancelled',
                     'invitation', 'password_reset', 'announcement',
                     'community_applied', 'community_link', 'community_accepted',
                     'community_declined', 'follow_confirm', 'new_dates', 'news_digest')),
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
  -- The community member a message tells; no reference: a member who leaves takes their
  -- messages' recipient with them, and an unsent one is dropped.
  member_id       TEXT,
  -- The follow a news message serves; no reference, as for members.
  follow_id       TEXT,
  CHECK (registration_id IS NOT NULL OR kind IN ('invitation', 'password_reset')
         OR (member_id IS NOT NULL AND kind LIKE 'community_%')
         OR (follow_id IS NOT NULL AND kind IN ('follow_confirm', 'new_dates', 'news_digest'))),
  CHECK ((kind = 'announcement') = (announcement_id IS NOT NULL))
);
INSERT INTO outbox_next (id, registration_id, edition_id, kind, session_id, dedupe, created_at,
  manage_url, links, reason, note, recipient, lang, subject, body, attempts, claimed_at,
  sent_at, last_error, next_attempt_at, failed_at, sequence, announcement_id, member_id,
  follow_id)
SELECT id, registration_id, edition_id, kind, session_id, dedupe, created_at, manage_url, links,
  reason, note, recipient, lang, subject, body, attempts, claimed_at, sent_at, last_error,
  next_attempt_at, failed_at, sequence, announcement_id, member_id, follow_id FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (sent_at, id);
CREATE INDEX outbox_failed ON outbox (failed_at) WHERE failed_at IS NOT NULL;
CREATE INDEX outbox_by_edition ON outbox (edition_id, id);
CREATE INDEX outbox_by_member ON outbox (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX outbox_by_follow ON outbox (follow_id) WHERE follow_id IS NOT NULL;
