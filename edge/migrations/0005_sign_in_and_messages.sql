-- Sign-in limits over windows of several lengths, sessions an administrator can end, and
-- messages retried with backoff until they are sent or given up on.

-- Rate counts: a minute for registrations, a quarter of an hour for sign-in failures. Each
-- row says when its window ends, so one statement clears them all. Counts of the old
-- one-minute windows are worth nothing after a minute: they go.
DELETE FROM rate_limit;
ALTER TABLE rate_limit ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
DROP INDEX rate_limit_by_window;
CREATE INDEX rate_limit_by_expiry ON rate_limit (expires_at);

-- Sessions (in KV) created at or before this instant (milliseconds since the epoch) are
-- refused: set when an administrator disables the account.
ALTER TABLE account ADD COLUMN sessions_revoked_at INTEGER;

-- When a message that failed is tried again (1, 2, 4 … minutes, at most 6 hours apart),
-- and when the sender gave up on it (after many attempts with a real email service); an
-- administrator can send a failed message again.
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN failed_at TEXT;
CREATE INDEX outbox_failed ON outbox (failed_at) WHERE failed_at IS NOT NULL;
