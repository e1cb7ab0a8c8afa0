// Registration as a hostile user would try it, against the real local stack: what a
// stranger learns from an address, how far one connection or one mailbox can go, the field
// robots fill, texts that hide what they hold, and the coordinators' changes that must pass
// a freed or added place to the next in line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetch } from './client.mjs';
import { sql, staffSql } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const OFFERING = 'hub-mouvements-decentralises';
const EDITIONS = { 'sec-open': 2, 'sec-big': 200, 'sec-limits': 200 };
const IDS = Object.keys(EDITIONS).map((id) => `'${id}'`).join(', ');
const COORDINATOR = { id: 'acc-sec-coordinator', email: 'sec.coordinator@example.org', password: 'a coordinator passphrase' };

function cleanUp() {
  sql(`DELETE FROM outbox WHERE edition_id IN (${IDS}); DELETE FROM registration_event WHERE edition_id IN (${IDS});
       DELETE FROM manage_token WHERE registration_id IN (SELECT id FROM registration WHERE edition_id IN (${IDS}));
       DELETE FROM registration WHERE edition_id IN (${IDS}); DELETE FROM session WHERE edition_id IN (${IDS});
       DELETE FROM edition WHERE id IN (${IDS}); DELETE FROM account WHERE id = '${COORDINATOR.id}';`);
}

before(() => {
  cleanUp();
  // A coordinator of the network that owns the offering.
  sql(staffSql({ ...COORDINATOR, name: 'Sec Coordinator', networks: sql(`SELECT network_id FROM offering WHERE id = '${OFFERING}'`).map((r) => r.network_id) }));
  sql(Object.entries(EDITIONS).map(([id, capacity]) => `
    INSERT INTO edition (id, offering_id, registration_mode, capacity, format, starts_at, ends_at)
    VALUES ('${id}', '${OFFERING}', 'open', ${capacity}, 'online', '2031-02-04T15:00:00Z', '2031-02-04T16:30:00Z');
    INSERT INTO session (id, edition_id, starts_at, ends_at, zone)
    VALUES ('${id}-s1', '${id}', '2031-02-04T15:00:00Z', '2031-02-04T16:30:00Z', 'America/Toronto');`).join('\n'));
});
after(() => cleanUp());

let block = 0;
/** A new IPv4 address from a documentation range for every request, unless the test sets one. */
function freshAddress() {
  block += 1;
  return `203.0.${(block >> 8) & 255}.${block & 255}`;
}

async function register(edition, body, { ip = freshAddress(), lang = 'en' } = {}) {
  const res = await fetch(`${BASE}/api/editions/${edition}/registrations?lang=${lang}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': ip },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, text };
}

const volunteer = (email, extra = {}) => ({ name: 'Ana Volunteer', email, lang: 'fr', zone: 'America/Toronto', consent: true, ...extra });

async function signIn() {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': freshAddress() },
    body: JSON.stringify({ email: COORDINATOR.email, password: COORDINATOR.password }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = res.headers.get('set-cookie').split(';')[0];
  return { cookie, csrf: (await res.json()).csrf_token };
}

async function asCoordinator(session, method, path, body) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Accept-Language': 'fr' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null };
}

const statusOf = (email, edition) => sql(`SELECT status FROM registration WHERE email = '${email}' AND edition_id = '${edition}'`)[0]?.status;

test('a stranger typing a registered address learns nothing of that registration; the link goes to the address', async () => {
  const own = await register('sec-big', volunteer('ana.declined@example.org'));
  assert.equal(own.status, 201);
  sql(`UPDATE registration SET status = 'declined' WHERE email = 'ana.declined@example.org'`);
  const stranger = await register('sec-big', volunteer('ana.declined@example.org', { name: 'Someone Else' }));
  assert.equal(stranger.status, 202);
  assert.deepEqual(stranger.body, { created: false, edition_id: 'sec-big' }, 'no status, position, date or link');
  assert.ok(!/declined|position|registered_at|manage/.test(stranger.text));
  // The same words as an address never registered would get from a robot's request.
  const robot = await register('sec-big', volunteer('robot@example.org', { website: 'http://spam.example' }));
  assert.equal(robot.status, 202);
  assert.deepEqual(robot.body, stranger.body);
  assert.equal(sql(`SELECT count(*) AS n FROM registration WHERE email = 'robot@example.org'`)[0].n, 0, 'the robot is stored nowhere');
  const [sent] = sql(`SELECT o.kind, o.manage_url IS NOT NULL OR o.sent_at IS NOT NULL AS queued FROM outbox o
    JOIN registration r ON r.id = o.registration_id WHERE r.email = 'ana.declined@example.org' AND o.kind = 'link_sent'`);
  assert.ok(sent?.queued, 'a new manage link is on its way to the address');
});

test('one IPv6 /64 is one client; another /64 is another', async () => {
  // The client limit counts per minute: a burst that straddles two minutes is counted in two
  // windows, so it is tried again, from a new prefix, until one burst fits in one minute.
  let statuses;
  for (let round = 1; ; round++) {
    const minute = Math.floor(Date.now() / 60_000);
    statuses = [];
    for (let i = 0; i < 22; i++) {
      // Different addresses, one subscriber's prefix.
      const res = await register('sec-limits', volunteer(`v6.${round}.${i}@example.org`), { ip: `2001:db8:aa:${round.toString(16)}b::${(i + 1).toString(16)}` });
      statuses.push(res.status);
    }
    if (minute === Math.floor(Date.now() / 60_000) || round === 3) break;
  }
  assert.ok(statuses.includes(429), `limited within the prefix: ${statuses.join(' ')}`);
  assert.ok(statuses.filter((s) => s === 201).length >= 19, statuses.join(' '));
  const other = await register('sec-limits', volunteer('v6.other@example.org'), { ip: '2001:db8:aa:cc::1' });
  assert.equal(other.status, 201, other.text);
});

test('plus-addresses are one person for the limits', async () => {
  const statuses = [];
  for (let i = 0; i < 11; i++) {
    statuses.push((await register('sec-limits', volunteer(`plus+${i}@example.org`))).status);
  }
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(201), statuses.join(' '));
  assert.equal(statuses[10], 429);
  assert.equal((await register('sec-limits', volunteer('someone.else@example.org'))).status, 201);
});

test('texts that hide what they hold are refused, field by field, in the caller language', async () => {
  const invisible = await register('sec-big', volunteer('zw@example.org', { name: '\u200B\u200D\uFEFF' }), { lang: 'fr' });
  assert.equal(invisible.status, 400);
  assert.deepEqual(invisible.body.errors.map((e) => [e.field, e.code]), [['name', 'required']]);
  const reversed = await register('sec-big', volunteer('bidi@example.org', { name: 'Ana \u202Eolleh', organisation: 'Coop\u0007' }), { lang: 'en' });
  assert.equal(reversed.status, 400);
  assert.deepEqual(reversed.body.errors.map((e) => [e.field, e.code]), [['name', 'invalid-text'], ['organisation', 'invalid-text']]);
  assert.match(reversed.body.errors[0].message, /invisible or control characters/);
  assert.equal(sql(`SELECT count(*) AS n FROM registration WHERE email IN ('zw@example.org', 'bidi@example.org')`)[0].n, 0);
});

test("a coordinator's cancellation passes the place to the first in line, with the reason told", async () => {
  const session = await signIn();
  const [a, b, c] = ['first', 'second', 'third'].map((n) => `${n}.open@example.org`);
  for (const email of [a, b, c]) assert.equal((await register('sec-open', volunteer(email))).status, 201);
  assert.deepEqual([a, b, c].map((e) => statusOf(e, 'sec-open')), ['confirmed', 'confirmed', 'waitlisted']);
  const [first] = sql(`SELECT id FROM registration WHERE email = '${a}'`);

  const noReason = await asCoordinator(session, 'POST', `/api/coordinator/registrations/${first.id}/decision`, { decision: 'cancel_by_coordinator' });
  assert.equal(noReason.status, 400);
  assert.match(noReason.type, /problem\+json/);
  assert.deepEqual(noReason.body.errors.map((e) => [e.field, e.code]), [['reason', 'required']]);

  const cancelled = await asCoordinator(session, 'POST', `/api/coordinator/registrations/${first.id}/decision`,
    { decision: 'cancel_by_coordinator', reason: 'their_request', note: 'Appel du 3 février' });
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  assert.deepEqual([a, b, c].map((e) => statusOf(e, 'sec-open')), ['cancelled', 'confirmed', 'confirmed']);
  const told = sql(`SELECT o.kind, o.reason, o.note, r.email FROM outbox o JOIN registration r ON r.id = o.registration_id
    WHERE o.edition_id = 'sec-open' AND o.kind IN ('cancelled_by_coordinator', 'promoted') ORDER BY o.id`);
  assert.deepEqual(told.map((m) => [m.kind, m.email]), [['cancelled_by_coordinator', a], ['promoted', c]]);
  assert.deepEqual([told[0].reason, told[0].note], ['their_request', 'Appel du 3 février']);
  const [event] = sql(`SELECT kind, actor FROM registration_event WHERE registration_id = '${first.id}' ORDER BY id DESC LIMIT 1`);
  assert.deepEqual([event.kind, event.actor], ['cancelled_by_coordinator', COORDINATOR.id]);

  // The same decision again finds nothing to cancel.
  const again = await asCoordinator(session, 'POST', `/api/coordinator/registrations/${first.id}/decision`,
    { decision: 'cancel_by_coordinator', reason: 'their_request' });
  assert.equal(again.status, 409);
  // Giving a place out of turn is not a coordinator's decision in an open edition.
  const promote = await asCoordinator(session, 'POST', `/api/coordinator/registrations/${first.id}/decision`, { decision: 'promote' });
  assert.equal(promote.status, 400);
});

test('raising the capacity gives the new places to the people waiting; lowering it below the places held is refused', async () => {
  const session = await signIn();
  const waiting = ['w1', 'w2', 'w3'].map((n) => `${n}.open@example.org`);
  for (const email of waiting) assert.equal((await register('sec-open', volunteer(email))).status, 201);
  assert.deepEqual(waiting.map((e) => statusOf(e, 'sec-open')), ['waitlisted', 'waitlisted', 'waitlisted']);

  const raised = await asCoordinator(session, 'PUT', '/api/coordinator/editions/sec-open/capacity', { capacity: 4 });
  assert.equal(raised.status, 200, JSON.stringify(raised.body));
  assert.deepEqual([raised.body.capacity, raised.body.places_taken, raised.body.waiting], [4, 4, 1]);
  assert.deepEqual(waiting.map((e) => statusOf(e, 'sec-open')), ['confirmed', 'confirmed', 'waitlisted'], 'first in line first');

  const lowered = await asCoordinator(session, 'PUT', '/api/coordinator/editions/sec-open/capacity', { capacity: 3 });
  assert.equal(lowered.status, 409);
  assert.match(lowered.type, /problem\+json/);
  assert.deepEqual(lowered.body.errors.map((e) => [e.field, e.code]), [['capacity', 'below-places-held']]);
  assert.match(lowered.body.errors[0].message, /places/);
  assert.equal(sql(`SELECT capacity FROM edition WHERE id = 'sec-open'`)[0].capacity, 4, 'nothing changed');
});
