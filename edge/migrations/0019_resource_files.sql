-- A resource's attached file (a summary sheet, a guide, a template), one per resource, kept
-- beside it: a D1 row holds at most about 2 MB, so the domain caps a file at 1.5 MB
-- (`library::file::MAX_FILE_BYTES`) and longer media stay links. The types are the domain's
-- `library::file::FileType`; `sha256` is the body's digest, the download's ETag.
CREATE TABLE resource_file (
  resource_id TEXT PRIMARY KEY REFERENCES resource (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  media_type  TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg',
                'application/vnd.oasis.opendocument.text',
                'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  size        INTEGER NOT NULL CHECK (size BETWEEN 1 AND 1500000),
  sha256      TEXT NOT NULL,
  body        BLOB NOT NULL CHECK (length(body) = size),
  uploaded_at TEXT NOT NULL
);
