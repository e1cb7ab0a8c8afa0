// Writing to the people of an edition, against the real local stack: how many an audience
// reaches, one message per person in their language with the sessions on their clock (read
// from the outbox), the audit entry, refusals in the caller's language, a double send that
// sends once, the network's messages with a failed one sent again, the desk's summary,
// another network's coordinator finding none of it — and a message to the list the people
// page's filter keeps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetch } from './client.mjs';
import { STATE, sql, staffSql } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;

const STAFF = {
  ggsn: { id: 'acc-test-ann-ggsn', email: 'announce.ggsn@example.org', name: 'Coordinatrice annonces', password: 'ggsn announce passphrase' },
  hub: { id: 'acc-test-ann-hub', email: 'announce.hub@example.org', name: 'Coordinateur Hub', password: 'hub announce passphrase' },
  facilitator: { id: 'acc-test-ann-fac', email: 'announce.fac@example.org', name: 'Animatrice', password: 'facilitator announce passphrase', role: 'facilitator' },
};
const OFFERING = 'test-ann-offering';
const EDITION = 'test-ann-edition';
const EMPTY = 'test-ann-empty';
// 16:00–17:30 UTC: 17 h – 18 h 30 in Lagos, 9:30 – 11:00 PM in Kolkata.
const SESSION = { id: 'test-ann-s1', starts: '2027-06-01T16:00:00Z', ends: '2027-06-01T17:30:00Z' };
const PEOPLE = [
  { id: 'test-ann-fr', name: 'Adaeze', lang: 'fr', zone: 'Africa/Lagos', status: 'confirmed' },
  { id: 'test-ann-en', name: 'Priya', lang: 'en', zone: 'Asia/Kolkata', status: 'accepted' },
  { id: 'test-ann-wait', name: 'Maya', lang: 'en', zone: 'America/Toronto', status: 'waitlisted' },
  { id: 'test-ann-applied', name: 'Léa', lang: 'fr', zone: 'Europe/Paris', status: 'applied' },
  { id: 'test-ann-gone', name: 'Tom', lang: 'en', zone: 'Europe/London', status: 'cancelled' },
];
const MESSAGE = {
  subject: { fr: 'La salle change', en: 'The room changes' },
  body: { fr: 'Rendez-vous salle 4 pour la prochaine séance.', en: 'See you in room 4 for the next session.' },
  audience: 'with_place',
  include_sessions: true,
};

let GGSN;
let HUB;
const sessions = {};
let address = 0;

async function call(method, path, { as, body, lang = 'en' } = {}) {
  address += 1;
  const session = as && sessions[as];
  const res = await fetch(BASE + path, {
    method,
    headers: {
      'CF-Connecting-IP': `172.19.${address >> 8}.${address & 255}`,
      'Accept-Language': lang,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(session ? { Cookie: `__Host-relais_session=${session.token}` } : {}),
      ...(session && method !== 'GET' ? { 'X-CSRF-Token': session.csrf } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, text, body: /json/.test(type) && text ? JSON.parse(text) : null };
}

function expectOk(res, status = 200) {
  assert.equal(res.status, status, `${res.status}: ${res.text}`);
  return res.body;
}

function assertProblem(res, status, what) {
  assert.equal(res.status, status, `${what}: ${res.status} ${res.text}`);
  assert.match(res.type, /^application\/problem\+json/, what);
  assert.equal(res.body.status, status, what);
}

async function loginWithCookie(who) {
  const { email, password } = STAFF[who];
  address += 1;
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `172.19.9.${address & 255}` },
    body: JSON.stringify({ email, password }),
  });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  const body = JSON.parse(text);
  sessions[who] = { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(res.headers.get('set-cookie'))[1], csrf: body.csrf_token };
}

/** Waits for the rows `query` selects to satisfy `done` (messages go out after the answer). */
async function rows(query, done, what) {
  for (let i = 0; i < 40; i++) {
    const found = sql(query);
    if (done(found)) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail(`never had ${what}: ${JSON.stringify(sql(query))}`);
}

const plain = (s) => (s ?? '').replace(/[\u2068\u2069]/g, '').replace(/[\u00a0\u202f]/g, ' ');

function cleanUp() {
  const editions = `${q(EDITION)}, ${q(EMPTY)}`;
  sql(`DELETE FROM outbox WHERE edition_id IN (${editions});
       DELETE FROM announcement WHERE edition_id IN (${editions});
       DELETE FROM registration WHERE edition_id IN (${editions});
       DELETE FROM session WHERE edition_id IN (${editions});
       DELETE FROM edition WHERE id IN (${editions});
       DELETE FROM offering WHERE id = ${q(OFFERING)};
       DELETE FROM account WHERE id IN (${Object.values(STAFF).map((s) => q(s.id)).join(', ')});`);
}

before(async () => {
  assert.ok(STATE, 'RELAIS_TEST_STATE is set by scripts/test');
  const networks = sql('SELECT id FROM network ORDER BY id').map((n) => n.id);
  GGSN = networks.find((id) => /ggsn/i.test(id));
  HUB = networks.find((id) => /hub/i.test(id));
  assert.ok(GGSN && HUB, `the demo's networks: ${networks}`);
  cleanUp();
  const soon = new Date(Date.now() + 2 * 24 * 3600 * 1000);
  soon.setUTCMinutes(0, 0, 0);
  const soonEnd = new Date(soon.getTime() + 3600 * 1000);
  sql(`INSERT INTO offering (id, kind, title, summary, description, format, network_id, state)
         VALUES (${q(OFFERING)}, 'workshop', '{"fr":"Atelier des annonces","en":"Announcements workshop"}', '{}', '{}', 'online', ${q(GGSN)}, 'published');
       INSERT INTO edition (id, offering_id, registration_mode, format, state, starts_at)
         VALUES (${q(EDITION)}, ${q(OFFERING)}, 'application', 'online', 'published', ${q(SESSION.starts)}),
                (${q(EMPTY)}, ${q(OFFERING)}, 'open', 'online', 'published', NULL);
       INSERT INTO session (id, edition_id, starts_at, ends_at, zone)
         VALUES (${q(SESSION.id)}, ${q(EDITION)}, ${q(SESSION.starts)}, ${q(SESSION.ends)}, 'Africa/Lagos'),
                ('test-ann-soon', ${q(EDITION)}, ${q(soon.toISOString().replace('.000', ''))}, ${q(soonEnd.toISOString().replace('.000', ''))}, 'Africa/Lagos');
       INSERT INTO session (id, edition_id, starts_at, ends_at, zone, cancelled_at)
         VALUES ('test-ann-cancelled', ${q(EDITION)}, '2027-06-08T16:00:00Z', '2027-06-08T17:30:00Z', 'Africa/Lagos', '2026-01-01T00:00:00Z');
       ${PEOPLE.map((p, i) => `INSERT INTO registration (id, edition_id, email, name, lang, zone, status, arrival, consented_at, created_at, origin)
         VALUES (${q(p.id)}, ${q(EDITION)}, ${q(`${p.id}@example.org`)}, ${q(p.name)}, ${q(p.lang)}, ${q(p.zone)}, ${q(p.status)}, ${i + 1}, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ${q(BASE)});`).join('\n')}`);
  sql(staffSql({ ...STAFF.ggsn, networks: [GGSN] }));
  sql(staffSql({ ...STAFF.hub, networks: [HUB] }));
  sql(staffSql({ ...STAFF.facilitator, networks: [GGSN] }));
  for (const who of Object.keys(STAFF)) await loginWithCookie(who);
});

after(() => cleanUp());

test('the count of recipients follows the registrations\' statuses', async () => {
  const count = async (audience) => expectOk(await call('GET', `/api/dashboard/editions/${EDITION}/recipients${audience ? `?audience=${audience}` : ''}`, { as: 'ggsn' }));
  assert.deepEqual(await count(), { audience: 'active', recipients: 4 });
  assert.deepEqual(await count('active'), { audience: 'active', recipients: 4 });
  assert.deepEqual(await count('with_place'), { audience: 'with_place', recipients: 2 });
  assert.deepEqual(await count('waiting'), { audience: 'waiting', recipients: 1 });
  const unknown = await call('GET', `/api/dashboard/editions/${EDITION}/recipients?audience=everyone`, { as: 'ggsn', lang: 'fr' });
  assertProblem(unknown, 400, 'an unknown audience');
  assert.equal(unknown.body.errors[0].field, 'audience');
  assert.match(unknown.body.errors[0].message, /Destinataires inconnus/);
});

test('refusals name each field in the caller\'s language, and nobody to send to is refused', async () => {
  const before = sql('SELECT count(*) AS n FROM outbox')[0].n;
  const half = await call('POST', `/api/dashboard/editions/${EDITION}/announcements`, {
    as: 'ggsn', lang: 'fr', body: { subject: { fr: 'Sujet' }, body: { en: 'Only English' }, audience: 'active' },
  });
  assertProblem(half, 400, 'a language missing');
  assert.deepEqual(half.body.errors.map((e) => [e.field, e.code]).sort(), [['body.fr', 'required'], ['subject.en', 'required']]);
  assert.ok(half.body.errors.every((e) => /obligatoire/.test(e.message)), JSON.stringify(half.body.errors));
  const nobody = await call('POST', `/api/dashboard/editions/${EMPTY}/announcements`, { as: 'ggsn', body: { ...MESSAGE, key: 'nobody-1' } });
  assertProblem(nobody, 400, 'nobody to send to');
  assert.deepEqual(nobody.body.errors.map((e) => [e.field, e.code]), [['audience', 'no-recipients']]);
  assert.match(nobody.body.errors[0].message, /Nobody would receive/);
  assert.equal(sql('SELECT count(*) AS n FROM outbox')[0].n, before, 'nothing queued');
  assert.equal(sql(`SELECT count(*) AS n FROM announcement WHERE edition_id IN (${q(EDITION)}, ${q(EMPTY)})`)[0].n, 0);
});

test('each person with a place gets one message, in their language, with the sessions on their clock; the audit records it; a double send sends once', async () => {
  const body = { ...MESSAGE, key: 'double-click-1' };
  const [first, second] = await Promise.all([
    call('POST', `/api/dashboard/editions/${EDITION}/announcements`, { as: 'ggsn', body }),
    call('POST', `/api/dashboard/editions/${EDITION}/announcements`, { as: 'ggsn', body }),
  ]);
  const sent = expectOk(first, 202);
  assert.equal(sent.recipients, 2);
  assert.deepEqual(expectOk(second, 202), sent, 'the same announcement');
  const again = expectOk(await call('POST', `/api/dashboard/editions/${EDITION}/announcements`, { as: 'ggsn', body }), 202);
  assert.deepEqual(again, sent);
  assert.equal(sql(`SELECT count(*) AS n FROM announcement WHERE edition_id = ${q(EDITION)}`)[0].n, 1);

  const messages = await rows(
    `SELECT registration_id, kind, lang, subject, body, sent_at, manage_url FROM outbox WHERE announcement_id = ${q(sent.id)} ORDER BY registration_id`,
    (found) => found.length === 2 && found.every((m) => m.sent_at), 'both messages sent');
  assert.deepEqual(messages.map((m) => m.registration_id), ['test-ann-en', 'test-ann-fr'], 'those with a place, once each');
  const [en, fr] = messages;
  assert.equal(en.kind, 'announcement');
  assert.equal(en.lang, 'en');
  assert.equal(en.subject, 'The room changes');
  assert.match(plain(en.body), /Priya/);
  assert.match(plain(en.body), /See you in room 4/);
  assert.match(plain(en.body), /Asia\/Kolkata/);
  assert.match(plain(en.body), /Tuesday, June 1, 2027, 9:30 PM – 11:00 PM/);
  assert.doesNotMatch(en.body, /room 4.*salle 4|Rendez-vous/s, 'only their language');
  assert.doesNotMatch(plain(en.body), /June 8/, 'a cancelled session is not listed');
  assert.equal(fr.lang, 'fr');
  assert.equal(fr.subject, 'La salle change');
  assert.match(plain(fr.body), /Rendez-vous salle 4/);
  assert.match(plain(fr.body), /Africa\/Lagos/);
  assert.match(plain(fr.body), /17 h – 18 h 30/);
  assert.equal(fr.manage_url, null);

  const audit = sql(`SELECT network_id, account_id, action FROM audit WHERE entity = 'announcement' AND entity_id = ${q(sent.id)}`);
  assert.deepEqual(audit, [{ network_id: GGSN, account_id: STAFF.ggsn.id, action: 'sent' }]);

  // Another key is another announcement: to those waiting, without the sessions.
  const waiting = expectOk(await call('POST', `/api/dashboard/editions/${EDITION}/announcements`, {
    as: 'ggsn', body: { ...MESSAGE, audience: 'waiting', include_sessions: false, key: 'waiting-1' },
  }), 202);
  assert.equal(waiting.recipients, 1);
  const [toWaiting] = await rows(`SELECT registration_id, body, sent_at FROM outbox WHERE announcement_id = ${q(waiting.id)}`,
    (found) => found.length === 1 && found[0].sent_at, 'the message to those waiting');
  assert.equal(toWaiting.registration_id, 'test-ann-wait');
  assert.doesNotMatch(plain(toWaiting.body), /June 1, 2027/);
});

test('the network\'s messages show where each stands, never a private link, and a failed one is sent again by its coordinators', async () => {
  const [target] = sql(`SELECT id FROM outbox WHERE registration_id = 'test-ann-fr' AND kind = 'announcement' ORDER BY id LIMIT 1`);
  assert.ok(target, 'a message to fail');
  sql(`UPDATE outbox SET sent_at = NULL, failed_at = '2026-01-01T00:00:00Z', attempts = 20, last_error = 'email service answered 500',
         manage_url = 'https://relais.example/fr/manage/secret' WHERE id = ${target.id}`);
  const list = expectOk(await call('GET', `/api/dashboard/networks/${GGSN}/outbox`, { as: 'ggsn' }));
  const line = list.find((m) => m.id === target.id);
  assert.equal(line.delivery, 'failed');
  assert.equal(line.to, 'Adaeze');
  assert.ok(list.every((m) => !JSON.stringify(m).includes('/manage/')), 'no private link');
  assert.ok(list.some((m) => m.kind === 'announcement' && m.delivery === 'sent'));

  const summary = expectOk(await call('GET', `/api/dashboard/networks/${GGSN}/summary`, { as: 'ggsn' }));
  assert.ok(summary.failed_messages >= 1, JSON.stringify(summary));
  assert.deepEqual(summary.applications.filter((a) => a.edition_id === EDITION).map((a) => a.waiting), [1]);
  assert.ok(summary.sessions.some((s) => s.id === 'test-ann-soon'), 'a session in two days');
  assert.ok(!summary.sessions.some((s) => s.id === 'test-ann-cancelled'));

  const retried = expectOk(await call('POST', `/api/dashboard/networks/${GGSN}/outbox/${target.id}/retry`, { as: 'ggsn' }), 202);
  assert.equal(retried.id, target.id);
  assert.ok(['queued', 'sent'].includes(retried.delivery), retried.delivery);
  await rows(`SELECT sent_at FROM outbox WHERE id = ${target.id}`, (found) => found[0]?.sent_at, 'the retried message sent');
  assert.equal(sql(`SELECT count(*) AS n FROM audit WHERE entity = 'message' AND entity_id = '${target.id}' AND action = 'retried'`)[0].n, 1);
  const twice = await call('POST', `/api/dashboard/networks/${GGSN}/outbox/${target.id}/retry`, { as: 'ggsn', lang: 'fr' });
  assertProblem(twice, 409, 'a message that has not failed');
  assert.match(twice.body.detail, /n’a pas échoué/);
  assertProblem(await call('POST', `/api/dashboard/networks/${GGSN}/outbox/999999999/retry`, { as: 'ggsn' }), 404, 'no such message');
});

test('another network\'s coordinator finds none of it, and a facilitator may not write to people', async () => {
  const [message] = sql(`SELECT id FROM outbox WHERE edition_id = ${q(EDITION)} ORDER BY id LIMIT 1`);
  sql(`UPDATE outbox SET sent_at = NULL, failed_at = '2026-01-01T00:00:00Z' WHERE id = ${message.id}`);
  const before = sql(`SELECT (SELECT count(*) FROM outbox) AS messages, (SELECT count(*) FROM announcement) AS announcements,
    (SELECT count(*) FROM audit) AS audit`)[0];
  const routes = [
    ['GET', `/api/dashboard/editions/${EDITION}/recipients`],
    ['POST', `/api/dashboard/editions/${EDITION}/announcements`, { ...MESSAGE, key: 'hub-1' }],
    ['GET', `/api/dashboard/networks/${GGSN}/outbox`],
    ['GET', `/api/dashboard/networks/${GGSN}/summary`],
    ['POST', `/api/dashboard/networks/${GGSN}/outbox/${message.id}/retry`],
    // Its own network's address, another network's message.
    ['POST', `/api/dashboard/networks/${HUB}/outbox/${message.id}/retry`],
  ];
  for (const [method, path, body] of routes) {
    const res = await call(method, path, { as: 'hub', body });
    assertProblem(res, 404, `hub: ${method} ${path}`);
    const missing = await call(method, path.replace(EDITION, 'test-ann-nothing').replace(`/${GGSN}/`, '/no-such-network/'), { as: 'hub', body });
    assert.equal(missing.status, 404, `the same as a missing one: ${method} ${path}`);
  }
  assertProblem(await call('POST', `/api/dashboard/editions/${EDITION}/announcements`, { as: 'facilitator', body: { ...MESSAGE, key: 'fac-1' } }), 403, 'a facilitator');
  assertProblem(await call('POST', `/api/dashboard/networks/${GGSN}/outbox/${message.id}/retry`, { as: 'facilitator' }), 403, 'a facilitator');
  assertProblem(await call('POST', `/api/dashboard/editions/${EDITION}/announcements`, { body: MESSAGE }), 401, 'nobody signed in');
  const after = sql(`SELECT (SELECT count(*) FROM outbox) AS messages, (SELECT count(*) FROM announcement) AS announcements,
    (SELECT count(*) FROM audit) AS audit`)[0];
  assert.deepEqual(after, before, 'nothing changed');
  assert.equal(sql(`SELECT failed_at IS NOT NULL AS failed FROM outbox WHERE id = ${message.id}`)[0].failed, 1, 'still failed');
});

test('to the list a filter keeps: counted and sent to those people alone, among the audience, with the filter on record', async () => {
  const count = async (query, lang = 'en') => call('GET', `/api/dashboard/editions/${EDITION}/recipients?${query}`, { as: 'ggsn', lang });
  assert.equal(expectOk(await count('audience=active&language=fr')).recipients, 2, 'Adaeze and Léa write in French');
  assert.equal(expectOk(await count('audience=with_place&language=fr')).recipients, 1, 'of them, Adaeze has a place');
  assert.equal(expectOk(await count('audience=active&zone=Asia/Kolkata')).recipients, 1);
  assert.equal(expectOk(await count('audience=active&status=cancelled')).recipients, 0, 'the audience leaves Tom out, filter or not');
  const unknown = await count('audience=active&status=gone', 'fr');
  assertProblem(unknown, 400, 'an unknown status');
  assert.deepEqual(unknown.body.errors.map((e) => e.field), ['status']);
  assertProblem(await call('GET', `/api/dashboard/editions/${EDITION}/recipients?language=fr`, { as: 'hub' }), 404, 'another network, filtered');

  const before = sql(`SELECT count(*) AS n FROM outbox WHERE edition_id = ${q(EDITION)}`)[0].n;
  const nobody = await call('POST', `/api/dashboard/editions/${EDITION}/announcements`, {
    as: 'ggsn', body: { ...MESSAGE, audience: 'active', filter: { status: 'cancelled' }, key: 'filtered-nobody' },
  });
  assertProblem(nobody, 400, 'a filter that keeps nobody in the audience');
  assert.deepEqual(nobody.body.errors.map((e) => [e.field, e.code]), [['audience', 'no-recipients']]);

  const sent = expectOk(await call('POST', `/api/dashboard/editions/${EDITION}/announcements`, {
    as: 'ggsn', body: { ...MESSAGE, audience: 'active', filter: { language: 'en' }, include_sessions: false, key: 'filtered-en' },
  }), 202);
  assert.equal(sent.recipients, 2);
  const messages = await rows(`SELECT registration_id, sent_at FROM outbox WHERE announcement_id = ${q(sent.id)} ORDER BY registration_id`,
    (found) => found.length === 2 && found.every((m) => m.sent_at), 'the filtered list\'s messages sent');
  assert.deepEqual(messages.map((m) => m.registration_id), ['test-ann-en', 'test-ann-wait'], 'Priya and Maya, not Tom who cancelled');
  assert.equal(sql(`SELECT count(*) AS n FROM outbox WHERE edition_id = ${q(EDITION)}`)[0].n, before + 2);
  const [record] = sql(`SELECT filter, recipients FROM announcement WHERE id = ${q(sent.id)}`);
  assert.deepEqual(JSON.parse(record.filter), { language: 'en' });
  assert.equal(record.recipients, 2);
  const [audit] = sql(`SELECT changes FROM audit WHERE entity = 'announcement' AND entity_id = ${q(sent.id)}`);
  assert.deepEqual(JSON.parse(audit.changes).filter, { after: { language: 'en' } });
});
