// The people behind an edition in the dashboard's API, against the real local stack: a
// network's coordinator filters an edition's registrations and reads its counts and each
// person's answers under the questions' labels, decides through the dashboard, marks
// attendance per session (audited; the offering's facilitator may mark but not decide),
// and downloads the CSV — a byte-order mark, the chosen separator, accents kept, times on the
// chosen clock, read back by Python's csv module. Another network's coordinator reaches none
// of it: every new route answers 404 problem+json, as for a row that does not exist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fetch } from './client.mjs';
import { sql, staffSql } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;

const OFFERING = 'test-people-offering';
const EDITION = 'test-people-edition';
const [S1, S2, S_OFF] = ['test-people-s1', 'test-people-s2', 'test-people-s-off'];
const STAFF = {
  hub: { id: 'acc-test-people-hub', email: 'people.hub@example.org', name: 'Coordination Hub', password: 'hub people passphrase' },
  ggsn: { id: 'acc-test-people-ggsn', email: 'people.ggsn@example.org', name: 'Coordination GGSN', password: 'ggsn people passphrase' },
  facilitator: { id: 'acc-test-people-fac', email: 'people.fac@example.org', name: 'Animation Hub', password: 'facilitator people passphrase', role: 'facilitator' },
};
const QUESTIONS = [
  { id: 'motivation', label: { fr: 'Pourquoi venir ?', en: 'Why come?' }, required: true },
  { id: 'local_group', label: { fr: 'Membre d’un groupe local ?', en: 'Member of a local group?' }, priority: true },
];
// id, name, lang, zone, region, status, priority, answers, organisation, accessibility, created_at
const PEOPLE = [
  ['test-people-r1', 'Zoé Lefèvre', 'fr', 'America/Montreal', 'Québec', 'accepted', 1, { motivation: 'Organiser la solidarité alimentaire', local_group: 'oui' }, '', '', '2026-10-15T15:30:00Z'],
  ['test-people-r2', 'Kwame Mensah', 'en', 'Africa/Accra', 'Ghana', 'applied', 0, { motivation: 'Learn facilitation' }, '', '', '2026-10-16T09:00:00Z'],
  ['test-people-r3', 'Ana Souza', 'en', 'America/Sao_Paulo', 'Brésil', 'waitlisted', 0, { motivation: 'Organizar' }, '', '', '2026-10-17T12:00:00Z'],
  ['test-people-r4', 'Émile Dubois', 'fr', 'Europe/Paris', 'France', 'accepted', 0, { motivation: 'Apprendre' }, '=1+1', 'Sous-titres', '2026-10-18T08:00:00Z'],
  ['test-people-r5', 'Bea Quinn', 'en', 'Africa/Accra', 'quebec', 'declined', 0, {}, '', '', '2026-10-19T08:00:00Z'],
];
const sessions = {};

let address = 0;
async function call(method, path, { as, body, lang = 'fr' } = {}) {
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
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const text = bytes.toString('utf8');
  return { status: res.status, headers: res.headers, type, bytes, text, body: /json/.test(type) && text ? JSON.parse(text) : null };
}

function ok(res, status = 200) {
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

/** Rows of a CSV file as Python's csv module reads them (after its byte-order mark). */
function pythonRows(bytes, delimiter) {
  const out = execFileSync('python3', ['-c', `
import csv, io, json, sys
text = sys.stdin.buffer.read().decode('utf-8-sig')
print(json.dumps(list(csv.reader(io.StringIO(text, newline=''), delimiter=sys.argv[1]))))
`, delimiter], { input: bytes });
  return JSON.parse(out.toString('utf8'));
}

function cleanUp() {
  sql(`DELETE FROM attendance WHERE session_id IN (${[S1, S2, S_OFF].map(q).join(', ')});
       DELETE FROM outbox WHERE edition_id = ${q(EDITION)};
       DELETE FROM registration_event WHERE edition_id = ${q(EDITION)};
       DELETE FROM registration WHERE edition_id = ${q(EDITION)};
       DELETE FROM session WHERE edition_id = ${q(EDITION)};
       DELETE FROM edition WHERE id = ${q(EDITION)};
       DELETE FROM offering_person WHERE offering_id = ${q(OFFERING)};
       DELETE FROM offering WHERE id = ${q(OFFERING)};
       DELETE FROM account WHERE id IN (${Object.values(STAFF).map((s) => q(s.id)).join(', ')});
       DELETE FROM person WHERE id = 'test-people-person';`);
}

before(async () => {
  cleanUp();
  sql(staffSql({ ...STAFF.hub, networks: ['hub'] }));
  sql(staffSql({ ...STAFF.ggsn, networks: ['ggsn'] }));
  sql(staffSql({ ...STAFF.facilitator, networks: ['hub'] }));
  const people = PEOPLE.map(([id, name, lang, zone, region, status, priority, answers, organisation, accessibility, created], i) =>
    `(${q(id)}, ${q(EDITION)}, ${q(`${id}@example.org`)}, ${q(name)}, ${q(lang)}, ${q(zone)}, ${q(region)}, ${q(organisation)}, ${q(JSON.stringify(answers))}, ${q(accessibility)}, ${priority}, ${q(status)}, ${i + 1}, ${q(created)}, ${q(created)})`).join(',\n');
  sql(`INSERT INTO person (id, name) VALUES ('test-people-person', 'Animation Hub');
       UPDATE account SET person_id = 'test-people-person' WHERE id = ${q(STAFF.facilitator.id)};
       INSERT INTO offering (id, kind, title, summary, description, format, network_id, state)
         VALUES (${q(OFFERING)}, 'workshop', '{"fr":"Atelier des personnes","en":"People workshop"}', '{}', '{}', 'online', 'hub', 'draft');
       INSERT INTO offering_person (offering_id, person_id) VALUES (${q(OFFERING)}, 'test-people-person');
       INSERT INTO edition (id, offering_id, registration_mode, capacity, format, questions, state, starts_at, ends_at)
         VALUES (${q(EDITION)}, ${q(OFFERING)}, 'application', 10, 'online', ${q(JSON.stringify(QUESTIONS))}, 'draft', '2027-03-02T23:00:00Z', '2027-03-30T23:30:00Z');
       INSERT INTO session (id, edition_id, starts_at, ends_at, zone, cancelled_at) VALUES
         (${q(S1)}, ${q(EDITION)}, '2027-03-02T23:00:00Z', '2027-03-03T00:30:00Z', 'America/Toronto', NULL),
         (${q(S2)}, ${q(EDITION)}, '2027-03-16T22:00:00Z', '2027-03-16T23:30:00Z', 'America/Toronto', NULL),
         (${q(S_OFF)}, ${q(EDITION)}, '2027-03-30T22:00:00Z', '2027-03-30T23:30:00Z', 'America/Toronto', '2027-03-01T00:00:00Z');
       INSERT INTO registration (id, edition_id, email, name, lang, zone, region, organisation, answers, accessibility, priority, status, arrival, consented_at, created_at)
       VALUES ${people};`);
  for (const who of Object.keys(STAFF)) await login(who);
});

after(() => cleanUp());

const list = (query = '', as = 'hub', lang = 'fr') => call('GET', `/api/dashboard/editions/${EDITION}/registrations${query ? `?${query}` : ''}`, { as, lang });

test('an edition’s people: counts of the whole edition, answers under the questions’ labels in the reader’s language', async () => {
  const all = ok(await list());
  assert.equal(all.may_decide, true);
  assert.equal(all.offering_title.text, 'Atelier des personnes');
  assert.deepEqual(all.counts.total, 5);
  assert.deepEqual(all.counts.shown, 5);
  assert.deepEqual(all.counts.by_status, [
    { value: 'accepted', count: 2 }, { value: 'applied', count: 1 }, { value: 'declined', count: 1 }, { value: 'waitlisted', count: 1 },
  ]);
  assert.deepEqual(all.counts.by_language, [{ value: 'en', count: 3 }, { value: 'fr', count: 2 }]);
  assert.deepEqual(all.counts.by_zone[0], { value: 'Africa/Accra', count: 2 });
  assert.equal(all.counts.by_region.length, 5, 'regions are counted as written');
  // Those in play first, the priority group first, then arrival; then the waiting list in
  // its order; those out of play last.
  assert.deepEqual(all.people.map((p) => p.name), ['Zoé Lefèvre', 'Kwame Mensah', 'Émile Dubois', 'Ana Souza', 'Bea Quinn']);
  assert.deepEqual(all.people.map((p) => p.waitlist_position ?? null), [null, null, null, 1, null]);
  const zoe = all.people[0];
  assert.equal(zoe.priority, true);
  assert.deepEqual(zoe.answers.map((a) => [a.label.text, a.text]), [['Pourquoi venir ?', 'Organiser la solidarité alimentaire'], ['Membre d’un groupe local ?', 'oui']]);
  assert.deepEqual(all.questions.map((qq) => qq.label.text), ['Pourquoi venir ?', 'Membre d’un groupe local ?']);
  const english = ok(await list('', 'hub', 'en'));
  assert.equal(english.people[0].answers[0].label.text, 'Why come?');
  // The sessions with their figures; a cancelled one is said so.
  assert.deepEqual(all.sessions.map((s) => [s.id, s.cancelled, s.figures]), [
    [S1, false, { present: 0, absent: 0, excused: 0, unmarked: 2 }],
    [S2, false, { present: 0, absent: 0, excused: 0, unmarked: 2 }],
    [S_OFF, true, { present: 0, absent: 0, excused: 0, unmarked: 2 }],
  ]);
  assert.deepEqual(all.attendance, { present: 0, absent: 0, excused: 0, unmarked: 4 });
  assert.match(all.people[0].created_at, /^2026-10-15T15:30:00Z$/);
});

test('filters: status, region whatever its accents, zone, language, priority group and words in the answers', async () => {
  const names = async (query) => {
    const body = ok(await list(query));
    assert.equal(body.counts.total, 5, query);
    assert.equal(body.counts.shown, body.people.length, query);
    return body.people.map((p) => p.name);
  };
  assert.deepEqual(await names('status=accepted'), ['Zoé Lefèvre', 'Émile Dubois']);
  assert.deepEqual(await names('region=QUEBEC'), ['Zoé Lefèvre', 'Bea Quinn']);
  assert.deepEqual(await names('zone=Africa%2FAccra'), ['Kwame Mensah', 'Bea Quinn']);
  assert.deepEqual(await names('language=en'), ['Kwame Mensah', 'Ana Souza', 'Bea Quinn']);
  assert.deepEqual(await names('priority=true'), ['Zoé Lefèvre']);
  assert.deepEqual(await names('priority=false&language=fr'), ['Émile Dubois']);
  assert.deepEqual(await names('q=SOLIDARITE%20alimentaire'), ['Zoé Lefèvre']);
  assert.deepEqual(await names('q=sous-titres'), ['Émile Dubois']);
  assert.deepEqual(await names('q=nobody%20says%20this'), []);
  const filtered = ok(await list('status=accepted&region=France'));
  assert.deepEqual(filtered.filter, { status: 'accepted', region: 'France' });
  const refused = await list('status=gone');
  assertProblem(refused, 400, 'an unknown status');
  assert.deepEqual(refused.body.errors.map((e) => e.field), ['status']);
  assert.match(refused.body.errors[0].message, /Statut inconnu/);
  assertProblem(await list('priority=maybe'), 400, 'an unknown priority');
});

test('another network’s coordinator finds nothing on any new route; nobody signed in is asked to sign in', async () => {
  const routes = [
    ['GET', `/api/dashboard/editions/${EDITION}/registrations`],
    ['GET', `/api/dashboard/editions/${EDITION}/registrations.csv?separator=comma&clock=UTC&lang=en`],
    ['POST', '/api/dashboard/registrations/test-people-r2/decision', { decision: 'accept' }],
    ['GET', `/api/dashboard/sessions/${S1}/attendance`],
    ['PUT', `/api/dashboard/sessions/${S1}/attendance/test-people-r1`, { mark: 'present' }],
  ];
  for (const [method, path, body] of routes) {
    assertProblem(await call(method, path, { as: 'ggsn', body }), 404, `${method} ${path} as another network`);
    assertProblem(await call(method, path.replace(/test-people-[a-z0-9-]+/, 'nothing-here'), { as: 'hub', body }), 404, `${method} ${path} naming nothing`);
    assertProblem(await call(method, path, { body }), 401, `${method} ${path} signed out`);
  }
  // Nothing changed: no mark, no decision.
  assert.deepEqual(sql(`SELECT count(*) AS n FROM attendance WHERE session_id = ${q(S1)}`), [{ n: 0 }]);
  assert.deepEqual(sql(`SELECT status FROM registration WHERE id = 'test-people-r2'`), [{ status: 'applied' }]);
});

test('attendance: one tap per person with a place, figures after each, every mark audited; the facilitator marks but does not decide', async () => {
  const listed = ok(await call('GET', `/api/dashboard/sessions/${S1}/attendance`, { as: 'hub' }));
  assert.deepEqual(listed.people.map((p) => [p.name, p.mark ?? null]), [['Émile Dubois', null], ['Zoé Lefèvre', null]]);
  assert.deepEqual(listed.session.figures, { present: 0, absent: 0, excused: 0, unmarked: 2 });
  assert.equal(listed.edition_id, EDITION);

  const mark = (registration, m, as = 'hub', session = S1) => call('PUT', `/api/dashboard/sessions/${session}/attendance/${registration}`, { as, body: { mark: m } });
  const first = ok(await mark('test-people-r1', 'present'));
  assert.equal(first.line.mark, 'present');
  assert.deepEqual(first.figures, { present: 1, absent: 0, excused: 0, unmarked: 1 });
  const changed = ok(await mark('test-people-r1', 'excused'));
  assert.deepEqual(changed.figures, { present: 0, absent: 0, excused: 1, unmarked: 1 });
  // The offering's facilitator is in the room: they mark.
  const byFacilitator = ok(await mark('test-people-r4', 'absent', 'facilitator'));
  assert.deepEqual(byFacilitator.figures, { present: 0, absent: 1, excused: 1, unmarked: 0 });
  ok(await mark('test-people-r1', 'present', 'hub', S2));

  // Nobody without a place, no cancelled session, no mark outside the three.
  assertProblem(await mark('test-people-r3', 'present'), 409, 'someone waiting');
  assertProblem(await mark('test-people-r1', 'present', 'hub', S_OFF), 409, 'a cancelled session');
  const unknown = await mark('test-people-r1', 'late');
  assertProblem(unknown, 400, 'an unknown mark');
  assert.deepEqual(unknown.body.errors.map((e) => e.field), ['mark']);

  const audit = sql(`SELECT account_id, entity_id, changes FROM audit WHERE action = 'attendance' AND entity_id LIKE 'test-people-%' ORDER BY id`);
  assert.equal(audit.length, 4, JSON.stringify(audit));
  assert.deepEqual(JSON.parse(audit[1].changes), { session: S1, mark: { before: 'present', after: 'excused' } });
  assert.equal(audit[2].account_id, STAFF.facilitator.id);

  // Figures per session and for the edition.
  const people = ok(await list());
  assert.deepEqual(people.sessions.map((s) => s.figures), [
    { present: 0, absent: 1, excused: 1, unmarked: 0 },
    { present: 1, absent: 0, excused: 0, unmarked: 1 },
    { present: 0, absent: 0, excused: 0, unmarked: 2 },
  ]);
  assert.deepEqual(people.attendance, { present: 1, absent: 1, excused: 1, unmarked: 1 }, 'cancelled sessions are not counted');

  // The facilitator reads, and decides nothing.
  const read = ok(await list('', 'facilitator'));
  assert.equal(read.may_decide, false);
  assertProblem(await call('POST', '/api/dashboard/registrations/test-people-r2/decision', { as: 'facilitator', body: { decision: 'accept' } }), 403, 'a facilitator deciding');
});

test('decisions from the dashboard go through the coordinators’ rules', async () => {
  const accepted = ok(await call('POST', '/api/dashboard/registrations/test-people-r2/decision', { as: 'hub', body: { decision: 'accept', note: 'See you on Tuesday, Kwame.' } }));
  assert.equal(accepted.status, 'accepted');
  // The message tells the decision with the coordinator's words, in the person's language.
  let sent;
  for (let i = 0; i < 40 && !sent; i++) {
    [sent] = sql(`SELECT note, body FROM outbox WHERE registration_id = 'test-people-r2' AND kind = 'accepted' AND sent_at IS NOT NULL`);
    if (!sent) await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(sent, 'the acceptance was sent');
  assert.equal(sent.note, 'See you on Tuesday, Kwame.');
  assert.match(sent.body.replace(/[\u2068\u2069]/g, ''), /A message from the team: See you on Tuesday, Kwame\./);
  assertProblem(await call('POST', '/api/dashboard/registrations/test-people-r2/decision', { as: 'hub', body: { decision: 'accept' } }), 409, 'accepted twice');
  const refused = await call('POST', '/api/dashboard/registrations/test-people-r3/decision', { as: 'hub', body: { decision: 'remove' } });
  assertProblem(refused, 400, 'a removal without its reason');
  assert.deepEqual(refused.body.errors.map((e) => e.field), ['reason']);
  const waiting = ok(await list('status=accepted'));
  assert.deepEqual(waiting.people.map((p) => p.name), ['Zoé Lefèvre', 'Kwame Mensah', 'Émile Dubois']);
  // Kwame now has a place: on the attendance list.
  const listed = ok(await call('GET', `/api/dashboard/sessions/${S1}/attendance`, { as: 'hub' }));
  assert.equal(listed.people.length, 3);
});

test('the CSV export: a byte-order mark, the separator asked for, headers in the language, times on the chosen clock, only the notice’s fields', async () => {
  const res = await call('GET', `/api/dashboard/editions/${EDITION}/registrations.csv?separator=semicolon&clock=America%2FToronto&lang=fr`, { as: 'hub' });
  assert.equal(res.status, 200, res.text);
  assert.match(res.type, /^text\/csv; charset=utf-8/);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.match(res.headers.get('content-disposition'), /^attachment; filename="relais-test-people-edition-\d{4}-\d{2}-\d{2}\.csv"$/);
  assert.deepEqual([...res.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  assert.match(res.bytes.toString('utf8'), /\r\n/);
  const rows = pythonRows(res.bytes, ';');
  const [header, ...lines] = rows;
  assert.deepEqual(header, [
    'Nom', 'Courriel', 'Langue des messages', 'Fuseau horaire', 'Pays ou région', 'Organisation', 'Besoins d’accessibilité',
    'Groupe prioritaire', 'Statut', 'Inscription le', 'Pourquoi venir ?', 'Membre d’un groupe local ?',
    'Présence 2027-03-02 18:00', 'Présence 2027-03-16 18:00',
  ]);
  assert.equal(lines.length, 5);
  const zoe = lines.find((l) => l[0] === 'Zoé Lefèvre');
  // 15:30 UTC on 15 October is 11:30 in Toronto (daylight time).
  assert.deepEqual(zoe, ['Zoé Lefèvre', 'test-people-r1@example.org', 'fr', 'America/Montreal', 'Québec', '', '', 'oui', 'acceptée', '2026-10-15 11:30', 'Organiser la solidarité alimentaire', 'oui', 'excusé·e', 'présent·e']);
  const emile = lines.find((l) => l[0] === 'Émile Dubois');
  assert.equal(emile[5], "'=1+1", 'a formula stays text');
  assert.equal(emile[6], 'Sous-titres');
  // Nothing the notice does not name: no manage links, no ids, no consent times.
  assert.doesNotMatch(res.text, /test-people-r\d[^@]/);

  const english = await call('GET', `/api/dashboard/editions/${EDITION}/registrations.csv?separator=comma&clock=Asia%2FKolkata&lang=en&status=accepted`, { as: 'hub', lang: 'en' });
  assert.equal(english.status, 200, english.text);
  const [enHeader, ...enLines] = pythonRows(english.bytes, ',');
  assert.equal(enHeader[0], 'Name');
  assert.equal(enHeader[12], 'Attendance 2027-03-03 04:30', 'the session on Kolkata’s clock');
  assert.deepEqual(enLines.map((l) => l[0]), ['Zoé Lefèvre', 'Kwame Mensah', 'Émile Dubois'], 'the filter applies');
  assert.equal(enLines[0][9], '2026-10-15 21:00');
  assert.equal(enLines[0][8], 'accepted');
  // Every filter of the page, the zone too: the clock of the times is a parameter of its own.
  const inAccra = await call('GET', `/api/dashboard/editions/${EDITION}/registrations.csv?separator=comma&zone=Africa%2FAccra&clock=Asia%2FKolkata&lang=en`, { as: 'hub', lang: 'en' });
  assert.equal(inAccra.status, 200, inAccra.text);
  const [, ...accraLines] = pythonRows(inAccra.bytes, ',');
  assert.deepEqual(accraLines.map((l) => [l[0], l[3], l[9]]), [['Kwame Mensah', 'Africa/Accra', '2026-10-16 14:30'], ['Bea Quinn', 'Africa/Accra', '2026-10-19 13:30']]);
  assert.deepEqual(accraLines.map((l) => l[0]), ok(await list('zone=Africa%2FAccra')).people.map((p) => p.name), 'the page’s people, in its order');

  // Default separator: the language's.
  const byDefault = await call('GET', `/api/dashboard/editions/${EDITION}/registrations.csv?lang=fr`, { as: 'hub' });
  assert.match(byDefault.text.split('\r\n')[0], /^\uFEFFNom;Courriel;/);
  assertProblem(await call('GET', `/api/dashboard/editions/${EDITION}/registrations.csv?separator=tab`, { as: 'hub' }), 400, 'an unknown separator');
  const unknownClock = await call('GET', `/api/dashboard/editions/${EDITION}/registrations.csv?clock=Mars%2FOlympus`, { as: 'hub' });
  assertProblem(unknownClock, 400, 'an unknown clock');
  assert.deepEqual(unknownClock.body.errors.map((e) => e.field), ['clock']);
  assert.match(unknownClock.body.errors[0].message, /Fuseau horaire inconnu/);
  // Times in UTC when no clock is given.
  const utc = pythonRows((await call('GET', `/api/dashboard/editions/${EDITION}/registrations.csv?separator=comma&zone=Africa%2FAccra&lang=en`, { as: 'hub', lang: 'en' })).bytes, ',');
  assert.equal(utc[1][9], '2026-10-16 09:00');
});
