// Registration against the real local stack (workerd with D1, through wrangler): capacity
// under concurrency, duplicates, retries, and bad input that must leave nothing behind.
// The editions registered for here are added to the test state for this file and removed
// after it, so the demo catalog other tests read is left as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { afterBurst, fetch } from './client.mjs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { STATE, keyHash, sql } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const OFFERING = 'hub-mouvements-decentralises';
const FAR = '2031-01-07T15:00:00Z';
const FAR_END = '2031-01-07T16:30:00Z';

const q = (s) => `'${s.replaceAll("'", "''")}'`;
const QUESTIONS = JSON.stringify([
  { id: 'motivation', label: { fr: 'Pourquoi cette formation ?', en: 'Why this training?' }, required: true },
  { id: 'chatons', label: { fr: 'Membre de CHATONS ?', en: 'CHATONS member?' }, priority: true },
]);
const EDITIONS = {
  'test-open-20': { mode: 'open', capacity: 20 },
  'test-open-small': { mode: 'open', capacity: 2 },
  'test-application': { mode: 'application', capacity: 20, questions: QUESTIONS },
  'test-closed': { mode: 'open', capacity: 20, closes: '2020-01-01T00:00:00Z' },
  'test-not-yet': { mode: 'open', capacity: 20, opens: '2030-12-01T00:00:00Z' },
  'test-external': { mode: 'external', capacity: null },
  'test-soon': { mode: 'open', capacity: 5, startsInHours: 12 },
  'test-manage': { mode: 'open', capacity: 1, private: { fr: 'Zoom : https://zoom.example/j/5550001', en: 'Zoom: https://zoom.example/j/5550001' } },
  'test-held': { mode: 'open', capacity: 1, confirmHours: 2 },
  'test-calendar': { mode: 'open', capacity: 5, private: { fr: 'Salle 12, code 4471', en: 'Room 12, code 4471' } },
  'test-retry-held': { mode: 'open', capacity: 1, confirmHours: 2 },
  'test-retry-waiting': { mode: 'open', capacity: 1 },
  'test-retry-applied': { mode: 'application', capacity: 5 },
  'test-retry-race': { mode: 'open', capacity: 20 },
};
const PRIVATE_LINK = 'zoom.example/j/5550001';
const TEST_IDS = Object.keys(EDITIONS).map(q).join(', ');

function cleanUp() {
  sql(`DELETE FROM outbox WHERE edition_id IN (${TEST_IDS});
       DELETE FROM registration_event WHERE edition_id IN (${TEST_IDS});
       DELETE FROM manage_token WHERE registration_id IN (SELECT id FROM registration WHERE edition_id IN (${TEST_IDS}));
       DELETE FROM registration WHERE edition_id IN (${TEST_IDS});
       DELETE FROM edition WHERE id IN (${TEST_IDS});
       DELETE FROM idempotency WHERE key_hash IN (${[...usedKeys].map((k) => q(keyHash(k))).join(', ') || 'NULL'});`);
}

/** Every Idempotency-Key sent here, whose rows the clean-up removes (found by their digest). */
const usedKeys = new Set();

before(() => {
  assert.ok(STATE, 'RELAIS_TEST_STATE is set by scripts/test');
  cleanUp();
  const statements = Object.entries(EDITIONS).map(([id, e]) => {
    const start = e.startsInHours ? new Date(Date.now() + e.startsInHours * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z') : FAR;
    const end = e.startsInHours ? new Date(Date.now() + (e.startsInHours + 1.5) * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z') : FAR_END;
    return `
    INSERT INTO edition (id, offering_id, registration_mode, capacity, format, starts_at, ends_at,
                         questions, registration_opens_at, registration_closes_at, private_details, confirm_within_hours)
    VALUES (${q(id)}, ${q(OFFERING)}, ${q(e.mode)}, ${e.capacity ?? 'NULL'}, 'online', ${q(start)}, ${q(end)},
            ${q(e.questions ?? '[]')}, ${e.opens ? q(e.opens) : 'NULL'}, ${e.closes ? q(e.closes) : 'NULL'},
            ${q(JSON.stringify(e.private ?? {}))}, ${e.confirmHours ?? 'NULL'});
    INSERT INTO session (id, edition_id, starts_at, ends_at, zone)
    VALUES (${q(id + '-s1')}, ${q(id)}, ${q(start)}, ${q(end)}, 'America/Toronto');`;
  });
  sql(statements.join('\n'));
});
after(() => cleanUp());

let lastAddress = 0;
/** A new client address for each request, as many people would be (the limit is per address). */
function nextAddress() {
  lastAddress += 1;
  return `10.${(lastAddress >> 16) & 255}.${(lastAddress >> 8) & 255}.${lastAddress & 255}`;
}

/**
 * POSTs a registration as a careful client does: with an Idempotency-Key (unless the test
 * sets its own), so that a request lost to a dropped connection can be sent again safely.
 */
async function register(edition, body, { headers = {}, lang } = {}) {
  const key = { 'Idempotency-Key': `test-${crypto.randomUUID()}` };
  usedKeys.add({ ...key, ...headers }['Idempotency-Key']);
  for (let attempt = 1; ; attempt++) {
    let res;
    try {
      res = await fetch(`${BASE}/api/editions/${edition}/registrations${lang ? `?lang=${lang}` : ''}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': nextAddress(), ...key, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    } catch (error) {
      if (attempt < 3 && error instanceof TypeError) continue; // connection dropped: same key again
      throw error;
    }
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, body: json, text };
  }
}

const person = (i, extra = {}) => ({
  name: `Volunteer ${i}`, email: `volunteer.${i}@example.org`, lang: i % 2 ? 'fr' : 'en', zone: 'Africa/Lagos', consent: true, ...extra,
});

const countRows = (edition) => sql(`SELECT (SELECT count(*) FROM registration WHERE edition_id = ${q(edition)}) AS registrations,
  (SELECT count(*) FROM registration_event WHERE edition_id = ${q(edition)}) AS events`)[0];

test('200 people registering at once for 20 places: exactly 20 confirmed, 180 waiting in arrival order', { timeout: 120_000 }, async () => {
  const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => register('test-open-20', person(i))));
  await afterBurst();
  for (const a of answers) assert.equal(a.status, 201, a.text);
  const confirmed = answers.filter((a) => a.body.status === 'confirmed');
  const waiting = answers.filter((a) => a.body.status === 'waitlisted');
  assert.equal(confirmed.length, 20);
  assert.equal(waiting.length, 180);
  assert.deepEqual(waiting.map((a) => a.body.waitlist_position).sort((x, y) => x - y), Array.from({ length: 180 }, (_, i) => i + 1));
  assert.ok(answers.every((a) => a.body.created && /\/(fr|en)\/manage\/[0-9a-f]{48}$/.test(a.body.manage_url)));
  assert.equal(new Set(answers.map((a) => a.body.manage_url)).size, 200, 'every manage link is its own');

  // In the database: one row each, places to the first 20 arrivals, the waiting list in
  // arrival order, and one history entry per registration.
  const rows = sql(`SELECT email, status, arrival FROM registration WHERE edition_id = 'test-open-20' ORDER BY arrival`);
  assert.equal(rows.length, 200);
  assert.equal(new Set(rows.map((r) => r.email)).size, 200);
  assert.deepEqual(rows.map((r) => r.arrival), Array.from({ length: 200 }, (_, i) => i + 1));
  assert.deepEqual(rows.map((r) => r.status), [...Array(20).fill('confirmed'), ...Array(180).fill('waitlisted')]);
  const position = new Map(answers.map((a, i) => [person(i).email, a.body.waitlist_position]));
  assert.deepEqual(rows.slice(20).map((r) => position.get(r.email)), Array.from({ length: 180 }, (_, i) => i + 1));
  const events = sql(`SELECT kind, count(*) AS n FROM registration_event WHERE edition_id = 'test-open-20' GROUP BY kind ORDER BY kind`);
  assert.deepEqual(events, [{ kind: 'registered', n: 20 }, { kind: 'waitlisted', n: 180 }]);
});

test('the same email twice is one registration; a retry with the same Idempotency-Key gets the first answer', async () => {
  const first = await register('test-open-small', person(1000, { email: 'Same.Person@Example.org' }));
  assert.equal(first.status, 201, first.text);
  assert.equal(first.body.status, 'confirmed');
  const again = await register('test-open-small', person(1000, { email: ' same.person@example.org ', name: 'Another Name' }));
  // Whoever types the address learns nothing of that registration: no status, position,
  // date or link; a new manage link goes to the address itself.
  assert.equal(again.status, 202);
  assert.deepEqual(again.body, { created: false, edition_id: 'test-open-small' });
  assert.equal(countRows('test-open-small').registrations, 1);
  const [resent] = sql(`SELECT o.kind, o.recipient IS NULL OR o.recipient = 'same.person@example.org' AS to_them
    FROM outbox o JOIN registration r ON r.id = o.registration_id
    WHERE r.email = 'same.person@example.org' AND o.kind = 'link_sent'`);
  assert.ok(resent?.to_them, 'the link is sent again to the address');
  assert.equal(sql(`SELECT name FROM registration WHERE email = 'same.person@example.org'`)[0].name, 'Volunteer 1000', 'nothing changed');

  const headers = { 'Idempotency-Key': `test-retry-${crypto.randomUUID()}` };
  const body = person(1001);
  const original = await register('test-open-small', body, { headers });
  assert.equal(original.status, 201);
  const retry = await register('test-open-small', body, { headers });
  assert.equal(retry.status, 201);
  assert.ok(original.body.manage_url);
  assert.deepEqual(retry.body, original.body, 'the same answer, its manage link included');
  assert.equal(retry.headers.get('idempotent-replayed'), 'true');
  const other = await register('test-open-small', person(1002), { headers, lang: 'en' });
  assert.equal(other.status, 400);
  assert.equal(other.body.errors[0].field, 'Idempotency-Key');
  assert.equal(countRows('test-open-small').registrations, 2);

  // The edition is now full: the next person waits, first in line.
  const third = await register('test-open-small', person(1003));
  assert.deepEqual([third.body.status, third.body.waitlist_position], ['waitlisted', 1]);
  // A place that opens while someone waits is theirs, not a newcomer's.
  sql(`UPDATE edition SET capacity = 3 WHERE id = 'test-open-small'`);
  const newcomer = await register('test-open-small', person(1004));
  assert.deepEqual([newcomer.body.status, newcomer.body.waitlist_position], ['waitlisted', 2]);
  sql(`UPDATE edition SET capacity = 2 WHERE id = 'test-open-small'`);
});

/** POSTs the same registration with `key` (a client's retry: another connection, maybe another address). */
const sendAgain = (edition, body, key, lang = 'en') => register(edition, body, { headers: { 'Idempotency-Key': key }, lang });

test('a retry with the same Idempotency-Key gets the real outcome and the manage link, which works', async () => {
  // A place held to confirm, a place on the waiting list with its position, an application.
  await register('test-retry-waiting', person(5000));
  const cases = [
    { edition: 'test-retry-held', expected: { status: 'held' } },
    { edition: 'test-retry-waiting', expected: { status: 'waitlisted', waitlist_position: 1 } },
    { edition: 'test-retry-applied', expected: { status: 'applied' } },
  ];
  for (const [i, c] of cases.entries()) {
    const key = `test-offline-${crypto.randomUUID()}`;
    const body = person(5001 + i);
    // The first answer reached nobody (the connection dropped): the client sends it again.
    const first = await sendAgain(c.edition, body, key);
    assert.equal(first.status, 201, first.text);
    const again = await sendAgain(c.edition, body, key);
    assert.equal(again.status, 201, again.text);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body, c.edition);
    assert.deepEqual({ status: again.body.status, waitlist_position: again.body.waitlist_position }, { waitlist_position: undefined, ...c.expected });
    assert.match(again.body.manage_url, /\/(fr|en)\/manage\/[0-9a-f]{48}$/);
    const seen = await manage(again.body.manage_url);
    assert.equal(seen.status, 200, seen.text);
    assert.equal(seen.body.status, c.expected.status);
    assert.equal(countRows(c.edition).registrations, c.edition === 'test-retry-waiting' ? 2 : 1);
  }
});

test('eight copies of one registration sent at once land once; each hears the outcome or is asked to retry', async (t) => {
  // Four bursts: whether copies overlap depends on the machine's timing; each burst must hold.
  let asked = 0;
  for (let burst = 0; burst < 4; burst++) {
    const key = `test-race-${crypto.randomUUID()}`;
    const body = person(5100 + burst);
    const answers = await Promise.all(Array.from({ length: 8 }, () => sendAgain('test-retry-race', body, key)));
    const rows = sql(`SELECT count(*) AS n FROM registration WHERE edition_id = 'test-retry-race' AND email = ${q(body.email)}`);
    assert.equal(rows[0].n, 1, 'one registration');
    const outcomes = answers.filter((a) => a.status === 201);
    const waits = answers.filter((a) => a.status === 409);
    assert.equal(outcomes.length + waits.length, 8, answers.map((a) => `${a.status} ${a.text}`).join('\n'));
    assert.ok(outcomes.length >= 1);
    for (const a of outcomes) {
      assert.equal(a.body.status, 'confirmed');
      assert.equal(a.body.manage_url, outcomes[0].body.manage_url, 'one manage link');
    }
    assert.equal(outcomes.filter((a) => !a.headers.get('idempotent-replayed')).length, 1, 'one answer registered, the others replayed it');
    for (const a of waits) {
      assert.match(a.type, /^application\/problem\+json/);
      assert.equal(a.body.type, '/api/problems/in-progress');
      assert.equal(a.headers.get('retry-after'), '2');
    }
    asked += waits.length;
    // Retrying after a 409 gives the outcome, with the link.
    const retried = await sendAgain('test-retry-race', body, key);
    assert.equal(retried.status, 201);
    assert.deepEqual(retried.body, outcomes[0].body);
    assert.equal((await manage(retried.body.manage_url)).body.status, 'confirmed');
  }
  t.diagnostic(`${asked} of 32 copies were asked to retry`);
});

test('a key being answered asks for a retry in both languages; one left by a Worker that died is taken over', async () => {
  const key = `test-claimed-${crypto.randomUUID()}`;
  const body = person(5200);
  const digest = (text) => createHash('sha256').update(text).digest('hex');
  const claim = (ago) => sql(`INSERT INTO idempotency (key_hash, request_hash, claim, claimed_at, created_at)
    VALUES (${q(keyHash(key))}, ${q(digest(`test-retry-race\n${JSON.stringify(body)}`))}, 'another worker',
            ${q(new Date(Date.now() - ago * 1000).toISOString().replace(/\.\d+Z$/, 'Z'))}, ${q(new Date().toISOString())})
    ON CONFLICT (key_hash) DO UPDATE SET claimed_at = excluded.claimed_at`);
  claim(0);
  for (const [lang, title] of [['fr', /en cours de traitement\u202f: renvoyez-la/], ['en', /still being answered: send it again/]]) {
    const busy = await sendAgain('test-retry-race', body, key, lang);
    assert.equal(busy.status, 409, busy.text);
    assert.equal(busy.headers.get('retry-after'), '2');
    assert.equal(busy.body.lang, lang);
    assert.match(busy.body.title, title);
  }
  assert.equal(sql(`SELECT count(*) AS n FROM registration WHERE email = ${q(body.email)}`)[0].n, 0, 'nothing written meanwhile');
  claim(40);
  const taken = await sendAgain('test-retry-race', body, key);
  assert.equal(taken.status, 201, taken.text);
  assert.equal(taken.body.status, 'confirmed');
  assert.ok(taken.body.manage_url);
  assert.deepEqual((await sendAgain('test-retry-race', body, key)).body, taken.body);
});

test('a refused request frees its key: the same body is refused the same way again, and nothing is remembered', async () => {
  const key = `test-refused-${crypto.randomUUID()}`;
  const refusedBody = person(5300, { consent: false });
  const refused = await sendAgain('test-retry-race', refusedBody, key);
  const again = await sendAgain('test-retry-race', refusedBody, key);
  assert.equal(refused.status, 400);
  assert.deepEqual(again.body, refused.body, 'the same refusal');
  assert.equal(sql(`SELECT count(*) AS n FROM idempotency WHERE key_hash = ${q(keyHash(key))}`)[0].n, 0, 'nothing remembered');
});

test('the remembered answers hold neither the keys nor the manage links', async () => {
  const key = `test-sealed-${crypto.randomUUID()}`;
  const first = await sendAgain('test-retry-race', person(5400), key);
  assert.equal(first.status, 201);
  const token = first.body.manage_url.split('/').at(-1);
  const [row] = sql(`SELECT * FROM idempotency WHERE key_hash = ${q(keyHash(key))}`);
  assert.ok(row, 'found by the digest of the key');
  assert.equal(row.status, 201);
  assert.match(row.sealed_link, /^[0-9a-f]+$/);
  const everything = JSON.stringify(sql('SELECT * FROM idempotency'));
  for (const secret of [key, token, first.body.manage_url, keyHash(token)]) {
    assert.ok(!everything.includes(secret), `${secret} is not stored`);
  }
  // The replay opens the link only for the key: another body with it is refused.
  const other = await sendAgain('test-retry-race', person(5401), key);
  assert.equal(other.status, 400);
  assert.equal(other.body.errors[0].code, 'idempotency-key-reused');
  assert.equal(other.body.manage_url, undefined);
});

test('an application waits for a decision, with the questions answered and priority noted', async () => {
  const refused = await register('test-application', person(2000), { lang: 'fr' });
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body.errors.map((e) => [e.field, e.code]), [['answers.motivation', 'required']]);
  assert.equal(refused.body.errors[0].message, 'Ce champ est obligatoire.');
  const applied = await register('test-application', person(2001, { answers: { motivation: 'Soutenir nos collectifs', chatons: 'yes' } }));
  assert.equal(applied.status, 201);
  assert.equal(applied.body.status, 'applied');
  const [row] = sql(`SELECT priority, answers FROM registration WHERE edition_id = 'test-application'`);
  assert.equal(row.priority, 1);
  assert.deepEqual(JSON.parse(row.answers), { chatons: 'yes', motivation: 'Soutenir nos collectifs' });
});

test('bad requests get problems with per-field messages in the caller language, and store nothing', async () => {
  const before = sql(`SELECT (SELECT count(*) FROM registration) AS r, (SELECT count(*) FROM registration_event) AS e`)[0];
  const corpus = [
    { why: 'malformed JSON', body: '{"name": ', status: 400, fields: [['body', 'malformed-json']] },
    { why: 'a field of the wrong type', body: { ...person(1), name: 5 }, status: 400, fields: [['body', 'malformed-json']] },
    { why: 'an array instead of an object', body: '[]', status: 400, fields: [['body', 'malformed-json']] },
    {
      why: 'nothing given', body: {}, status: 400,
      fields: [['name', 'required'], ['email', 'required'], ['lang', 'required'], ['zone', 'required'], ['consent', 'consent-required']],
    },
    { why: 'a name too long', body: person(1, { name: 'x'.repeat(101) }), status: 400, fields: [['name', 'too-long']] },
    { why: 'an invalid email', body: person(1, { email: 'volunteer@localhost' }), status: 400, fields: [['email', 'invalid-email']] },
    { why: 'an unknown time zone', body: person(1, { zone: 'Mars/Olympus' }), status: 400, fields: [['zone', 'unknown-zone']] },
    { why: 'an unknown language', body: person(1, { lang: 'de' }), status: 400, fields: [['lang', 'unknown-language']] },
    { why: 'no consent', body: person(1, { consent: false }), status: 400, fields: [['consent', 'consent-required']] },
    { why: 'an answer to no question', body: person(1, { answers: { shoe: '42' } }), status: 400, fields: [['answers.shoe', 'unknown-question']] },
    { why: 'an unknown edition', edition: 'no-such-edition', body: person(1), status: 404 },
    { why: 'a closed edition', edition: 'test-closed', body: person(1), status: 409, detail: /clos/i },
    { why: 'an edition not open yet', edition: 'test-not-yet', body: person(1), status: 409, detail: /pas encore|not open yet/i },
    { why: 'registration elsewhere', edition: 'test-external', body: person(1), status: 409, detail: /ailleurs|elsewhere/i },
    { why: 'a body over 16 kB', body: person(1, { accessibility: 'x'.repeat(17 * 1024) }), status: 413 },
    { why: 'not JSON', body: 'name=Someone', contentType: 'application/x-www-form-urlencoded', status: 415 },
  ];
  for (const lang of ['fr', 'en']) {
    for (const c of corpus) {
      const res = await register(c.edition ?? 'test-open-small', c.body, {
        headers: { 'Accept-Language': lang, ...(c.contentType ? { 'Content-Type': c.contentType } : {}) },
      });
      assert.equal(res.status, c.status, `${c.why}: ${res.text}`);
      assert.match(res.type, /^application\/problem\+json/, c.why);
      assert.equal(res.body.lang, lang, c.why);
      assert.ok(res.body.title, c.why);
      if (c.fields) assert.deepEqual(res.body.errors.map((e) => [e.field, e.code]), c.fields, c.why);
      for (const e of res.body.errors ?? []) assert.ok(e.message && !e.message.startsWith('field-'), `${c.why}: ${e.message}`);
      if (c.detail) assert.match(res.body.detail, c.detail, c.why);
    }
  }
  const fr = await register('test-open-small', person(1, { email: 'nope' }), { headers: { 'Accept-Language': 'fr' } });
  assert.equal(fr.body.errors[0].message, 'Adresse courriel invalide : écrivez-la comme nom@exemple.org.');
  const after = sql(`SELECT (SELECT count(*) FROM registration) AS r, (SELECT count(*) FROM registration_event) AS e`)[0];
  assert.deepEqual(after, before, 'nothing was stored');
});

test('registration attempts are limited per client address', async () => {
  // 20 attempts a minute per address. A minute may turn during the test: at most two windows.
  const headers = { 'CF-Connecting-IP': '198.51.100.7' };
  const statuses = [];
  let limited = null;
  for (let i = 0; i < 41 && !limited; i++) {
    const res = await register('test-open-small', {}, { headers, lang: 'fr' });
    statuses.push(res.status);
    if (res.status === 429) limited = res;
  }
  assert.ok(limited, `limited within two windows: ${statuses.join(' ')}`);
  assert.ok(statuses.length > 20, `at least 20 attempts before the limit: ${statuses.join(' ')}`);
  assert.ok(statuses.slice(0, -1).every((s) => s === 400), statuses.join(' '));
  assert.equal(limited.headers.get('retry-after'), '60');
  assert.match(limited.type, /^application\/problem\+json/);
  assert.match(limited.body.title, /Trop de demandes/);
  // Another address is not held back.
  assert.equal((await register('test-open-small', person(3001))).status, 201);
});

async function manage(url, method = 'GET', body) {
  const token = url.split('/').at(-1);
  const action = { CANCEL: '/cancel', CONFIRM: '/confirm' }[method] ?? '';
  const res = await fetch(`${BASE}/api/registrations/${token}${action}`, {
    method: action ? 'POST' : method,
    headers: body ? { 'Content-Type': 'application/json', 'Accept-Language': 'en' } : { 'Accept-Language': 'en' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, text };
}

test('the manage link: see, cancel (the place goes to the next in line at once), change zone, delete my data', async () => {
  const first = await register('test-manage', person(4000));
  const second = await register('test-manage', person(4001));
  const third = await register('test-manage', person(4002));
  assert.deepEqual([first.body.status, second.body.status, third.body.status], ['confirmed', 'waitlisted', 'waitlisted']);

  // The meeting link is for those with a place, through their own link only.
  const seen = await manage(first.body.manage_url);
  assert.equal(seen.status, 200);
  assert.equal(seen.headers.get('cache-control'), 'private, no-store');
  assert.equal(seen.body.status, 'confirmed');
  assert.match(seen.body.private_details.text, /zoom\.example\/j\/5550001/);
  assert.equal(seen.body.edition.sessions.length, 1);
  assert.equal((await manage(second.body.manage_url)).body.private_details, undefined, 'not while waiting');

  // Cancelling the confirmed place promotes the first in line in the same step.
  const cancelled = await manage(first.body.manage_url, 'CANCEL');
  assert.equal(cancelled.status, 200);
  assert.equal(cancelled.body.status, 'cancelled');
  assert.deepEqual(cancelled.body.history.map((h) => h.kind), ['registered', 'cancelled']);
  const promoted = await manage(second.body.manage_url);
  assert.equal(promoted.body.status, 'confirmed');
  assert.deepEqual(promoted.body.history.map((h) => h.kind), ['waitlisted', 'promoted']);
  assert.match(promoted.body.private_details.text, /5550001/);
  const next = await manage(third.body.manage_url);
  assert.deepEqual([next.body.status, next.body.waitlist_position], ['waitlisted', 1]);
  const places = sql(`SELECT count(*) AS n FROM registration WHERE edition_id = 'test-manage' AND status = 'confirmed'`)[0].n;
  assert.equal(places, 1, 'never more than the capacity');

  // A cancelled person may register again, at the end of the line, with a new link.
  const back = await register('test-manage', person(4000));
  assert.equal(back.status, 201, back.text);
  assert.deepEqual([back.body.status, back.body.waitlist_position], ['waitlisted', 2]);
  assert.deepEqual((await manage(back.body.manage_url)).body.history.map((h) => h.kind), ['registered', 'cancelled', 'waitlisted']);

  // Language and zone: the sessions follow the registrant's clock.
  const moved = await manage(third.body.manage_url, 'PATCH', { zone: 'Asia/Kathmandu', lang: 'fr' });
  assert.equal(moved.status, 200);
  assert.deepEqual([moved.body.zone, moved.body.lang], ['Asia/Kathmandu', 'fr']);
  assert.equal(moved.body.edition.sessions[0].reader_start_offset_minutes, 345);
  assert.equal(moved.body.offering_title.lang, 'fr');
  const badZone = await manage(third.body.manage_url, 'PATCH', { zone: 'Mars/Olympus' });
  assert.equal(badZone.status, 400);
  assert.deepEqual(badZone.body.errors.map((e) => [e.field, e.code]), [['zone', 'unknown-zone']]);

  // Delete my data: gone, with a history that keeps no personal data.
  const gone = await manage(third.body.manage_url, 'DELETE');
  assert.equal(gone.status, 204);
  assert.equal((await manage(third.body.manage_url)).status, 404);
  assert.equal(sql(`SELECT count(*) AS n FROM registration WHERE email = 'volunteer.4002@example.org'`)[0].n, 0);
  const kinds = sql(`SELECT e.kind FROM registration_event e WHERE e.edition_id = 'test-manage'
    AND e.registration_id NOT IN (SELECT id FROM registration) ORDER BY e.id`).map((r) => r.kind);
  assert.deepEqual(kinds, ['waitlisted', 'updated', 'cancelled', 'deleted']);

  // A token that opens nothing, or is not a token at all.
  assert.equal((await manage('0'.repeat(48))).status, 404);
  assert.equal((await manage('not-a-token')).status, 404);

  // A message for a place, still waiting to be sent when its person cancelled, is not sent:
  // it would carry the meeting link.
  const [firstRow] = sql(`SELECT id FROM registration WHERE email = 'volunteer.4000@example.org' AND edition_id = 'test-manage'`);
  sql(`INSERT INTO outbox (registration_id, edition_id, kind, created_at) VALUES ('${firstRow.id}', 'test-manage', 'confirmed', '2026-01-01T00:00:00Z')`);
  assert.equal((await fetch(`${BASE}/__scheduled?cron=${encodeURIComponent('*/5 * * * *')}`)).status, 200);
  const [stale] = sql(`SELECT sent_at, recipient, body, last_error FROM outbox WHERE registration_id = '${firstRow.id}' AND kind = 'confirmed' AND created_at = '2026-01-01T00:00:00Z'`);
  assert.ok(stale.sent_at && stale.recipient === null && stale.body === null, JSON.stringify(stale));
  assert.match(stale.last_error, /superseded/);

  // The meeting link is in no public answer, cache or feed.
  const publicAnswers = await Promise.all([
    `/api/offerings/${OFFERING}?lang=fr`, `/api/offerings/${OFFERING}?lang=en&tz=Africa/Lagos`, '/api/offerings?lang=fr',
    '/api/calendar.ics?lang=fr', '/api/editions/test-manage/calendar.ics?lang=en', '/api/sessions/test-manage-s1/calendar.ics',
    '/fr', `/api/people/louis-ramirez?lang=fr`, '/api/archive?lang=fr',
  ].map(async (path) => [path, await (await fetch(BASE + path)).text()]));
  for (const [path, text] of publicAnswers) {
    assert.ok(!text.includes(PRIVATE_LINK), `${path} shows the private link`);
    assert.ok(!text.includes('meet.example.org'), `${path} shows a demo meeting link`);
  }
});

test("the demo's Emancip'Asso edition takes applications with its questions, each on behalf of an organisation", async () => {
  const detail = await (await fetch(`${BASE}/api/offerings/emancipasso-formation?lang=fr`)).json();
  const edition = detail.upcoming_editions[0];
  assert.equal(edition.registration_mode, 'application');
  const form = await (await fetch(`${BASE}/api/editions/${edition.id}/registration-form?lang=en`)).json();
  assert.equal(form.on_behalf, true, 'the form asks for the organisation');
  const before = countRows(edition.id);
  const refused = await register(edition.id, person(5000), { lang: 'en' });
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body.errors.map((e) => [e.field, e.code]),
    [['organisation', 'required'], ['answers.structure', 'required'], ['answers.motivation', 'required']]);
  assert.match(refused.body.errors[0].message, /required/i);
  const french = await register(edition.id, person(5000, { organisation: ' \u200b ' }), { lang: 'fr' });
  assert.equal(french.body.errors[0].field, 'organisation');
  assert.match(french.body.errors[0].message, /obligatoire/i, french.body.errors[0].message);
  assert.deepEqual(countRows(edition.id), before, 'nothing stored');
  // Another offering does not ask it.
  const hub = await (await fetch(`${BASE}/api/editions/test-open-20/registration-form?lang=en`)).json();
  assert.equal(hub.on_behalf, false);
});

/** Waits until the outbox has nothing unsent for `edition` (the Worker sends after answering). */
async function sentOutbox(edition) {
  for (let i = 0; i < 100; i++) {
    const rows = sql(`SELECT id, kind, recipient, lang, subject, body, manage_url, sent_at, session_id FROM outbox
      WHERE edition_id = ${q(edition)} ORDER BY id`);
    if (rows.length && rows.every((r) => r.sent_at)) return rows;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`outbox for ${edition} never sent`);
}

test('each change tells the registrant, in their language and on their clock, once; reminders 24 h before', { timeout: 120_000 }, async () => {
  const fr = await register('test-soon', person(6001, { lang: 'fr', zone: 'Asia/Kathmandu' }));
  const en = await register('test-soon', person(6002, { lang: 'en', zone: 'America/Santiago' }));
  assert.deepEqual([fr.status, en.status], [201, 201]);
  let rows = await sentOutbox('test-soon');
  assert.equal(rows.length, 2);
  const [toFr, toEn] = rows;
  assert.equal(toFr.kind, 'confirmed');
  assert.equal(toFr.recipient, 'volunteer.6001@example.org');
  assert.match(toFr.subject, /^Inscription confirmée : /);
  assert.match(toEn.subject, /^Registration confirmed: /);
  // The session's start on each recipient's clock, as the browser's own zone rules write it.
  const [session] = sql(`SELECT starts_at FROM session WHERE edition_id = 'test-soon'`);
  const clock = (zone, locale) => new Intl.DateTimeFormat(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit' })
    .format(new Date(session.starts_at));
  const plain = (s) => s.replace(/\s/g, ' ');
  const frHour = clock('Asia/Kathmandu', 'fr-FR').replace(':', ' h ');
  assert.ok(plain(toFr.body).includes(plain(frHour).replace(/ h 00$/, ' h')), `${toFr.body} has ${frHour}`);
  assert.ok(plain(toEn.body).includes(plain(clock('America/Santiago', 'en-US'))), `${toEn.body}`);
  assert.ok(toFr.body.includes('(Asia/Kathmandu)'));
  // The stored copy has no manage link, and the unsent link is gone.
  assert.ok(!toFr.body.includes(fr.body.manage_url) && toFr.body.includes('[lien privé / private link]'));
  assert.equal(toFr.manage_url, null);

  // A reminder for each place when the cron runs, and not twice when it runs again.
  for (let i = 0; i < 2; i++) {
    const cron = await fetch(`${BASE}/__scheduled?cron=${encodeURIComponent('*/5 * * * *')}`);
    assert.equal(cron.status, 200, await cron.text());
  }
  rows = await sentOutbox('test-soon');
  const reminders = rows.filter((r) => r.kind === 'reminder');
  assert.deepEqual(reminders.map((r) => r.recipient).sort(), ['volunteer.6001@example.org', 'volunteer.6002@example.org']);
  assert.ok(reminders.every((r) => r.session_id === 'test-soon-s1'));
  assert.match(reminders.find((r) => r.lang === 'fr').subject, /^Rappel : /);
  assert.equal(rows.length, 4, 'every message once');
});

test('the registration form says whether an edition takes registrations, with its questions in the reader language and the places left', async () => {
  const form = async (id, query = 'lang=en') => {
    const res = await fetch(`${BASE}/api/editions/${id}/registration-form?${query}`);
    return { status: res.status, cache: res.headers.get('cache-control'), body: await res.json() };
  };
  const small = await form('test-open-small', 'lang=fr&tz=Asia/Kathmandu');
  assert.equal(small.status, 200);
  assert.match(small.cache, /no-store/);
  assert.equal(small.body.state, 'open');
  assert.equal(small.body.offering_id, OFFERING);
  assert.equal(small.body.closes_at, FAR, 'closes when the first session starts');
  const taken = sql(`SELECT count(*) AS n FROM registration WHERE edition_id = 'test-open-small' AND status IN ('confirmed', 'accepted')`)[0].n;
  const waiting = sql(`SELECT count(*) AS n FROM registration WHERE edition_id = 'test-open-small' AND status = 'waitlisted'`)[0].n;
  assert.equal(small.body.places_left, Math.max(0, 2 - taken));
  assert.equal(small.body.waiting, waiting);
  // Kathmandu is UTC+5:45: the reader's offsets come with the sessions.
  assert.equal(small.body.edition.sessions[0].reader_start_offset_minutes, 345);

  const application = await form('test-application', 'lang=fr');
  assert.deepEqual(application.body.questions.map((q) => [q.id, q.label.text, q.required, q.priority]),
    [['motivation', 'Pourquoi cette formation ?', true, false], ['chatons', 'Membre de CHATONS ?', false, true]]);
  assert.equal((await form('test-application')).body.questions[0].label.text, 'Why this training?');

  assert.equal((await form('test-closed')).body.state, 'over');
  const notYet = await form('test-not-yet');
  assert.equal(notYet.body.state, 'not_yet_open');
  assert.equal(notYet.body.opens_at, '2030-12-01T00:00:00Z');
  assert.equal((await form('test-external')).body.state, 'not_here');
  const meetingFree = JSON.stringify(await form('test-manage'));
  assert.ok(!meetingFree.includes(PRIVATE_LINK), 'private details never in the form');

  const unknown = await fetch(`${BASE}/api/editions/no-such-edition/registration-form?lang=fr`);
  assert.equal(unknown.status, 404);
  assert.match(unknown.headers.get('content-type'), /application\/problem\+json/);
  const badZone = await fetch(`${BASE}/api/editions/test-open-small/registration-form?lang=fr&tz=Mars/Base`);
  assert.equal(badZone.status, 400);
  assert.equal((await badZone.json()).errors[0].field, 'tz');
});

test('an edition that asks people to confirm by email: the place is held, confirmed by the link, or passed on when the time runs out', async () => {
  const first = await register('test-held', person(6000));
  const second = await register('test-held', person(6001));
  assert.deepEqual([first.body.status, second.body.status, second.body.waitlist_position], ['held', 'waitlisted', 1]);
  const [held] = sql(`SELECT hold_until, created_at FROM registration WHERE email = 'volunteer.6000@example.org'`);
  assert.equal(Date.parse(held.hold_until) - Date.parse(held.created_at), 2 * 3600_000, 'kept for the edition\'s two hours');
  const kinds = (email) => sql(`SELECT o.kind FROM outbox o JOIN registration r ON r.id = o.registration_id
    WHERE r.email = '${email}' AND r.edition_id = 'test-held' ORDER BY o.id`).map((m) => m.kind);
  assert.deepEqual(kinds('volunteer.6000@example.org'), ['held']);

  // The time runs out: the cron gives the place back, and it goes to the first in line, held for them in turn.
  sql(`UPDATE registration SET hold_until = '2020-01-01T00:00:00Z' WHERE email = 'volunteer.6000@example.org'`);
  assert.equal((await fetch(`${BASE}/__scheduled?cron=${encodeURIComponent('*/5 * * * *')}`)).status, 200);
  const gone = await manage(first.body.manage_url);
  assert.equal(gone.body.status, 'cancelled');
  assert.deepEqual(gone.body.history.map((h) => h.kind), ['held', 'released']);
  assert.deepEqual(kinds('volunteer.6000@example.org'), ['held', 'released']);
  const next = await manage(second.body.manage_url);
  assert.equal(next.body.status, 'held');
  assert.deepEqual(next.body.history.map((h) => h.kind), ['waitlisted', 'promoted']);
  assert.deepEqual(kinds('volunteer.6001@example.org'), ['waitlisted', 'held']);

  // Confirmed through the private link: the place is theirs, with the meeting details.
  const confirmed = await manage(second.body.manage_url, 'CONFIRM');
  assert.equal(confirmed.status, 200, confirmed.text);
  assert.equal(confirmed.body.status, 'confirmed');
  assert.deepEqual(confirmed.body.history.map((h) => h.kind), ['waitlisted', 'promoted', 'confirmed']);
  assert.equal(sql(`SELECT hold_until FROM registration WHERE email = 'volunteer.6001@example.org'`)[0].hold_until, null);
  // Nothing left to confirm.
  assert.equal((await manage(second.body.manage_url, 'CONFIRM')).body.status, 'confirmed');
});

test("the registrant's calendar file carries the meeting link only while they hold a place; send-me-my-links tells a stranger nothing", async () => {
  const holder = await register('test-calendar', person(7000, { email: 'calendar.holder@example.org' }));
  assert.equal(holder.status, 201, holder.text);
  const token = holder.body.manage_url.split('/').at(-1);
  const ics = await fetch(`${BASE}/api/registrations/${token}/calendar.ics`);
  assert.equal(ics.status, 200);
  assert.match(ics.headers.get('content-type'), /^text\/calendar/);
  assert.equal(ics.headers.get('cache-control'), 'private, no-store');
  const text = await ics.text();
  assert.match(text, /BEGIN:VEVENT/);
  assert.match(text, /code 4471/);
  assert.doesNotMatch(await (await fetch(`${BASE}/api/editions/test-calendar/calendar.ics`)).text(), /4471/, 'not in the public feed');

  // Asking for the links of an address: the same answer whether or not it registered.
  const ask = (email) => fetch(`${BASE}/api/manage-links?lang=fr`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': nextAddress() },
    body: JSON.stringify({ email, lang: 'fr' }),
  });
  const known = await ask('calendar.holder@example.org');
  const unknown = await ask('never.registered@example.org');
  assert.equal(known.status, 202);
  assert.equal(unknown.status, 202);
  assert.deepEqual(await known.json(), await unknown.json());
  const [links] = sql(`SELECT o.kind, o.lang FROM outbox o JOIN registration r ON r.id = o.registration_id
    WHERE r.email = 'calendar.holder@example.org' AND o.kind = 'links'`);
  assert.deepEqual(links, { kind: 'links', lang: 'fr' });
  // The message goes out with a new link that works, and keeps no link once sent.
  let sent;
  for (let i = 0; i < 50 && !sent?.sent_at; i++) {
    [sent] = sql(`SELECT sent_at, body, links FROM outbox WHERE kind = 'links' AND registration_id = (SELECT id FROM registration WHERE email = 'calendar.holder@example.org')`);
    if (!sent?.sent_at) await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(sent.sent_at, 'sent');
  assert.equal(sent.links, null);
  assert.match(sent.body, /\[lien privé \/ private link\]/);
  assert.doesNotMatch(sent.body, /manage\/[0-9a-f]{48}/);
  const bad = await ask('not an address');
  assert.equal(bad.status, 400);
  assert.deepEqual((await bad.json()).errors.map((e) => [e.field, e.code]), [['email', 'invalid-email']]);
});
