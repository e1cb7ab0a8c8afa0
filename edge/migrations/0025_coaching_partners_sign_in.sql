-- Coaching partners sign in: a role in a network held for one of the network's partners
-- (relais_domain::account::Role::Partner), which reaches the coaching requests assigned to
-- that partner and nothing else. Memberships and invitations are rebuilt to allow it and to
-- name the partner; only that role names one.

CREATE TABLE membership_next (
  account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  network_id TEXT NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('coordinator', 'facilitator', 'librarian', 'partner')),
  partner_id TEXT REFERENCES partner (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (account_id, network_id),
  CHECK ((role = 'partner') = (partner_id IS NOT NULL))
);
INSERT INTO membership_next (account_id, network_id, role, created_at)
SELECT account_id, network_id, role, created_at FROM membership;
DROP TABLE membership;
ALTER TABLE membership_next RENAME TO membership;
CREATE INDEX membership_by_network ON membership (network_id, role);

CREATE TABLE account_link_next (
  token_hash    TEXT PRIMARY KEY,
  purpose       TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
  email         TEXT NOT NULL,
  network_id    TEXT REFERENCES network (id),
  role          TEXT CHECK (role IN ('coordinator', 'facilitator', 'librarian', 'partner')),
  partner_id    TEXT REFERENCES partner (id) ON DELETE CASCADE,
  administrator INTEGER NOT NULL DEFAULT 0 CHECK (administrator IN (0, 1)),
  created_by    TEXT,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  used_at       TEXT,
  CHECK ((role IS 'partner') = (partner_id IS NOT NULL))
);
INSERT INTO account_link_next (token_hash, purpose, email, network_id, role, administrator,
  created_by, created_at, expires_at, used_at)
SELECT token_hash, purpose, email, network_id, role, administrator, created_by, created_at,
  expires_at, used_at FROM account_link;
DROP TABLE account_link;
ALTER TABLE account_link_next RENAME TO account_link;
CREATE INDEX account_link_by_email ON account_link (email, purpose);
