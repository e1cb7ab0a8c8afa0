// Coaching on request against the real local stack (workerd with D1 and KV): a neighbourhood
// registers with PIC as an organisation and reads its private link from the message; its
// page shows PIC's programme with this year's 31 hours, the pool's places and the offerings
// it can ask for; a request is refused by name in the caller's language, then recorded; and
// twenty neighbourhoods asking at once for a pool of nine places get exactly nine, the
// eleven others told why, with nothing half-written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { fetch } from './client.mjs';
import { sql, staffSql } from './state.mjs';
import { lastMessageId, sentMessage } from './accounts.mjs';

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
  sql(`DELETE FROM account WHERE id IN ('${COORDINATOR.id}', '${ELSEWHERE.id}');
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
  const nowhere = await call('POST', '/api/networks/hub/organisations', { body: organisation('ailleurs') });
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
