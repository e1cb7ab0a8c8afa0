-- One table for the bench's bare insert: the fields the registration load sends, and the
-- time written. The rowid is the only key, so the figure is a D1 write and nothing more.
CREATE TABLE person (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  email      TEXT NOT NULL,
  lang       TEXT NOT NULL,
  zone       TEXT NOT NULL,
  consent    INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
