// Registrations sent with no network, kept on the device until they arrive.
//
// The service worker (sw.js) keeps a registration here, in IndexedDB, when its POST could
// not be answered: no network, a timeout, a 5xx, or the API still busy with the same key. It
// is sent again, always with its Idempotency-Key, so the API makes it once whatever happens:
// several tabs, a connection that drops after the API made it, a second press of the button.
// What the API finally says (a place, the waiting list, an application received, or a
// refusal such as a window closed meanwhile) is kept for the page to show.
// The record's public fields are `relais_domain::registration::offline::PendingRegistration`.

import { openDB } from 'idb';

const STORE = 'registrations';
/** A send that takes longer than this is abandoned and tried again later. */
export const SEND_TIMEOUT_MS = 15_000;
/** A send claimed this long ago by a worker that stopped is free to be claimed again. */
const STALE_SENDING_MS = SEND_TIMEOUT_MS * 4;
/** Backoff after a timeout or a 5xx: 2 s, doubling, at most 10 minutes. */
const FIRST_DELAY_MS = 2_000;
const LONGEST_DELAY_MS = 10 * 60_000;

let database;
function db() {
  database ??= openDB('relais-offline', 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: 'key' }).createIndex('edition', 'edition_id');
    },
  });
  return database;
}

/** What the page may read of a record: not the request's body. */
export function publicRecord(record) {
  const { url, body, sending_since, last_error, ...shown } = record;
  return shown;
}

export async function get(key) {
  return (await db()).get(STORE, key);
}

export async function ofEdition(editionId) {
  const all = await (await db()).getAllFromIndex(STORE, 'edition', editionId);
  return all.sort((a, b) => b.queued_at - a.queued_at);
}

export async function all() {
  return (await db()).getAll(STORE);
}

/** Keeps a registration whose first attempt failed (`retryAt`: when to try again). */
export async function keep({ key, url, body, editionId, retryAt, attempts }) {
  let email = null;
  try {
    email = JSON.parse(body).email ?? null;
  } catch {}
  const record = {
    key,
    url,
    body,
    edition_id: editionId,
    state: 'waiting',
    queued_at: Date.now(),
    attempts,
    next_try_at: retryAt,
    email,
    answer: null,
    problem: null,
    seen: false,
  };
  // `add` fails when the key is kept already: a second send never makes a second record.
  const tx = (await db()).transaction(STORE, 'readwrite');
  const existing = await tx.store.get(key);
  if (!existing) await tx.store.add(record);
  await tx.done;
  return existing ?? record;
}

/**
 * Changes the record of `key` with `change` (which returns the new record, or null to
 * leave it) in one transaction: two tabs or two workers never both claim one send.
 */
async function update(key, change) {
  const tx = (await db()).transaction(STORE, 'readwrite');
  const record = await tx.store.get(key);
  const changed = record ? change(record) : null;
  if (changed) await tx.store.put(changed);
  await tx.done;
  return changed;
}

/** Cancels a registration still waiting; answers the record as it stands otherwise. */
export async function cancel(key) {
  const tx = (await db()).transaction(STORE, 'readwrite');
  const record = await tx.store.get(key);
  const cancelled = record?.state === 'waiting';
  if (cancelled) await tx.store.delete(key);
  await tx.done;
  return { cancelled, record };
}

/** Marks a settled registration's outcome as shown. */
export async function markSeen(key) {
  return (await update(key, (r) => (r.state === 'sent' || r.state === 'refused' ? { ...r, seen: true } : null))) ?? get(key);
}

/** Settled registrations are kept a week (their outcome, for every tab), then forgotten. */
export async function prune(now = Date.now()) {
  const tx = (await db()).transaction(STORE, 'readwrite');
  for (const record of await tx.store.getAll()) {
    const settled = record.state === 'sent' || record.state === 'refused';
    if (settled && now - record.queued_at > 7 * 86_400_000) await tx.store.delete(record.key);
  }
  await tx.done;
}

function due(record, now, evenEarly) {
  if (record.state === 'waiting') return evenEarly || (record.next_try_at ?? 0) <= now;
  return record.state === 'sending' && now - (record.sending_since ?? 0) > STALE_SENDING_MS;
}

/** Whether an answer is worth another try: the API busy, failing or limiting. */
export function retryable(response) {
  if (response.status >= 500 || response.status === 429) return true;
  // The API is still making the registration sent with this key (another tab's send).
  return response.status === 409 && response.headers.has('Retry-After');
}

/** When to try again after `attempts` failed attempts, or after the API's Retry-After. */
export function retryAt(attempts, response, now = Date.now()) {
  const asked = Number(response?.headers.get('Retry-After'));
  if (Number.isFinite(asked) && asked > 0) return now + asked * 1000;
  return now + Math.min(FIRST_DELAY_MS * 2 ** Math.max(attempts - 1, 0), LONGEST_DELAY_MS);
}

/** A POST of `body` to `url` with `key`, abandoned after SEND_TIMEOUT_MS. */
export async function post(url, body, key) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), SEND_TIMEOUT_MS);
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': key },
      body,
      credentials: 'same-origin',
      signal: abort.signal,
    });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends every registration that is due (all those waiting when `evenEarly`: the network
 * just came back). Returns whether some still wait.
 */
export async function sendDue({ evenEarly = false, onAnswer = () => {}, onChange = () => {} } = {}) {
  const now = Date.now();
  for (const record of await all()) {
    if (due(record, now, evenEarly)) await sendOne(record.key, onAnswer, onChange);
  }
  return (await all()).some((r) => r.state === 'waiting' || r.state === 'sending');
}

async function sendOne(key, onAnswer, onChange) {
  const claimed = await update(key, (r) =>
    r.state === 'waiting' || r.state === 'sending' ? { ...r, state: 'sending', sending_since: Date.now() } : null,
  );
  if (!claimed) return;
  onChange(claimed);
  let response = null;
  try {
    response = await post(claimed.url, claimed.body, key);
  } catch {
    // No network, or it dropped mid-request: the key makes the next try safe.
  }
  if (response) onAnswer(response);
  let settled;
  if (!response || retryable(response)) {
    settled = await update(key, (r) => ({
      ...r,
      state: 'waiting',
      attempts: r.attempts + 1,
      next_try_at: retryAt(r.attempts + 1, response),
      last_error: response ? response.status : 'network',
    }));
  } else {
    const json = await response.json().catch(() => null);
    settled = await update(key, (r) => ({
      ...r,
      state: response.ok ? 'sent' : 'refused',
      attempts: r.attempts + 1,
      next_try_at: null,
      answer: response.ok ? json : null,
      problem: response.ok ? null : json,
    }));
  }
  if (settled) onChange(settled);
}

/** The earliest time a waiting registration is due, if any. */
export async function nextDue() {
  const times = (await all()).filter((r) => r.state === 'waiting').map((r) => r.next_try_at ?? 0);
  return times.length ? Math.min(...times) : null;
}
