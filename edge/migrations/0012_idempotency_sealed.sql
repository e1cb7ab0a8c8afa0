-- A registration's Idempotency-Key is claimed before the registration is written, so that
-- retries sent together register once, and its answer is remembered in the registration's
-- own batch. The table keeps neither the key nor the manage link in clear: a row is found by
-- the key's SHA-256, and the link is sealed (AES-256-GCM) under a key derived from the raw
-- key, which only the client holds. Rows live a day (`forget_old_keys`): the old ones go.
DROP TABLE IF EXISTS idempotency;
CREATE TABLE idempotency (
  key_hash        TEXT PRIMARY KEY,
  -- SHA-256 of the edition's id and the body: the same key with another request is refused.
  request_hash    TEXT NOT NULL,
  -- Who holds the claim while the request is being answered (a random token), and since when:
  -- a claim older than 30 seconds was left by a Worker that died, and may be taken over.
  claim           TEXT NOT NULL,
  claimed_at      TEXT NOT NULL,
  -- NULL while in progress; then 201 (registered) or 202 (the address's link sent again).
  status          INTEGER,
  -- For 201: the registration, read again when the answer is replayed, and its manage link
  -- sealed (hex of the 12-byte nonce followed by the ciphertext and its tag).
  registration_id TEXT,
  sealed_link     TEXT,
  created_at      TEXT NOT NULL
);
CREATE INDEX idempotency_created ON idempotency (created_at);
