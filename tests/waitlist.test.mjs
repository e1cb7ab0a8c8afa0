// Moving people on an edition's waiting list through the dashboard's API, against the real
// local stack: the people page gives each waiting person their place in line; a move
// exchanges two neighbours (over someone no longer waiting), leaves both a history entry and
// the network an audit entry, and the next free place goes to whoever is now first. Moves
// past an end, of someone not waiting, or in no known direction are refused in the caller's
// language; another network finds nothing; moves sent together never break the line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetch } from './client.mjs';
import { sql, staffSql } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;

const OFFERING = 'test-line-offering';
const EDITION = 'test-line-edition';
const STAFF = {
  hub: { id: 'acc-test-line-hub', email: 'line.hub@example.org', name: 'Coordination Hub', password: 'hub line passphrase' },
  ggsn: { id: 'acc-test-line-ggsn', email: 'line.ggsn@example.org', name: 'Coordination GGSN', password: 'ggsn line passphrase' },
};
// id, name, status, arrival: one place (taken), then the line — Chloé cancelled in between.
const PEOPLE = [
  ['test-line-ana', 'Ana', 'confirmed', 1],
  ['test-line-bea', 'Béa', 'waitlisted', 2],
  ['test-line-chloe', 'Chloé', 'cancelled', 3],
  ['test-line-dede', 'Dédé', 'waitlisted', 4],
  ['test-line-eli', 'Éli', 'waitlisted', 5],
  ['test-line-fatou', 'Fatou', 'waitlisted', 6],
];
const sessions = {};

let address = 0;
async function call(method, path, { as, body, lang = 'fr' } = {}) {
  address += 1;
  const session = as && sessions[as];
  const res = await fetch(BASE + path, {
    method,
    headers: {
      'CF-Connecting-IP': `172.21.${address >> 8}.${address & 255}`,
      'Accept-Language': lang,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(session ? { Cookie: `__Host-relais_session=${session.token}` } : {}),
      ...(session && method !== 'GET' ? { 'X-CSRF-Token': session.csrf } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, type, text, body: /json/.test(type) && text ? JSON.parse(text) : null };
}

function ok(res, status = 200) {
  assert.equal(res.status, status, `${res.status}: ${res.text}`);
  return res.body;
}

function assertProblem(res, status, what) {
  assert.equal(res.status, status, `${what}: ${res.status} ${res.text}`);
  assert.match(res.type, /^application\/problem\+json/, what);
  assert.equal(res.body.status, status, what);
  return res.body;
}

async function login(who) {
  const { email, password } = STAFF[who];
  const res = await call('POST', '/api/auth/login', { body: { email, password } });
  assert.equal(res.status, 200, res.text);
  sessions[who] = { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(res.headers.get('set-cookie'))[1], csrf: res.body.csrf_token };
}

function cleanUp() {
  sql(`DELETE FROM outbox WHERE edition_id = ${q(EDITION)};
       DELETE FROM registration_event WHERE edition_id = ${q(EDITION)};
       DELETE FROM manage_token WHERE registration_id IN (SELECT id FROM registration WHERE edition_id = ${q(EDITION)});
       DELETE FROM registration WHERE edition_id = ${q(EDITION)};
       DELETE FROM edition WHERE id = ${q(EDITION)};
       DELETE FROM offering WHERE id = ${q(OFFERING)};
       DELETE FROM account WHERE id IN (${Object.values(STAFF).map((s) => q(s.id)).join(', ')});`);
}

before(async () => {
  cleanUp();
  sql(staffSql({ ...STAFF.hub, networks: ['hub'] }));
  sql(staffSql({ ...STAFF.ggsn, networks: ['ggsn'] }));
  const people = PEOPLE.map(([id, name, status, arrival]) =>
    `(${q(id)}, ${q(EDITION)}, ${q(`${id}@example.org`)}, ${q(name)}, 'fr', 'America/Montreal', '', '', '{}', '', 0, ${q(status)}, ${arrival}, '2026-10-15T15:30:00Z', '2026-10-15T15:30:00Z')`).join(',\n');
  sql(`INSERT INTO offering (id, kind, title, summary, description, format, network_id, state)
         VALUES (${q(OFFERING)}, 'workshop', '{"fr":"Atelier de la file","en":"Line workshop"}', '{}', '{}', 'online', 'hub', 'draft');
       INSERT INTO edition (id, offering_id, registration_mode, capacity, format, state, starts_at, ends_at)
         VALUES (${q(EDITION)}, ${q(OFFERING)}, 'open', 1, 'online', 'draft', '2027-03-02T23:00:00Z', '2027-03-30T23:30:00Z');
       INSERT INTO registration (id, edition_id, email, name, lang, zone, region, organisation, answers, accessibility, priority, status, arrival, consented_at, created_at)
       VALUES ${people};`);
  for (const who of Object.keys(STAFF)) await login(who);
});

after(() => cleanUp());

const move = (id, direction, { as = 'hub', lang = 'fr' } = {}) =>
  call('POST', `/api/dashboard/registrations/${id}/move`, { as, lang, body: { direction } });

/** The waiting list as the people page gives it: names in the page's order, with positions. */
async function line() {
  const page = ok(await call('GET', `/api/dashboard/editions/${EDITION}/registrations?status=waitlisted`, { as: 'hub' }));
  return page.people.map((p) => [p.name, p.waitlist_position]);
}

test('the people page gives each waiting person their place in line, in the line’s order', async () => {
  assert.deepEqual(await line(), [['Béa', 1], ['Dédé', 2], ['Éli', 3], ['Fatou', 4]]);
  const everyone = ok(await call('GET', `/api/dashboard/editions/${EDITION}/registrations`, { as: 'hub' }));
  const ana = everyone.people.find((p) => p.name === 'Ana');
  assert.equal(ana.waitlist_position, undefined, 'a person with a place has no place in line');
});

test('a move exchanges two neighbours over someone no longer waiting, with both histories and an audit entry', async () => {
  const moved = ok(await move('test-line-dede', 'up'));
  assert.deepEqual(moved, { position: 1, waiting: 4 });
  assert.deepEqual(await line(), [['Dédé', 1], ['Béa', 2], ['Éli', 3], ['Fatou', 4]]);
  // Only the two exchanged arrivals; Chloé, cancelled between them, keeps hers.
  assert.deepEqual(
    sql(`SELECT id, arrival FROM registration WHERE edition_id = ${q(EDITION)} ORDER BY id`),
    [['test-line-ana', 1], ['test-line-bea', 4], ['test-line-chloe', 3], ['test-line-dede', 2], ['test-line-eli', 5], ['test-line-fatou', 6]]
      .map(([id, arrival]) => ({ id, arrival })),
  );
  assert.deepEqual(
    sql(`SELECT registration_id, actor FROM registration_event WHERE edition_id = ${q(EDITION)} AND kind = 'moved' ORDER BY registration_id`),
    [{ registration_id: 'test-line-bea', actor: STAFF.hub.id }, { registration_id: 'test-line-dede', actor: STAFF.hub.id }],
  );
  const [audit] = sql(`SELECT network_id, account_id, action, changes FROM audit WHERE entity_id = 'test-line-dede' AND action = 'moved'`);
  assert.equal(audit.network_id, 'hub');
  assert.equal(audit.account_id, STAFF.hub.id);
  assert.deepEqual(JSON.parse(audit.changes), { direction: 'up', position: { before: 2, after: 1 } });
  // And back down, through the same rule.
  assert.deepEqual(ok(await move('test-line-dede', 'down')), { position: 2, waiting: 4 });
  assert.deepEqual(await line(), [['Béa', 1], ['Dédé', 2], ['Éli', 3], ['Fatou', 4]]);
});

test('past an end, someone not waiting, or no known direction: refused in the caller’s language, nothing moves', async () => {
  const before = sql(`SELECT id, arrival FROM registration WHERE edition_id = ${q(EDITION)} ORDER BY id`);
  const first = assertProblem(await move('test-line-bea', 'up'), 409, 'the first moving up');
  assert.match(first.detail, /déjà à ce bout de la liste d’attente/);
  const last = assertProblem(await move('test-line-fatou', 'down', { lang: 'en' }), 409, 'the last moving down');
  assert.match(last.detail, /already at that end of the waiting list/);
  const placed = assertProblem(await move('test-line-ana', 'down', { lang: 'en' }), 409, 'someone with a place');
  assert.match(placed.detail, /not on the waiting list/);
  for (const [lang, words] of [['fr', /« up »/], ['en', /"up" or "down"/]]) {
    const sideways = assertProblem(await move('test-line-eli', 'sideways', { lang }), 400, `no known direction (${lang})`);
    assert.deepEqual(sideways.errors.map((e) => e.field), ['direction']);
    assert.match(sideways.errors[0].message, words);
  }
  assert.deepEqual(sql(`SELECT id, arrival FROM registration WHERE edition_id = ${q(EDITION)} ORDER BY id`), before);
  assert.deepEqual(sql(`SELECT count(*) AS n FROM registration_event WHERE edition_id = ${q(EDITION)} AND kind = 'moved'`), [{ n: 4 }]);
});

test('another network’s coordinator finds nobody to move; nobody signed in is asked to sign in', async () => {
  assertProblem(await move('test-line-eli', 'up', { as: 'ggsn' }), 404, 'another network');
  assertProblem(await move('nothing-here', 'up'), 404, 'no such registration');
  assertProblem(await call('POST', '/api/dashboard/registrations/test-line-eli/move', { body: { direction: 'up' } }), 401, 'signed out');
  assert.deepEqual(await line(), [['Béa', 1], ['Dédé', 2], ['Éli', 3], ['Fatou', 4]]);
});

test('moves sent together never break the line: each either happens whole or is refused', async () => {
  const answers = await Promise.all([
    move('test-line-fatou', 'up'),
    move('test-line-fatou', 'up'),
    move('test-line-eli', 'down'),
    move('test-line-bea', 'down'),
  ]);
  for (const a of answers) assert.ok([200, 409].includes(a.status), `${a.status}: ${a.text}`);
  const now = await line();
  // Still a line: four people, positions 1 to 4, arrivals unique and each position where the
  // arrivals put it.
  assert.deepEqual(now.map(([, p]) => p), [1, 2, 3, 4]);
  assert.deepEqual(now.map(([name]) => name).sort(), ['Béa', 'Dédé', 'Fatou', 'Éli'].sort());
  const arrivals = sql(`SELECT arrival FROM registration WHERE edition_id = ${q(EDITION)}`).map((r) => r.arrival);
  assert.equal(new Set(arrivals).size, arrivals.length);
  assert.ok(arrivals.every((a) => a > 0), `no arrival left aside: ${arrivals}`);
  // Every move that happened left two history entries, and none that was refused did.
  const happened = answers.filter((a) => a.status === 200).length;
  assert.ok(happened >= 1, 'at least the first move happens');
  assert.deepEqual(sql(`SELECT count(*) AS n FROM registration_event WHERE edition_id = ${q(EDITION)} AND kind = 'moved'`), [{ n: 4 + 2 * happened }]);
});

test('the next free place goes to whoever is first in the line as moved', async () => {
  const [first, second] = await line();
  // Put the second first, then free Ana's place.
  const secondId = PEOPLE.find(([, name]) => name === second[0])[0];
  ok(await move(secondId, 'up'));
  ok(await call('POST', '/api/dashboard/registrations/test-line-ana/decision', { as: 'hub', body: { decision: 'cancel_by_coordinator', reason: 'their_request' } }));
  assert.deepEqual(sql(`SELECT status FROM registration WHERE id = ${q(secondId)}`), [{ status: 'confirmed' }]);
  const firstId = PEOPLE.find(([, name]) => name === first[0])[0];
  assert.deepEqual(sql(`SELECT status FROM registration WHERE id = ${q(firstId)}`), [{ status: 'waitlisted' }]);
  assert.deepEqual((await line()).map(([, p]) => p), [1, 2, 3]);
});
