// The API against the real local stack (workerd with D1 and KV, through wrangler).
// BASE_URL and RELAIS_TEST_STATE come from scripts/test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { fetch } from './client.mjs';
import { sql } from './state.mjs';
import { OFFERING as GGSN_OFFERING, TITLE as ONE_LANGUAGE_TITLE, publishOneLanguageEdition } from './one-language.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';

async function get(path, headers = {}) {
  const res = await fetch(BASE + path, { headers });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : await res.text();
  return { status: res.status, type, body, headers: res.headers };
}

function assertProblem(res, status) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.match(res.type, /^application\/problem\+json/);
  assert.equal(res.body.status, status);
  assert.ok(res.body.title && res.body.type, 'a problem has a title and a type');
}

const ids = (res) => res.body.items.map((o) => o.id).sort();

async function allOfferings(lang) {
  const items = [];
  let cursor = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await get(`/api/offerings?lang=${lang}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(page.status, 200);
    items.push(...page.body.items);
    cursor = page.body.next_cursor;
    if (!cursor) return items;
  }
  throw new Error('pagination never ended');
}

test('health reports the version and real reads from D1 and KV', async () => {
  const res = await get('/api/health');
  assert.equal(res.status, 200);
  assert.equal(res.body.status, 'ok');
  assert.match(res.body.version, /^\d+\.\d+\.\d+/);
  assert.equal(res.body.d1.ok, true);
  assert.equal(res.body.kv.ok, true);
  assert.equal(res.headers.get('cache-control'), 'no-store');
});

test('the OpenAPI document is valid OpenAPI 3.1 and every route it lists answers', async () => {
  const res = await get('/api/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.body.openapi, '3.1.0');
  const validator = new Validator();
  const result = await validator.validate(res.body);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1));
  const health = await get('/api/health');
  assert.equal(res.body.info.version, health.body.version, 'the document carries the running version');

  const paths = Object.entries(res.body.paths);
  assert.ok(paths.length >= 4);
  // Manage-link routes need a real token: register someone for the example edition (the
  // document's own calls below cancel, then delete it).
  const registered = await fetch(`${BASE}/api/editions/hub-mouvements-decentralises-cohorte/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '192.0.2.251' },
    body: JSON.stringify({ name: 'OpenAPI Check', email: 'openapi-check@example.org', lang: 'en', zone: 'Africa/Lagos', consent: true }),
  });
  assert.equal(registered.status, 201);
  const token = (await registered.json()).manage_url.split('/').at(-1);
  // One-time account links need a real one: an invitation to the example network, as the
  // Worker stores it (the token's SHA-256), open for an hour.
  const linkToken = randomBytes(32).toString('hex');
  const linkHash = createHash('sha256').update(linkToken).digest('hex');
  const inAnHour = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
  // The document's example network, whether or not the demo catalog has it.
  sql(`INSERT OR IGNORE INTO network (id, name, created_at) VALUES ('ggsn', 'Global Grassroots Support Network (GGSN)', '2026-01-01T00:00:00Z');
       INSERT INTO account_link (token_hash, purpose, email, network_id, role, created_at, expires_at)
       VALUES ('${linkHash}', 'invitation', 'openapi-link@example.org', 'ggsn', 'facilitator', '2026-01-01T00:00:00Z', '${inAnHour}')`);
  // A community member's link: a member of the example network, as the Worker stores them.
  const memberToken = randomBytes(24).toString('hex');
  sql(`INSERT INTO community_member (id, network_id, standing, name, email, lang, zone, on_behalf, consented_at, created_at)
       VALUES ('openapi-member', 'ggsn', 'member', 'OpenAPI Member', 'openapi-member@example.org', 'en', 'UTC', 'individual', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
       INSERT INTO community_token (token_hash, member_id, created_at)
       VALUES ('${createHash('sha256').update(memberToken).digest('hex')}', 'openapi-member', '2026-01-01T00:00:00Z')`);
  // A follow's link: someone waiting for the example offering's dates.
  const followToken = randomBytes(24).toString('hex');
  sql(`INSERT INTO follow (id, email, lang, zone, purpose, network_id, consented_at)
       VALUES ('openapi-follow', 'openapi-follow@example.org', 'en', 'UTC', 'network_news', 'ggsn', '2026-01-01T00:00:00Z');
       INSERT INTO follow_token (token_hash, follow_id, created_at)
       VALUES ('${createHash('sha256').update(followToken).digest('hex')}', 'openapi-follow', '2026-01-01T00:00:00Z')`);
  // An organisation's link: a neighbourhood of the example network, as the Worker stores it.
  const organisationToken = randomBytes(24).toString('hex');
  sql(`INSERT INTO organisation (id, network_id, name, kind, area, created_at)
       VALUES ('openapi-organisation', 'ggsn', 'OpenAPI Quartier', 'neighbourhood', '', '2026-01-01T00:00:00Z');
       INSERT INTO organisation_token (token_hash, organisation_id, created_at)
       VALUES ('${createHash('sha256').update(organisationToken).digest('hex')}', 'openapi-organisation', '2026-01-01T00:00:00Z')`);
  // Attached files for the examples' resources (the demo attaches none), so that each
  // reader's download answers; removed with the rest below.
  const files = ['hub-balado-strategie', 'ggsn-fiche-groupes-sans-financement'];
  sql(files.map((id) => `INSERT OR REPLACE INTO resource_file (resource_id, name, media_type, size, sha256, body, uploaded_at)
       VALUES ('${id}', 'fiche.pdf', 'application/pdf', 9, 'openapi', X'255044462D312E340A', '2026-01-01T00:00:00Z');`).join('\n'));
  for (const [template, operations] of paths) {
    for (const [method, op] of Object.entries(operations)) {
      const params = (op.parameters ?? []).map((p) => (p.$ref ? res.body.components.parameters[p.$ref.split('/').at(-1)] : p));
      let path = template;
      for (const p of params.filter((p) => p.in === 'path')) {
        assert.ok(p.example, `${template}: path parameter ${p.name} needs an example`);
        const real = template.startsWith('/api/account-links/') ? linkToken
          : template.startsWith('/api/members/') ? memberToken
          : template.startsWith('/api/follows/') ? followToken
          : template.startsWith('/api/organisations/') ? organisationToken : token;
        path = path.replace(`{${p.name}}`, encodeURIComponent(p.name === 'token' ? real : p.example));
      }
      // Reads answer 200; writes are called with no body here (tests/registration.test.mjs
      // sends real ones) and must answer one of their documented statuses.
      const answer = await fetch(BASE + path, { method: method.toUpperCase(), headers: { 'CF-Connecting-IP': '192.0.2.250' } });
      assert.ok(
        Object.keys(op.responses).includes(String(answer.status)),
        `${method} ${path} answered ${answer.status}, not a documented status`,
      );
      // Back-office routes refuse an anonymous caller; the others read.
      if (op.security?.length) assert.equal(answer.status, 401, `${method} ${path} without a session`);
      else if (method === 'get') assert.equal(answer.status, 200, `${method} ${path}`);
    }
  }
  sql(`DELETE FROM account_link WHERE token_hash = '${linkHash}'; DELETE FROM community_member WHERE id = 'openapi-member'; DELETE FROM follow WHERE id = 'openapi-follow';
       DELETE FROM organisation WHERE id = 'openapi-organisation';
       DELETE FROM resource_file WHERE resource_id IN (${files.map((id) => `'${id}'`).join(', ')})`);
});

test('routes that do not exist, or with the wrong method, are problems too', async () => {
  assertProblem(await get('/api/nothing-here'), 404);
  const post = await fetch(BASE + '/api/offerings', { method: 'POST', body: '{}' });
  assert.equal(post.status, 405);
  assert.match(post.headers.get('content-type'), /^application\/problem\+json/);
  assert.equal(post.headers.get('allow'), 'GET', 'a 405 says which methods the address takes');
  const put = await fetch(BASE + '/api/registrations/0123456789abcdef', { method: 'PUT', body: '{}' });
  assert.equal(put.status, 405);
  assert.equal(put.headers.get('allow'), 'GET, PATCH, DELETE');
});

test('the catalog is bilingual, complete and paginated', async () => {
  const fr = await allOfferings('fr');
  const en = await allOfferings('en');
  assert.ok(fr.length >= 10, `only ${fr.length} offerings`);
  assert.deepEqual(fr.map((o) => o.id), en.map((o) => o.id), 'same offerings in the same order');
  assert.equal(new Set(fr.map((o) => o.id)).size, fr.length, 'no offering twice across pages');
  for (const [o, o2] of fr.map((o, i) => [o, en[i]])) {
    assert.equal(o.title.lang, 'fr', `${o.id} has a French title`);
    assert.equal(o2.title.lang, 'en', `${o.id} has an English title`);
    assert.notEqual(o.title.text, o2.title.text, `${o.id} title is translated`);
  }
  const training = fr.find((o) => o.title.text.includes('mouvements décentralisés'));
  assert.ok(training, 'the free training is in the catalog');
  assert.equal(training.next_edition.sessions.length, 5);
  assert.equal(en.find((o) => o.id === training.id).next_edition.sessions.length, 5);

  // Soonest first: offerings with a next edition come before those without, in date order.
  const starts = fr.map((o) => o.next_edition?.sessions[0]?.starts_at ?? null);
  const dated = starts.filter(Boolean);
  assert.ok(dated.length >= 8, `only ${dated.length} offerings have an upcoming date`);
  assert.deepEqual(dated, [...dated].sort(), 'sorted by next start');
  assert.equal(starts.indexOf(null) === -1 || starts.slice(starts.indexOf(null)).every((s) => s === null), true);
  const now = new Date();
  for (const s of dated) assert.ok(new Date(s) > now, `${s} is in the future`);
});

test('sessions carry the instant, the organiser zone and its offsets', async () => {
  const page = await get('/api/offerings?lang=en&limit=50');
  for (const o of page.body.items) {
    for (const s of o.next_edition?.sessions ?? []) {
      assert.match(s.starts_at, /Z$|\+00:00$/);
      assert.ok(new Date(s.ends_at) > new Date(s.starts_at));
      // The offset agrees with the browser-independent Intl data for that zone and instant.
      const local = new Intl.DateTimeFormat('en-CA', {
        timeZone: s.zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      }).format(new Date(s.starts_at));
      const shifted = new Date(new Date(s.starts_at).getTime() + s.start_offset_minutes * 60000).toISOString();
      assert.equal(shifted.slice(0, 16).replace('T', ', '), local, `${s.id} in ${s.zone}`);
    }
  }
});

test('an offering page has its editions, sessions and facilitators', async () => {
  const fr = await allOfferings('fr');
  const training = fr.find((o) => o.title.text.includes('mouvements décentralisés'));
  const detail = await get(`/api/offerings/${training.id}?lang=fr`);
  assert.equal(detail.status, 200);
  const names = detail.body.facilitators.map((p) => p.name);
  assert.ok(names.includes('Louis Ramirez') && names.includes('Ashley Torres'), names.join(', '));
  assert.equal(detail.body.upcoming_editions[0].sessions.length, 5);
  assert.ok(detail.body.description.text.length > 200);
  assert.equal(detail.body.offering.id, training.id);
  assert.deepEqual(detail.body.offering.title, training.title);

  // A dated edition from the sources stays in the archive, and has an upcoming twin.
  const emancip = fr.find((o) => /Emancip|associations dans leur transition/i.test(o.title.text + o.summary.text));
  assert.ok(emancip, 'the Emancip’Asso training is in the catalog');
  const e = (await get(`/api/offerings/${emancip.id}?lang=en`)).body;
  assert.ok(e.past_editions.some((ed) => ed.sessions[0].starts_at.startsWith('2023-01-16')), 'original January 2023 edition kept');
  assert.equal(e.upcoming_editions[0].capacity, 20);
  assert.equal(e.upcoming_editions[0].registration_mode, 'application');
  assert.equal(e.upcoming_editions[0].sessions[0].zone, 'Europe/Paris');
  assert.equal(e.upcoming_editions[0].sessions.length, 5);
});

// French writes amounts and « : » with no-break spaces; the words are what matter here.
const spaced = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
const factsOf = (edition) => edition.facts.map(spaced);

test('editions say their languages of instruction and their cost in the reader\'s words', async () => {
  // Emancip'Asso: free, travel and lodging paid by participants, taught in French.
  const [fr, en] = await Promise.all(['fr', 'en'].map(async (lang) => (await get(`/api/offerings/emancipasso-formation?lang=${lang}`)).body.upcoming_editions[0]));
  assert.deepEqual(en.cost, { kind: 'free_travel_paid' });
  assert.deepEqual(en.instruction_languages, ['fr']);
  assert.ok(factsOf(en).includes('Free — travel and lodging paid by participants'), factsOf(en).join(' | '));
  assert.ok(factsOf(en).includes('Taught in French'));
  assert.ok(factsOf(fr).includes('Gratuit — déplacement et hébergement à la charge des participant·es'), factsOf(fr).join(' | '));
  assert.ok(factsOf(fr).includes('Donnée en français'));
  assert.deepEqual(en.cost_note, { text: 'Travel costs (transport, accommodation and meals) are covered by participants.', lang: 'en' });
  assert.equal(fr.cost_note.lang, 'fr');
  assert.equal(en.written_in_notice, undefined, 'a bilingual edition has no notice');
  // What people with a place read is not public.
  const everything = JSON.stringify([fr, en]);
  assert.doesNotMatch(everything, /private_details|Adresse exacte|Exact address/);

  // The GGSN meets in English: said to French readers, on the card too; English readers' cards leave it out.
  const ggsn = (await get(`/api/offerings/${GGSN_OFFERING}?lang=fr`)).body;
  assert.ok(ggsn.upcoming_editions.length > 0);
  for (const e of ggsn.upcoming_editions) {
    assert.deepEqual(e.instruction_languages, ['en']);
    assert.ok(e.facts.includes('Donnée en anglais'), e.facts.join(' | '));
  }
  const cardFr = (await allOfferings('fr')).find((o) => o.id === GGSN_OFFERING);
  assert.ok(cardFr.next_edition.facts.includes('Donnée en anglais'), JSON.stringify(cardFr.next_edition.facts));
  const cardEn = (await allOfferings('en')).find((o) => o.id === GGSN_OFFERING);
  assert.ok(!cardEn.next_edition.facts.some((f) => /Taught/.test(f)), JSON.stringify(cardEn.next_edition.facts));

  // Cluny's programme: a fee with bursaries, in euros written each language's way; the
  // Ravenna month is taught in English, the rest in French.
  const cluny = await Promise.all(['fr', 'en'].map(async (lang) => (await get(`/api/offerings/cluny-mas-innovation-territoriale?lang=${lang}`)).body.upcoming_editions[0]));
  assert.deepEqual(cluny[1].cost, { kind: 'fee_with_bursary', fee_cents: 500000, fee_currency: 'EUR' });
  assert.ok(cluny[0].facts.includes('5\u202f000\u00a0€ — bourses possibles'), JSON.stringify(cluny[0].facts));
  assert.ok(cluny[1].facts.includes('€5,000 — bursaries available'), JSON.stringify(cluny[1].facts));
  assert.ok(cluny[1].facts.includes('Taught in English and French'));
  assert.deepEqual(cluny[1].sessions.map((s) => s.taught_in), ['Taught in English', 'Taught in French']);
  assert.deepEqual(cluny[0].sessions.map((s) => s.instruction_languages), [['en'], ['fr']]);
});

test('an edition given in one language: its texts in that language for every reader, and the other readers told', async () => {
  const { id, cleanUp } = await publishOneLanguageEdition();
  try {
    const of = async (lang) => (await get(`/api/offerings/${GGSN_OFFERING}?lang=${lang}`)).body.upcoming_editions.find((e) => e.id === id);
    const [fr, en] = [await of('fr'), await of('en')];
    assert.ok(fr && en, 'the published edition is on the offering page');
    assert.equal(fr.written_in, 'en');
    assert.equal(fr.written_in_notice, 'Cette édition est présentée en anglais seulement');
    assert.equal(en.written_in_notice, undefined, 'English readers read it in their language');
    // Never an empty field: the English text, marked as English.
    assert.deepEqual(fr.title, { text: ONE_LANGUAGE_TITLE, lang: 'en' });
    assert.deepEqual(fr.sessions[0].title, { text: 'Welcome and introductions', lang: 'en' });
    assert.deepEqual(fr.cost_note, { text: 'Pay what you can at the door.', lang: 'en' });
    assert.deepEqual(fr.cost, { kind: 'fee', fee_cents: 15000, fee_currency: 'CAD' });
    assert.ok(fr.facts.includes('150\u00a0$'), JSON.stringify(fr.facts));
    assert.ok(en.facts.includes('$150'), JSON.stringify(en.facts));
    // Its registration form says the same.
    const form = (await get(`/api/editions/${id}/registration-form?lang=fr`));
    assert.equal(form.status, 200, JSON.stringify(form.body));
    assert.equal(form.body.edition.written_in_notice, 'Cette édition est présentée en anglais seulement');
  } finally {
    cleanUp();
  }
});

test("a facilitator's and a partner's pages name them and list what they run", async () => {
  // Every facilitator named on an offering page has a page listing that offering.
  const fr = await allOfferings('fr');
  const training = fr.find((o) => o.title.text.includes('mouvements décentralisés'));
  const detail = (await get(`/api/offerings/${training.id}?lang=fr`)).body;
  for (const person of detail.facilitators) {
    const page = await get(`/api/people/${person.id}?lang=fr&tz=Asia/Kathmandu`);
    assert.equal(page.status, 200);
    assert.equal(page.body.name, person.name);
    assert.ok(page.body.offerings.some((o) => o.id === training.id), `${person.id} runs ${training.id}`);
    const next = page.body.offerings.find((o) => o.id === training.id).next_edition.sessions[0];
    assert.equal(next.reader_start_offset_minutes, 345, "sessions on the reader's clock (Kathmandu, UTC+5:45)");
  }

  // A partner page: its description in the asked language, its site, and exactly its offerings.
  const partner = training.partner;
  const en = await get(`/api/partners/${partner.id}?lang=en`);
  assert.equal(en.status, 200);
  assert.equal(en.body.name, partner.name);
  assert.equal(en.body.about.lang, 'en');
  const runs = fr.filter((o) => o.partner?.id === partner.id).map((o) => o.id).sort();
  assert.deepEqual(en.body.offerings.map((o) => o.id).sort(), runs);
  assert.ok(en.body.offerings.every((o) => o.title.lang === 'en'));
  const framasoft = await get('/api/partners/framasoft?lang=fr');
  assert.equal(framasoft.body.url, 'https://framasoft.org');

  for (const path of ['/api/people/nobody', '/api/partners/nobody']) {
    const missing = await get(`${path}?lang=en`);
    assertProblem(missing, 404);
    assert.equal(missing.body.lang, 'en');
  }
  assertProblem(await get('/api/people/tom-liacas?tz=Mars/Olympus'), 400);
});

test('the archive lists every ended edition, most recent first, page by page', async () => {
  const now = new Date().toISOString();
  const items = [];
  let cursor = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await get(`/api/archive?lang=en&limit=3&tz=America/Santiago${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(page.status, 200);
    assert.ok(page.body.items.length <= 3);
    items.push(...page.body.items);
    cursor = page.body.next_cursor;
    if (!cursor) break;
  }
  assert.ok(items.length >= 5, `${items.length} past editions`);
  const ends = items.map((i) => i.edition.sessions.at(-1).ends_at);
  assert.ok(ends.every((end) => end <= now), 'only ended editions');
  const starts = items.map((i) => i.edition.sessions[0].starts_at);
  assert.deepEqual(starts, [...starts].sort().reverse(), 'most recent first');
  assert.equal(new Set(items.map((i) => i.edition.id)).size, items.length, 'no edition twice across pages');
  assert.ok(items.some((i) => i.edition.id === 'emancipasso-2023' && i.offering_id === 'emancipasso-formation'));
  assert.ok(items.every((i) => i.offering_title.text && i.offering_kind));
  assert.ok(items.every((i) => i.edition.sessions.every((s) => s.reader_start_offset_minutes !== undefined)));

  // The same editions as the offering pages' past editions.
  const emancip = (await get('/api/offerings/emancipasso-formation?lang=en')).body;
  const archived = items.filter((i) => i.offering_id === 'emancipasso-formation').map((i) => i.edition.id);
  assert.deepEqual(archived.sort(), emancip.past_editions.map((e) => e.id).sort());

  const bad = await get('/api/archive?cursor=later', { 'Accept-Language': 'fr' });
  assertProblem(bad, 400);
  assert.equal(bad.body.errors[0].field, 'cursor');
  assert.match(bad.body.errors[0].message, /pagination/i);
  assert.equal(bad.body.lang, 'fr');
});

test('bad requests get problems in the caller language, and nothing else', async () => {
  const frLang = await get('/api/offerings?lang=xx', { 'Accept-Language': 'fr-CA,fr;q=0.9' });
  assertProblem(frLang, 400);
  assert.equal(frLang.body.lang, 'fr');
  assert.equal(frLang.body.errors[0].field, 'lang');
  assert.match(frLang.body.errors[0].message, /Langue/);
  const enLang = await get('/api/offerings?lang=xx', { 'Accept-Language': 'en-GB' });
  assert.equal(enLang.body.lang, 'en');
  assert.match(enLang.body.errors[0].message, /language/i);

  const limit = await get('/api/offerings?lang=en&limit=0');
  assertProblem(limit, 400);
  assert.equal(limit.body.errors[0].field, 'limit');
  assertProblem(await get('/api/offerings?lang=en&cursor=abc'), 400);

  const missing = await get('/api/offerings/no-such-offering?lang=fr');
  assertProblem(missing, 404);
  assert.equal(missing.body.title, 'Introuvable');
  assert.equal((await get('/api/offerings/no-such-offering?lang=en')).body.title, 'Not found');
});

test('public catalog reads are answered from memory after the first, with the same content', async () => {
  // A query no other test uses, so the first answer is a miss.
  const path = '/api/offerings?lang=en&limit=7';
  const first = await fetch(BASE + path);
  const second = await fetch(BASE + path);
  assert.equal(first.headers.get('x-relais-cache'), 'miss');
  assert.equal(second.headers.get('x-relais-cache'), 'hit');
  assert.deepEqual(await second.json(), await first.json());
  assert.equal(second.headers.get('cache-control'), 'public, max-age=60');
  // Languages are cached apart.
  const french = await (await fetch(BASE + '/api/offerings?lang=fr&limit=7')).json();
  assert.equal(french.lang, 'fr');
});

// Last: it blocks the event loop for seconds, which leaves pooled keep-alive sockets stale.
test('the catalog filters by kind, format, topic, language, dates and words', async () => {
  const all = await allOfferings('fr');
  const expectIds = (res, pred, what) => {
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(ids(res), all.filter(pred).map((o) => o.id).sort(), what);
    assert.ok(res.body.items.length > 0, `${what}: something matches`);
  };
  expectIds(await get('/api/offerings?lang=fr&limit=50&kind=training_series'), (o) => o.kind === 'training_series', 'kind');
  expectIds(await get('/api/offerings?lang=fr&limit=50&format=in_person'), (o) => o.format === 'in_person', 'format');
  const topic = all.flatMap((o) => o.topics).find((t) => all.some((o) => !o.topics.includes(t)));
  expectIds(await get(`/api/offerings?lang=fr&limit=50&topic=${topic}`), (o) => o.topics.includes(topic), 'topic');
  const language = all.flatMap((o) => o.languages).find((l) => all.some((o) => !o.languages.includes(l)));
  expectIds(await get(`/api/offerings?lang=fr&limit=50&language=${language}`), (o) => o.languages.includes(language), 'language');

  // Words in any language, whatever the case and accents; every word must be found.
  const words = await get(`/api/offerings?lang=en&limit=50&q=${encodeURIComponent('DECENTRALISES Mouvements')}`);
  assert.deepEqual(ids(words), ['hub-mouvements-decentralises']);
  assert.equal((await get('/api/offerings?lang=en&q=mouvements%20zzzz')).body.items.length, 0);

  // Dates: the training's next session day is in, the day before it is out.
  const training = all.find((o) => o.id === 'hub-mouvements-decentralises');
  const day = training.next_edition.sessions[0].starts_at.slice(0, 10);
  const before = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
  assert.ok(ids(await get(`/api/offerings?lang=fr&limit=50&from=${day}&to=${day}&tz=UTC`)).includes(training.id));
  assert.ok(!ids(await get(`/api/offerings?lang=fr&limit=50&to=${before}&tz=UTC`)).includes(training.id));

  // Pages of a filtered list do not overlap and end.
  const first = await get('/api/offerings?lang=fr&limit=2&q=formation');
  assert.equal(first.body.items.length, 2);
  const second = await get(`/api/offerings?lang=fr&limit=2&q=formation&cursor=${first.body.next_cursor}`);
  assert.ok(second.body.items.length > 0);
  assert.ok(second.body.items.every((o) => !ids(first).includes(o.id)));
});

test("with the reader's zone, sessions carry the reader's offsets and night-time can be left out", async () => {
  const lagos = await get('/api/offerings?lang=en&limit=50&tz=Africa/Lagos');
  const sessions = lagos.body.items.flatMap((o) => o.next_edition?.sessions ?? []);
  assert.ok(sessions.length > 0);
  for (const s of sessions) assert.equal(s.reader_start_offset_minutes, 60, 'Lagos is UTC+1 all year');
  const plain = await get('/api/offerings?lang=en&limit=50');
  assert.ok(plain.body.items.flatMap((o) => o.next_edition?.sessions ?? []).every((s) => s.reader_start_offset_minutes === undefined));

  // The training meets at 18:30 in Toronto: 05:15 the next morning in Kathmandu (night), the
  // evening in Toronto (day).
  const night = await get('/api/offerings?lang=en&limit=50&daytime=1&tz=Asia/Kathmandu');
  assert.equal(night.status, 200);
  assert.ok(!ids(night).includes('hub-mouvements-decentralises'));
  assert.ok(ids(await get('/api/offerings?lang=en&limit=50&daytime=1&tz=America/Toronto')).includes('hub-mouvements-decentralises'));
  for (const o of night.body.items) {
    for (const s of o.next_edition.sessions) {
      const local = (iso, offset) => new Date(Date.parse(iso) + offset * 60_000).getUTCHours();
      assert.equal(s.reader_start_offset_minutes, 345);
      const [start, end] = [local(s.starts_at, 345), local(s.ends_at, 345)];
      assert.ok(start >= 7 && start < 22 && end >= 7 && end <= 22, `${o.id} ${s.starts_at} is daytime in Kathmandu`);
    }
  }
  // Browsers' old zone names are understood.
  assert.equal((await get('/api/offerings?lang=en&tz=Asia/Katmandu')).status, 200);
  const detail = await get('/api/offerings/hub-mouvements-decentralises?lang=en&tz=Australia/Sydney');
  assert.ok([600, 660].includes(detail.body.upcoming_editions[0].sessions[0].reader_start_offset_minutes));
});

test('bad filters are refused together, each said in the caller language', async () => {
  const res = await get('/api/offerings?kind=party&from=2026-13-01&daytime=1', { 'Accept-Language': 'fr-CA' });
  assertProblem(res, 400);
  const fields = Object.fromEntries(res.body.errors.map((e) => [e.field, e.message]));
  assert.deepEqual(Object.keys(fields).sort(), ['daytime', 'from', 'kind']);
  assert.match(fields.from, /Date invalide/);
  assert.match(fields.daytime, /fuseau horaire/);
  const zone = await get('/api/offerings?lang=en&tz=Mars/Olympus_Mons');
  assertProblem(zone, 400);
  assert.equal(zone.body.errors[0].field, 'tz');
  assert.match(zone.body.errors[0].message, /IANA/);
  const order = await get('/api/offerings?lang=en&from=2026-12-10&to=2026-12-01');
  assertProblem(order, 400);
  assert.match(order.body.errors[0].message, /end date comes before/);
});

/** An iCalendar feed read by Python's icalendar, not by our code. */
function parseIcs(text) {
  const out = execFileSync('python3', [new URL('./ics_events.py', import.meta.url).pathname], { input: text, encoding: 'utf8' });
  return JSON.parse(out);
}

test('sessions, editions and the whole catalog as iCalendar, read by an independent parser', async () => {
  const feed = await get('/api/calendar.ics?lang=en');
  assert.equal(feed.status, 200);
  assert.match(feed.type, /^text\/calendar/);
  const { name, wr_name, events } = parseIcs(feed.body);
  // Both names, commas and all, as the calendar-name message says it (text escaped in the feed).
  assert.equal(name, 'Relais: workshops, trainings and meetings');
  // The parser leaves an X- property as written: unescape it here.
  assert.equal(wr_name.replace(/\\([,;\\])/g, '$1'), name);
  const byUid = new Map(events.map((e) => [e.uid, e]));
  assert.equal(byUid.size, events.length, 'one UID per session');
  // Every coming session the catalog shows is in the feed, at the same instants.
  const page = await get('/api/offerings?lang=en&limit=50');
  let checked = 0;
  for (const offering of page.body.items) {
    for (const s of offering.next_edition?.sessions ?? []) {
      const e = byUid.get(`session-${s.id}@relais`);
      assert.ok(e, `${s.id} is in the feed`);
      assert.equal(e.start, s.starts_at.replace(/\.\d+Z$/, 'Z'));
      assert.equal(e.end, s.ends_at.replace(/\.\d+Z$/, 'Z'));
      assert.ok(e.summary.startsWith(offering.title.text), `${e.summary} names the offering`);
      assert.ok(e.url.endsWith(`/en/offerings/${offering.id}`));
      checked++;
    }
  }
  assert.ok(checked > 10, `${checked} sessions checked`);

  // One edition, in French: its five sessions, the same UIDs as in the feed.
  const detail = await get('/api/offerings/hub-mouvements-decentralises?lang=fr');
  const edition = detail.body.upcoming_editions[0];
  const one = parseIcs((await get(`/api/editions/${edition.id}/calendar.ics?lang=fr`)).body);
  assert.deepEqual(one.events.map((e) => e.uid), edition.sessions.map((s) => `session-${s.id}@relais`));
  assert.ok(one.events[0].summary.startsWith('Formation pour militant'), one.events[0].summary);
  assert.deepEqual(one.events.map((e) => e.start), edition.sessions.map((s) => s.starts_at));
  // One session; an unknown one is a problem.
  const session = parseIcs((await get(`/api/sessions/${edition.sessions[0].id}/calendar.ics?lang=en`)).body);
  assert.equal(session.events.length, 1);
  assert.equal(session.events[0].uid, one.events[0].uid);
  assertProblem(await get('/api/sessions/no-such-session/calendar.ics'), 404);
});

test('catalog pages arrive with the first page written in, other addresses as the plain app', async () => {
  for (const lang of ['fr', 'en']) {
    const [page, api] = await Promise.all([get(`/${lang}`), get(`/api/offerings?lang=${lang}`)]);
    assert.equal(page.status, 200);
    assert.match(page.type, /^text\/html/);
    assert.equal(page.headers.get('content-language'), lang);
    assert.match(page.body, new RegExp(`<html lang="${lang}">`));
    assert.match(page.body, /<script type="module"/, 'the app still loads');
    const cards = page.body.match(/<li class="card">/g) ?? [];
    assert.equal(cards.length, api.body.items.length);
    for (const offering of api.body.items) {
      assert.ok(page.body.includes(`href="/${lang}/offerings/${offering.id}"`), offering.id);
    }
  }
  for (const path of ['/fr/offerings/hub-mouvements-decentralises', '/', '/de']) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.match(res.body, /<div id="shell-page"><\/div>/, `${path} is the plain app`);
  }
  const asset = await get('/manifest.webmanifest');
  assert.equal(asset.status, 200);
});

test('loading the demo data again changes nothing', { timeout: 180_000 }, () => {
  const state = process.env.RELAIS_TEST_STATE;
  assert.ok(state, 'RELAIS_TEST_STATE is set by scripts/test');
  // Through `sql`, which waits while the running stack holds the file (SQLITE_BUSY).
  const count = () => sql('SELECT (SELECT count(*) FROM offering) AS o, (SELECT count(*) FROM edition) AS e, '
    + '(SELECT count(*) FROM session) AS s, (SELECT count(*) FROM person) AS p')[0];
  const before = count();
  assert.ok(before.o >= 10 && before.s >= 20, JSON.stringify(before));
  execFileSync('bash', ['scripts/load-demo', '--persist-to', state], { stdio: 'ignore' });
  assert.deepEqual(count(), before);
});

test('a library resource is read in the reader’s language, else in its own, with its translator; members-only and unknown ones are not found', async () => {
  const french = await get('/api/library/hub-structure-decentralisee?lang=fr');
  assert.equal(french.status, 200, JSON.stringify(french.body));
  assert.equal(french.body.text.lang, 'fr');
  assert.match(french.body.text.title, /^Bâtir une structure décentralisée/);
  assert.equal(french.body.text.translator, 'Équipe de traduction du Hub');
  assert.equal(french.body.original, 'en');
  assert.deepEqual(french.body.languages, ['en', 'fr']);
  assert.deepEqual(french.body.offerings.map((o) => [o.id, o.title.lang]), [['hub-connaissances', 'fr'], ['hub-mouvements-decentralises', 'fr']], 'in the catalog’s order');
  const english = await get('/api/library/hub-structure-decentralisee?lang=en');
  assert.equal(english.body.text.lang, 'en');
  assert.equal(english.body.text.translator, null, 'the original names no translator');

  const onlyFrench = await get('/api/library/hub-video-resume-seance-1?lang=en');
  assert.equal(onlyFrench.status, 200);
  assert.deepEqual([onlyFrench.body.text.lang, onlyFrench.body.languages], ['fr', ['fr']]);

  for (const id of ['ggsn-fiche-groupes-sans-financement', 'no-such-resource']) {
    const refused = await get(`/api/library/${id}?lang=en`);
    assertProblem(refused, 404);
    assert.ok(!JSON.stringify(refused.body).includes('financement'), 'nothing of a members-only resource is said');
  }
});

test('the library is searched in the reader’s language, accents and case ignored; no word to look for is refused by name', async () => {
  sql(`INSERT OR IGNORE INTO network (id, name, created_at) VALUES ('hub', 'Le Hub', '2026-01-01T00:00:00Z');
       INSERT INTO resource (id, network_id, kind, visibility, published_at, updated_at, state) VALUES
         ('api-strategie', 'hub', 'guide', 'public', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published'),
         ('api-membres', 'hub', 'summary_sheet', 'members', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published');
       INSERT INTO resource_text (resource_id, lang, title, summary, translator) VALUES
         ('api-strategie', 'fr', 'Stratégie de mobilisation décentralisée', 'Un guide traduit', 'Élise'),
         ('api-strategie', 'en', 'Decentralised organizing strategy', 'A guide', NULL),
         ('api-membres', 'fr', 'Fiche : stratégie décentralisée', 'Pour les membres', NULL);`);
  try {
    // The demo's library is there too: only this test's rows are looked at.
    const ours = (answer) => answer.body.items.filter((r) => r.id.startsWith('api-'));
    const french = await get('/api/library?lang=fr&q=' + encodeURIComponent('STRATEGIE decentralis'));
    assert.equal(french.status, 200, JSON.stringify(french.body));
    assert.deepEqual(ours(french).map((r) => [r.id, r.kind, r.title]), [['api-strategie', 'guide', 'Stratégie de mobilisation décentralisée']]);
    const english = await get('/api/library?lang=en&q=strategy');
    assert.deepEqual(ours(english).map((r) => r.title), ['Decentralised organizing strategy']);
    assert.deepEqual(ours(await get('/api/library?lang=en&q=mobilisation')), [], 'the French text is not searched in English');
    const newest = await get('/api/library?lang=fr');
    assert.ok(newest.body.items.some((r) => r.id === 'api-strategie'));
    assert.ok(!newest.body.items.some((r) => r.id === 'api-membres'), 'members-only resources are not public');

    for (const [lang, message] of [['fr', 'Ce champ est obligatoire.'], ['en', 'This field is required.']]) {
      const refused = await get(`/api/library?lang=${lang}&q=` + encodeURIComponent('l’ *'));
      assertProblem(refused, 400);
      assert.deepEqual(refused.body.errors.map((e) => [e.field, e.code, e.message]), [['q', 'required', message]]);
    }
    const long = await get('/api/library?lang=en&q=' + 'mot '.repeat(60));
    assertProblem(long, 400);
    assert.equal(long.body.errors[0].code, 'too-long');
  } finally {
    sql(`DELETE FROM resource WHERE id IN ('api-strategie', 'api-membres')`);
  }
});
