-- Coaching on request: organisations as participants, programmes whose budgets are data,
-- and the hours as an append-only ledger (domain::coaching::budget states the rules; the
-- CHECKs below repeat its names and bounds).

-- A neighbourhood initiative, a collective or an association: it, not one person's inbox,
-- owns its requests and its hours, so a new team can take over.
CREATE TABLE organisation (
  id          TEXT PRIMARY KEY,
  network_id  TEXT NOT NULL REFERENCES network (id),
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('neighbourhood', 'collective', 'association')),
  -- Where it works, in its own words (a neighbourhood's name).
  area        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);
CREATE INDEX organisation_by_network ON organisation (network_id, name);

-- The people who speak for an organisation; added and removed from its link.
CREATE TABLE organisation_contact (
  id              TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  email           TEXT NOT NULL,
  lang            TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
  created_at      TEXT NOT NULL,
  UNIQUE (organisation_id, email)
);

-- An organisation's private links, stored as digests as every other link is.
CREATE TABLE organisation_token (
  token_hash      TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  created_at      TEXT NOT NULL
);

-- A programme's budgets, as data: its allowance per period (a year), whether unused minutes
-- carry into the next period and up to what total, and its shared pool (so many places per
-- period of so many minutes; none when `pool_places` is 0).
CREATE TABLE coaching_programme (
  id                 TEXT PRIMARY KEY,
  network_id         TEXT NOT NULL REFERENCES network (id),
  name               TEXT NOT NULL DEFAULT '{}',
  allowance_minutes  INTEGER NOT NULL CHECK (allowance_minutes >= 0),
  carry_over         INTEGER NOT NULL CHECK (carry_over IN (0, 1)),
  total_cap_minutes  INTEGER NOT NULL CHECK (total_cap_minutes >= allowance_minutes),
  pool_places        INTEGER NOT NULL DEFAULT 0 CHECK (pool_places >= 0),
  pool_minutes       INTEGER NOT NULL DEFAULT 0 CHECK (pool_minutes >= 0),
  -- Whether travel time counts as time given.
  travel_counts      INTEGER NOT NULL DEFAULT 0 CHECK (travel_counts IN (0, 1))
);

-- An offering on request: which programme's account it draws on, and the checks a request
-- passes before a partner is assigned (a JSON list of names, each with its text per language).
CREATE TABLE coaching_offer (
  offering_id  TEXT PRIMARY KEY REFERENCES offering (id) ON DELETE CASCADE,
  programme_id TEXT REFERENCES coaching_programme (id),
  account      TEXT NOT NULL DEFAULT 'allowance' CHECK (account IN ('allowance', 'pool')),
  checks       TEXT NOT NULL DEFAULT '[]'
);

-- The partners who give an offering's coaching (Dynamo, Niska, Yann Pezzini), in order.
CREATE TABLE coaching_partner (
  offering_id TEXT NOT NULL REFERENCES coaching_offer (offering_id) ON DELETE CASCADE,
  partner_id  TEXT NOT NULL REFERENCES partner (id),
  position    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (offering_id, partner_id)
);

-- A request, through the stages of domain::coaching::request.
CREATE TABLE coaching_request (
  id                TEXT PRIMARY KEY,
  offering_id       TEXT NOT NULL REFERENCES coaching_offer (offering_id),
  organisation_id   TEXT NOT NULL REFERENCES organisation (id),
  stage             TEXT NOT NULL CHECK (stage IN ('received', 'ready', 'assigned', 'booked',
                      'closed', 'declined', 'withdrawn')),
  subject           TEXT NOT NULL,
  question          TEXT NOT NULL,
  preferred_partner TEXT REFERENCES partner (id),
  availability      TEXT NOT NULL DEFAULT '',
  languages         TEXT NOT NULL DEFAULT '[]',
  -- The checks a coordinator confirmed, as a JSON list of their names.
  confirmed         TEXT NOT NULL DEFAULT '[]',
  partner_id        TEXT REFERENCES partner (id),
  -- The budget period it draws on (a year).
  period            INTEGER NOT NULL,
  -- The batch of its last step that wrote hours: its ledger entries are written only with it.
  step_id           TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX coaching_request_by_organisation ON coaching_request (organisation_id, created_at);
CREATE INDEX coaching_request_by_offer ON coaching_request (offering_id, stage);

-- The sessions booked with an organisation for a request, and what became of them.
CREATE TABLE coaching_booking (
  id         TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES coaching_request (id),
  starts_at  TEXT NOT NULL,
  minutes    INTEGER NOT NULL CHECK (minutes > 0),
  state      TEXT NOT NULL DEFAULT 'booked' CHECK (state IN ('booked', 'given', 'cancelled')),
  created_at TEXT NOT NULL
);
CREATE INDEX coaching_booking_by_request ON coaching_booking (request_id, starts_at);

-- The pool's places, one row per organisation and period: the statement that takes one
-- counts them inside its own INSERT (coaching::ledger), so two requests at once cannot both
-- take the last; the key refuses a second place to the same organisation.
CREATE TABLE coaching_pool_place (
  programme_id    TEXT NOT NULL REFERENCES coaching_programme (id),
  period          INTEGER NOT NULL,
  organisation_id TEXT NOT NULL REFERENCES organisation (id),
  request_id      TEXT NOT NULL UNIQUE REFERENCES coaching_request (id),
  taken_at        TEXT NOT NULL,
  PRIMARY KEY (programme_id, period, organisation_id)
);

-- Every grant, carry-over, expiry, booking, release, use and hour paid by the organisation:
-- appended, never changed nor removed (the triggers below), and the only source of balances.
CREATE TABLE coaching_ledger (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  programme_id    TEXT NOT NULL REFERENCES coaching_programme (id),
  organisation_id TEXT NOT NULL REFERENCES organisation (id),
  account         TEXT NOT NULL CHECK (account IN ('allowance', 'pool')),
  period          INTEGER NOT NULL,
  movement        TEXT NOT NULL CHECK (movement IN ('granted', 'carried_in', 'expired', 'booked',
                    'released', 'used', 'paid_by_organisation')),
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
CREATE INDEX coaching_ledger_by_organisation ON coaching_ledger (organisation_id, programme_id, period);
CREATE TRIGGER coaching_ledger_never_changed BEFORE UPDATE ON coaching_ledger
BEGIN
  SELECT RAISE (ABORT, 'the coaching ledger is append-only');
END;
CREATE TRIGGER coaching_ledger_never_removed BEFORE DELETE ON coaching_ledger
BEGIN
  SELECT RAISE (ABORT, 'the coaching ledger is append-only');
END;

-- The outbox is rebuilt for the organisations' messages (a contact as recipient); every row
-- and column kept.
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
                     'community_declined', 'follow_confirm', 'new_dates', 'news_digest',
                     'organisation_link')),
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
  -- The organisation's contact a coaching message goes to; no reference, as for members.
  contact_id      TEXT,
  CHECK (registration_id IS NOT NULL OR kind IN ('invitation', 'password_reset')
         OR (member_id IS NOT NULL AND kind LIKE 'community_%')
         OR (follow_id IS NOT NULL AND kind IN ('follow_confirm', 'new_dates', 'news_digest'))
         OR (contact_id IS NOT NULL AND kind LIKE 'organisation_%')),
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
CREATE INDEX outbox_by_contact ON outbox (contact_id) WHERE contact_id IS NOT NULL;
