-- A member's private links, as a registration's (`manage_token`): several may be valid at
-- once (the first, and one sent again when they apply with the same address), each kept as
-- a SHA-256 only. Leaving removes the member and, with it, every link.
CREATE TABLE community_token (
  token_hash TEXT PRIMARY KEY,
  member_id  TEXT NOT NULL REFERENCES community_member (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX community_token_by_member ON community_token (member_id);

-- community_member without its single token (now in community_token); every row kept.
CREATE TABLE community_member_next (
  id           TEXT PRIMARY KEY,
  network_id   TEXT NOT NULL REFERENCES community (network_id) ON DELETE CASCADE,
  standing     TEXT NOT NULL CHECK (standing IN ('applied', 'member', 'declined')),
  name         TEXT NOT NULL,
  email        TEXT NOT NULL,
  lang         TEXT NOT NULL,
  zone         TEXT NOT NULL,
  region       TEXT NOT NULL DEFAULT '',
  languages    TEXT NOT NULL DEFAULT '[]',
  on_behalf    TEXT NOT NULL CHECK (on_behalf IN ('individual', 'organisation')),
  organisation TEXT NOT NULL DEFAULT '',
  criteria     TEXT NOT NULL DEFAULT '[]',
  answers      TEXT NOT NULL DEFAULT '{}',
  consented_at TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  decided_at   TEXT,
  decided_by   TEXT REFERENCES account (id) ON DELETE SET NULL,
  UNIQUE (network_id, email)
);
INSERT INTO community_token (token_hash, member_id, created_at)
SELECT token_hash, id, created_at FROM community_member;
INSERT INTO community_member_next (id, network_id, standing, name, email, lang, zone, region,
  languages, on_behalf, organisation, criteria, answers, consented_at, created_at, decided_at,
  decided_by)
SELECT id, network_id, standing, name, email, lang, zone, region, languages, on_behalf,
  organisation, criteria, answers, consented_at, created_at, decided_at, decided_by
FROM community_member;
DROP TABLE community_member;
ALTER TABLE community_member_next RENAME TO community_member;
CREATE INDEX community_member_by_standing ON community_member (network_id, standing, created_at);

-- News of what is coming, with no account: each purpose a person consented to (an
-- offering's dates, a network's new dates) is its own row, with the time they consented;
-- nothing is sent before they confirm from the emailed link. Stopping deletes the row, and
-- with it every link: nothing of the person is kept.
CREATE TABLE follow (
  id           TEXT PRIMARY KEY,
  -- Trimmed and lower-cased.
  email        TEXT NOT NULL,
  lang         TEXT NOT NULL,
  zone         TEXT NOT NULL,
  purpose      TEXT NOT NULL CHECK (purpose IN ('offering_dates', 'network_news')),
  offering_id  TEXT REFERENCES offering (id) ON DELETE CASCADE,
  network_id   TEXT REFERENCES network (id) ON DELETE CASCADE,
  consented_at TEXT NOT NULL,
  confirmed_at TEXT,
  CHECK ((purpose = 'offering_dates') = (offering_id IS NOT NULL)),
  CHECK ((purpose = 'network_news') = (network_id IS NOT NULL))
);
CREATE UNIQUE INDEX follow_once ON follow (email, purpose, coalesce(offering_id, ''), coalesce(network_id, ''));
CREATE INDEX follow_by_offering ON follow (offering_id) WHERE offering_id IS NOT NULL;
CREATE INDEX follow_by_network ON follow (network_id) WHERE network_id IS NOT NULL;

-- A follow's links, each kept as a SHA-256 only: the one to confirm, and one in every message
-- to stop in one click.
CREATE TABLE follow_token (
  token_hash TEXT PRIMARY KEY,
  follow_id  TEXT NOT NULL REFERENCES follow (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX follow_token_by_follow ON follow_token (follow_id);

-- The outbox, rebuilt for the community's messages (an application received, its link sent
-- again, the coordinators' decision), each to the member it tells, and for news (the link to
-- confirm, new dates), each to the follow it serves; every row and column kept.
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
                     'community_declined', 'follow_confirm', 'new_dates')),
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
         OR (follow_id IS NOT NULL AND kind IN ('follow_confirm', 'new_dates'))),
  CHECK ((kind = 'announcement') = (announcement_id IS NOT NULL))
);
INSERT INTO outbox_next (id, registration_id, edition_id, kind, session_id, dedupe, created_at,
  manage_url, links, reason, note, recipient, lang, subject, body, attempts, claimed_at,
  sent_at, last_error, next_attempt_at, failed_at, sequence, announcement_id)
SELECT id, registration_id, edition_id, kind, session_id, dedupe, created_at, manage_url, links,
  reason, note, recipient, lang, subject, body, attempts, claimed_at, sent_at, last_error,
  next_attempt_at, failed_at, sequence, announcement_id FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (sent_at, id);
CREATE INDEX outbox_failed ON outbox (failed_at) WHERE failed_at IS NOT NULL;
CREATE INDEX outbox_by_edition ON outbox (edition_id, id);
CREATE INDEX outbox_by_member ON outbox (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX outbox_by_follow ON outbox (follow_id) WHERE follow_id IS NOT NULL;
