-- Coordinators' accounts. Sessions live in KV (`session:<sha256 of the cookie's token>`);
-- each request also reads the account here, so disabling it or changing its role takes
-- effect at once.
CREATE TABLE account (
  id            TEXT PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('administrator', 'coordinator', 'facilitator')),
  -- pbkdf2-sha256$<iterations>$<salt, base64>$<key, base64> (see ARCHITECTURE.md).
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  disabled_at   TEXT
);
