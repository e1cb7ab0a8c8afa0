-- Networks run their own part of Relais: they own offerings (and through them editions,
-- sessions and registrations), facilitators and partners; accounts belong to networks with a
-- role in each; people join by invitation and set their own password from a one-time link.
-- The catalog is authored from the dashboard: drafts, publication and archiving, texts marked
-- "same in every language", editions given in one language, cost, and an append-only audit.

CREATE TABLE network (
  id          TEXT PRIMARY KEY,
  -- A name is a name: the same in every language.
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '{}',
  url         TEXT,
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);

-- Accounts, rebuilt: being an administrator of the site is the account's; every other role
-- is held in a network (membership). `person_id` is a facilitator's public profile: a
-- facilitator sees the people of the editions that profile facilitates.
CREATE TABLE account_next (
  id                  TEXT PRIMARY KEY,
  email               TEXT NOT NULL UNIQUE,
  name                TEXT NOT NULL,
  administrator       INTEGER NOT NULL DEFAULT 0 CHECK (administrator IN (0, 1)),
  -- pbkdf2-sha256$<iterations>$<salt, base64>$<key, base64> (see ARCHITECTURE.md).
  password_hash       TEXT NOT NULL,
  person_id           TEXT REFERENCES person (id),
  created_at          TEXT NOT NULL,
  disabled_at         TEXT,
  sessions_revoked_at INTEGER
);
INSERT INTO account_next (id, email, name, administrator, password_hash, created_at,
  disabled_at, sessions_revoked_at)
SELECT id, email, name, role = 'administrator', password_hash, created_at, disabled_at,
  sessions_revoked_at FROM account;
DROP TABLE account;
ALTER TABLE account_next RENAME TO account;

-- Deleting an account or a network ends its memberships.
CREATE TABLE membership (
  account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  network_id TEXT NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('coordinator', 'facilitator')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (account_id, network_id)
);
CREATE INDEX membership_by_network ON membership (network_id, role);

-- One-time links: an invitation to a role (in a network, or as an administrator of the
-- site), or a password reset. Only the token's SHA-256 is kept; a link works once, before
-- it expires.
CREATE TABLE account_link (
  token_hash    TEXT PRIMARY KEY,
  purpose       TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
  email         TEXT NOT NULL,
  network_id    TEXT REFERENCES network (id),
  role          TEXT CHECK (role IN ('coordinator', 'facilitator')),
  administrator INTEGER NOT NULL DEFAULT 0 CHECK (administrator IN (0, 1)),
  created_by    TEXT,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  used_at       TEXT
);
CREATE INDEX account_link_by_email ON account_link (email, purpose);

-- Ownership. Rows no network owns are nobody's in the back office (the demo loader gives
-- every row its network).
ALTER TABLE offering ADD COLUMN network_id TEXT REFERENCES network (id);
ALTER TABLE person ADD COLUMN network_id TEXT REFERENCES network (id);
ALTER TABLE partner ADD COLUMN network_id TEXT REFERENCES network (id);
CREATE INDEX offering_by_network ON offering (network_id);
CREATE INDEX person_by_network ON person (network_id);
CREATE INDEX partner_by_network ON partner (network_id);

-- Publication: a draft is invisible to the public, its caches and its feeds; an archived
-- row stays for the record (an edition with registrations is archived, never deleted).
-- What was there before this migration was public.
ALTER TABLE offering ADD COLUMN state TEXT NOT NULL DEFAULT 'published'
  CHECK (state IN ('draft', 'published', 'archived'));
ALTER TABLE edition ADD COLUMN state TEXT NOT NULL DEFAULT 'published'
  CHECK (state IN ('draft', 'published', 'archived'));
ALTER TABLE person ADD COLUMN state TEXT NOT NULL DEFAULT 'published'
  CHECK (state IN ('draft', 'published', 'archived'));
ALTER TABLE partner ADD COLUMN state TEXT NOT NULL DEFAULT 'published'
  CHECK (state IN ('draft', 'published', 'archived'));

-- Text fields marked "same in every language" (names, a term kept on purpose), as a JSON
-- array of field names; such a field holds the same text under every language.
ALTER TABLE offering ADD COLUMN same_in_every_language TEXT NOT NULL DEFAULT '[]';
ALTER TABLE edition ADD COLUMN same_in_every_language TEXT NOT NULL DEFAULT '[]';
ALTER TABLE session ADD COLUMN same_in_every_language TEXT NOT NULL DEFAULT '[]';
ALTER TABLE person ADD COLUMN same_in_every_language TEXT NOT NULL DEFAULT '[]';
ALTER TABLE partner ADD COLUMN same_in_every_language TEXT NOT NULL DEFAULT '[]';

-- An edition given in one language: its texts exist in that interface language only, and
-- the other language's readers see a marker, never an empty field.
ALTER TABLE edition ADD COLUMN written_in TEXT;
-- The languages the edition is taught in (BCP 47 codes, any language), apart from the
-- interface's; a session may say otherwise.
ALTER TABLE edition ADD COLUMN instruction_languages TEXT NOT NULL DEFAULT '[]';
ALTER TABLE session ADD COLUMN instruction_languages TEXT;

-- Cost and who pays what.
ALTER TABLE edition ADD COLUMN cost_kind TEXT
  CHECK (cost_kind IN ('free', 'free_travel_paid', 'fee', 'fee_with_bursary'));
ALTER TABLE edition ADD COLUMN fee_cents INTEGER CHECK (fee_cents IS NULL OR fee_cents >= 0);
ALTER TABLE edition ADD COLUMN fee_currency TEXT;
ALTER TABLE edition ADD COLUMN cost_note TEXT NOT NULL DEFAULT '{}';

-- Sessions people must hear of when they change: the calendar's SEQUENCE grows with every
-- change of time, place or link, and a cancelled session stays (STATUS:CANCELLED).
ALTER TABLE session ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE session ADD COLUMN cancelled_at TEXT;
ALTER TABLE session ADD COLUMN location TEXT NOT NULL DEFAULT '{}';
-- The rule the session was made by, if any (domain::schedule::recurrence, as JSON), so an
-- edition's page in the dashboard can show and reuse it.
ALTER TABLE edition ADD COLUMN recurrence TEXT;

-- The audit: every change to the catalog and every decision on a person, who, when, what
-- changed. Append-only: the database refuses to change or delete an entry.
CREATE TABLE audit (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  network_id  TEXT NOT NULL,
  account_id  TEXT,
  at          TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  action      TEXT NOT NULL,
  -- JSON: the fields changed, {"field": {"before": …, "after": …}}, or what was decided.
  changes     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_by_network ON audit (network_id, id);
CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;

-- Messages about a session's change reach registrants; messages about an account (an
-- invitation, a password reset) have no registration.
CREATE TABLE outbox_next (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id TEXT,
  edition_id      TEXT,
  kind            TEXT NOT NULL CHECK (kind IN
                    ('confirmed', 'held', 'waitlisted', 'applied', 'promoted', 'released',
                     'accepted', 'declined', 'cancelled', 'cancelled_by_coordinator', 'removed',
                     'link_sent', 'links', 'reminder', 'session_changed', 'session_cancelled',
                     'invitation', 'password_reset')),
  session_id      TEXT,
  dedupe          TEXT UNIQUE,
  created_at      TEXT NOT NULL,
  -- The private link the message carries (a manage link, an invitation, a reset), kept only
  -- until the message is sent.
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
  -- For a session's change: the session's SEQUENCE the message tells of.
  sequence        INTEGER,
  CHECK (registration_id IS NOT NULL OR kind IN ('invitation', 'password_reset'))
);
INSERT INTO outbox_next (id, registration_id, edition_id, kind, session_id, dedupe, created_at,
  manage_url, links, reason, note, recipient, lang, subject, body, attempts, claimed_at,
  sent_at, last_error, next_attempt_at, failed_at)
SELECT id, registration_id, edition_id, kind, session_id, dedupe, created_at, manage_url, links,
  reason, note, recipient, lang, subject, body, attempts, claimed_at, sent_at, last_error,
  next_attempt_at, failed_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (sent_at, id);
CREATE INDEX outbox_failed ON outbox (failed_at) WHERE failed_at IS NOT NULL;
