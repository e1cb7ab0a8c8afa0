-- Attendance per session (relais_domain::people::AttendanceMark): for each person with a
-- place, whether they came to each session. One mark per person and session, changed in
-- place; every mark is also written to the network's append-only audit in the same batch.
-- (0007 is the regions' table.)
CREATE TABLE attendance (
  session_id      TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,
  registration_id TEXT NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
  mark            TEXT NOT NULL CHECK (mark IN ('present', 'absent', 'excused')),
  -- The account that marked it.
  marked_by       TEXT NOT NULL,
  marked_at       TEXT NOT NULL CHECK (marked_at LIKE '____-__-__T__:__:__Z'),
  PRIMARY KEY (session_id, registration_id)
);
CREATE INDEX attendance_by_registration ON attendance (registration_id);
