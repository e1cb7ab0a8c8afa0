-- Librarians: a role in a network that curates its knowledge library and reaches nothing
-- else (relais_domain::account::Role). Memberships and invitations are rebuilt to allow it.
-- Library resources gain a publication state like the catalog's: drafts are invisible to
-- the public, its caches and its feeds; `published_at` stays the date of first publication,
-- the library's order.

CREATE TABLE membership_next (
  account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  network_id TEXT NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('coordinator', 'facilitator', 'librarian')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (account_id, network_id)
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
  role          TEXT CHECK (role IN ('coordinator', 'facilitator', 'librarian')),
  administrator INTEGER NOT NULL DEFAULT 0 CHECK (administrator IN (0, 1)),
  created_by    TEXT,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  used_at       TEXT
);
INSERT INTO account_link_next (token_hash, purpose, email, network_id, role, administrator,
  created_by, created_at, expires_at, used_at)
SELECT token_hash, purpose, email, network_id, role, administrator, created_by, created_at,
  expires_at, used_at FROM account_link;
DROP TABLE account_link;
ALTER TABLE account_link_next RENAME TO account_link;
CREATE INDEX account_link_by_email ON account_link (email, purpose);

ALTER TABLE resource ADD COLUMN state TEXT NOT NULL DEFAULT 'draft'
  CHECK (state IN ('draft', 'published', 'archived'));
UPDATE resource SET state = 'published' WHERE published_at IS NOT NULL;

-- The language a resource was written in. Readers find it as the text with no translator;
-- a draft may hold a translation not yet credited, so its editor needs it said.
ALTER TABLE resource ADD COLUMN original TEXT;
UPDATE resource SET original = (SELECT t.lang FROM resource_text t
  WHERE t.resource_id = resource.id AND t.translator IS NULL ORDER BY t.id LIMIT 1);

-- The first publication dates a resource; unpublishing and publishing again keeps the date.
CREATE TRIGGER resource_first_published AFTER UPDATE OF state ON resource
WHEN new.state = 'published' AND new.published_at IS NULL BEGIN
  UPDATE resource SET published_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = new.id;
END;
