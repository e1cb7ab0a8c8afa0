// The library as a network's librarian curates it, against the real local stack (workerd
// with D1 and KV): a librarian invited to the Hub writes a resource in two languages, is told
// in their language what still stops its publication, links it to the Hub's offerings only,
// publishes it, and the public then reads and finds it without accents; a draft is nowhere
// public; the librarian reaches nothing else of the network, and nobody reaches another
// network's library.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { fetch } from './client.mjs';
import { sql, staffSql } from './state.mjs';
import { inviteAndJoin } from './accounts.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const RUN = randomBytes(3).toString('hex');
const DOMAIN = 'library-curation.example.org';
const NETWORK = 'hub';
const OFFERING = 'hub-mouvements-decentralises';
const OTHER_OFFERING = 'ggsn-communaute-pratique';
const COORDINATOR = { id: `acc-curation-${RUN}`, email: `coordination.${RUN}@${DOMAIN}`, password: 'the curation api passphrase' };
const ELSEWHERE = { id: `acc-curation-ggsn-${RUN}`, email: `ggsn.${RUN}@${DOMAIN}`, password: 'another network passphrase' };
const LIBRARIAN = { email: `bibliotheque.${RUN}@${DOMAIN}`, password: 'a librarian passphrase', name: 'Bibliothèque du Hub' };
// A word no demo resource holds, accented as French writes it.
const WORD = `écologie${RUN.replace(/\d/g, '')}`;
const made = [];

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

async function login({ email, password }) {
  const res = await call('POST', '/api/auth/login', { body: { email, password } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(res.headers.get('set-cookie'))[1], csrf: res.body.csrf_token };
}

const draft = (extra = {}) => ({
  kind: 'guide',
  visibility: 'public',
  topics: [],
  original: 'fr',
  title: { fr: `Guide d’${WORD} populaire`, en: `A guide to grassroots ${WORD}` },
  summary: { fr: 'Organiser son quartier, étape par étape.' },
  url: 'https://example.org/guide-ecologie',
  ...extra,
});

let coordinator;
let librarian;

before(async () => {
  sql(staffSql({ ...COORDINATOR, name: 'Coordination Hub', networks: [NETWORK] }));
  sql(staffSql({ ...ELSEWHERE, name: 'Coordination GGSN', networks: ['ggsn'] }));
  coordinator = await login(COORDINATOR);
  ({ session: librarian } = await inviteAndJoin(call, coordinator, NETWORK, { ...LIBRARIAN, role: 'librarian', lang: 'fr' }));
});

after(() => {
  for (const id of made) sql(`DELETE FROM resource WHERE id = '${id}';`);
  sql(`DELETE FROM account WHERE email LIKE '%@${DOMAIN}';`);
});

test('a librarian is a librarian of the Hub, and reaches nothing of its catalog, people or members', async () => {
  assert.deepEqual(librarian.account.networks.map((n) => [n.network_id, n.role]), [[NETWORK, 'librarian']]);
  for (const [method, path] of [
    ['GET', `/api/dashboard/networks/${NETWORK}`],
    ['GET', `/api/networks/${NETWORK}/members`],
    ['GET', `/api/dashboard/networks/${NETWORK}/community`],
    ['GET', '/api/coordinator/editions'],
  ]) {
    const res = await call(method, path, { session: librarian });
    assert.equal(res.status, 403, `${method} ${path}: ${JSON.stringify(res.body)}`);
    assert.match(res.type, /application\/problem\+json/);
  }
  const shelf = await call('GET', `/api/dashboard/networks/${NETWORK}/library`, { session: librarian, lang: 'fr' });
  assert.equal(shelf.status, 200, JSON.stringify(shelf.body));
  assert.ok(shelf.body.resources.length > 0, 'the Hub’s demo library is on its shelf');
  assert.ok(shelf.body.offerings.some((o) => o.id === OFFERING));
  assert.ok(!shelf.body.offerings.some((o) => o.id === OTHER_OFFERING), 'only the Hub’s offerings');
});

test('another network’s library is not found, for its shelf, its resources and their links', async () => {
  const ggsn = await call('GET', '/api/dashboard/networks/ggsn/library', { session: librarian });
  assert.equal(ggsn.status, 404);
  const created = await call('POST', `/api/dashboard/networks/${NETWORK}/library`, { session: librarian, body: draft() });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  made.push(created.body.id);
  const elsewhere = await login(ELSEWHERE);
  assert.equal((await call('GET', `/api/dashboard/library/${created.body.id}`, { session: elsewhere })).status, 404);
  assert.equal((await call('PUT', `/api/dashboard/library/${created.body.id}`, { session: elsewhere, body: draft() })).status, 404);
  assert.equal((await call('POST', `/api/dashboard/library/${created.body.id}/state`, { session: elsewhere, body: { action: 'publish' } })).status, 404);
  const into = await call('POST', '/api/dashboard/networks/ggsn/library', { session: librarian, body: draft() });
  assert.equal(into.status, 404);
  const linked = await call('PUT', `/api/dashboard/library/${created.body.id}`, {
    session: librarian, lang: 'fr', body: draft({ offerings: [OFFERING, OTHER_OFFERING], editions: ['nowhere'] }),
  });
  assert.equal(linked.status, 400);
  assert.deepEqual(linked.body.errors.map((e) => [e.field, e.code]), [['offerings.1', 'unknown-link'], ['editions.0', 'unknown-link']]);
  assert.match(linked.body.errors[0].message, /réseau/, 'in the caller’s language');
  const after = await call('GET', `/api/dashboard/library/${created.body.id}`, { session: librarian });
  assert.deepEqual(after.body.draft.offerings, [], 'nothing half-written');
});

test('a librarian writes a resource in two languages, is told what stops it, publishes it, and the public finds it without accents', async () => {
  const created = await call('POST', `/api/dashboard/networks/${NETWORK}/library`, {
    session: librarian, lang: 'fr', body: draft({ offerings: [OFFERING] }),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  made.push(id);
  const opened = await call('GET', `/api/dashboard/library/${id}`, { session: librarian, lang: 'fr' });
  assert.equal(opened.status, 200);
  assert.equal(opened.body.draft.state, 'draft');
  assert.deepEqual(opened.body.draft.offerings, [OFFERING]);
  // The English title makes English a translation: it needs its summary and its translator.
  assert.deepEqual(opened.body.publish_refusals.map((e) => e.field).sort(), ['summary.en', 'translator.en']);
  assert.ok(opened.body.completeness.filled < opened.body.completeness.required);
  assert.equal((await call('GET', `/api/library/${id}`)).status, 404, 'a draft is not public');

  const refused = await call('POST', `/api/dashboard/library/${id}/state`, { session: librarian, lang: 'fr', body: { action: 'publish' } });
  assert.equal(refused.status, 400);
  assert.match(refused.type, /application\/problem\+json/);
  assert.ok(refused.body.errors.every((e) => e.code === 'required' && /obligatoire/i.test(e.message)), JSON.stringify(refused.body.errors));

  const translator = await call('PUT', `/api/dashboard/library/${id}`, {
    session: librarian, body: draft({ offerings: [OFFERING], translator: { fr: 'Camille' } }),
  });
  assert.equal(translator.status, 400, 'the original language credits no translator');
  assert.deepEqual(translator.body.errors.map((e) => [e.field, e.code]), [['translator.fr', 'not-expected']]);

  const complete = draft({
    offerings: [OFFERING],
    summary: { fr: 'Organiser son quartier, étape par étape.', en: 'Organising one’s neighbourhood, step by step.' },
    translator: { en: 'Sam Lee' },
  });
  const saved = await call('PUT', `/api/dashboard/library/${id}`, { session: librarian, body: complete });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.deepEqual(saved.body.publish_refusals, []);
  const published = await call('POST', `/api/dashboard/library/${id}/state`, { session: librarian, body: { action: 'publish' } });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  assert.equal(published.body.draft.state, 'published');
  const again = await call('POST', `/api/dashboard/library/${id}/state`, { session: librarian, body: { action: 'publish' } });
  assert.equal(again.status, 409);

  const en = await call('GET', `/api/library/${id}?lang=en`);
  assert.equal(en.status, 200);
  assert.equal(en.body.text.lang, 'en');
  assert.equal(en.body.text.translator, 'Sam Lee');
  assert.deepEqual(en.body.languages, ['fr', 'en']);
  assert.deepEqual(en.body.offerings.map((o) => o.id), [OFFERING]);
  const unaccented = WORD.normalize('NFD').replace(/\p{M}/gu, '');
  const found = await call('GET', `/api/library?lang=fr&q=${encodeURIComponent(unaccented)}`);
  assert.equal(found.status, 200);
  assert.deepEqual(found.body.items.map((i) => [i.id, i.lang]), [[id, 'fr']]);

  // A published resource stays complete: taking away its English summary is refused.
  const incomplete = await call('PUT', `/api/dashboard/library/${id}`, { session: librarian, body: draft({ offerings: [OFFERING], translator: { en: 'Sam Lee' } }) });
  assert.equal(incomplete.status, 400);
  assert.deepEqual(incomplete.body.errors.map((e) => e.field), ['summary.en']);

  // The coordinators read what the librarian did in the audit.
  const audit = await call('GET', `/api/dashboard/networks/${NETWORK}/audit`, { session: coordinator });
  assert.equal(audit.status, 200, JSON.stringify(audit.body));
  const entries = audit.body.filter((e) => e.entity_id === id).map((e) => e.action);
  assert.ok(entries.includes('created') && entries.includes('publish'), JSON.stringify(entries));
});

test('a coordinator curates the library too; a facilitator does not', async () => {
  const created = await call('POST', `/api/dashboard/networks/${NETWORK}/library`, { session: coordinator, body: draft() });
  assert.equal(created.status, 201);
  made.push(created.body.id);
  const FACILITATOR = { id: `acc-curation-fac-${RUN}`, email: `animation.${RUN}@${DOMAIN}`, password: 'a facilitator passphrase', role: 'facilitator' };
  sql(staffSql({ ...FACILITATOR, networks: [NETWORK] }));
  const facilitator = await login(FACILITATOR);
  assert.equal((await call('GET', `/api/dashboard/networks/${NETWORK}/library`, { session: facilitator })).status, 403);
  assert.equal((await call('GET', `/api/dashboard/library/${created.body.id}`, { session: facilitator })).status, 403);
});
