// A network's digest of its coming offerings, against the real local stack: its coordinators
// see whom it would reach and what it would list, write a note in both languages or none, and
// send it; each confirmed follower of the network gets exactly one message, in their language
// with the coming dates on their clock and a link that stops the next in one click; nobody
// unconfirmed, nobody of another network; the same key sends once; a long list is due a
// round at a time; refusals by name, another network's 404, nothing to announce a 409.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { fetch } from './client.mjs';
import { sql, staffSql } from './state.mjs';
import { lastMessageId, sentMessage } from './accounts.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const RUN = randomBytes(3).toString('hex');
const DOMAIN = 'digest-api.example.org';
const NETWORK = 'ggsn';
const EMPTY = `digest-empty-${RUN}`;
const COORDINATOR = { id: `acc-digest-${RUN}`, email: `coordination.${RUN}@${DOMAIN}`, password: 'the digest api passphrase' };
const ELSEWHERE = { id: `acc-digest-empty-${RUN}`, email: `empty.${RUN}@${DOMAIN}`, password: 'an empty network passphrase' };
const LIBRARIAN = { id: `acc-digest-lib-${RUN}`, email: `library.${RUN}@${DOMAIN}`, password: 'a librarian passphrase', role: 'librarian' };
// Followers of GGSN, consented before anyone else could have: the first of every digest.
const FOLLOWERS = [
  { id: `dg-${RUN}-fr`, email: `awa.${RUN}@${DOMAIN}`, lang: 'fr', zone: 'Africa/Dakar', confirmed: true },
  { id: `dg-${RUN}-en`, email: `priya.${RUN}@${DOMAIN}`, lang: 'en', zone: 'Asia/Kolkata', confirmed: true },
  { id: `dg-${RUN}-no`, email: `unconfirmed.${RUN}@${DOMAIN}`, lang: 'fr', zone: 'Europe/Paris', confirmed: false },
];

async function call(method, path, { session, body, lang = 'en' } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: {
      'CF-Connecting-IP': `10.68.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
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

const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
const ours = FOLLOWERS.map((f) => q(f.id)).join(', ');
/** Our followers' messages of the digest keyed `key`. */
const digestRows = (key) => sql(`SELECT follow_id, recipient, next_attempt_at FROM outbox
  WHERE kind = 'news_digest' AND follow_id IN (${ours}) AND dedupe LIKE ${q(`digest:${NETWORK}:${key}:%`)} ORDER BY id`);

let coordinator;
before(async () => {
  sql(`INSERT OR IGNORE INTO network (id, name, created_at) VALUES (${q(EMPTY)}, 'Réseau sans dates', '2026-01-01T00:00:00Z');`);
  sql(staffSql({ ...COORDINATOR, name: 'Coordination GGSN', networks: [NETWORK] }));
  sql(staffSql({ ...ELSEWHERE, name: 'Coordination vide', networks: [EMPTY] }));
  sql(staffSql({ ...LIBRARIAN, name: 'Bibliothèque GGSN', networks: [NETWORK] }));
  sql(FOLLOWERS.map((f, i) => `INSERT INTO follow (id, email, lang, zone, purpose, network_id, consented_at, confirmed_at)
    VALUES (${q(f.id)}, ${q(f.email)}, ${q(f.lang)}, ${q(f.zone)}, 'network_news', ${q(NETWORK)}, '2000-01-01T00:00:0${i}Z', ${f.confirmed ? "'2000-01-02T00:00:00Z'" : 'NULL'});`).join('\n'));
  coordinator = await login(COORDINATOR);
});
after(() => {
  sql(`DELETE FROM outbox WHERE follow_id IN (${ours}); DELETE FROM follow WHERE id IN (${ours});
       DELETE FROM account WHERE email LIKE '%@${DOMAIN}'; DELETE FROM network WHERE id = ${q(EMPTY)};`);
});

test('a digest reaches each confirmed follower once, in their language, with what is coming on their clock and a link to stop', async () => {
  const preview = await call('GET', `/api/dashboard/networks/${NETWORK}/digest`, { session: coordinator, lang: 'fr' });
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  assert.ok(preview.body.followers >= 2, 'our two confirmed followers at least');
  assert.ok(preview.body.coming.length > 0, 'GGSN has meetings to come');

  const oneLanguage = await call('POST', `/api/dashboard/networks/${NETWORK}/digest`, {
    session: coordinator, lang: 'fr', body: { note: { fr: 'Deux rencontres avant l’été.' }, key: `k1-${RUN}` },
  });
  assert.equal(oneLanguage.status, 400);
  assert.match(oneLanguage.type, /application\/problem\+json/);
  assert.deepEqual(oneLanguage.body.errors.map((e) => [e.field, e.code]), [['note.en', 'required']]);
  assert.match(oneLanguage.body.errors[0].message, /obligatoire/i, 'in the caller’s language');
  const keyless = await call('POST', `/api/dashboard/networks/${NETWORK}/digest`, { session: coordinator, body: {} });
  assert.deepEqual(keyless.body.errors.map((e) => e.field), ['key']);
  assert.deepEqual(digestRows(`k1-${RUN}`), [], 'nothing queued by a refusal');

  const after = lastMessageId();
  const note = { fr: 'Deux rencontres avant l’été.', en: 'Two meetings before summer.' };
  const sent = await call('POST', `/api/dashboard/networks/${NETWORK}/digest`, { session: coordinator, body: { note, key: `k1-${RUN}` } });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assert.ok(sent.body.queued >= 2);
  const again = await call('POST', `/api/dashboard/networks/${NETWORK}/digest`, { session: coordinator, body: { note, key: `k1-${RUN}` } });
  assert.deepEqual(again.body, sent.body, 'the same key answers the same digest');
  const rows = digestRows(`k1-${RUN}`);
  assert.deepEqual(rows.map((r) => r.follow_id), [FOLLOWERS[0].id, FOLLOWERS[1].id], 'once each, nobody unconfirmed');
  assert.ok(rows.every((r) => r.next_attempt_at <= new Date().toISOString().replace(/\.\d+Z$/, 'Z')), 'the first round is due at once');

  const fr = await sentMessage(FOLLOWERS[0].email, 'news_digest', after);
  assert.match(fr.subject, /GGSN/);
  assert.match(fr.body, /Deux rencontres avant l’été\./);
  assert.doesNotMatch(fr.body, /Two meetings/);
  assert.match(fr.body, /Africa\/Dakar/);
  assert.match(fr.body, /\/fr\/offerings\/ggsn-/);
  assert.match(fr.body.replace(/[\u202f\u00a0]/g, ' '), /, \d{1,2} h( \d\d)?\n/, 'times written the French way');
  const stop = /\/fr\/follow\/([0-9a-f]{48})\?stop/.exec(fr.body);
  assert.ok(stop, fr.body);
  const en = await sentMessage(FOLLOWERS[1].email, 'news_digest', after);
  assert.match(en.body, /Two meetings before summer\./);
  assert.match(en.body, /Asia\/Kolkata/);
  assert.match(en.body, /\/en\/offerings\/ggsn-/);
  assert.match(en.body, /\/en\/follow\/[0-9a-f]{48}\?stop/);

  // The French follower stops from the message; the next digest reaches only the other.
  assert.equal((await call('DELETE', `/api/follows/${stop[1]}`)).status, 204);
  const next = await call('POST', `/api/dashboard/networks/${NETWORK}/digest`, { session: coordinator, body: { key: `k2-${RUN}` } });
  assert.equal(next.status, 200);
  assert.deepEqual(digestRows(`k2-${RUN}`).map((r) => r.follow_id), [FOLLOWERS[1].id]);

  const audit = await call('GET', `/api/dashboard/networks/${NETWORK}/audit`, { session: coordinator });
  const entries = audit.body.filter((e) => e.entity === 'digest' && [`k1-${RUN}`, `k2-${RUN}`].includes(e.entity_id));
  assert.equal(entries.length, 2, 'one audit entry per digest, not per click');
});

test('only the network’s coordinators send its digest, and only when something is coming', async () => {
  const elsewhere = await login(ELSEWHERE);
  assert.equal((await call('GET', `/api/dashboard/networks/${NETWORK}/digest`, { session: elsewhere })).status, 404);
  assert.equal((await call('POST', `/api/dashboard/networks/${NETWORK}/digest`, { session: elsewhere, body: { key: `x-${RUN}` } })).status, 404);
  const librarian = await login(LIBRARIAN);
  assert.equal((await call('POST', `/api/dashboard/networks/${NETWORK}/digest`, { session: librarian, body: { key: `x-${RUN}` } })).status, 403);
  assert.equal((await call('POST', `/api/dashboard/networks/${NETWORK}/digest`, { body: { key: `x-${RUN}` } })).status, 401);
  const empty = await call('GET', `/api/dashboard/networks/${EMPTY}/digest`, { session: elsewhere });
  assert.deepEqual(empty.body, { followers: 0, coming: [] });
  const nothing = await call('POST', `/api/dashboard/networks/${EMPTY}/digest`, { session: elsewhere, lang: 'fr', body: { key: `x-${RUN}` } });
  assert.equal(nothing.status, 409);
  assert.match(nothing.type, /application\/problem\+json/);
  assert.match(nothing.body.detail, /rien à annoncer/);
});
