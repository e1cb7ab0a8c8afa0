-- A network's community of practice, with no account for its members: whether it takes
-- applications, its criteria and how many must be met, the ways one joins (for oneself, on
-- behalf of an organisation), its own questions; and the people who applied, each with a
-- private link (its token kept as a SHA-256 only), decided on by the network's coordinators.
-- Leaving removes the row: nothing of a former member is kept.

CREATE TABLE community (
  network_id TEXT PRIMARY KEY REFERENCES network (id) ON DELETE CASCADE,
  open       INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
  rule       TEXT NOT NULL CHECK (rule IN ('at_least_one', 'all')),
  -- JSON: each criterion in every language it is written in.
  criteria   TEXT NOT NULL DEFAULT '[]',
  -- JSON: the ways one may join, 'individual' and/or 'organisation'.
  on_behalf  TEXT NOT NULL DEFAULT '["individual"]',
  -- JSON: questions as an edition's (`relais_domain::registration::Question`).
  questions  TEXT NOT NULL DEFAULT '[]',
  updated_at TEXT NOT NULL
);

CREATE TABLE community_member (
  id           TEXT PRIMARY KEY,
  network_id   TEXT NOT NULL REFERENCES community (network_id) ON DELETE CASCADE,
  standing     TEXT NOT NULL CHECK (standing IN ('applied', 'member', 'declined')),
  name         TEXT NOT NULL,
  -- Trimmed and lower-cased: one application per address and network.
  email        TEXT NOT NULL,
  lang         TEXT NOT NULL,
  zone         TEXT NOT NULL,
  region       TEXT NOT NULL DEFAULT '',
  -- JSON: the languages they can take part in.
  languages    TEXT NOT NULL DEFAULT '[]',
  on_behalf    TEXT NOT NULL CHECK (on_behalf IN ('individual', 'organisation')),
  organisation TEXT NOT NULL DEFAULT '',
  -- JSON: the positions of the criteria they meet.
  criteria     TEXT NOT NULL DEFAULT '[]',
  answers      TEXT NOT NULL DEFAULT '{}',
  consented_at TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  decided_at   TEXT,
  decided_by   TEXT REFERENCES account (id) ON DELETE SET NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  UNIQUE (network_id, email)
);
CREATE INDEX community_member_by_standing ON community_member (network_id, standing, created_at);
