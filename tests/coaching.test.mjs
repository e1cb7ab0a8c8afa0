// Coaching on request against the real local stack (workerd with D1 and KV): a neighbourhood
// registers with PIC as an organisation and reads its private link from the message; its
// page shows PIC's programme with this year's 31 hours, the pool's places and the offerings
// it can ask for; a request is refused by name in the caller's language, then recorded; and
// twenty neighbourhoods asking at once for a pool of nine places get exactly nine, the
// eleven others told why, with nothing half-written; a place given back by a withdrawn or
// declined request goes to the next neighbourhood asking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { afterBurst, fetch } from './client.mjs';
import { sql, staffSql } from './state.mjs';
import { inviteAndJoin, lastMessageId, sentMessage } from './accounts.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const RUN = randomBytes(3).toString('hex');
const DOMAIN = 'coaching-api.example.org';
// A network of its own for the race, so that the demo's pool is left as it is. Its offering
// is published, as an offering on request must be, so it has its texts in both languages: it
// stays in the catalog the later files read.
const RACE = { network: `course-${RUN}`, offering: `course-${RUN}-extra`, programme: `course-${RUN}-menu` };
const NEIGHBOURHOODS = 20;
const PLACES = 9;

const COORDINATOR = { id: `acc-coaching-${RUN}`, email: `pic.${RUN}@${DOMAIN}`, password: 'the coaching passphrase' };
const ELSEWHERE = { id: `acc-coaching-hub-${RUN}`, email: `hub.${RUN}@${DOMAIN}`, password: 'the other network passphrase' };
const NISKA = { email: `niska.${RUN}@${DOMAIN}`, password: 'the partner passphrase' };

async function call(method, path, { body, lang = 'en', session } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: {
      'CF-Connecting-IP': `10.67.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
      'Accept-Language': lang,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(session ? { Cookie: `__Host-relais_session=${session.token}`, 'X-CSRF-Token': session.csrf } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, type: res.headers.get('content-type') ?? '' };
}

const organisation = (who, extra = {}) => ({
  name: `Table de quartier ${who}`,
  kind: 'neighbourhood',
  area: `Quartier ${who}`,
  contact: { name: `Contact ${who}`, email: `${who}.${RUN}@${DOMAIN}`, lang: 'fr', zone: 'America/Toronto', consent: true },
  ...extra,
});

/** The organisation page's token in a message. */
function organisationToken(message) {
  const found = /\/(fr|en)\/organisations\/([0-9a-f]{48})(\?offering=[a-z0-9-]+)?(\s|$)/.exec(message.body);
  assert.ok(found, `an organisation link in: ${message.body}`);
  return found[2];
}

async function login({ email, password }) {
  const res = await call('POST', '/api/auth/login', { body: { email, password } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(res.headers.get('set-cookie'))[1], csrf: res.body.csrf_token };
}

// The first test's neighbourhood, its link and its request, for the coordinator's steps.
const hochelaga = {};
// The race's neighbourhoods that got a place and those refused, with their requests.
const race = { holders: [], refused: [] };

before(() => {
  sql(staffSql({ ...COORDINATOR, name: 'Coordination PIC', networks: ['pic'] }));
  sql(staffSql({ ...ELSEWHERE, name: 'Coordination Hub', networks: ['hub'] }));
  const neighbourhoods = Array.from({ length: NEIGHBOURHOODS }, (_, i) =>
    `('${RACE.network}-${i}', '${RACE.network}', 'Quartier ${i}', 'neighbourhood', '', '2026-01-01T00:00:00Z')`);
  const tokens = Array.from({ length: NEIGHBOURHOODS }, (_, i) =>
    `('${createHash('sha256').update(raceToken(i)).digest('hex')}', '${RACE.network}-${i}', '2026-01-01T00:00:00Z')`);
  sql(`INSERT INTO network (id, name, created_at) VALUES ('${RACE.network}', 'Course ${RUN}', '2026-01-01T00:00:00Z');
       INSERT INTO offering (id, kind, title, summary, description, format, network_id, state)
         VALUES ('${RACE.offering}', 'coaching', '{"fr":"Heures supplémentaires ${RUN}","en":"Extra hours ${RUN}"}',
           '{"fr":"Neuf places par année.","en":"Nine places a year."}', '{"fr":"Premier arrivé, premier servi.","en":"First come, first served."}',
           'online', '${RACE.network}', 'published');
       INSERT INTO coaching_programme (id, network_id, name, allowance_minutes, carry_over, total_cap_minutes, pool_places, pool_minutes)
         VALUES ('${RACE.programme}', '${RACE.network}', '{"fr":"Menu"}', 1860, 1, 3720, ${PLACES}, 1800);
       INSERT INTO coaching_offer (offering_id, programme_id, account) VALUES ('${RACE.offering}', '${RACE.programme}', 'pool');
       INSERT INTO organisation (id, network_id, name, kind, area, created_at) VALUES ${neighbourhoods.join(', ')};
       INSERT INTO organisation_token (token_hash, organisation_id, created_at) VALUES ${tokens.join(', ')};`);
});

after(() => {
  // The ledger is append-only by design: the race's network is left with its entries, as a
  // real one's would be; its contacts and links go.
  sql(`DELETE FROM account WHERE id IN ('${COORDINATOR.id}', '${ELSEWHERE.id}') OR email = '${NISKA.email}';
       DELETE FROM organisation_token WHERE organisation_id LIKE '${RACE.network}-%';
       DELETE FROM organisation_contact WHERE email LIKE '%.${RUN}@${DOMAIN}';`);
});

function raceToken(i) {
  return createHash('sha256').update(`${RUN}-${i}`).digest('hex').slice(0, 48);
}

test('a neighbourhood registers with PIC, reads its link from the message, and its page shows this year’s hours and what it can ask for', async () => {
  const after = lastMessageId();
  const sent = await call('POST', '/api/networks/pic/organisations', {
    body: organisation('hochelaga', { offering: 'pic-accompagnement-apprentissage' }),
  });
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  assert.deepEqual(sent.body, { network_id: 'pic', status: 'link_sent' });
  const message = await sentMessage(`hochelaga.${RUN}@${DOMAIN}`, 'organisation_link', after);
  assert.match(message.subject, /Table de quartier hochelaga/);
  assert.match(message.body, /\?offering=pic-accompagnement-apprentissage/);
  const token = organisationToken(message);

  const page = await call('GET', `/api/organisations/${token}?lang=fr`);
  assert.equal(page.status, 200, JSON.stringify(page.body));
  assert.equal(page.headers.get('cache-control'), 'private, no-store');
  assert.equal(page.body.name, 'Table de quartier hochelaga');
  assert.equal(page.body.kind, 'neighbourhood');
  assert.deepEqual(page.body.contacts.map((c) => c.email), [`hochelaga.${RUN}@${DOMAIN}`]);
  const [budget] = page.body.budgets;
  assert.equal(budget.programme_id, 'pic-menu-des-possibles');
  assert.equal(budget.period, new Date().getUTCFullYear());
  assert.equal(budget.allowance.granted, 31 * 60, 'this year’s 31 hours');
  assert.equal(budget.allowance.left, 31 * 60);
  assert.equal(budget.pool.places, 9);
  assert.equal(budget.pool.held, false);
  const offers = Object.fromEntries(page.body.offers.map((o) => [o.offering_id, o]));
  assert.deepEqual(offers['pic-accompagnement-apprentissage'].partners.map((p) => p.name), ['Dynamo', 'Niska', 'Yann Pezzini']);
  assert.equal(offers['pic-accompagnement-autres'].account, 'pool');
  assert.deepEqual(offers['pic-accompagnement-autres'].partners.map((p) => p.id), ['dynamo']);

  // Registering again with the same address and name sends a new link to the same one.
  const again = await call('POST', '/api/networks/pic/organisations', { body: organisation('hochelaga') });
  assert.equal(again.status, 202);
  assert.equal(sql(`SELECT count(*) AS n FROM organisation WHERE network_id = 'pic' AND name = 'Table de quartier hochelaga'`)[0].n, 1);
  const second = await sentMessage(`hochelaga.${RUN}@${DOMAIN}`, 'organisation_link', message.id);
  const page2 = await call('GET', `/api/organisations/${organisationToken(second)}`);
  assert.equal(page2.body.id, page.body.id);

  // A request refused by name, in French; then recorded, its hours drawn from this year.
  const refused = await call('POST', `/api/organisations/${token}/requests`, {
    lang: 'fr',
    body: { offering_id: 'pic-accompagnement-apprentissage', subject: ' ', partner: 'inconnu', languages: [] },
  });
  assert.equal(refused.status, 400);
  assert.match(refused.type, /^application\/problem\+json/);
  const fields = Object.fromEntries(refused.body.errors.map((e) => [e.field, e.message]));
  assert.ok(fields.subject && fields.question && fields.partner, JSON.stringify(refused.body.errors));
  assert.match(fields.partner, /partenaire/);
  const notOnRequest = await call('POST', `/api/organisations/${token}/requests`, {
    body: { offering_id: 'hub-ateliers-coaching', subject: 'S', question: 'Q', languages: ['fr'] },
  });
  assert.equal(notOnRequest.status, 400);
  assert.equal(notOnRequest.body.errors[0].field, 'offering_id');

  const asked = await call('POST', `/api/organisations/${token}/requests`, {
    body: {
      offering_id: 'pic-accompagnement-apprentissage',
      subject: 'Mobiliser les locataires',
      question: 'Comment rejoindre les personnes qu’on ne voit jamais aux assemblées ?',
      partner: 'niska',
      availability: 'Les mardis soir',
      languages: ['fr'],
    },
  });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  assert.equal(asked.body.stage, 'ready', 'no check to confirm first');
  Object.assign(hochelaga, { token, id: page.body.id, request: asked.body.id });
  assert.equal(asked.body.pool_place, false);
  const listed = await call('GET', `/api/organisations/${token}?lang=en`);
  assert.deepEqual(listed.body.requests.map((r) => [r.subject, r.stage, r.offering_title]),
    [['Mobiliser les locataires', 'ready', 'Advisory support on a learning question']]);
  // The year opened in the ledger: its grant written once.
  const grants = sql(`SELECT count(*) AS n FROM coaching_ledger WHERE organisation_id = '${page.body.id}' AND movement = 'granted'`);
  assert.equal(grants[0].n, 1);
});

test('twenty neighbourhoods asking for a pool of nine places at once: nine granted, eleven told why, nothing half-written', async () => {
  const ask = (i) => call('POST', `/api/organisations/${raceToken(i)}/requests`, {
    lang: i % 2 ? 'en' : 'fr',
    body: { offering_id: RACE.offering, subject: `Sujet ${i}`, question: 'Une question au cœur de l’initiative', languages: ['fr'] },
  });
  const answers = await Promise.all(Array.from({ length: NEIGHBOURHOODS }, (_, i) => ask(i)));
  await afterBurst();
  const granted = answers.filter((a) => a.status === 201);
  const refused = answers.filter((a) => a.status !== 201);
  assert.equal(granted.length, PLACES, answers.map((a) => a.status).join(' '));
  assert.ok(granted.every((a) => a.body.pool_place === true));
  assert.equal(refused.length, NEIGHBOURHOODS - PLACES);
  for (const a of refused) {
    assert.equal(a.status, 409, JSON.stringify(a.body));
    assert.match(a.type, /^application\/problem\+json/);
    assert.match(a.body.detail, /(places de cette enveloppe sont prises|place of this pool is taken)/, a.body.detail);
  }
  const count = (from, where = '') => sql(`SELECT count(*) AS n FROM ${from} WHERE organisation_id LIKE '${RACE.network}-%' ${where}`)[0].n;
  assert.equal(count('coaching_request'), PLACES, 'a refused request is not recorded');
  assert.equal(count('coaching_pool_place'), PLACES);
  assert.equal(count('coaching_ledger', "AND account = 'pool' AND movement = 'granted'"), PLACES, 'one grant per place');
  const minutes = sql(`SELECT sum(minutes) AS m FROM coaching_ledger WHERE organisation_id LIKE '${RACE.network}-%' AND account = 'pool'`)[0].m;
  assert.equal(minutes, PLACES * 30 * 60);

  // A neighbourhood that holds its place is told so, and its page says how many are left.
  const holder = answers.findIndex((a) => a.status === 201);
  const twice = await ask(holder);
  assert.equal(twice.status, 409);
  assert.match(twice.body.detail, /(déjà une place|already holds a place)/);
  const page = await call('GET', `/api/organisations/${raceToken(holder)}`);
  assert.equal(page.body.budgets[0].pool.held, true);
  assert.equal(page.body.budgets[0].pool.places_left, 0);
  assert.equal(page.body.budgets[0].pool.balance.left, 30 * 60);
  answers.forEach((a, i) => (a.status === 201 ? race.holders : race.refused).push({ i, request: a.body.id }));
});

test('a place given back goes to the next neighbourhood asking: one withdrawn from its link, one declined by a coordinator', async () => {
  assert.equal(race.holders.length, PLACES, 'the race ran');
  const RACER = { id: `acc-course-${RUN}`, email: `course.${RUN}@${DOMAIN}`, password: 'the race passphrase' };
  sql(staffSql({ ...RACER, name: 'Coordination course', networks: [RACE.network] }));
  const racer = await login(RACER);
  const places = () => sql(`SELECT count(*) AS n FROM coaching_pool_place WHERE programme_id = '${RACE.programme}'`)[0].n;
  const [first, second] = race.holders;

  const withdrawn = await call('POST', `/api/organisations/${raceToken(first.i)}/requests/${first.request}/withdraw`);
  assert.equal(withdrawn.status, 204, JSON.stringify(withdrawn.body));
  assert.equal(places(), PLACES - 1);
  const page = await call('GET', `/api/organisations/${raceToken(first.i)}`);
  assert.equal(page.body.budgets[0].pool.held, false, 'the place went back with the request');
  assert.equal(page.body.budgets[0].pool.places_left, 1);

  const declined = await call('POST', `/api/dashboard/coaching-requests/${second.request}/steps`, { session: racer, body: { action: 'decline' } });
  assert.equal(declined.status, 200, JSON.stringify(declined.body));
  assert.equal(declined.body.stage, 'declined');
  assert.equal(places(), PLACES - 2);
  const returned = sql(`SELECT organisation_id, minutes, recorded_by FROM coaching_ledger
    WHERE programme_id = '${RACE.programme}' AND movement = 'returned' ORDER BY id`);
  assert.deepEqual(returned, [
    { organisation_id: `${RACE.network}-${first.i}`, minutes: 30 * 60, recorded_by: 'organisation' },
    { organisation_id: `${RACE.network}-${second.i}`, minutes: 30 * 60, recorded_by: RACER.id },
  ], 'each place’s 30 h given back in the ledger, nothing removed from it');

  // Two of those refused ask again and get the two places; a third is still refused.
  const again = (i) => call('POST', `/api/organisations/${raceToken(i)}/requests`, {
    body: { offering_id: RACE.offering, subject: `Encore ${i}`, question: 'Une question au cœur de l’initiative', languages: ['fr'] },
  });
  const [a, b, c] = race.refused;
  assert.equal((await again(a.i)).status, 201);
  assert.equal((await again(b.i)).status, 201);
  const full = await again(c.i);
  assert.equal(full.status, 409);
  assert.match(full.body.detail, /place of this pool is taken/);
  assert.equal(places(), PLACES);
  const desk = await call('GET', `/api/dashboard/networks/${RACE.network}/coaching`, { session: racer });
  assert.equal(desk.body.programmes[0].pool_places_taken, PLACES);
  sql(`DELETE FROM account WHERE id = '${RACER.id}'`);
});

test('an organisation’s link is private: a made-up token is not found, and its page is never cached', async () => {
  const missing = await call('GET', `/api/organisations/${'0'.repeat(48)}`);
  assert.equal(missing.status, 404);
  assert.match(missing.type, /^application\/problem\+json/);
  const refused = await call('POST', '/api/networks/pic/organisations', {
    lang: 'fr',
    body: { name: '', kind: 'club', contact: { email: 'pas une adresse' } },
  });
  assert.equal(refused.status, 400);
  const fields = refused.body.errors.map((e) => e.field).sort();
  for (const f of ['name', 'kind', 'contact.name', 'contact.email', 'contact.lang', 'contact.zone', 'contact.consent']) {
    assert.ok(fields.includes(f), `${f} in ${fields}`);
  }
  const nowhere = await call('POST', '/api/networks/ggsn/organisations', { body: organisation('ailleurs') });
  assert.equal(nowhere.status, 404, 'a network with no coaching on request takes no organisation');
});

test('a coordinator assigns Niska, books a session and records 3 h: the neighbourhood’s page shows them, and another network’s coordinator reaches none of it', async () => {
  assert.ok(hochelaga.request, 'the first test asked');
  const pic = await login(COORDINATOR);
  const hub = await login(ELSEWHERE);
  const step = (body, session = pic, id = hochelaga.request) =>
    call('POST', `/api/dashboard/coaching-requests/${id}/steps`, { session, body, lang: 'fr' });

  const desk = await call('GET', '/api/dashboard/networks/pic/coaching?lang=fr', { session: pic });
  assert.equal(desk.status, 200, JSON.stringify(desk.body));
  const listed = desk.body.requests.find((r) => r.id === hochelaga.request);
  assert.equal(listed.stage, 'ready');
  assert.equal(listed.organisation, 'Table de quartier hochelaga');
  assert.equal(listed.preferred_partner, 'niska');
  assert.equal((await call('GET', '/api/dashboard/networks/pic/coaching', { session: hub })).status, 404);
  assert.equal((await step({ action: 'assign', partner: 'niska' }, hub)).status, 404, 'another network’s request is not found');

  const early = await step({ action: 'record', minutes: 180 });
  assert.equal(early.status, 409, 'nothing to record before a session is booked');
  assert.match(early.body.detail, /étape/);
  const stranger = await step({ action: 'assign', partner: 'framasoft' });
  assert.equal(stranger.status, 400);
  assert.equal(stranger.body.errors[0].field, 'partner');

  const assigned = await step({ action: 'assign', partner: 'niska' });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
  assert.equal(assigned.body.stage, 'assigned');
  const booked = await step({ action: 'book', starts_at: '2026-12-08T23:00:00Z', minutes: 180 });
  assert.equal(booked.status, 200, JSON.stringify(booked.body));
  assert.equal(booked.body.stage, 'booked');
  assert.ok(booked.body.booking);
  const page = await call('GET', `/api/organisations/${hochelaga.token}`);
  assert.equal(page.body.budgets[0].allowance.booked, 180, 'the session’s 3 h are held');
  assert.equal(page.body.requests[0].partner, 'Niska');

  const recorded = await step({ action: 'record', minutes: 180, booking: booked.body.booking });
  assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
  assert.deepEqual([recorded.body.used, recorded.body.paid_by_organisation], [180, 0]);
  const again = await step({ action: 'record', minutes: 180, booking: booked.body.booking });
  assert.equal(again.status, 400, 'a session’s hours are recorded once');
  assert.equal(again.body.errors[0].field, 'booking');

  const after = await call('GET', `/api/organisations/${hochelaga.token}`);
  const allowance = after.body.budgets[0].allowance;
  assert.deepEqual([allowance.used, allowance.booked, allowance.left], [180, 0, 31 * 60 - 180]);
  const deskAfter = await call('GET', '/api/dashboard/networks/pic/coaching', { session: pic });
  const line = deskAfter.body.organisations.find((o) => o.id === hochelaga.id);
  assert.deepEqual([line.allowance.used, line.allowance.left], [180, 31 * 60 - 180]);
  const request = deskAfter.body.requests.find((r) => r.id === hochelaga.request);
  assert.deepEqual(request.bookings.map((b) => [b.minutes, b.state]), [[180, 'given']]);
  // Every entry of the ledger: the year's grant, the booking held then released, the use.
  const movements = sql(`SELECT movement, minutes FROM coaching_ledger WHERE organisation_id = '${hochelaga.id}' ORDER BY id`)
    .map((r) => `${r.movement} ${r.minutes}`);
  assert.deepEqual(movements, ['granted 1860', 'booked 180', 'released 180', 'used 180']);

  const closed = await step({ action: 'close' });
  assert.equal(closed.body.stage, 'closed');
  assert.equal((await step({ action: 'book', starts_at: '2026-12-15T23:00:00Z', minutes: 60 })).status, 409, 'a closed request takes nothing more');
});

test('the yearly report lists the neighbourhood’s hours and Niska’s, on screen and as a spreadsheet in the reader’s language; a wrong year is refused by name', async () => {
  assert.ok(hochelaga.request, 'the first test asked');
  const pic = await login(COORDINATOR);
  const hub = await login(ELSEWHERE);
  const year = new Date().getUTCFullYear();

  const report = await call('GET', `/api/dashboard/networks/pic/coaching/report?year=${year}&lang=fr`, { session: pic });
  assert.equal(report.status, 200, JSON.stringify(report.body));
  assert.equal(report.body.period, year);
  const menu = report.body.programmes.find((p) => p.partners.some((c) => c.id === 'niska'));
  assert.ok(menu, 'the programme whose partner Niska is');
  const line = menu.report.neighbourhoods.find((n) => n.organisation.id === hochelaga.id);
  assert.deepEqual([line.allowance.granted, line.allowance.used, line.allowance.left], [31 * 60, 180, 31 * 60 - 180]);
  const niska = menu.report.partners.find((p) => p.partner === 'niska');
  assert.ok(niska.given >= 180 && niska.organisations >= 1, JSON.stringify(niska));
  // The demo's neighbourhoods registered years ago; one registered later is not in an older year.
  const before = await call('GET', `/api/dashboard/networks/pic/coaching/report?year=${year - 1}`, { session: pic });
  assert.ok(!before.body.programmes.some((p) => p.report.neighbourhoods.some((n) => n.organisation.id === hochelaga.id)));

  const file = await fetch(`${BASE}/api/dashboard/networks/pic/coaching/report.csv?year=${year}&lang=fr`, {
    headers: { Cookie: `__Host-relais_session=${pic.token}` },
  });
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-type'), /^text\/csv/);
  assert.equal(file.headers.get('cache-control'), 'no-store');
  const bytes = Buffer.from(await file.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark, as spreadsheets want');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.startsWith('Année;Programme;Organisation;'), text.slice(0, 80));
  const row = text.split('\r\n').find((l) => l.includes('Table de quartier hochelaga'));
  assert.ok(row, text);
  const cells = row.split(';');
  assert.deepEqual(cells.slice(4, 7), ['31', '0', '3'], 'granted, carried in, used, in hours');
  assert.equal(cells[9], '28');
  const partners = await (await fetch(`${BASE}/api/dashboard/networks/pic/coaching/report.csv?year=${year}&by=partners&lang=en&separator=comma`, {
    headers: { Cookie: `__Host-relais_session=${pic.token}` },
  })).text();
  assert.ok(partners.startsWith('Year,Programme,Partner,'), partners.slice(0, 80));
  assert.ok(partners.split('\r\n').some((l) => l.split(',')[2] === 'Niska'), partners);

  const wrong = await call('GET', '/api/dashboard/networks/pic/coaching/report?year=1999', { session: pic, lang: 'fr' });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.errors[0].field, 'year');
  assert.match(wrong.body.errors[0].message, /Année inconnue/);
  assert.equal((await call('GET', '/api/dashboard/networks/pic/coaching/report', { session: hub })).status, 404);
  assert.equal((await call('GET', '/api/dashboard/networks/pic/coaching/report.csv')).status, 401);
});

test('an organisation’s messages are on its network’s messages page, by organisation and contact, never with the link; another network does not see them', async () => {
  assert.ok(hochelaga.id, 'the first test registered');
  const pic = await login(COORDINATOR);
  const hub = await login(ELSEWHERE);
  const outbox = await call('GET', '/api/dashboard/networks/pic/outbox?lang=fr', { session: pic });
  assert.equal(outbox.status, 200, JSON.stringify(outbox.body));
  const links = outbox.body.filter((m) => m.kind === 'organisation_link' && m.organisation === 'Table de quartier hochelaga');
  assert.ok(links.length >= 1, JSON.stringify(outbox.body.slice(0, 5)));
  assert.deepEqual([links[0].to, links[0].edition_id, links[0].offering_title], ['Contact hochelaga', null, null]);
  assert.ok(!JSON.stringify(outbox.body).includes(hochelaga.token), 'no organisation link in the list');
  const elsewhere = await call('GET', '/api/dashboard/networks/hub/outbox', { session: hub });
  assert.equal(elsewhere.status, 200);
  assert.ok(!elsewhere.body.some((m) => m.organisation === 'Table de quartier hochelaga'));
});

test('the Hub’s tailored workshops are asked for with no budget: assigned, a session booked and given, and no hour counted', async () => {
  const hub = await login(ELSEWHERE);
  const after = lastMessageId();
  const sent = await call('POST', '/api/networks/hub/organisations', {
    body: organisation('groupe', { kind: 'collective', offering: 'hub-ateliers-coaching' }),
  });
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  const token = organisationToken(await sentMessage(`groupe.${RUN}@${DOMAIN}`, 'organisation_link', after));
  const page = await call('GET', `/api/organisations/${token}?lang=en`);
  assert.equal(page.status, 200, JSON.stringify(page.body));
  assert.deepEqual(page.body.budgets, [], 'no hours to count');
  const offer = page.body.offers.find((o) => o.offering_id === 'hub-ateliers-coaching');
  assert.equal(offer.programme_id, null);
  assert.deepEqual(offer.partners.map((p) => p.id), ['le-hub']);

  const asked = await call('POST', `/api/organisations/${token}/requests`, {
    body: { offering_id: 'hub-ateliers-coaching', subject: 'Prendre soin de l’équipe', question: 'Comment sortir du cycle d’épuisement ?', languages: ['fr'] },
  });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  assert.deepEqual([asked.body.stage, asked.body.pool_place], ['ready', false]);
  const step = (body) => call('POST', `/api/dashboard/coaching-requests/${asked.body.id}/steps`, { session: hub, body, lang: 'fr' });
  assert.equal((await step({ action: 'assign', partner: 'le-hub' })).body.stage, 'assigned');
  const booked = await step({ action: 'book', starts_at: '2026-12-10T18:00:00Z', minutes: 120 });
  assert.equal(booked.status, 200, JSON.stringify(booked.body));
  assert.equal(booked.body.stage, 'booked');
  const unnamed = await step({ action: 'record', minutes: 90 });
  assert.equal(unnamed.status, 400, 'the session given is named');
  assert.equal(unnamed.body.errors[0].field, 'booking');
  const given = await step({ action: 'record', minutes: 150, booking: booked.body.booking });
  assert.equal(given.status, 200, JSON.stringify(given.body));
  assert.deepEqual([given.body.used, given.body.paid_by_organisation], [0, 0]);
  const twice = await step({ action: 'record', minutes: 150, booking: booked.body.booking });
  assert.equal(twice.status, 400, 'a session is given once');
  assert.equal(twice.body.errors[0].field, 'booking');

  assert.deepEqual(sql(`SELECT state, minutes FROM coaching_booking WHERE id = '${booked.body.booking}'`), [{ state: 'given', minutes: 150 }]);
  assert.equal(sql(`SELECT count(*) AS n FROM coaching_ledger WHERE organisation_id = '${page.body.id}'`)[0].n, 0, 'nothing drawn on');
  const desk = await call('GET', '/api/dashboard/networks/hub/coaching', { session: hub });
  assert.deepEqual(desk.body.requests.find((r) => r.id === asked.body.id).bookings.map((b) => b.state), ['given']);
  assert.equal((await step({ action: 'close' })).body.stage, 'closed');

  // The group withdraws a request from its link before any session; a closed one stays.
  const withdraw = (id) => call('POST', `/api/organisations/${token}/requests/${id}/withdraw`, { lang: 'fr' });
  const closed = await withdraw(asked.body.id);
  assert.equal(closed.status, 409);
  assert.match(closed.body.detail, /étape/);
  const second = await call('POST', `/api/organisations/${token}/requests`, {
    body: { offering_id: 'hub-ateliers-coaching', subject: 'Un atelier de plus', question: 'Et ensuite ?', languages: ['fr'] },
  });
  assert.equal(second.status, 201, JSON.stringify(second.body));
  assert.equal((await withdraw('made-up')).status, 404);
  assert.equal((await call('POST', `/api/organisations/${'0'.repeat(48)}/requests/${second.body.id}/withdraw`)).status, 404);
  assert.equal((await withdraw(second.body.id)).status, 204);
  const stages = (await call('GET', `/api/organisations/${token}`)).body.requests.map((r) => [r.subject, r.stage]);
  assert.deepEqual(stages.sort(), [['Prendre soin de l’équipe', 'closed'], ['Un atelier de plus', 'withdrawn']]);
  assert.equal((await withdraw(second.body.id)).status, 409, 'withdrawn once');
});

test('a new team takes over from the organisation’s link: a person added gets a link of their own, the one who leaves takes their links with them, the last contact stays', async () => {
  assert.ok(hochelaga.token, 'the first test registered');
  const add = (token, body, lang = 'en') => call('POST', `/api/organisations/${token}/contacts`, { body, lang });
  const remove = (token, id, lang = 'en') => call('DELETE', `/api/organisations/${token}/contacts/${id}`, { lang });

  const refused = await add(hochelaga.token, {}, 'fr');
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body.errors.map((e) => e.field).sort(), ['consent', 'email', 'lang', 'name', 'zone']);
  assert.equal(refused.body.errors.find((e) => e.field === 'name').message, 'Ce champ est obligatoire.');

  const before = (await call('GET', `/api/organisations/${hochelaga.token}`)).body.contacts;
  assert.equal(before.length, 1);
  const after = lastMessageId();
  const person = { name: 'Relève hochelaga', email: `releve.${RUN}@${DOMAIN}`, lang: 'en', zone: 'America/Toronto', consent: true };
  const added = await add(hochelaga.token, person);
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.deepEqual([added.body.name, added.body.email, added.body.lang], [person.name, person.email, 'en']);
  const theirs = organisationToken(await sentMessage(person.email, 'organisation_link', after));
  assert.notEqual(theirs, hochelaga.token, 'a link of their own');
  const page = await call('GET', `/api/organisations/${theirs}`);
  assert.equal(page.body.id, hochelaga.id);
  assert.deepEqual(page.body.contacts.map((c) => c.email), [before[0].email, person.email]);
  const twice = await add(theirs, person, 'fr');
  assert.equal(twice.status, 400);
  assert.deepEqual(twice.body.errors.map((e) => [e.field, e.code]), [['email', 'contact-exists']]);

  // The first contact leaves: the links sent to them stop working, the new one's does not.
  assert.equal((await remove(theirs, 'made-up')).status, 404);
  const left = await remove(theirs, before[0].id);
  assert.equal(left.status, 204, JSON.stringify(left.body));
  assert.equal((await call('GET', `/api/organisations/${hochelaga.token}`)).status, 404);
  const now = await call('GET', `/api/organisations/${theirs}`);
  assert.deepEqual(now.body.contacts.map((c) => c.email), [person.email]);
  assert.equal(sql(`SELECT count(*) AS n FROM outbox WHERE contact_id = '${before[0].id}' AND (recipient IS NOT NULL OR manage_url IS NOT NULL)`)[0].n, 0,
    'their messages keep nothing of them');
  const last = await remove(theirs, added.body.id, 'fr');
  assert.equal(last.status, 409);
  assert.match(last.body.detail, /dernier contact/);
  assert.equal((await call('GET', `/api/organisations/${theirs}`)).status, 200);
});

test('a partner signs in for Niska: it sees and takes on the requests assigned to Niska only, books and records hours, and takes no coordinator’s step', async () => {
  const pic = await login(COORDINATOR);
  const after = lastMessageId();
  const registered = await call('POST', '/api/networks/pic/organisations', { body: organisation('rosemont') });
  assert.equal(registered.status, 202, JSON.stringify(registered.body));
  const token = organisationToken(await sentMessage(`rosemont.${RUN}@${DOMAIN}`, 'organisation_link', after));
  const ask = async (subject) => {
    const asked = await call('POST', `/api/organisations/${token}/requests`, {
      body: { offering_id: 'pic-accompagnement-apprentissage', subject, question: 'Comment ?', languages: ['fr'] },
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    return asked.body.id;
  };
  const forNiska = await ask('Tenir une assemblée ouverte');
  const forDynamo = await ask('Écrire notre plan d’action');
  const step = (id, body, session = pic) =>
    call('POST', `/api/dashboard/coaching-requests/${id}/steps`, { session, body, lang: 'fr' });
  assert.equal((await step(forNiska, { action: 'assign', partner: 'niska' })).status, 200);
  assert.equal((await step(forDynamo, { action: 'assign', partner: 'dynamo' })).status, 200);

  // Invited for one of the network's partners, named; never for another network's.
  const invite = (body, lang = 'fr') =>
    call('POST', '/api/networks/pic/invitations', { session: pic, lang, body: { email: NISKA.email, lang: 'fr', ...body } });
  const unnamed = await invite({ role: 'partner' });
  assert.equal(unnamed.status, 400);
  assert.deepEqual(unnamed.body.errors.map((e) => [e.field, e.code]), [['partner', 'required']]);
  const elsewhere = await invite({ role: 'partner', partner: 'framasoft' }, 'en');
  assert.equal(elsewhere.status, 400);
  assert.deepEqual(elsewhere.body.errors.map((e) => [e.field, e.code]), [['partner', 'unknown-partner-of-network']]);
  assert.match(elsewhere.body.errors[0].message, /network/);
  assert.equal(sql(`SELECT count(*) AS n FROM account_link WHERE email = '${NISKA.email}'`)[0].n, 0, 'nothing written');
  const { session: niska, invited } = await inviteAndJoin(call, pic, 'pic', { ...NISKA, role: 'partner', partner: 'niska', name: 'Niska' });
  assert.deepEqual([invited.body.role, invited.body.partner], ['partner', 'Niska']);
  const members = await call('GET', '/api/networks/pic/members', { session: pic });
  const member = members.body.members.find((m) => m.email === NISKA.email);
  assert.deepEqual([member.role, member.partner], ['partner', 'Niska']);
  assert.ok(members.body.partners.some((p) => p.id === 'niska'), 'the partners a role may be offered for');

  // The partner's desk: Niska's requests only, and the organisations they are for.
  const desk = await call('GET', '/api/dashboard/networks/pic/coaching', { session: niska });
  assert.equal(desk.status, 200, JSON.stringify(desk.body));
  assert.equal(desk.body.as_partner, true);
  const ids = desk.body.requests.map((r) => r.id);
  assert.ok(ids.includes(forNiska) && !ids.includes(forDynamo), JSON.stringify(ids));
  assert.ok(desk.body.requests.every((r) => r.partner === 'niska'), 'only requests assigned to Niska');
  const mine = sql(`SELECT count(*) AS n FROM coaching_request WHERE partner_id = 'niska'`)[0].n;
  assert.equal(desk.body.requests.length, mine);
  assert.ok(desk.body.organisations.some((o) => o.name === 'Table de quartier rosemont'));
  assert.ok(!desk.body.organisations.some((o) => o.name === 'Table de quartier Pointe-aux-Trembles'), 'Dynamo’s only');
  const coordinators = await call('GET', '/api/dashboard/networks/pic/coaching', { session: pic });
  assert.equal(coordinators.body.as_partner, false);

  // Another partner's request is not found; a coordinator's step is refused.
  assert.equal((await step(forDynamo, { action: 'book', starts_at: '2026-12-09T14:00:00Z', minutes: 60 }, niska)).status, 404);
  const assign = await step(forNiska, { action: 'assign', partner: 'dynamo' }, niska);
  assert.equal(assign.status, 403);
  assert.match(assign.type, /^application\/problem\+json/);
  assert.equal((await step(forNiska, { action: 'decline' }, niska)).status, 403);
  const booked = await step(forNiska, { action: 'book', starts_at: '2026-12-09T14:00:00Z', minutes: 120 }, niska);
  assert.equal(booked.status, 200, JSON.stringify(booked.body));
  const recorded = await step(forNiska, { action: 'record', minutes: 120, booking: booked.body.booking }, niska);
  assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
  assert.equal(recorded.body.used, 120);
  const page = await call('GET', `/api/organisations/${token}`);
  assert.equal(page.body.budgets[0].allowance.used, 120);
  const who = sql(`SELECT DISTINCT a.email FROM coaching_ledger l JOIN account a ON a.id = l.recorded_by
    WHERE l.request_id = '${forNiska}' AND l.movement = 'used'`);
  assert.deepEqual(who.map((r) => r.email), [NISKA.email], 'the hours are the partner’s record');

  // Its yearly report: the organisations it coaches, with their whole balances, and its own
  // hours only; the pool's places are the programme's, as the coordinators read them.
  const report = await call('GET', '/api/dashboard/networks/pic/coaching/report', { session: niska });
  assert.equal(report.status, 200, JSON.stringify(report.body));
  assert.equal(report.body.as_partner, true);
  const whole = await call('GET', '/api/dashboard/networks/pic/coaching/report', { session: pic });
  assert.equal(whole.body.as_partner, false);
  for (const programme of report.body.programmes) {
    assert.deepEqual(programme.partners.map((p) => p.id), ['niska'], 'no other partner named');
    assert.ok(programme.report.partners.every((line) => line.partner === 'niska'), 'its own hours only');
    const names = programme.report.neighbourhoods.map((n) => n.organisation.name);
    assert.ok(!names.includes('Table de quartier Pointe-aux-Trembles'), 'Dynamo’s only');
    const coordinators = whole.body.programmes.find((p) => p.id === programme.id);
    assert.equal(programme.report.pool_places_taken, coordinators.report.pool_places_taken);
  }
  const coached = report.body.programmes.flatMap((p) => p.report.neighbourhoods)
    .find((n) => n.organisation.name === 'Table de quartier rosemont');
  assert.equal(coached.allowance.used, page.body.budgets[0].allowance.used, 'the balance its own page shows');
  const given = report.body.programmes.flatMap((p) => p.report.partners).find((line) => line.partner === 'niska');
  assert.ok(given.given >= 120, JSON.stringify(given));
  assert.ok(whole.body.programmes.some((p) => p.partners.some((c) => c.id === 'dynamo')),
    'the coordinators read every partner');
  const sheet = await fetch(`${BASE}/api/dashboard/networks/pic/coaching/report.csv?by=partners&lang=en&separator=comma`, {
    headers: { Cookie: `__Host-relais_session=${niska.token}` },
  });
  assert.equal(sheet.status, 200);
  const text = await sheet.text();
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
  assert.ok(lines.length > 0 && lines.every((line) => line.split(',')[2] === 'Niska'), text);

  // Nothing else of the network: its catalog desk, its registrations.
  assert.equal((await call('GET', '/api/dashboard/networks/pic', { session: niska })).status, 403);

  // The role names its partner: never given by a change, and given up by one.
  const id = member.account_id;
  const toPartner = await call('PUT', `/api/networks/pic/members/${id}`, { session: pic, body: { role: 'partner' } });
  assert.equal(toPartner.status, 400);
  assert.equal(toPartner.body.errors[0].code, 'partner-by-invitation');
  const toFacilitator = await call('PUT', `/api/networks/pic/members/${id}`, { session: pic, body: { role: 'facilitator' } });
  assert.equal(toFacilitator.status, 200, JSON.stringify(toFacilitator.body));
  assert.deepEqual(sql(`SELECT role, partner_id FROM membership WHERE account_id = '${id}'`), [{ role: 'facilitator', partner_id: null }]);
});

test('an organisation registers its people for a training on its behalf from its link: the form names it, the registration is tied to it under its name, and its page lists it; nothing else is reached that way', async () => {
  const token = raceToken(0);
  const named = `Quartier 0`;
  const upcoming = async (offering) =>
    (await (await fetch(`${BASE}/api/offerings/${offering}?lang=fr`)).json()).upcoming_editions[0].id;
  const behalf = await upcoming('emancipasso-formation');
  const elsewhere = await upcoming('hub-mouvements-decentralises');

  // Its page offers the editions whose people register on behalf of an organisation.
  const before = await call('GET', `/api/organisations/${token}`, { lang: 'fr' });
  assert.equal(before.status, 200, JSON.stringify(before.body));
  assert.ok(before.body.on_behalf_editions.some((e) => e.edition_id === behalf), JSON.stringify(before.body.on_behalf_editions));
  assert.ok(!before.body.on_behalf_editions.some((e) => e.edition_id === elsewhere), 'not on behalf of an organisation');
  assert.deepEqual(before.body.registrations, []);

  // The form, through its link, names the organisation.
  const form = await call('GET', `/api/organisations/${token}/editions/${behalf}/registration-form?tz=Europe/Paris`, { lang: 'fr' });
  assert.equal(form.status, 200, JSON.stringify(form.body));
  assert.deepEqual([form.body.on_behalf, form.body.organisation], [true, named]);
  const publicForm = await call('GET', `/api/editions/${behalf}/registration-form`);
  assert.equal(publicForm.body.organisation, undefined, 'the public form names nobody');

  // Registered through the link: tied to it, under its own name whatever is sent.
  const email = `awa.${RUN}@${DOMAIN}`;
  const person = (address) => ({
    name: 'Awa Diop', email: address, lang: 'fr', zone: 'Europe/Paris', organisation: 'Un autre nom', consent: true,
    answers: { structure: 'Une association qui héberge un Nextcloud', motivation: 'Accompagner les associations du quartier', chatons: 'no' },
  });
  const registered = await call('POST', `/api/organisations/${token}/editions/${behalf}/registrations`, { lang: 'fr', body: person(email) });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  assert.deepEqual(sql(`SELECT organisation, organisation_id FROM registration WHERE email = '${email}'`),
    [{ organisation: named, organisation_id: `${RACE.network}-0` }]);
  const after = await call('GET', `/api/organisations/${token}`, { lang: 'fr' });
  assert.deepEqual(after.body.registrations.map((r) => [r.edition_id, r.name, r.status]), [[behalf, 'Awa Diop', 'applied']]);
  assert.ok(after.body.registrations[0].offering_title.length > 0);

  // The same edition registered for publicly is tied to no organisation.
  const alone = `alone.${RUN}@${DOMAIN}`;
  const publicly = await call('POST', `/api/editions/${behalf}/registrations`, { lang: 'fr', body: { ...person(alone), organisation: 'Chatons du Lot' } });
  assert.equal(publicly.status, 201, JSON.stringify(publicly.body));
  assert.deepEqual(sql(`SELECT organisation, organisation_id FROM registration WHERE email = '${alone}'`),
    [{ organisation: 'Chatons du Lot', organisation_id: null }]);

  // An edition whose people register for themselves, or a link that opens nothing: not found.
  for (const [link, edition] of [[token, elsewhere], ['0'.repeat(48), behalf], ['short', behalf]]) {
    const refusedForm = await call('GET', `/api/organisations/${link}/editions/${edition}/registration-form`);
    assert.equal(refusedForm.status, 404, `${link} ${edition}`);
    assert.match(refusedForm.type, /^application\/problem\+json/);
    const refused = await call('POST', `/api/organisations/${link}/editions/${edition}/registrations`, { body: person(`no.${RUN}@${DOMAIN}`) });
    assert.equal(refused.status, 404, `${link} ${edition}`);
  }
  assert.equal(sql(`SELECT count(*) AS n FROM registration WHERE email = 'no.${RUN}@${DOMAIN}'`)[0].n, 0, 'nothing written');
  sql(`DELETE FROM outbox WHERE registration_id IN (SELECT id FROM registration WHERE email IN ('${email}', '${alone}'));
       DELETE FROM registration_event WHERE registration_id IN (SELECT id FROM registration WHERE email IN ('${email}', '${alone}'));
       DELETE FROM manage_token WHERE registration_id IN (SELECT id FROM registration WHERE email IN ('${email}', '${alone}'));
       DELETE FROM registration WHERE email IN ('${email}', '${alone}');`);
});
