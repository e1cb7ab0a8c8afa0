-- A coordinator moves someone up or down an edition's waiting list
-- (relais_domain::registration::waitlist): both people whose places on the line changed
-- get a 'moved' entry in their history. SQLite cannot change a CHECK constraint in place,
-- so the history table is rebuilt with the same rows.

CREATE TABLE registration_event_next (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  registration_id TEXT NOT NULL,
  edition_id      TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN
                    ('registered', 'held', 'waitlisted', 'applied', 'confirmed', 'promoted',
                     'released', 'accepted', 'declined', 'cancelled', 'cancelled_by_coordinator',
                     'removed', 'attended', 'absent', 'deleted', 'updated', 'link_sent',
                     'moved')),
  at              TEXT NOT NULL,
  actor           TEXT
);
INSERT INTO registration_event_next (id, registration_id, edition_id, kind, at, actor)
SELECT id, registration_id, edition_id, kind, at, actor FROM registration_event;
DROP TABLE registration_event;
ALTER TABLE registration_event_next RENAME TO registration_event;
CREATE INDEX registration_event_by_registration ON registration_event (registration_id, id);
