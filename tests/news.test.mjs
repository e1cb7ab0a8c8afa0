// News of what is coming, against the real local stack: a person asks to be told when a
// training's dates are announced; nothing is sent before they confirm from the emailed link;
// a coordinator publishes an edition and the person gets exactly one message, in their
// language with the sessions on their clock, and its link stops the next one in one step.
// A network's followers, a second publication of the same edition, refusals by name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { fetch } from './client.mjs';
import { sql, staffSql } from './state.mjs';
import { lastMessageId, sentMessage } from './accounts.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const DOMAIN = 'news-api.example.org';
const NETWORK = 'ggsn';
const COORDINATOR = { id: 'acc-news-api', email: `coordination@${DOMAIN}`, password: 'the news api passphrase' };
const made = { offerings: [] };

async function call(method, path, { session, body, lang = 'en' } = {}) {
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

function ok(res, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  return res.body;
}

let coordinator;
before(async () => {
  sql(staffSql({ ...COORDINATOR, name: 'Coordination News', networks: [NETWORK] }));
  const res = await call('POST', '/api/auth/login', { body: { email: COORDINATOR.email, password: COORDINATOR.password } });
  ok(res);
  coordinator = { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(res.headers.get('set-cookie'))[1], csrf: res.body.csrf_token };
});
after(() => {
  for (const id of made.offerings) {
    sql(`DELETE FROM follow WHERE offering_id = '${id}';
         DELETE FROM outbox WHERE edition_id IN (SELECT id FROM edition WHERE offering_id = '${id}');
         DELETE FROM session WHERE edition_id IN (SELECT id FROM edition WHERE offering_id = '${id}');
         DELETE FROM edition WHERE offering_id = '${id}'; DELETE FROM offering WHERE id = '${id}';`);
  }
  sql(`DELETE FROM follow WHERE email LIKE '%@${DOMAIN}';
       DELETE FROM membership WHERE account_id = '${COORDINATOR.id}'; DELETE FROM account WHERE id = '${COORDINATOR.id}';`);
});

/** A published offering of the network with no dates yet. */
async function offeringWithoutDates(marker) {
  const created = ok(await call('POST', `/api/dashboard/networks/${NETWORK}/offerings`, {
    session: coordinator,
    body: {
      kind: 'workshop', format: 'online', topics: ['strategy'], languages: ['fr', 'en'],
      title: { fr: `${marker} : atelier à venir`, en: `${marker}: a coming workshop` },
      summary: { fr: 'Des dates bientôt.', en: 'Dates soon.' },
      description: { fr: 'Un atelier dont les dates seront annoncées.', en: 'A workshop whose dates will be announced.' },
    },
  }), 201);
  made.offerings.push(created.id);
  ok(await call('POST', `/api/dashboard/offerings/${created.id}/state`, { session: coordinator, body: { action: 'publish' } }));
  return created.id;
}

/** A new edition of `offering` with one session at `startsAt`, published. */
async function publishEdition(offering, startsAt) {
  const edition = ok(await call('POST', `/api/dashboard/offerings/${offering}/editions`, {
    session: coordinator,
    body: { title: { fr: 'Nouvelle date', en: 'New date' }, registration_mode: 'open', format: 'online', capacity: 20, instruction_languages: ['fr', 'en'], cost: { kind: 'free' } },
  }), 201).id;
  const end = new Date(Date.parse(startsAt) + 90 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  ok(await call('POST', `/api/dashboard/editions/${edition}/sessions`, { session: coordinator, body: { starts_at: startsAt, ends_at: end, zone: 'America/Toronto' } }), 201);
  ok(await call('POST', `/api/dashboard/editions/${edition}/state`, { session: coordinator, body: { action: 'publish' } }));
  return edition;
}

const newsTo = (address, edition) => sql(`SELECT count(*) AS n FROM outbox WHERE kind = 'new_dates' AND recipient = '${address}' AND edition_id = '${edition}'`)[0].n;

/** The follow page's token in a message. */
function followToken(message) {
  const found = /\/(fr|en)\/follow\/([0-9a-f]{48})(\?stop)?(\s|$)/.exec(message.body);
  assert.ok(found, `a follow link in: ${message.body}`);
  return found[2];
}

test('follow, confirm, exactly one message for a new edition, and its link stops the next', async () => {
  const marker = `News ${randomBytes(3).toString('hex')}`;
  const offering = await offeringWithoutDates(marker);
  const address = `awa-${randomBytes(3).toString('hex')}@${DOMAIN}`;
  let after = lastMessageId();
  const asked = await call('POST', '/api/follows', { body: { email: address, lang: 'fr', zone: 'Africa/Dakar', offering, consent: true } });
  assert.equal(asked.status, 202, JSON.stringify(asked.body));
  assert.deepEqual(asked.body, { status: 'link_sent' });
  const confirmation = await sentMessage(address, 'follow_confirm', after);
  assert.match(confirmation.subject, /Confirmez/);
  const token = followToken(confirmation);
  const pending = ok(await call('GET', `/api/follows/${token}`, { lang: 'fr' }));
  assert.equal(pending.purpose, 'offering_dates');
  assert.equal(pending.confirmed_at, null);
  assert.match(pending.subject_name, /atelier à venir/);

  // Before confirming: a publication tells them nothing.
  const early = await publishEdition(offering, '2027-02-10T15:00:00Z');
  assert.equal(newsTo(address, early), 0, 'nothing before the confirmation');

  const confirmed = ok(await call('POST', `/api/follows/${token}/confirm`));
  assert.ok(confirmed.confirmed_at);
  // Asking again while confirmed: the same answer, and no new message.
  after = lastMessageId();
  assert.equal((await call('POST', '/api/follows', { body: { email: address, lang: 'fr', zone: 'Africa/Dakar', offering, consent: true } })).status, 202);
  assert.equal(sql(`SELECT count(*) AS n FROM outbox WHERE recipient = '${address}' AND id > ${after}`)[0].n, 0);

  // A new edition: exactly one message, on their clock (15:00 UTC is 15 h in Dakar).
  after = lastMessageId();
  const spring = await publishEdition(offering, '2027-03-10T15:00:00Z');
  const news = await sentMessage(address, 'new_dates', after);
  assert.match(news.subject, /Nouvelles dates/);
  assert.match(news.body.replaceAll(/[\u202f\u00a0]/g, ' '), /10 mars 2027, 15 h – 16 h 30/);
  assert.match(news.body, new RegExp(`/fr/offerings/${offering}`));
  assert.equal(newsTo(address, spring), 1);
  // Published again: still one.
  ok(await call('POST', `/api/dashboard/editions/${spring}/state`, { session: coordinator, body: { action: 'unpublish' } }));
  ok(await call('POST', `/api/dashboard/editions/${spring}/state`, { session: coordinator, body: { action: 'publish' } }));
  assert.equal(newsTo(address, spring), 1, 'once per edition');

  // The message's own link stops them, in one step; the next edition reaches nobody.
  const stop = followToken(news);
  assert.equal((await call('DELETE', `/api/follows/${stop}`)).status, 204);
  assert.equal((await call('GET', `/api/follows/${token}`)).status, 404, 'every link of it is gone');
  const autumn = await publishEdition(offering, '2027-09-10T15:00:00Z');
  assert.equal(newsTo(address, autumn), 0);
  assert.equal(sql(`SELECT count(*) AS n FROM outbox WHERE recipient = '${address}'`)[0].n, 0, 'the messages keep nothing of them');
});

test('a network’s followers hear of its new editions; requests are refused by name, drafts are not found', async () => {
  const offering = await offeringWithoutDates(`Network ${randomBytes(3).toString('hex')}`);
  const address = `ben-${randomBytes(3).toString('hex')}@${DOMAIN}`;
  const after = lastMessageId();
  assert.equal((await call('POST', '/api/follows', { body: { email: address, lang: 'en', zone: 'Asia/Kolkata', network: NETWORK, consent: true } })).status, 202);
  const token = followToken(await sentMessage(address, 'follow_confirm', after));
  ok(await call('POST', `/api/follows/${token}/confirm`));
  const edition = await publishEdition(offering, '2027-04-01T15:00:00Z');
  const news = await sentMessage(address, 'new_dates', after);
  assert.match(news.body, /(20:30|8:30)/, 'on a Kolkata clock');
  assert.equal(newsTo(address, edition), 1);

  const refused = await call('POST', '/api/follows', { lang: 'fr', body: { email: 'nope', zone: 'Mars/Base', consent: false } });
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body.errors.map((e) => e.field).sort(), ['consent', 'email', 'lang', 'offering', 'zone']);
  assert.ok(refused.body.errors.every((e) => !e.message.startsWith('field-')));
  const draft = await call('POST', '/api/follows', { body: { email: address, lang: 'en', zone: 'UTC', offering: 'no-such-offering', consent: true } });
  assert.equal(draft.status, 404);
  const robot = await call('POST', '/api/follows', { body: { email: `robot@${DOMAIN}`, lang: 'en', zone: 'UTC', network: NETWORK, consent: true, website: 'x' } });
  assert.equal(robot.status, 202);
  assert.equal(sql(`SELECT count(*) AS n FROM follow WHERE email = 'robot@${DOMAIN}'`)[0].n, 0);
});
