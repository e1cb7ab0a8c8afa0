// The dashboard's authoring API against the real local stack (workerd with D1 and KV): a
// network's coordinator writes an offering and its edition in two languages, makes sessions
// by a rule across a daylight-saving change (previewed first on other continents' clocks),
// publishes once nothing is missing, starts the next cohort, moves and cancels a session
// that someone registered for — who hears of it, in their language, on their clock — and
// reads the audit. Another network's coordinator reaches none of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fetch } from './client.mjs';
import { STATE, keyHash, sql, staffSql } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
const list = (ids) => ids.map(q).join(', ') || 'NULL';

// A word no demo text has, to find the offering with the catalog's text search.
const MARKER = 'Zéphyrine';
const STAFF = {
  ggsn: { id: 'acc-test-dashboard-ggsn', email: 'dashboard.ggsn@example.org', name: 'Coordinatrice GGSN', password: 'ggsn dashboard passphrase' },
  hub: { id: 'acc-test-dashboard-hub', email: 'dashboard.hub@example.org', name: 'Coordinateur Hub', password: 'hub dashboard passphrase' },
};
const VOLUNTEER = { name: 'Adaeze Okafor', email: 'adaeze.dashboard@example.org', lang: 'fr', zone: 'Africa/Lagos' };

// Every two weeks, Tuesdays at 18:00 in Toronto, five sessions from 2 March 2027: Toronto moves
// to daylight time on Sunday 14 March, between the first session and the second.
const RULE = {
  frequency: { weekly: { weekdays: ['tuesday'] } },
  interval: 2,
  start: '2027-03-02',
  start_time: '18:00',
  duration_minutes: 90,
  zone: 'America/Toronto',
  end: { count: 5 },
};
const DATES = ['2027-03-02', '2027-03-16', '2027-03-30', '2027-04-13', '2027-04-27'];
const STARTS = ['2027-03-02T23:00:00Z', '2027-03-16T22:00:00Z', '2027-03-30T22:00:00Z', '2027-04-13T22:00:00Z', '2027-04-27T22:00:00Z'];

let GGSN;
let HUB;
const createdNetworks = [];
const sessions = {};
// What the tests create, for the Hub's tries and the clean-up.
const made = { offerings: [], editions: [], sessions: [] };
const ids = {};

let address = 0;
async function call(method, path, { as, body, lang = 'en', headers = {} } = {}) {
  address += 1;
  const session = as && sessions[as];
  const res = await fetch(BASE + path, {
    method,
    headers: {
      'CF-Connecting-IP': `172.18.${address >> 8}.${address & 255}`,
      'Accept-Language': lang,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(session ? { Cookie: `__Host-relais_session=${session.token}` } : {}),
      ...(session && method !== 'GET' ? { 'X-CSRF-Token': session.csrf } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, type, text, body: /json/.test(type) && text ? JSON.parse(text) : null };
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

async function login(who) {
  const { email, password } = STAFF[who];
  const res = await call('POST', '/api/auth/login', { body: { email, password } });
  assert.equal(res.status, 200, res.text);
  sessions[who] = { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(res.headers.get('set-cookie'))[1], csrf: res.body.csrf_token };
}

/** The wall clock of `instant` in `zone`, as `YYYY-MM-DD HH:MM` and its weekday. */
function clock(instant, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'long', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { local: `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`, time: `${parts.hour}:${parts.minute}`, weekday: parts.weekday };
}

/** The VEVENTs of a feed, raw (unfolded), by UID. */
function vevents(ics) {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return Object.fromEntries(unfolded.split('BEGIN:VEVENT').slice(1).map((block) => {
    const event = block.split('END:VEVENT')[0];
    const field = (name) => new RegExp(`^${name}(?:;[^:]*)?:(.*)$`, 'm').exec(event)?.[1]?.trim();
    return [field('UID'), { raw: event, start: field('DTSTART'), sequence: field('SEQUENCE'), status: field('STATUS') }];
  }));
}

/** The same instant as iCalendar writes it in UTC (`20270330T230000Z`). */
const icsInstant = (instant) => instant.replaceAll('-', '').replaceAll(':', '');

/** Waits for the outbox rows `query` selects to satisfy `done` (messages go out after the answer). */
async function outboxRows(query, done, what) {
  for (let i = 0; i < 40; i++) {
    const rows = sql(query);
    if (done(rows)) return rows;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail(`outbox never had ${what}: ${JSON.stringify(sql(query))}`);
}

// Fluent may wrap placeables in isolation marks; the words are what matter here, and
// French writes « 23 h » with a no-break space.
const plain = (s) => (s ?? '').replace(/[\u2068\u2069]/g, '').replace(/[\u00a0\u202f]/g, ' ');

/** The Idempotency-Keys sent here, whose rows the clean-up removes (found by their digest). */
const usedKeys = [];
function idempotencyKey(prefix) {
  usedKeys.push(`${prefix}-${Date.now()}`);
  return usedKeys.at(-1);
}

function cleanUp() {
  const offerings = list(made.offerings);
  const editions = `SELECT id FROM edition WHERE offering_id IN (${offerings}) OR id IN (${list(made.editions)})`;
  sql(`DELETE FROM outbox WHERE edition_id IN (${editions});
       DELETE FROM registration_event WHERE edition_id IN (${editions});
       DELETE FROM manage_token WHERE registration_id IN (SELECT id FROM registration WHERE edition_id IN (${editions}));
       DELETE FROM registration WHERE edition_id IN (${editions});
       DELETE FROM session WHERE edition_id IN (${editions});
       DELETE FROM edition WHERE id IN (${editions});
       DELETE FROM offering_person WHERE offering_id IN (${offerings});
       DELETE FROM offering WHERE id IN (${offerings});
       DELETE FROM idempotency WHERE key_hash IN (${list(usedKeys.map(keyHash))});
       DELETE FROM account WHERE id IN (${list(Object.values(STAFF).map((s) => s.id))});
       DELETE FROM network WHERE id IN (${list(createdNetworks)});`);
}

before(async () => {
  assert.ok(STATE, 'RELAIS_TEST_STATE is set by scripts/test');
  const networks = sql('SELECT id FROM network ORDER BY id').map((n) => n.id);
  GGSN = networks.find((id) => /ggsn/i.test(id));
  HUB = networks.find((id) => /hub/i.test(id));
  if (!GGSN || !HUB) {
    // The demo has no networks yet: two of our own, removed after.
    [GGSN, HUB] = ['test-dashboard-ggsn', 'test-dashboard-hub'];
    createdNetworks.push(GGSN, HUB);
    sql(`DELETE FROM network WHERE id IN (${list(createdNetworks)});
         INSERT INTO network (id, name, created_at) VALUES (${q(GGSN)}, 'GGSN (test)', '2026-01-01T00:00:00Z'), (${q(HUB)}, 'Le Hub (test)', '2026-01-01T00:00:00Z');`);
  }
  sql(staffSql({ ...STAFF.ggsn, networks: [GGSN] }));
  sql(staffSql({ ...STAFF.hub, networks: [HUB] }));
  await login('ggsn');
  await login('hub');
});

after(() => cleanUp());

const OFFERING = {
  kind: 'training_series',
  format: 'online',
  topics: ['strategy', 'community-care'],
  languages: ['fr', 'en'],
  // The English title is missing: the draft saves, publishing refuses.
  title: { fr: `${MARKER} : s’organiser entre deux fuseaux` },
  summary: { fr: 'Cinq soirées pour coordonner une équipe répartie sur plusieurs continents.', en: 'Five evenings on coordinating a team spread across continents.' },
  description: { fr: 'Rythme, outils et soin des personnes quand les horloges diffèrent.', en: 'Rhythm, tools and care for people when clocks differ.' },
};
const EDITION = {
  title: { fr: 'Cohorte de printemps 2027' },
  registration_mode: 'open',
  format: 'online',
  capacity: 20,
  instruction_languages: ['fr', 'en'],
  private_details: { fr: 'Lien Jitsi : https://meet.example.org/zephyrine', en: 'Jitsi link: https://meet.example.org/zephyrine' },
  cost: { kind: 'free' },
};

test('a coordinator writes an offering and an edition as drafts: the desk lists them, the public sees neither', async () => {
  const created = expectOk(await call('POST', `/api/dashboard/networks/${GGSN}/offerings`, { as: 'ggsn', body: OFFERING }), 201);
  assert.match(created.id, /^offering-[0-9a-f]{12}$/);
  ids.offering = created.id;
  made.offerings.push(ids.offering);
  const offering = expectOk(await call('GET', `/api/dashboard/offerings/${ids.offering}`, { as: 'ggsn' }));
  assert.equal(offering.network_id, GGSN);
  assert.equal(offering.draft.state, 'draft');
  assert.deepEqual(offering.draft.title, OFFERING.title);
  assert.deepEqual(offering.draft.summary, OFFERING.summary);
  assert.equal(offering.draft.on_behalf, false, 'people register for themselves unless the network says otherwise');
  assert.ok(offering.completeness.filled < offering.completeness.required, JSON.stringify(offering.completeness));
  assert.deepEqual(offering.publish_refusals.map((r) => [r.field, r.code]), [['title.en', 'required']]);
  assert.equal(offering.publish_refusals[0].message, 'This field is required.');

  const edition = expectOk(await call('POST', `/api/dashboard/offerings/${ids.offering}/editions`, { as: 'ggsn', body: EDITION }), 201);
  ids.edition = edition.id;
  made.editions.push(ids.edition);
  const authored = expectOk(await call('GET', `/api/dashboard/editions/${ids.edition}`, { as: 'ggsn' }));
  assert.equal(authored.offering_id, ids.offering);
  assert.equal(authored.draft.state, 'draft');
  assert.equal(authored.draft.capacity, 20);
  assert.deepEqual(authored.draft.cost, { kind: 'free', note: {} });
  assert.deepEqual(authored.sessions, []);
  assert.deepEqual(authored.publish_refusals.map((r) => r.field).sort(), ['sessions', 'title.en']);

  const desk = expectOk(await call('GET', `/api/dashboard/networks/${GGSN}`, { as: 'ggsn' }));
  assert.equal(desk.network.id, GGSN);
  const line = desk.offerings.find((o) => o.id === ids.offering);
  assert.ok(line, 'the desk lists the draft');
  assert.equal(line.state, 'draft');
  assert.deepEqual(line.editions.map((e) => [e.id, e.state, e.sessions, e.registrations]), [[ids.edition, 'draft', 0, 0]]);

  assertProblem(await call('GET', `/api/offerings/${ids.offering}`), 404, 'a draft offering');
  const search = expectOk(await call('GET', `/api/offerings?q=${encodeURIComponent(MARKER)}`));
  assert.deepEqual(search.items.map((o) => o.id), []);
});

test('the preview shows the rule on Lagos and Kolkata clocks, with the shift of 14 March', async () => {
  const preview = expectOk(await call('POST', '/api/dashboard/recurrence-preview', { as: 'ggsn', body: { rule: RULE, zones: ['Africa/Lagos', 'Asia/Kolkata'] } }));
  assert.equal(preview.zone, 'America/Toronto');
  assert.deepEqual(preview.zones, ['Africa/Lagos', 'Asia/Kolkata']);
  assert.deepEqual(preview.sessions.map((s) => s.starts_at), STARTS);
  assert.deepEqual(preview.sessions.map((s) => s.organiser.local), DATES.map((d) => `${d}T18:00:00`));
  assert.deepEqual(preview.sessions.map((s) => s.organiser.offset_minutes), [-300, -240, -240, -240, -240]);
  const lagos = preview.sessions.map((s) => [s.others[0].local, s.others[0].weekday ?? null]);
  assert.deepEqual(lagos, [
    ['2027-03-03T00:00:00', 'wednesday'],
    ['2027-03-16T23:00:00', null],
    ['2027-03-30T23:00:00', null],
    ['2027-04-13T23:00:00', null],
    ['2027-04-27T23:00:00', null],
  ]);
  const kolkata = preview.sessions.map((s) => [s.others[1].local, s.others[1].offset_minutes, s.others[1].weekday]);
  assert.deepEqual(kolkata, [
    ['2027-03-03T04:30:00', 330, 'wednesday'],
    ['2027-03-17T03:30:00', 330, 'wednesday'],
    ['2027-03-31T03:30:00', 330, 'wednesday'],
    ['2027-04-14T03:30:00', 330, 'wednesday'],
    ['2027-04-28T03:30:00', 330, 'wednesday'],
  ]);
  // From the second session, both clocks read an hour earlier than the first session's.
  assert.deepEqual(preview.shifts.map((s) => [s.index, s.zone, s.before, s.now, s.organiser_offset_before, s.organiser_offset_after]), [
    [1, 'Africa/Lagos', '2027-03-17T00:00:00', '2027-03-16T23:00:00', -300, -240],
    [1, 'Asia/Kolkata', '2027-03-17T04:30:00', '2027-03-17T03:30:00', -300, -240],
  ]);
  assert.deepEqual(preview.offset_changes, [{ index: 1, date: '2027-03-16', offset_before: -300, offset_after: -240 }]);
  // Nothing was saved.
  assert.deepEqual(expectOk(await call('GET', `/api/dashboard/editions/${ids.edition}`, { as: 'ggsn' })).sessions, []);
  // A refused rule names its fields, in the caller's language.
  const refused = await call('POST', '/api/dashboard/recurrence-preview', { as: 'ggsn', lang: 'fr', body: { rule: { ...RULE, zone: 'Mars/Olympus' }, zones: ['Nowhere/Else'] } });
  assertProblem(refused, 400, 'unknown zones');
  assert.deepEqual(refused.body.errors.map((e) => [e.field, e.code]), [['rule.zone', 'unknown-zone'], ['zones', 'unknown-zone']]);
  assert.equal(refused.body.lang, 'fr');
});

test('sessions made by the rule start at 18:00 in Toronto: 23:00Z before the change, 22:00Z after', async () => {
  const edition = expectOk(await call('POST', `/api/dashboard/editions/${ids.edition}/sessions/by-rule`, {
    as: 'ggsn', body: { rule: RULE, title: {}, location: {} },
  }));
  assert.deepEqual(edition.sessions.map((s) => s.draft.starts_at), STARTS);
  for (const [i, s] of edition.sessions.entries()) {
    assert.equal(s.draft.zone, 'America/Toronto');
    assert.equal(s.sequence, 0);
    assert.equal(Date.parse(s.draft.ends_at) - Date.parse(s.draft.starts_at), 90 * 60_000);
    const there = clock(s.draft.starts_at, 'America/Toronto');
    assert.deepEqual([there.local, there.weekday], [`${DATES[i]} 18:00`, 'Tuesday']);
  }
  ids.sessions = edition.sessions.map((s) => s.id);
  made.sessions.push(...ids.sessions);
  const [row] = sql(`SELECT starts_at, ends_at, recurrence FROM edition WHERE id = ${q(ids.edition)}`);
  assert.deepEqual([row.starts_at, row.ends_at], [STARTS[0], '2027-04-27T23:30:00Z']);
  assert.equal(JSON.parse(row.recurrence).zone, 'America/Toronto');
});

test('publishing refuses an empty English field, named, in the caller\'s language; complete, both publish', async () => {
  for (const [path, what] of [[`/api/dashboard/offerings/${ids.offering}/state`, 'offering'], [`/api/dashboard/editions/${ids.edition}/state`, 'edition']]) {
    const en = await call('POST', path, { as: 'ggsn', body: { action: 'publish' } });
    assertProblem(en, 400, what);
    assert.equal(en.body.type, '/api/problems/invalid-body');
    assert.deepEqual(en.body.errors.map((e) => [e.field, e.code, e.message]), [['title.en', 'required', 'This field is required.']], what);
    assert.equal(en.headers.get('content-language'), 'en');
    const fr = await call('POST', path, { as: 'ggsn', lang: 'fr', body: { action: 'publish' } });
    assertProblem(fr, 400, what);
    assert.equal(fr.body.title, 'Contenu de la demande invalide');
    assert.deepEqual(fr.body.errors.map((e) => [e.field, e.message]), [['title.en', 'Ce champ est obligatoire.']], what);
    assert.equal(fr.headers.get('content-language'), 'fr');
  }
  const title = { fr: OFFERING.title.fr, en: `${MARKER}: organising across time zones` };
  const saved = expectOk(await call('PUT', `/api/dashboard/offerings/${ids.offering}`, { as: 'ggsn', body: { ...OFFERING, title, on_behalf: true } }));
  assert.deepEqual(saved.publish_refusals, []);
  assert.equal(saved.draft.on_behalf, true, 'its people register on behalf of an organisation');
  assert.equal(sql(`SELECT on_behalf FROM offering WHERE id = '${ids.offering}'`)[0].on_behalf, 1);
  const unset = expectOk(await call('PUT', `/api/dashboard/offerings/${ids.offering}`, { as: 'ggsn', body: { ...OFFERING, title } }));
  assert.equal(unset.draft.on_behalf, false, 'and for themselves again');
  assert.equal(saved.completeness.filled, saved.completeness.required);
  assert.equal(saved.draft.state, 'draft', 'saving does not publish');
  const published = expectOk(await call('POST', `/api/dashboard/offerings/${ids.offering}/state`, { as: 'ggsn', body: { action: 'publish' } }));
  assert.equal(published.draft.state, 'published');
  assertProblem(await call('POST', `/api/dashboard/offerings/${ids.offering}/state`, { as: 'ggsn', body: { action: 'publish' } }), 409, 'published twice');
  assertProblem(await call('POST', `/api/dashboard/offerings/${ids.offering}/state`, { as: 'ggsn', body: { action: 'delete' } }), 400, 'an unknown action');
  // A published offering stays publishable: emptying a required text is refused.
  const emptied = await call('PUT', `/api/dashboard/offerings/${ids.offering}`, { as: 'ggsn', body: { ...OFFERING, title, summary: { fr: OFFERING.summary.fr } } });
  assertProblem(emptied, 400, 'a published offering emptied');
  assert.deepEqual(emptied.body.errors.map((e) => e.field), ['summary.en']);

  const edition = expectOk(await call('PUT', `/api/dashboard/editions/${ids.edition}`, {
    as: 'ggsn', body: { ...EDITION, title: { fr: EDITION.title.fr, en: 'Spring 2027 cohort' } },
  }));
  assert.deepEqual(edition.publish_refusals, []);
  assert.equal(edition.sessions.length, 5, 'saving an edition keeps its sessions');
  const live = expectOk(await call('POST', `/api/dashboard/editions/${ids.edition}/state`, { as: 'ggsn', body: { action: 'publish' } }));
  assert.equal(live.draft.state, 'published');
});

test('the public catalog, the offering\'s page and both feeds show what was published, at once', async () => {
  const search = expectOk(await call('GET', `/api/offerings?q=${encodeURIComponent(MARKER)}&lang=en`));
  assert.deepEqual(search.items.map((o) => o.id), [ids.offering]);
  assert.equal(search.items[0].title.text, `${MARKER}: organising across time zones`);
  assert.equal(search.items[0].next_edition.id, ids.edition);
  const detail = expectOk(await call('GET', `/api/offerings/${ids.offering}?lang=fr&tz=Africa/Lagos`));
  assert.equal(detail.offering.title.text, OFFERING.title.fr);
  const edition = detail.upcoming_editions.find((e) => e.id === ids.edition);
  assert.ok(edition, JSON.stringify(detail.upcoming_editions));
  assert.deepEqual(edition.sessions.map((s) => [s.id, s.starts_at, s.zone]), ids.sessions.map((id, i) => [id, STARTS[i], 'America/Toronto']));
  assert.deepEqual(edition.sessions.map((s) => s.start_offset_minutes), [-300, -240, -240, -240, -240]);
  assert.ok(!JSON.stringify(detail).includes('meet.example.org'), 'the private link is not public');

  const feed = vevents((await call('GET', `/api/editions/${ids.edition}/calendar.ics`)).text);
  assert.deepEqual(Object.keys(feed).sort(), ids.sessions.map((id) => `session-${id}@relais`).sort());
  for (const [i, id] of ids.sessions.entries()) assert.equal(feed[`session-${id}@relais`].start, icsInstant(STARTS[i]));
  const catalog = vevents((await call('GET', '/api/calendar.ics')).text);
  for (const id of ids.sessions) assert.ok(catalog[`session-${id}@relais`], `${id} in the catalog's feed`);
});

test('a volunteer registers for the published edition', async () => {
  const res = await call('POST', `/api/editions/${ids.edition}/registrations`, {
    body: { ...VOLUNTEER, consent: true },
    headers: { 'Idempotency-Key': idempotencyKey('dashboard') },
  });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.status, 'confirmed');
  [{ id: ids.registration }] = sql(`SELECT id FROM registration WHERE edition_id = ${q(ids.edition)}`);
  // Their confirmation is sent, so that what follows is only about the session's changes.
  await outboxRows(`SELECT sent_at FROM outbox WHERE registration_id = ${q(ids.registration)}`, (rows) => rows.length > 0 && rows.every((r) => r.sent_at), 'the confirmation sent');
  const desk = expectOk(await call('GET', `/api/dashboard/networks/${GGSN}`, { as: 'ggsn' }));
  const line = desk.offerings.find((o) => o.id === ids.offering).editions.find((e) => e.id === ids.edition);
  assert.deepEqual([line.state, line.sessions, line.registrations, line.starts_at], ['published', 5, 1, STARTS[0]]);
});

test('the next cohort: a draft copy whole weeks later, on Tuesdays at 18:00 in Toronto across November\'s change', async () => {
  const created = expectOk(await call('POST', `/api/dashboard/editions/${ids.edition}/duplicate`, { as: 'ggsn', body: { on_or_after: '2027-10-01' } }), 201);
  ids.next = created.id;
  made.editions.push(ids.next);
  const next = expectOk(await call('GET', `/api/dashboard/editions/${ids.next}`, { as: 'ggsn' }));
  assert.equal(next.draft.state, 'draft');
  assert.equal(next.registrations, 0);
  assert.deepEqual(next.draft.title, { fr: EDITION.title.fr, en: 'Spring 2027 cohort' });
  assert.deepEqual(next.draft.private_details, EDITION.private_details);
  const nextDates = ['2027-10-05', '2027-10-19', '2027-11-02', '2027-11-16', '2027-11-30'];
  assert.deepEqual(next.sessions.map((s) => clock(s.draft.starts_at, 'America/Toronto')), nextDates.map((d) => ({ local: `${d} 18:00`, time: '18:00', weekday: 'Tuesday' })));
  assert.deepEqual(next.sessions.map((s) => s.draft.starts_at.slice(11)), ['22:00:00Z', '22:00:00Z', '22:00:00Z', '23:00:00Z', '23:00:00Z']);
  made.sessions.push(...next.sessions.map((s) => s.id));
  assertProblem(await call('POST', `/api/dashboard/editions/${ids.edition}/duplicate`, { as: 'ggsn', body: {} }), 400, 'no day');
  // A draft: not in the public offering's page.
  const detail = expectOk(await call('GET', `/api/offerings/${ids.offering}`));
  assert.deepEqual(detail.upcoming_editions.map((e) => e.id), [ids.edition]);
});

test('a session moved by an hour: the catalog and the feed show it (same UID, SEQUENCE:1), the registrant is told in French on their clock', async () => {
  const edition = expectOk(await call('GET', `/api/dashboard/editions/${ids.edition}`, { as: 'ggsn' }));
  const moved = edition.sessions[2];
  assert.equal(moved.draft.starts_at, STARTS[2]);
  const saved = expectOk(await call('PUT', `/api/dashboard/sessions/${moved.id}`, {
    as: 'ggsn', body: { ...moved.draft, starts_at: '2027-03-30T23:00:00Z', ends_at: '2027-03-31T00:30:00Z' },
  }));
  assert.equal(saved.id, moved.id);
  assert.equal(saved.sequence, 1);
  assert.equal(clock(saved.draft.starts_at, 'America/Toronto').time, '19:00');

  const [message] = await outboxRows(
    `SELECT kind, lang, subject, body, sent_at, sequence FROM outbox WHERE registration_id = ${q(ids.registration)} AND session_id = ${q(moved.id)}`,
    (rows) => rows.length === 1 && rows[0].sent_at, 'the change sent');
  assert.equal(message.kind, 'session_changed');
  assert.equal(message.lang, 'fr');
  assert.equal(message.sequence, 1);
  // 23:00Z is midnight in Lagos, on Wednesday 31 March.
  assert.match(plain(message.subject), /^Changement : /);
  assert.match(plain(message.body), /mercredi 31 mars 2027, 0 h – 1 h 30/);
  assert.doesNotMatch(plain(message.body), /mardi 30 mars/);
  // Coordinators read it too.
  const outbox = expectOk(await call('GET', `/api/coordinator/outbox?edition=${ids.edition}`, { as: 'ggsn' }));
  assert.ok(outbox.some((m) => m.kind === 'session_changed' && m.registration_id === ids.registration), JSON.stringify(outbox));
  // Saving it again as it is tells nobody anything more.
  const again = expectOk(await call('PUT', `/api/dashboard/sessions/${moved.id}`, { as: 'ggsn', body: saved.draft }));
  assert.equal(again.sequence, 1);
  assert.equal(sql(`SELECT count(*) AS n FROM outbox WHERE session_id = ${q(moved.id)}`)[0].n, 1);
  // The public reads show the new time, in the same calendar entry, a version later.
  const detail = expectOk(await call('GET', `/api/offerings/${ids.offering}`));
  const publicSession = detail.upcoming_editions.find((e) => e.id === ids.edition).sessions.find((s) => s.id === moved.id);
  assert.equal(publicSession.starts_at, '2027-03-30T23:00:00Z');
  const event = vevents((await call('GET', `/api/editions/${ids.edition}/calendar.ics`)).text)[`session-${moved.id}@relais`];
  assert.ok(event, 'the same UID');
  assert.equal(event.start, '20270330T230000Z');
  assert.equal(event.sequence, '1');
});

test('a cancelled session is told as such, and stays in the feed marked cancelled', async () => {
  const edition = expectOk(await call('GET', `/api/dashboard/editions/${ids.edition}`, { as: 'ggsn' }));
  const cancelled = edition.sessions[3];
  const saved = expectOk(await call('PUT', `/api/dashboard/sessions/${cancelled.id}`, { as: 'ggsn', body: { ...cancelled.draft, cancelled: true } }));
  assert.equal(saved.draft.cancelled, true);
  assert.equal(saved.sequence, 1);
  const [message] = await outboxRows(
    `SELECT kind, subject, body, sent_at FROM outbox WHERE registration_id = ${q(ids.registration)} AND session_id = ${q(cancelled.id)}`,
    (rows) => rows.length === 1 && rows[0].sent_at, 'the cancellation sent');
  assert.equal(message.kind, 'session_cancelled');
  assert.match(plain(message.subject), /^Séance annulée : /);
  // 13 April, 22:00Z: 23:00 in Lagos.
  assert.match(plain(message.body), /mardi 13 avril 2027, 23 h/);
  const event = vevents((await call('GET', `/api/editions/${ids.edition}/calendar.ics`)).text)[`session-${cancelled.id}@relais`];
  assert.ok(event, 'a cancelled session stays in the feed');
  assert.equal(event.status, 'CANCELLED');
  assert.equal(event.sequence, '1');
});

test('the audit lists every change, with who made it', async () => {
  const audit = expectOk(await call('GET', `/api/dashboard/networks/${GGSN}/audit`, { as: 'ggsn' }));
  const ours = audit.filter((a) => [ids.offering, ids.edition, ids.next, ...ids.sessions].includes(a.entity_id));
  const seen = ours.map((a) => `${a.entity}:${a.entity_id === ids.next ? 'next' : a.entity_id === ids.offering || a.entity_id === ids.edition ? 'it' : 'session'}:${a.action}`);
  for (const expected of [
    'offering:it:created', 'offering:it:changed', 'offering:it:publish',
    'edition:it:created', 'edition:it:sessions_by_rule', 'edition:it:changed', 'edition:it:publish',
    'edition:next:duplicated', 'session:session:changed', 'session:session:cancelled',
  ]) assert.ok(seen.includes(expected), `${expected} in ${JSON.stringify(seen)}`);
  for (const a of ours) {
    assert.equal(a.by, STAFF.ggsn.name, JSON.stringify(a));
    assert.match(a.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    JSON.parse(a.changes);
  }
  const move = ours.find((a) => a.entity === 'session' && a.action === 'changed' && JSON.parse(a.changes).starts_at);
  assert.deepEqual(JSON.parse(move.changes).starts_at, { before: STARTS[2], after: '2027-03-30T23:00:00Z' });
  // Newest first.
  assert.deepEqual([...audit].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id).map((a) => a.id), audit.map((a) => a.id));
});

test('another network\'s coordinator reaches none of it: every dashboard route answers 404, and nothing changes', async () => {
  const snapshot = () => sql(`SELECT
    (SELECT group_concat(id || ':' || state || ':' || title, '|') FROM offering WHERE id IN (${list(made.offerings)})) AS offerings,
    (SELECT group_concat(id || ':' || state || ':' || title || ':' || ifnull(capacity, ''), '|') FROM edition WHERE offering_id IN (${list(made.offerings)})) AS editions,
    (SELECT group_concat(id || ':' || starts_at || ':' || sequence || ':' || ifnull(cancelled_at, ''), '|') FROM session WHERE edition_id IN (SELECT id FROM edition WHERE offering_id IN (${list(made.offerings)}))) AS sessions,
    (SELECT count(*) FROM offering) AS all_offerings, (SELECT count(*) FROM edition) AS all_editions, (SELECT count(*) FROM session) AS all_sessions,
    (SELECT count(*) FROM registration) AS registrations, (SELECT count(*) FROM outbox) AS messages, (SELECT count(*) FROM audit) AS audit`)[0];
  const beforeTries = snapshot();
  const edition = expectOk(await call('GET', `/api/dashboard/editions/${ids.edition}`, { as: 'ggsn' }));
  const offeringDraft = { ...OFFERING, title: { fr: 'Pris', en: 'Taken' } };
  const sessionDraft = { ...edition.sessions[0].draft, starts_at: '2027-03-02T20:00:00Z', ends_at: '2027-03-02T21:00:00Z' };
  const tries = [
    ['GET', `/api/dashboard/networks/${GGSN}`],
    ['GET', `/api/dashboard/networks/${GGSN}/audit`],
    ['POST', `/api/dashboard/networks/${GGSN}/offerings`, offeringDraft],
  ];
  for (const id of made.offerings) {
    tries.push(
      ['GET', `/api/dashboard/offerings/${id}`],
      ['PUT', `/api/dashboard/offerings/${id}`, offeringDraft],
      ['POST', `/api/dashboard/offerings/${id}/state`, { action: 'unpublish' }],
      ['POST', `/api/dashboard/offerings/${id}/state`, { action: 'archive' }],
      ['POST', `/api/dashboard/offerings/${id}/editions`, EDITION],
    );
  }
  for (const id of made.editions) {
    tries.push(
      ['GET', `/api/dashboard/editions/${id}`],
      ['PUT', `/api/dashboard/editions/${id}`, { ...EDITION, capacity: 1 }],
      ['POST', `/api/dashboard/editions/${id}/state`, { action: 'archive' }],
      ['POST', `/api/dashboard/editions/${id}/state`, { action: 'publish' }],
      ['POST', `/api/dashboard/editions/${id}/duplicate`, { on_or_after: '2028-01-01' }],
      ['POST', `/api/dashboard/editions/${id}/sessions`, sessionDraft],
      ['POST', `/api/dashboard/editions/${id}/sessions/by-rule`, { rule: RULE, replace: true }],
      ['DELETE', `/api/dashboard/editions/${id}`],
    );
  }
  for (const id of made.sessions) {
    tries.push(['PUT', `/api/dashboard/sessions/${id}`, sessionDraft], ['PUT', `/api/dashboard/sessions/${id}`, { ...sessionDraft, cancelled: true }]);
  }
  for (const [method, path, body] of tries) {
    for (const lang of ['en', 'fr']) {
      const res = await call(method, path, { as: 'hub', body, lang });
      assertProblem(res, 404, `${method} ${path}`);
      assert.equal(res.body.type, '/api/problems/not-found');
      assert.equal(res.body.lang, lang);
      assert.equal(res.headers.get('cache-control'), 'no-store');
    }
  }
  // Their own desk answers, and holds nothing of GGSN's.
  const own = expectOk(await call('GET', `/api/dashboard/networks/${HUB}`, { as: 'hub' }));
  assert.ok(!JSON.stringify(own).includes(ids.offering));
  const ownAudit = expectOk(await call('GET', `/api/dashboard/networks/${HUB}/audit`, { as: 'hub' }));
  assert.ok(!JSON.stringify(ownAudit).includes(ids.offering));
  assert.deepEqual(snapshot(), beforeTries);
  // And the GGSN coordinator still reads it all as it was.
  assert.equal(expectOk(await call('GET', `/api/dashboard/editions/${ids.edition}`, { as: 'ggsn' })).draft.capacity, 20);
});

test('an edition with registrations is not deleted; a draft one is', async () => {
  const refused = await call('DELETE', `/api/dashboard/editions/${ids.edition}`, { as: 'ggsn' });
  assertProblem(refused, 409, 'an edition with a registration');
  assert.ok(refused.body.detail && !refused.body.detail.startsWith('conflict-'), `a worded detail: ${refused.body.detail}`);
  assert.equal(sql(`SELECT count(*) AS n FROM edition WHERE id = ${q(ids.edition)}`)[0].n, 1);
  const gone = await call('DELETE', `/api/dashboard/editions/${ids.next}`, { as: 'ggsn' });
  assert.equal(gone.status, 204, gone.text);
  assert.equal(sql(`SELECT count(*) AS n FROM session WHERE edition_id = ${q(ids.next)}`)[0].n, 0);
  assertProblem(await call('GET', `/api/dashboard/editions/${ids.next}`, { as: 'ggsn' }), 404, 'deleted');
  // Only the deletion that happened is in the audit.
  const audit = expectOk(await call('GET', `/api/dashboard/networks/${GGSN}/audit`, { as: 'ggsn' }));
  const deletions = audit.filter((a) => a.action === 'deleted' && made.editions.includes(a.entity_id));
  assert.deepEqual(deletions.map((a) => [a.entity, a.entity_id, a.by]), [['edition', ids.next, STAFF.ggsn.name]]);
});

test('a members-only edition needs its network\'s community, and is on no public read until it is everyone\'s again', async () => {
  const [{ id: hubOffering }] = sql(`SELECT id FROM offering WHERE network_id = ${q(HUB)} ORDER BY id LIMIT 1`);
  const editionsBefore = sql('SELECT count(*) AS n FROM edition')[0].n;
  const refused = await call('POST', `/api/dashboard/offerings/${hubOffering}/editions`, { as: 'hub', lang: 'fr', body: { ...EDITION, visibility: 'members' } });
  assertProblem(refused, 400, 'a network with no community');
  assert.deepEqual(refused.body.errors.map((e) => [e.field, e.code]), [['visibility', 'no-community']]);
  assert.match(refused.body.errors[0].message, /communauté/);
  assert.equal(sql('SELECT count(*) AS n FROM edition')[0].n, editionsBefore, 'nothing written');

  // GGSN has one: its published edition becomes its members' alone.
  const body = { ...EDITION, title: { fr: EDITION.title.fr, en: 'Spring 2027 cohort' } };
  const members = expectOk(await call('PUT', `/api/dashboard/editions/${ids.edition}`, { as: 'ggsn', body: { ...body, visibility: 'members' } }));
  assert.equal(members.draft.visibility, 'members');
  assert.equal(members.draft.state, 'published');
  const detail = expectOk(await call('GET', `/api/offerings/${ids.offering}?lang=fr`));
  assert.ok(!detail.upcoming_editions.some((e) => e.id === ids.edition), 'not on the offering\'s page');
  const search = expectOk(await call('GET', `/api/offerings?q=${encodeURIComponent(MARKER)}&lang=en`));
  assert.ok(search.items.every((o) => o.next_edition?.id !== ids.edition), 'not the catalog\'s next edition');
  assertProblem(await call('GET', `/api/editions/${ids.edition}/registration-form`), 404, 'its public form');
  assertProblem(await call('GET', `/api/editions/${ids.edition}/calendar.ics`), 404, 'its public feed');
  const feed = (await call('GET', '/api/calendar.ics')).text;
  assert.ok(ids.sessions.every((id) => !feed.includes(id)), 'not in the catalog\'s feed');

  const everyone = expectOk(await call('PUT', `/api/dashboard/editions/${ids.edition}`, { as: 'ggsn', body: { ...body, visibility: 'public' } }));
  assert.equal(everyone.draft.visibility, 'public');
  const again = expectOk(await call('GET', `/api/offerings/${ids.offering}?lang=fr`));
  assert.ok(again.upcoming_editions.some((e) => e.id === ids.edition), 'back on its page');
});

test('a draft offering never appears in public reads, even with a published edition', async () => {
  const created = expectOk(await call('POST', `/api/dashboard/networks/${GGSN}/offerings`, {
    as: 'ggsn', body: { ...OFFERING, title: { fr: `${MARKER} brouillon`, en: `${MARKER} draft` } },
  }), 201);
  const offering = created.id;
  made.offerings.push(offering);
  const edition = expectOk(await call('POST', `/api/dashboard/offerings/${offering}/editions`, {
    as: 'ggsn', body: { ...EDITION, title: { fr: 'Brouillon', en: 'Draft' } },
  }), 201).id;
  made.editions.push(edition);
  const session = expectOk(await call('POST', `/api/dashboard/editions/${edition}/sessions`, {
    as: 'ggsn', body: { starts_at: '2027-05-04T22:00:00Z', ends_at: '2027-05-04T23:30:00Z', zone: 'America/Toronto' },
  }), 201).id;
  made.sessions.push(session);
  expectOk(await call('POST', `/api/dashboard/editions/${edition}/state`, { as: 'ggsn', body: { action: 'publish' } }));
  for (const lang of ['fr', 'en']) {
    const search = expectOk(await call('GET', `/api/offerings?q=${encodeURIComponent(MARKER)}&lang=${lang}`));
    assert.deepEqual(search.items.map((o) => o.id), [ids.offering], lang);
  }
  assertProblem(await call('GET', `/api/offerings/${offering}`), 404, 'the draft offering');
  assertProblem(await call('GET', `/api/editions/${edition}/calendar.ics`), 404, 'its edition\'s feed');
  assertProblem(await call('GET', `/api/sessions/${session}/calendar.ics`), 404, 'its session\'s feed');
  assertProblem(await call('GET', `/api/editions/${edition}/registration-form`), 404, 'its form');
  const registering = await call('POST', `/api/editions/${edition}/registrations`, {
    body: { ...VOLUNTEER, email: 'draft.reader@example.org', consent: true },
    headers: { 'Idempotency-Key': idempotencyKey('dashboard-draft') },
  });
  assertProblem(registering, 404, 'registering for it');
  const catalogFeed = (await call('GET', '/api/calendar.ics')).text;
  assert.ok(!catalogFeed.includes(session), 'not in the catalog\'s feed');
  const archive = expectOk(await call('GET', '/api/archive?limit=50'));
  assert.ok(!JSON.stringify(archive).includes(offering), 'not in the archive');
  for (const page of ['/fr', '/en']) {
    const html = (await call('GET', `${page}?q=${encodeURIComponent(MARKER)}`)).text;
    assert.ok(!html.includes(offering), `not in ${page}'s first page`);
  }
  // Unpublishing the first one takes it out of the catalog at once.
  expectOk(await call('POST', `/api/dashboard/offerings/${ids.offering}/state`, { as: 'ggsn', body: { action: 'unpublish' } }));
  assert.deepEqual(expectOk(await call('GET', `/api/offerings?q=${encodeURIComponent(MARKER)}`)).items, []);
  assertProblem(await call('GET', `/api/offerings/${ids.offering}`), 404, 'unpublished');
});

test('drafts are checked by name, and a change needs the CSRF token', async () => {
  const bad = await call('POST', `/api/dashboard/networks/${GGSN}/offerings`, {
    as: 'ggsn', lang: 'fr', body: { kind: 'training_series', topics: ['nope'], title: { fr: 'a\u202eb' } },
  });
  assertProblem(bad, 400, 'a bad draft');
  assert.deepEqual(bad.body.errors.map((e) => [e.field, e.code]).sort(), [['format', 'required'], ['title.fr', 'invalid-text'], ['topics.0', 'unknown-topic']]);
  for (const e of bad.body.errors) assert.ok(!e.message.startsWith('field-'), `${e.code} has its French message`);
  const session = made.sessions[0];
  const refused = await call('PUT', `/api/dashboard/sessions/${session}`, {
    as: 'ggsn', body: { starts_at: '2027-03-02T23:00:00Z', ends_at: '2027-03-02T22:00:00Z', zone: 'America/Toronto' },
  });
  assertProblem(refused, 400, 'a session ending before it starts');
  assert.deepEqual(refused.body.errors.map((e) => [e.field, e.code]), [['ends_at', 'ends-before-starts']]);
  const noCsrf = await call('POST', `/api/dashboard/networks/${GGSN}/offerings`, { as: 'ggsn', body: OFFERING, headers: { 'X-CSRF-Token': '' } });
  assertProblem(noCsrf, 403, 'no CSRF token');
  assertProblem(await call('GET', `/api/dashboard/networks/${GGSN}`), 401, 'no session');
});

test('an edition saved without a format takes its offering\'s, when made and when saved', async () => {
  const { format, ...unsaid } = EDITION;
  assert.equal(format, 'online');
  const created = expectOk(await call('POST', `/api/dashboard/offerings/${ids.offering}/editions`, { as: 'ggsn', body: unsaid }), 201);
  made.editions.push(created.id);
  const read = expectOk(await call('GET', `/api/dashboard/editions/${created.id}`, { as: 'ggsn' }));
  assert.equal(read.draft.format, OFFERING.format);
  const saved = expectOk(await call('PUT', `/api/dashboard/editions/${created.id}`, { as: 'ggsn', body: { ...unsaid, capacity: 30 } }));
  assert.equal(saved.draft.format, OFFERING.format);
  assert.equal(saved.draft.capacity, 30);
  // A format it says stays its own.
  const hybrid = expectOk(await call('PUT', `/api/dashboard/editions/${created.id}`, { as: 'ggsn', body: { ...unsaid, format: 'hybrid' } }));
  assert.equal(hybrid.draft.format, 'hybrid');
  expectOk(await call('DELETE', `/api/dashboard/editions/${created.id}`, { as: 'ggsn' }), 204);
});
