-- The knowledge library: a network's resources, each in the languages it is actually
-- available in (one row of resource_text per language; a translation is the same resource
-- in another language, with its translator credited), public or for the members of the
-- network's community, linked to offerings and editions.

CREATE TABLE resource (
  id           TEXT PRIMARY KEY,
  network_id   TEXT NOT NULL REFERENCES network (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('guide', 'article', 'podcast', 'video', 'template',
                 'book_chapter', 'summary_sheet')),
  topics       TEXT NOT NULL DEFAULT '[]',
  source       TEXT,
  licence      TEXT,
  -- Where the resource itself is: a link, or an attached file's address.
  url          TEXT,
  visibility   TEXT NOT NULL CHECK (visibility IN ('public', 'members')),
  published_at TEXT,
  updated_at   TEXT NOT NULL
);
CREATE INDEX resource_by_network ON resource (network_id, published_at);

-- An INTEGER PRIMARY KEY: the search index refers to these rows by rowid, which must not
-- change when the database is vacuumed or restored.
CREATE TABLE resource_text (
  id          INTEGER PRIMARY KEY,
  resource_id TEXT NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
  lang        TEXT NOT NULL,
  title       TEXT NOT NULL,
  summary     TEXT NOT NULL,
  body        TEXT NOT NULL DEFAULT '',
  -- Who translated it into this language; NULL in the language it was written in.
  translator  TEXT,
  UNIQUE (resource_id, lang)
);

CREATE TABLE resource_link (
  resource_id TEXT NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
  offering_id TEXT REFERENCES offering (id) ON DELETE CASCADE,
  edition_id  TEXT REFERENCES edition (id) ON DELETE CASCADE,
  CHECK ((offering_id IS NULL) <> (edition_id IS NULL))
);
CREATE UNIQUE INDEX resource_link_once ON resource_link (resource_id, coalesce(offering_id, ''), coalesce(edition_id, ''));
CREATE INDEX resource_link_by_offering ON resource_link (offering_id);
CREATE INDEX resource_link_by_edition ON resource_link (edition_id);

-- The search index over resource_text (external content: the texts are stored once).
-- Accents and case folded, no stemmer: an English stemmer would mangle French words.
-- `wrangler d1 export` refuses a database holding this table: a backup leaves it out, and a
-- restore rebuilds it ('rebuild' reads resource_text again). See scripts/backup and
-- scripts/restore (README, Backing up and restoring).
CREATE VIRTUAL TABLE resource_search USING fts5 (
  title, summary, body,
  content = 'resource_text', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER resource_text_indexed AFTER INSERT ON resource_text BEGIN
  INSERT INTO resource_search (rowid, title, summary, body)
  VALUES (new.id, new.title, new.summary, new.body);
END;
CREATE TRIGGER resource_text_unindexed AFTER DELETE ON resource_text BEGIN
  INSERT INTO resource_search (resource_search, rowid, title, summary, body)
  VALUES ('delete', old.id, old.title, old.summary, old.body);
END;
CREATE TRIGGER resource_text_reindexed AFTER UPDATE ON resource_text BEGIN
  INSERT INTO resource_search (resource_search, rowid, title, summary, body)
  VALUES ('delete', old.id, old.title, old.summary, old.body);
  INSERT INTO resource_search (rowid, title, summary, body)
  VALUES (new.id, new.title, new.summary, new.body);
END;
