// Networks and publication on the public side, against the real local stack: drafts and
// archived rows are nowhere a stranger can look (the catalog, its page, an offering, the
// archive, the feeds, the registration form, registering), until published; the catalog by
// network, a network's page, and the calendar's SEQUENCE and STATUS:CANCELLED.
//
// The rows are this file's own (ids `net-test-…`), written with SQL as a network's authors
// would leave them. Public answers are kept in the isolate's memory for 15 s
// (edge/src/cache.rs): after a change, a check either asks with a query no earlier request
// used (another `limit`, `lang` or `tz`), or asks again until the 15 s are out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fetch } from './client.mjs';
import { sql } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const CACHE_MS = 15_000;

const NETWORK = 'net-test-a';
const OTHER_NETWORK = 'net-test-b';
const PUBLISHED = 'net-test-published';
const DRAFT = 'net-test-draft';
const OTHER = 'net-test-other';
/** Editions of the published offering: one published (with a kept and a cancelled session), one draft, one archived. */
const EDITION = `${PUBLISHED}-e1`;
const DRAFT_EDITION = `${PUBLISHED}-draft`;
const ARCHIVED_EDITION = `${PUBLISHED}-archived`;
/** The draft offering's edition, itself marked published. */
const EDITION_OF_DRAFT = `${DRAFT}-e1`;
const PAST = `${PUBLISHED}-past`;
const PAST_ARCHIVED = `${PUBLISHED}-past-archived`;
const PERSON = 'net-test-draft-person';
const PARTNER = 'net-test-draft-partner';

/** An instant `hours` from now, to the minute, as stored (RFC 3339, no fraction). */
const at = (hours) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + hours * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
const json = (value) => `'${JSON.stringify(value).replaceAll("'", "''")}'`;
const texts = (fr, en) => json({ fr, en });

function cleanUp() {
  sql(`DELETE FROM session WHERE id LIKE 'net-test-%'; DELETE FROM edition WHERE id LIKE 'net-test-%';
       DELETE FROM offering_person WHERE offering_id LIKE 'net-test-%'; DELETE FROM offering WHERE id LIKE 'net-test-%';
       DELETE FROM person WHERE id LIKE 'net-test-%'; DELETE FROM partner WHERE id LIKE 'net-test-%';
       DELETE FROM network WHERE id LIKE 'net-test-%';`);
}

function offering(id, state, network, title, { partner = null } = {}) {
  return `INSERT INTO offering (id, kind, title, summary, description, format, state, network_id, partner_id)
    VALUES ('${id}', 'workshop', ${texts(title, title)}, ${texts(`Résumé de ${title}`, `Summary of ${title}`)},
      ${texts('Description.', 'Description.')}, 'online', '${state}', '${network}', ${partner ? `'${partner}'` : 'NULL'});`;
}

/** An edition with its sessions: `[id, start hours from now, cancelled, sequence]`. */
function edition(id, offeringId, state, sessions) {
  const starts = Math.min(...sessions.map(([, h]) => h));
  const ends = Math.max(...sessions.map(([, h]) => h)) + 1;
  return `INSERT INTO edition (id, offering_id, registration_mode, capacity, format, starts_at, ends_at, state)
      VALUES ('${id}', '${offeringId}', 'open', 20, 'online', '${at(starts)}', '${at(ends)}', '${state}');
    ${sessions.map(([sid, h, cancelled, sequence]) => `INSERT INTO session (id, edition_id, starts_at, ends_at, zone, sequence, cancelled_at)
      VALUES ('${sid}', '${id}', '${at(h)}', '${at(h + 1)}', 'America/Toronto', ${sequence ?? 0}, ${cancelled ? `'${at(-1)}'` : 'NULL'});`).join('\n')}`;
}

before(() => {
  cleanUp();
  // Sessions two hours from now: the soonest of the catalog, on its first page if shown.
  sql(`INSERT INTO network (id, name, description, url, position, created_at) VALUES
      ('${NETWORK}', 'Réseau Essai', ${texts('Un réseau d’essai pour les tests.', 'A test network for the tests.')}, 'https://example.org', 0, '2026-01-01T00:00:00Z'),
      ('${OTHER_NETWORK}', 'Autre Réseau Essai', '{}', NULL, 1, '2026-01-01T00:00:00Z');
    INSERT INTO person (id, name, state) VALUES ('${PERSON}', 'Personne Brouillon', 'draft');
    INSERT INTO partner (id, name, state) VALUES ('${PARTNER}', 'Partenaire Brouillon', 'draft');
    ${offering(PUBLISHED, 'published', NETWORK, 'Atelier Publié Essai', { partner: PARTNER })}
    ${offering(DRAFT, 'draft', NETWORK, 'Atelier Brouillon Essai')}
    ${offering(OTHER, 'published', OTHER_NETWORK, 'Atelier Autre Réseau Essai')}
    INSERT INTO offering_person (offering_id, person_id) VALUES ('${PUBLISHED}', '${PERSON}');
    ${edition(EDITION, PUBLISHED, 'published', [[`${EDITION}-s1`, 2, false, 2], [`${EDITION}-s2`, 26, true, 3]])}
    ${edition(DRAFT_EDITION, PUBLISHED, 'draft', [[`${DRAFT_EDITION}-s1`, 3]])}
    ${edition(ARCHIVED_EDITION, PUBLISHED, 'archived', [[`${ARCHIVED_EDITION}-s1`, 4]])}
    ${edition(EDITION_OF_DRAFT, DRAFT, 'published', [[`${EDITION_OF_DRAFT}-s1`, 2]])}
    ${edition(OTHER + '-e1', OTHER, 'published', [[`${OTHER}-e1-s1`, 5]])}
    ${edition(PAST, PUBLISHED, 'published', [[`${PAST}-s1`, -30]])}
    ${edition(PAST_ARCHIVED, PUBLISHED, 'archived', [[`${PAST_ARCHIVED}-s1`, -28]])}`);
});
after(() => cleanUp());

async function get(path, headers = {}) {
  const res = await fetch(BASE + path, { headers });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : await res.text();
  return { status: res.status, type, body, headers: res.headers };
}

function assertNotFound(res, what) {
  assert.equal(res.status, 404, `${what}: ${typeof res.body === 'string' ? res.body.slice(0, 200) : JSON.stringify(res.body)}`);
  assert.match(res.type, /^application\/problem\+json/, what);
  assert.equal(res.body.status, 404, what);
}

/** Every offering of the catalog (all its pages) for `query`. */
async function catalog(query) {
  const items = [];
  let cursor = null;
  for (let guard = 0; guard < 50; guard++) {
    const page = await get(`/api/offerings?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    items.push(...page.body.items);
    cursor = page.body.next_cursor;
    if (!cursor) return items;
  }
  throw new Error('pagination never ended');
}

/** Every past edition of the archive. */
async function archive(query) {
  const items = [];
  let cursor = null;
  for (let guard = 0; guard < 50; guard++) {
    const page = await get(`/api/archive?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(page.status, 200);
    items.push(...page.body.items);
    cursor = page.body.next_cursor;
    if (!cursor) return items;
  }
  throw new Error('pagination never ended');
}

/** An iCalendar feed read by Python's icalendar, not by our code. */
function parseIcs(text) {
  const out = execFileSync('python3', [new URL('./ics_events.py', import.meta.url).pathname], { input: text, encoding: 'utf8' });
  return JSON.parse(out);
}

const uid = (sessionId) => `session-${sessionId}@relais`;

function register(editionId) {
  return fetch(`${BASE}/api/editions/${editionId}/registrations?lang=en`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '192.0.2.77' },
    body: JSON.stringify({ name: 'Net Test', email: 'net-test@example.org', lang: 'en', zone: 'Africa/Lagos', consent: true }),
  });
}

/** Asks `read` until `check` holds or the memory cache's 15 s are out (then asserts it). */
async function eventually(read, check) {
  const deadline = Date.now() + CACHE_MS + 5_000;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

test('a draft offering, and drafts or archived editions of a published one, are nowhere a stranger can look', async () => {
  // The catalog, every page, in both languages (a page size no other test asks for: not in
  // memory from before these rows), and the offering's own network.
  for (const lang of ['fr', 'en']) {
    const ids = (await catalog(`lang=${lang}&limit=47`)).map((o) => o.id);
    assert.ok(ids.includes(PUBLISHED), `${lang}: the published offering is listed`);
    assert.ok(!ids.includes(DRAFT), `${lang}: the draft is not`);
  }
  const byNetwork = await catalog(`lang=fr&limit=50&network=${NETWORK}`);
  assert.deepEqual(byNetwork.map((o) => o.id), [PUBLISHED]);
  // Its card's next edition is the published one, with its kept session only.
  assert.equal(byNetwork[0].next_edition.id, EDITION);
  assert.deepEqual(byNetwork[0].next_edition.sessions.map((s) => s.id), [`${EDITION}-s1`]);
  // A draft partner is not named.
  assert.equal(byNetwork[0].partner, null);

  // The offering's page: only its published editions, no cancelled session, no draft facilitator.
  assertNotFound(await get(`/api/offerings/${DRAFT}?lang=fr`), 'the draft offering');
  const detail = await get(`/api/offerings/${PUBLISHED}?lang=fr`);
  assert.equal(detail.status, 200);
  assert.deepEqual(detail.body.upcoming_editions.map((e) => e.id), [EDITION]);
  assert.deepEqual(detail.body.upcoming_editions[0].sessions.map((s) => s.id), [`${EDITION}-s1`]);
  assert.deepEqual(detail.body.past_editions.map((e) => e.id), [PAST]);
  assert.deepEqual(detail.body.facilitators, []);
  assertNotFound(await get(`/api/people/${PERSON}?lang=fr`), 'a draft facilitator');
  assertNotFound(await get(`/api/partners/${PARTNER}?lang=fr`), 'a draft partner');

  // The catalog's page, as the Worker writes it (once an answer from before these rows is
  // out of memory).
  const page = await eventually(() => get('/fr'), (p) => p.body.includes('Atelier Publié Essai'));
  assert.equal(page.status, 200);
  assert.match(page.body, /Atelier Publié Essai/);
  assert.doesNotMatch(page.body, /Atelier Brouillon Essai/);

  // The archive: past published editions only.
  const past = (await archive('lang=en&limit=47')).map((i) => i.edition.id);
  assert.ok(past.includes(PAST), 'a past published edition is in the archive');
  assert.ok(!past.includes(PAST_ARCHIVED), 'an archived one is withdrawn');

  // The feeds: the whole catalog's, an edition's, a session's.
  const feed = parseIcs((await get('/api/calendar.ics?lang=fr')).body);
  const uids = new Set(feed.events.map((e) => e.uid));
  assert.ok(uids.has(uid(`${EDITION}-s1`)));
  for (const hidden of [`${DRAFT_EDITION}-s1`, `${ARCHIVED_EDITION}-s1`, `${EDITION_OF_DRAFT}-s1`]) {
    assert.ok(!uids.has(uid(hidden)), `${hidden} is not in the catalog's feed`);
  }
  for (const hidden of [DRAFT_EDITION, ARCHIVED_EDITION, EDITION_OF_DRAFT]) {
    assertNotFound(await get(`/api/editions/${hidden}/calendar.ics`), `${hidden}'s feed`);
    assertNotFound(await get(`/api/sessions/${hidden}-s1/calendar.ics`), `${hidden}'s session feed`);
    // Its registration form, and registering.
    assertNotFound(await get(`/api/editions/${hidden}/registration-form?lang=fr`), `${hidden}'s form`);
    const registered = await register(hidden);
    assertNotFound({ status: registered.status, type: registered.headers.get('content-type') ?? '', body: await registered.json() }, `registering for ${hidden}`);
  }
  assert.equal(sql(`SELECT count(*) AS n FROM registration WHERE edition_id LIKE 'net-test-%'`)[0].n, 0, 'nothing was registered');
  assert.equal((await get(`/api/editions/${EDITION}/registration-form?lang=fr`)).status, 200);
});

test('published, a draft appears everywhere', async () => {
  sql(`UPDATE offering SET state = 'published' WHERE id = '${DRAFT}'; UPDATE edition SET state = 'published' WHERE id = '${DRAFT_EDITION}';`);
  // Queries no earlier request used: not in the memory cache.
  const ids = (await catalog(`lang=en&limit=49&network=${NETWORK}`)).map((o) => o.id).sort();
  assert.deepEqual(ids, [DRAFT, PUBLISHED].sort());
  const detail = await get(`/api/offerings/${DRAFT}?lang=en&tz=UTC`);
  assert.equal(detail.status, 200);
  assert.deepEqual(detail.body.upcoming_editions.map((e) => e.id), [EDITION_OF_DRAFT]);
  const published = await get(`/api/offerings/${PUBLISHED}?lang=en&tz=UTC`);
  assert.deepEqual(published.body.upcoming_editions.map((e) => e.id), [EDITION, DRAFT_EDITION]);
  // Feeds, forms and registering are never cached.
  const feed = parseIcs((await get('/api/calendar.ics?lang=en')).body);
  assert.ok(feed.events.some((e) => e.uid === uid(`${EDITION_OF_DRAFT}-s1`)));
  assert.equal((await get(`/api/editions/${DRAFT_EDITION}/calendar.ics`)).status, 200);
  assert.equal((await get(`/api/editions/${EDITION_OF_DRAFT}/registration-form?lang=fr`)).status, 200);
  // The catalog's page, once its first page is out of memory.
  const page = await eventually(() => get('/fr'), (p) => p.body.includes('Atelier Brouillon Essai'));
  assert.match(page.body, /Atelier Brouillon Essai/);
  // Archived, an edition is withdrawn again.
  sql(`UPDATE edition SET state = 'archived' WHERE id = '${DRAFT_EDITION}';`);
  assertNotFound(await get(`/api/editions/${DRAFT_EDITION}/registration-form?lang=en`), 'an archived edition\'s form');
  const again = await get(`/api/offerings/${PUBLISHED}?lang=en&tz=Africa/Lagos`);
  assert.deepEqual(again.body.upcoming_editions.map((e) => e.id), [EDITION]);
});

test('the catalog by network: cards name their network, the filter keeps to it', async () => {
  const ours = await catalog(`lang=en&limit=48&network=${NETWORK}`);
  assert.ok(ours.length > 0);
  for (const o of ours) assert.deepEqual(o.network, { id: NETWORK, name: 'Réseau Essai', description: null, url: null });
  const other = await catalog(`lang=en&limit=48&network=${OTHER_NETWORK}`);
  assert.deepEqual(other.map((o) => o.id), [OTHER]);
  // A network that does not exist has no offerings; a value that cannot be an id is refused.
  assert.deepEqual(await catalog('lang=en&limit=48&network=no-such-network'), []);
  const bad = await get('/api/offerings?lang=fr&network=R%C3%A9seau%20Essai');
  assert.equal(bad.status, 400);
  assert.match(bad.type, /^application\/problem\+json/);
  assert.equal(bad.body.errors[0].field, 'network');
  assert.match(bad.body.errors[0].message, /Réseau inconnu/);
  // The page the Worker writes links each card's network to its page.
  const link = `<a href="/en/networks/${NETWORK}">Réseau Essai</a>`;
  const page = await eventually(() => get('/en'), (p) => p.body.includes(link));
  assert.ok(page.body.includes(link), 'the card links its network');
});

test('a network\'s page: its description in the reader\'s language and its published offerings only', async () => {
  const en = await get(`/api/networks/${NETWORK}?lang=en&tz=Asia/Kolkata`);
  assert.equal(en.status, 200);
  assert.equal(en.body.name, 'Réseau Essai');
  assert.deepEqual(en.body.about, { text: 'A test network for the tests.', lang: 'en' });
  assert.equal(en.body.url, 'https://example.org');
  const fr = await get(`/api/networks/${NETWORK}?lang=fr`);
  assert.equal(fr.body.about.text, 'Un réseau d’essai pour les tests.');
  for (const page of [en, fr]) {
    const ids = page.body.offerings.map((o) => o.id);
    assert.ok(ids.includes(PUBLISHED) && !ids.includes(OTHER), JSON.stringify(ids));
    assert.ok(page.body.offerings.every((o) => o.network.id === NETWORK));
  }
  // The other network's page has its own, and a network with no description says none.
  const other = await get(`/api/networks/${OTHER_NETWORK}?lang=en&tz=Asia/Kolkata`);
  assert.deepEqual(other.body.offerings.map((o) => o.id), [OTHER]);
  assert.equal(other.body.about, null);
  // Drafts are left out of a network's page too.
  sql(`UPDATE offering SET state = 'draft' WHERE id = '${OTHER}';`);
  const drafted = await get(`/api/networks/${OTHER_NETWORK}?lang=fr&tz=Asia/Kolkata`);
  assert.deepEqual(drafted.body.offerings, []);
  sql(`UPDATE offering SET state = 'published' WHERE id = '${OTHER}';`);

  const missing = await get('/api/networks/no-such-network?lang=en');
  assertNotFound(missing, 'an unknown network');
  assert.equal(missing.body.title, 'Not found');

  // The list: every network, in order, with its published offerings counted.
  const published = sql(`SELECT count(*) AS n FROM offering WHERE network_id = '${NETWORK}' AND state = 'published'`)[0].n;
  const ourNetworks = (list) => list.body.items.filter((n) => n.id.startsWith('net-test-'));
  const list = await eventually(() => get('/api/networks?lang=en'), (l) => ourNetworks(l)[0]?.offerings === published);
  assert.equal(list.status, 200);
  assert.equal(list.body.lang, 'en');
  const ours = ourNetworks(list);
  assert.deepEqual(ours.map((n) => n.id), [NETWORK, OTHER_NETWORK]);
  assert.equal(ours[0].description.text, 'A test network for the tests.');
  assert.equal(ours[1].description, null);
  assert.equal(ours[0].offerings, published);
  assert.equal(ours[1].offerings, 1);
});

test('feeds keep a cancelled session, marked, under the same UID, and say how often each changed', async () => {
  const edition = parseIcs((await get(`/api/editions/${EDITION}/calendar.ics?lang=en`)).body);
  const byUid = new Map(edition.events.map((e) => [e.uid, e]));
  assert.deepEqual([...byUid.keys()], [uid(`${EDITION}-s1`), uid(`${EDITION}-s2`)]);
  assert.deepEqual(byUid.get(uid(`${EDITION}-s1`)).sequence, 2);
  assert.equal(byUid.get(uid(`${EDITION}-s1`)).status, null);
  assert.equal(byUid.get(uid(`${EDITION}-s2`)).sequence, 3);
  assert.equal(byUid.get(uid(`${EDITION}-s2`)).status, 'CANCELLED');
  // The same in the catalog's feed and the session's own.
  const all = parseIcs((await get('/api/calendar.ics?lang=fr')).body).events.find((e) => e.uid === uid(`${EDITION}-s2`));
  assert.deepEqual([all.sequence, all.status], [3, 'CANCELLED']);
  const one = parseIcs((await get(`/api/sessions/${EDITION}-s2/calendar.ics`)).body).events;
  assert.deepEqual(one.map((e) => [e.uid, e.sequence, e.status]), [[uid(`${EDITION}-s2`), 3, 'CANCELLED']]);
  // A session never changed says SEQUENCE:0, as written.
  const raw = (await get(`/api/sessions/${OTHER}-e1-s1/calendar.ics`)).body;
  assert.match(raw, /\r\nSEQUENCE:0\r\n/);
  assert.doesNotMatch(raw, /STATUS:/);
});
