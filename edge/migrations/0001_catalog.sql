-- The public catalog. Texts that exist per language are JSON objects keyed by language code
-- ({"fr": "…", "en": "…"}), so a new language needs content, not a migration.
-- Instants are UTC, RFC 3339 with a Z ("2026-12-08T19:00:00Z"): they sort as text.

CREATE TABLE partner (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '{}',
  url         TEXT
);

CREATE TABLE person (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  bio  TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE offering (
  id                TEXT PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('workshop', 'training_series', 'coaching',
                      'community_meeting', 'collective_event', 'course_module', 'resource_library')),
  title             TEXT NOT NULL,
  summary           TEXT NOT NULL,
  description       TEXT NOT NULL,
  audience          TEXT NOT NULL DEFAULT '{}',
  cost              TEXT NOT NULL DEFAULT '{}',
  topics            TEXT NOT NULL DEFAULT '[]',
  languages         TEXT NOT NULL DEFAULT '[]',
  format            TEXT NOT NULL CHECK (format IN ('online', 'in_person', 'hybrid')),
  partner_id        TEXT REFERENCES partner (id),
  -- Catalog order among offerings with no upcoming date.
  position          INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE offering_person (
  offering_id TEXT NOT NULL REFERENCES offering (id) ON DELETE CASCADE,
  person_id   TEXT NOT NULL REFERENCES person (id),
  role        TEXT NOT NULL DEFAULT '{}',
  position    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (offering_id, person_id)
);

CREATE TABLE edition (
  id                TEXT PRIMARY KEY,
  offering_id       TEXT NOT NULL REFERENCES offering (id) ON DELETE CASCADE,
  title             TEXT NOT NULL DEFAULT '{}',
  registration_mode TEXT NOT NULL CHECK (registration_mode IN ('open', 'application', 'external', 'none')),
  registration_url  TEXT,
  capacity          INTEGER CHECK (capacity IS NULL OR capacity > 0),
  format            TEXT NOT NULL CHECK (format IN ('online', 'in_person', 'hybrid')),
  location          TEXT NOT NULL DEFAULT '{}',
  -- Kept in step with the edition's sessions, so lists sort and filter without a join.
  starts_at         TEXT,
  ends_at           TEXT
);
CREATE INDEX edition_by_offering ON edition (offering_id, starts_at);
CREATE INDEX edition_by_end ON edition (ends_at);

CREATE TABLE session (
  id         TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES edition (id) ON DELETE CASCADE,
  title      TEXT NOT NULL DEFAULT '{}',
  starts_at  TEXT NOT NULL,
  ends_at    TEXT NOT NULL CHECK (ends_at > starts_at),
  -- The organiser's IANA zone: the wall clock the session was planned on.
  zone       TEXT NOT NULL
);
CREATE INDEX session_by_edition ON session (edition_id, starts_at);
