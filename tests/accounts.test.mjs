// Coordinators' accounts against the real local stack (workerd with D1 and KV): sign-in,
// sessions, roles, CSRF, and the decisions they allow. The first administrator is created
// by the documented one-time command, as on a new installation; everyone else joins by
// invitation, from the link in their message (tests/accounts.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetch } from './client.mjs';
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { STATE, sql } from './state.mjs';
import { inviteAndJoin } from './accounts.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const ROOT = new URL('../', import.meta.url).pathname;
const ADMIN = { email: 'admin.test@example.org', password: 'a long admin passphrase' };
const EDITION = 'test-accounts-application';
const OFFERING = 'emancipasso-formation';
let NETWORK;
let OTHER_NETWORK;

let address = 0;
async function call(method, path, { session, body, csrf = session?.csrf, headers = {}, from } = {}) {
  address += 1;
  const res = await fetch(BASE + path, {
    method,
    headers: {
      // A new client address each time, unless the test says which.
      'CF-Connecting-IP': from ?? `172.16.${address >> 8}.${address & 255}`,
      'Accept-Language': 'en',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(session ? { Cookie: `__Host-relais_session=${session.token}` } : {}),
      ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, type: res.headers.get('content-type') ?? '' };
}

async function login(email, password) {
  const res = await call('POST', '/api/auth/login', { body: { email, password } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const cookie = res.headers.get('set-cookie');
  return { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(cookie)[1], csrf: res.body.csrf_token, cookie, account: res.body.account };
}

const sessions = {};
const ids = {};

before(async () => {
  assert.ok(STATE, 'RELAIS_TEST_STATE is set by scripts/test');
  execFileSync('bash', [`${ROOT}scripts/create-admin`, ADMIN.email, 'Admin Test', '--persist-to', STATE],
    { env: { ...process.env, RELAIS_ADMIN_PASSWORD: ADMIN.password }, stdio: 'ignore' });
  sessions.admin = await login(ADMIN.email, ADMIN.password);
  // The offering's network (a test network when the demo gives it none), and a second one
  // whose coordinator must reach nothing of it; administrators create networks empty.
  const network = async (id, name) => {
    const created = await call('POST', '/api/admin/networks', { session: sessions.admin, body: { id, name, description: { fr: name, en: name } } });
    assert.ok([201, 409].includes(created.status), JSON.stringify(created.body));
    return id;
  };
  if (!sql(`SELECT network_id FROM offering WHERE id = '${OFFERING}'`)[0].network_id) {
    await network('test-accounts', 'Test accounts');
    sql(`UPDATE offering SET network_id = 'test-accounts' WHERE id = '${OFFERING}' AND network_id IS NULL`);
  }
  NETWORK = sql(`SELECT network_id FROM offering WHERE id = '${OFFERING}'`)[0].network_id;
  OTHER_NETWORK = sql(`SELECT id FROM network WHERE id != '${NETWORK}' ORDER BY id LIMIT 1`)[0]?.id
    ?? await network('test-accounts-other', 'Test accounts (other)');
  assert.ok(NETWORK && OTHER_NETWORK, 'two networks');
  // Each account joins by invitation, setting its own password from the link it was sent.
  for (const [role, network] of [['coordinator', NETWORK], ['facilitator', NETWORK], ['other', OTHER_NETWORK]]) {
    const joined = await inviteAndJoin(call, sessions.admin, network, {
      email: `${role}@example.org`, name: `A ${role}`, role: role === 'other' ? 'coordinator' : role, password: `${role} passphrase 2026`,
    });
    sessions[role] = joined.session;
  }
  // An application-mode edition with two places and three applicants, one in the priority group.
  sql(`DELETE FROM outbox WHERE edition_id = '${EDITION}'; DELETE FROM registration_event WHERE edition_id = '${EDITION}';
       DELETE FROM registration WHERE edition_id = '${EDITION}'; DELETE FROM edition WHERE id = '${EDITION}';
       INSERT INTO edition (id, offering_id, registration_mode, capacity, format, starts_at, ends_at, questions)
       VALUES ('${EDITION}', '${OFFERING}', 'application', 2, 'in_person', '2031-03-03T08:00:00Z', '2031-03-03T16:00:00Z',
               '[{"id":"chatons","label":{"fr":"CHATONS ?","en":"CHATONS?"},"priority":true}]');
       INSERT INTO session (id, edition_id, starts_at, ends_at, zone)
       VALUES ('${EDITION}-s1', '${EDITION}', '2031-03-03T08:00:00Z', '2031-03-03T16:00:00Z', 'Europe/Paris');`);
  for (const [who, chatons] of [['first', 'no'], ['second', 'no'], ['member', 'yes']]) {
    const res = await call('POST', `/api/editions/${EDITION}/registrations`, {
      body: { name: who, email: `${who}.applicant@example.org`, lang: 'fr', zone: 'Europe/Paris', consent: true, organisation: `Chatons ${who}`, answers: { chatons } },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
  for (const r of sql(`SELECT id, name FROM registration WHERE edition_id = '${EDITION}'`)) ids[r.name] = r.id;
});

after(() => sql(`DELETE FROM outbox WHERE edition_id = '${EDITION}'; DELETE FROM registration_event WHERE edition_id = '${EDITION}';
  DELETE FROM registration WHERE edition_id = '${EDITION}'; DELETE FROM edition WHERE id = '${EDITION}';`));

test('signing in sets an HttpOnly, Secure, SameSite=Strict, __Host- session; a wrong password says nothing more', async () => {
  const { cookie, account } = sessions.admin;
  assert.match(cookie, /^__Host-relais_session=[0-9a-f]{64}; /);
  assert.match(cookie, /; Path=\/;/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /Secure/);
  assert.match(cookie, /SameSite=Strict/);
  assert.match(cookie, /Max-Age=43200/);
  assert.doesNotMatch(cookie, /Domain=/i);
  assert.equal(account.administrator, true);
  assert.deepEqual(account.networks, []);
  assert.deepEqual(sessions.coordinator.account.networks.map((n) => [n.network_id, n.role]), [[NETWORK, 'coordinator']]);
  assert.equal(account.password_hash, undefined);
  const me = await call('GET', '/api/auth/me', { session: sessions.coordinator });
  assert.equal(me.status, 200);
  assert.equal(me.body.account.email, 'coordinator@example.org');
  assert.equal(me.headers.get('cache-control'), 'private, no-store');
  for (const body of [{ email: ADMIN.email, password: 'not the password' }, { email: 'nobody@example.org', password: ADMIN.password }]) {
    const refused = await call('POST', '/api/auth/login', { body });
    assert.equal(refused.status, 401);
    assert.match(refused.type, /^application\/problem\+json/);
    assert.equal(refused.headers.get('set-cookie'), null);
  }
  const [stored] = sql(`SELECT password_hash FROM account WHERE email = '${ADMIN.email}'`);
  assert.match(stored.password_hash, /^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  // The one-time command does not make a second administrator.
  assert.throws(() => execFileSync('bash', [`${ROOT}scripts/create-admin`, 'other@example.org', 'Other', '--persist-to', STATE],
    { env: { ...process.env, RELAIS_ADMIN_PASSWORD: 'another long passphrase' }, stdio: 'ignore' }));
});

test('every back-office route refuses anonymous, forged, expired and revoked sessions, the wrong role and a missing CSRF token, and changes nothing', async () => {
  const snapshot = () => sql(`SELECT (SELECT group_concat(status, ',') FROM (SELECT status FROM registration WHERE edition_id = '${EDITION}' ORDER BY arrival)) AS statuses,
    (SELECT count(*) FROM registration_event) AS events, (SELECT count(*) FROM outbox) AS messages, (SELECT count(*) FROM account) AS accounts,
    (SELECT count(*) FROM account WHERE disabled_at IS NOT NULL OR sessions_revoked_at IS NOT NULL) AS disabled,
    (SELECT group_concat(account_id || ':' || network_id || ':' || role, ',') FROM membership) AS memberships,
    (SELECT count(*) FROM account_link) AS links, (SELECT count(*) FROM network) AS networks, (SELECT count(*) FROM audit) AS audit,
    (SELECT group_concat(attempts || ':' || ifnull(failed_at, '') || ':' || ifnull(next_attempt_at, ''), ',') FROM outbox) AS attempts`)[0];
  const before = snapshot();
  // A facilitator reads the people of the editions they facilitate only (none here).
  const routes = [
    { method: 'GET', path: '/api/coordinator/editions', facilitator: 200 },
    { method: 'GET', path: `/api/coordinator/editions/${EDITION}/registrations`, facilitator: 404 },
    { method: 'GET', path: '/api/coordinator/outbox' },
    { method: 'POST', path: `/api/coordinator/registrations/${ids.first}/decision`, body: { decision: 'accept' }, changes: true },
    { method: 'GET', path: `/api/networks/${NETWORK}/members` },
    { method: 'POST', path: `/api/networks/${NETWORK}/invitations`, body: { email: 'x@example.org', role: 'facilitator' }, changes: true },
    { method: 'PUT', path: `/api/networks/${NETWORK}/members/${sessions.facilitator.account.id}`, body: { role: 'coordinator' }, changes: true },
    // Any account may leave a network; someone else's membership is not found.
    { method: 'DELETE', path: `/api/networks/${NETWORK}/members/${sessions.coordinator.account.id}`, changes: true, facilitator: 404 },
    { method: 'GET', path: '/api/admin/networks', admin: true },
    { method: 'POST', path: '/api/admin/networks', body: { id: 'x-network', name: 'X' }, changes: true, admin: true },
    { method: 'POST', path: '/api/admin/invitations', body: { email: 'x@example.org', administrator: true }, changes: true, admin: true },
    { method: 'POST', path: `/api/admin/accounts/${sessions.facilitator.account.id}/disable`, changes: true, admin: true },
    { method: 'POST', path: `/api/admin/accounts/${sessions.facilitator.account.id}/enable`, changes: true, admin: true },
    { method: 'GET', path: '/api/admin/outbox?state=failed', admin: true },
    { method: 'POST', path: '/api/admin/outbox/1/retry', changes: true, admin: true },
  ];
  // A session that has expired: as the Worker stores one, with its end in the past.
  const expiredToken = randomBytes(32).toString('hex');
  const digest = createHash('sha256').update(expiredToken).digest('hex');
  const coordinatorId = sql(`SELECT id FROM account WHERE email = 'coordinator@example.org'`)[0].id;
  execFileSync('wrangler', ['kv', 'key', 'put', `session:${digest}`,
    JSON.stringify({ account_id: coordinatorId, csrf: 'c', expires_at_ms: Date.now() - 1000 }),
    '--binding', 'KV', '--local', '--persist-to', STATE], { stdio: 'ignore' });
  // A session signed out: revoked.
  const revoked = await login('coordinator@example.org', 'coordinator passphrase 2026');
  assert.equal((await call('POST', '/api/auth/logout', { session: revoked })).status, 204);

  for (const route of routes) {
    const send = (options) => call(route.method, route.path, { body: route.body, ...options });
    const label = `${route.method} ${route.path}`;
    assert.equal((await send({})).status, 401, `${label} anonymous`);
    assert.equal((await send({ session: { token: randomBytes(32).toString('hex'), csrf: 'x' } })).status, 401, `${label} forged`);
    assert.equal((await send({ session: { token: 'not-a-token', csrf: 'x' } })).status, 401, `${label} malformed`);
    assert.equal((await send({ session: { token: expiredToken, csrf: 'c' } })).status, 401, `${label} expired`);
    assert.equal((await send({ session: revoked })).status, 401, `${label} revoked`);
    const facilitator = await send({ session: sessions.facilitator });
    assert.equal(facilitator.status, route.facilitator ?? 403, `${label} facilitator`);
    if (facilitator.status === 200) assert.ok(!JSON.stringify(facilitator.body).includes(EDITION), `${label} facilitator sees nothing of it`);
    else assert.match(facilitator.type, /^application\/problem\+json/);
    if (route.admin) assert.equal((await send({ session: sessions.coordinator })).status, 403, `${label} coordinator`);
    if (route.changes) {
      const who = route.admin ? sessions.admin : sessions.coordinator;
      const noToken = await send({ session: who, csrf: null });
      assert.equal(noToken.status, 403, `${label} without CSRF token`);
      assert.equal(noToken.body.errors[0].field, 'X-CSRF-Token');
      assert.equal((await send({ session: who, csrf: 'wrong' })).status, 403, `${label} wrong CSRF token`);
    }
  }
  assert.deepEqual(snapshot(), before, 'nothing changed');
});

test('a coordinator of another network is refused everything of this one: not found, nothing changed, nothing revealed', async () => {
  const snapshot = () => sql(`SELECT (SELECT group_concat(status || ':' || ifnull(capacity, ''), ',') FROM (SELECT r.status, e.capacity FROM registration r
      JOIN edition e ON e.id = r.edition_id WHERE r.edition_id = '${EDITION}' ORDER BY r.arrival)) AS statuses,
    (SELECT count(*) FROM registration_event) AS events, (SELECT count(*) FROM outbox) AS messages`)[0];
  const before = snapshot();
  const other = sessions.other;
  const notFound = async (method, path, body) => {
    const res = await call(method, path, { session: other, body });
    assert.equal(res.status, 404, `${method} ${path}`);
    assert.match(res.type, /^application\/problem\+json/);
    // The same answer as for an id that does not exist.
    const missing = await call(method, path.replace(/(registrations|editions)\/[^/]+/, '$1/no-such-id'), { session: other, body });
    assert.deepEqual({ ...res.body, instance: undefined }, { ...missing.body, instance: undefined }, `${method} ${path} tells nothing more`);
  };
  await notFound('GET', `/api/coordinator/editions/${EDITION}/registrations`);
  await notFound('PUT', `/api/coordinator/editions/${EDITION}/capacity`, { capacity: 50 });
  for (const id of Object.values(ids)) {
    for (const decision of ['accept', 'decline', 'waitlist']) {
      await notFound('POST', `/api/coordinator/registrations/${id}/decision`, { decision });
    }
    await notFound('POST', `/api/coordinator/registrations/${id}/decision`, { decision: 'remove', reason: 'other' });
  }
  const editions = await call('GET', '/api/coordinator/editions', { session: other });
  assert.equal(editions.status, 200);
  const ofThisNetwork = sql(`SELECT e.id FROM edition e JOIN offering o ON o.id = e.offering_id WHERE o.network_id = '${NETWORK}'`).map((r) => r.id);
  assert.ok(editions.body.every((e) => !ofThisNetwork.includes(e.id)), 'no edition of the other network listed');
  for (const path of ['/api/coordinator/outbox', `/api/coordinator/outbox?edition=${EDITION}`]) {
    const outbox = await call('GET', path, { session: other });
    assert.equal(outbox.status, 200);
    assert.ok(outbox.body.every((m) => !ofThisNetwork.includes(m.edition_id)), `${path}: no message of the other network`);
    assert.ok(!JSON.stringify(outbox.body).includes('applicant@example.org'));
  }
  assert.deepEqual(snapshot(), before, 'nothing changed');
});

test('a facilitator reads the people of the editions they facilitate, and decides nothing', async () => {
  const person = sql(`SELECT person_id FROM offering_person WHERE offering_id = '${OFFERING}' LIMIT 1`)[0].person_id;
  sql(`UPDATE account SET person_id = '${person}' WHERE email = 'facilitator@example.org'`);
  try {
    const list = await call('GET', `/api/coordinator/editions/${EDITION}/registrations`, { session: sessions.facilitator });
    assert.equal(list.status, 200);
    assert.equal(list.body.registrations.length, 3);
    const editions = await call('GET', '/api/coordinator/editions', { session: sessions.facilitator });
    assert.ok(editions.body.some((e) => e.id === EDITION));
    const facilitated = sql(`SELECT DISTINCT e.id FROM edition e JOIN offering_person op ON op.offering_id = e.offering_id WHERE op.person_id = '${person}'`).map((r) => r.id);
    assert.ok(editions.body.every((e) => facilitated.includes(e.id)), 'only the editions they facilitate');
    const decided = await call('POST', `/api/coordinator/registrations/${ids.first}/decision`, { session: sessions.facilitator, body: { decision: 'accept' } });
    assert.equal(decided.status, 403);
    assert.equal((await call('GET', '/api/coordinator/outbox', { session: sessions.facilitator })).status, 403);
  } finally {
    sql(`UPDATE account SET person_id = NULL WHERE email = 'facilitator@example.org'`);
  }
});

test('coordinators see applications with the priority group first, accept up to capacity, decline, and each applicant is told', async () => {
  const list = await call('GET', `/api/coordinator/editions/${EDITION}/registrations`, { session: sessions.coordinator });
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.registrations.map((r) => r.name), ['member', 'first', 'second']);
  assert.deepEqual(list.body.edition, { id: EDITION, registration_mode: 'application', capacity: 2, places_taken: 0, waiting: 0 });
  const editions = await call('GET', '/api/coordinator/editions?lang=fr', { session: sessions.coordinator });
  assert.equal(editions.status, 200);
  const listed = editions.body.find((e) => e.id === EDITION);
  assert.deepEqual([listed.registration_mode, listed.capacity, listed.places_taken, listed.waiting, listed.applied],
    ['application', 2, 0, 0, 3]);
  assert.equal(listed.offering_title.lang, 'fr');
  assert.ok(editions.body.every((e) => ['open', 'application'].includes(e.registration_mode)), 'only editions that take registrations here');

  const decide = (id, decision) => call('POST', `/api/coordinator/registrations/${id}/decision`, { session: sessions.coordinator, body: { decision } });
  assert.equal((await decide(ids.member, 'accept')).body.status, 'accepted');
  assert.equal((await decide(ids.first, 'accept')).body.status, 'accepted');
  const full = await decide(ids.second, 'accept');
  assert.equal(full.status, 409, 'acceptance stops at capacity');
  assert.equal((await decide(ids.second, 'waitlist')).body.status, 'waitlisted');
  assert.equal((await decide(ids.second, 'decline')).body.status, 'declined');
  assert.equal((await decide(ids.second, 'decline')).status, 409, 'nothing left to decide');
  assert.equal((await decide(ids.first, 'maybe')).status, 400);
  const taken = sql(`SELECT count(*) AS n FROM registration WHERE edition_id = '${EDITION}' AND status IN ('confirmed', 'accepted')`)[0].n;
  assert.equal(taken, 2);

  // Each decision is in the history with who took it, and each applicant gets a message.
  const events = sql(`SELECT e.kind, e.actor IS NOT NULL AS by_staff FROM registration_event e WHERE e.edition_id = '${EDITION}' ORDER BY e.id`);
  assert.deepEqual(events.map((e) => e.kind), ['applied', 'applied', 'applied', 'accepted', 'accepted', 'waitlisted', 'declined']);
  assert.ok(events.slice(3).every((e) => e.by_staff === 1));
  let outbox;
  for (let i = 0; i < 50; i++) {
    outbox = await call('GET', `/api/coordinator/outbox?edition=${EDITION}`, { session: sessions.coordinator });
    if (outbox.body.length === 7 && outbox.body.every((m) => m.sent_at)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.deepEqual(outbox.body.map((m) => m.kind).reverse(), ['applied', 'applied', 'applied', 'accepted', 'accepted', 'waitlisted', 'declined']);
  const accepted = outbox.body.find((m) => m.kind === 'accepted');
  assert.match(accepted.subject, /^Candidature retenue : /);
  assert.ok(outbox.body.every((m) => !/manage\/[0-9a-f]{48}/.test(m.body ?? '')), 'no manage link in what coordinators read');
});

test('sign-in failures are limited per account and address, and the account itself still signs in from elsewhere', async () => {
  // Counts go by quarter of an hour: if one turns during the attempts, try again from a new address.
  let statuses;
  for (let round = 1; ; round++) {
    const quarter = Math.floor(Date.now() / 900_000);
    statuses = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await call('POST', '/api/auth/login', { from: `198.51.100.${round}`, body: { email: 'facilitator@example.org', password: `wrong ${i}` } })).status);
    }
    if (quarter === Math.floor(Date.now() / 900_000) || round === 3) break;
  }
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
  const elsewhere = await call('POST', '/api/auth/login', { body: { email: 'facilitator@example.org', password: 'facilitator passphrase 2026' } });
  assert.equal(elsewhere.status, 200, 'the owner, from another address, is not locked out');
});

test('administrators disable an account, which ends its sessions at once, and enable it again', async () => {
  const open = await login('coordinator@example.org', 'coordinator passphrase 2026');
  const id = open.account.id;
  assert.equal((await call('GET', '/api/auth/me', { session: open })).status, 200);
  const disabled = await call('POST', `/api/admin/accounts/${id}/disable`, { session: sessions.admin });
  assert.equal(disabled.status, 200, JSON.stringify(disabled.body));
  assert.equal(disabled.body.id, id);
  assert.match(disabled.body.disabled_at, /^\d{4}-\d\d-\d\dT/);
  assert.equal(disabled.body.password_hash, undefined);
  assert.equal((await call('GET', '/api/auth/me', { session: open })).status, 401, 'the open session ended');
  assert.equal((await call('GET', '/api/auth/me', { session: sessions.coordinator })).status, 401, 'every session ended');
  const refused = await call('POST', '/api/auth/login', { body: { email: 'coordinator@example.org', password: 'coordinator passphrase 2026' } });
  assert.equal(refused.status, 401);

  const enabled = await call('POST', `/api/admin/accounts/${id}/enable`, { session: sessions.admin });
  assert.equal(enabled.status, 200);
  assert.equal(enabled.body.disabled_at, null);
  assert.equal((await call('GET', '/api/auth/me', { session: open })).status, 401, 'ended sessions stay ended');
  sessions.coordinator = await login('coordinator@example.org', 'coordinator passphrase 2026');
  assert.equal((await call('GET', '/api/auth/me', { session: sessions.coordinator })).status, 200);

  const own = await call('POST', `/api/admin/accounts/${sessions.admin.account.id}/disable`, { session: sessions.admin });
  assert.equal(own.status, 409, 'not their own account');
  assert.match(own.type, /^application\/problem\+json/);
  assert.equal((await call('POST', '/api/admin/accounts/acc-nobody/disable', { session: sessions.admin })).status, 404);
  assert.equal((await call('GET', '/api/auth/me', { session: sessions.admin })).status, 200);
});
