-- A community decision marks the row it changed with an id of its own, so that the message,
-- link and audit entry written in the same batch follow that very change: the account and
-- the second it was made at do not tell two decisions of one double click apart.
ALTER TABLE community_member ADD COLUMN decision_id TEXT;
