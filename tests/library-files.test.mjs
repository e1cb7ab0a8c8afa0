// A library resource's attached file, against the real local stack (workerd with D1 and KV):
// a coordinator attaches a PDF to a draft, which it then needs no link to be published; the
// public downloads exactly the bytes sent, saved under their name and never run; a file that
// is not what it says, too large, or badly named is refused with a reason in the caller's
// language and changes nothing; a members-only resource's file goes to members only; and a
// published resource keeps something to read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { fetch } from './client.mjs';
import { sql, staffSql } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const RUN = randomBytes(3).toString('hex');
const DOMAIN = 'library-files.example.org';
const COORDINATOR = { id: `acc-files-${RUN}`, email: `hub.${RUN}@${DOMAIN}`, password: 'the library files passphrase' };
const ELSEWHERE = { id: `acc-files-ggsn-${RUN}`, email: `ggsn.${RUN}@${DOMAIN}`, password: 'the other network passphrase' };
const NAME = 'Fiche synthèse « stratégie ».pdf';
// A small real PDF: its first bytes are what the Worker checks.
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% Relais test\n'), randomBytes(4096), Buffer.from('\n%%EOF\n')]);
const made = [];

function headers({ session, lang, type }) {
  return {
    'CF-Connecting-IP': `10.68.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
    'Accept-Language': lang,
    ...(type ? { 'Content-Type': type } : {}),
    ...(session ? { Cookie: `__Host-relais_session=${session.token}`, 'X-CSRF-Token': session.csrf } : {}),
  };
}

async function call(method, path, { session, body, lang = 'en' } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: headers({ session, lang, type: body === undefined ? undefined : 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, type: res.headers.get('content-type') ?? '' };
}

/** PUTs `bytes` as resource `id`'s file, named `name`, of type `type`. */
async function attach(id, { session, bytes = PDF, name = NAME, type = 'application/pdf', lang = 'en' }) {
  const res = await fetch(`${BASE}/api/dashboard/library/${id}/file?name=${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: headers({ session, lang, type }),
    body: bytes,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, type: res.headers.get('content-type') ?? '' };
}

async function download(path) {
  const res = await fetch(BASE + path);
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function login({ email, password }) {
  const res = await call('POST', '/api/auth/login', { body: { email, password } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(res.headers.get('set-cookie'))[1], csrf: res.body.csrf_token };
}

/** A new draft of `network`'s, with no link and no body: only a file would give it something to read. */
async function newDraft(session, network, extra = {}) {
  const created = await call('POST', `/api/dashboard/networks/${network}/library`, {
    session,
    body: {
      kind: 'summary_sheet',
      visibility: 'public',
      original: 'fr',
      title: { fr: `Fiche de rencontre ${RUN}` },
      summary: { fr: 'Ce qui s’est dit, en une page.' },
      ...extra,
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  made.push(created.body.id);
  return created.body.id;
}

let hub;
let ggsn;

before(async () => {
  sql(staffSql({ ...COORDINATOR, name: 'Coordination Hub', networks: ['hub'] }));
  sql(staffSql({ ...ELSEWHERE, name: 'Coordination GGSN', networks: ['ggsn'] }));
  hub = await login(COORDINATOR);
  ggsn = await login(ELSEWHERE);
});

after(() => {
  for (const id of made) sql(`DELETE FROM resource WHERE id = '${id}';`);
  sql(`DELETE FROM community_member WHERE email LIKE '%@${DOMAIN}';`);
  sql(`DELETE FROM account WHERE email LIKE '%@${DOMAIN}';`);
});

test('an attached PDF lets a resource be published with no link, and the public downloads exactly its bytes, saved under its name', async () => {
  const id = await newDraft(hub, 'hub');
  const nothing = await call('POST', `/api/dashboard/library/${id}/state`, { session: hub, body: { action: 'publish' } });
  assert.equal(nothing.status, 400, 'nothing to read yet');
  assert.ok(nothing.body.errors.some((e) => e.field === 'url' && e.code === 'required'));

  const attached = await attach(id, { session: hub });
  assert.equal(attached.status, 200, JSON.stringify(attached.body));
  assert.deepEqual(attached.body.draft.file, { name: NAME, media_type: 'application/pdf', size: PDF.length });
  assert.deepEqual(attached.body.publish_refusals, [], 'the file is something to read');
  assert.equal((await download(`/api/library/${id}/file`)).status, 404, 'a draft’s file is not public');

  // Saving the draft again keeps the file: it is not the draft's to change.
  const saved = await call('GET', `/api/dashboard/library/${id}`, { session: hub });
  const resaved = await call('PUT', `/api/dashboard/library/${id}`, { session: hub, body: { ...saved.body.draft, file: null } });
  assert.equal(resaved.status, 200, JSON.stringify(resaved.body));
  assert.equal(resaved.body.draft.file.name, NAME);

  const published = await call('POST', `/api/dashboard/library/${id}/state`, { session: hub, body: { action: 'publish' } });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  const detail = await call('GET', `/api/library/${id}?lang=fr`);
  assert.deepEqual(detail.body.file, { name: NAME, media_type: 'application/pdf', size: PDF.length });

  const file = await download(`/api/library/${id}/file`);
  assert.equal(file.status, 200);
  assert.ok(file.bytes.equals(PDF), 'the very bytes sent');
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  assert.equal(
    file.headers.get('content-disposition'),
    `attachment; filename="Fiche synth_se _ strat_gie _.pdf"; filename*=UTF-8''${encodeURIComponent(NAME).replace(/[()'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
  );
  assert.match(file.headers.get('content-security-policy'), /sandbox/);
  assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(file.headers.get('etag'), `"${createHash('sha256').update(PDF).digest('hex')}"`);
  assert.match(file.headers.get('cache-control'), /^public/);

  const audit = sql(`SELECT action FROM audit WHERE entity_id = '${id}' ORDER BY rowid`).map((r) => r.action);
  assert.ok(audit.includes('file-attached'), JSON.stringify(audit));
});

test('a file that is not what it says, too large, empty or badly named is refused in the caller’s language, and changes nothing', async () => {
  const id = await newDraft(hub, 'hub');
  assert.equal((await attach(id, { session: hub })).status, 200);
  const refused = async (options, status, field, code) => {
    const res = await attach(id, { session: hub, lang: 'fr', ...options });
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.match(res.type, /application\/problem\+json/);
    if (field) {
      const error = res.body.errors.find((e) => e.field === field);
      assert.equal(error?.code, code, JSON.stringify(res.body));
      assert.match(error.message, /fichier|type|nom|obligatoire/i, 'in French');
    }
  };
  await refused({ type: 'text/html', bytes: Buffer.from('<script>alert(1)</script>') }, 415, 'type', 'unsupported-file-type');
  await refused({ bytes: Buffer.from('<html><script>alert(1)</script></html>') }, 400, 'file', 'not-its-type');
  await refused({ type: 'image/png', bytes: PDF }, 400, 'file', 'not-its-type');
  await refused({ bytes: Buffer.alloc(0) }, 400, 'file', 'empty-file');
  await refused({ name: '../../secret.pdf' }, 400, 'name', 'invalid-file-name');
  await refused({ name: '' }, 400, 'name', 'required');
  const large = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_500_000)]);
  await refused({ bytes: large }, 413);

  const kept = await call('GET', `/api/dashboard/library/${id}`, { session: hub });
  assert.deepEqual(kept.body.draft.file, { name: NAME, media_type: 'application/pdf', size: PDF.length }, 'the file before stays');
  const stored = sql(`SELECT size, length(body) AS length FROM resource_file WHERE resource_id = '${id}'`);
  assert.deepEqual(stored, [{ size: PDF.length, length: PDF.length }]);
});

test('nobody attaches to or removes another network’s file, nor without the session’s CSRF token', async () => {
  const id = await newDraft(hub, 'hub');
  assert.equal((await attach(id, { session: ggsn })).status, 404);
  assert.equal((await attach(id, { session: { ...hub, csrf: 'not-the-token' } })).status, 403);
  assert.equal((await attach(id, {})).status, 401);
  assert.equal((await attach(id, { session: hub })).status, 200);
  assert.equal((await call('DELETE', `/api/dashboard/library/${id}/file`, { session: ggsn })).status, 404);
  assert.equal(sql(`SELECT count(*) AS n FROM resource_file WHERE resource_id = '${id}'`)[0].n, 1);
});

test('a members-only resource’s file goes to the network’s members through their link, to nobody else', async () => {
  const id = await newDraft(ggsn, 'ggsn', { visibility: 'members' });
  assert.equal((await attach(id, { session: ggsn })).status, 200);
  assert.equal((await call('POST', `/api/dashboard/library/${id}/state`, { session: ggsn, body: { action: 'publish' } })).status, 200);
  const token = randomBytes(24).toString('hex');
  const hash = createHash('sha256').update(token).digest('hex');
  sql(`INSERT INTO community_member (id, network_id, standing, name, email, lang, zone, on_behalf, consented_at, created_at)
       VALUES ('member-files-${RUN}', 'ggsn', 'member', 'Membre', 'membre.${RUN}@${DOMAIN}', 'fr', 'Africa/Dakar', 'individual',
               '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
       INSERT INTO community_token (token_hash, member_id, created_at) VALUES ('${hash}', 'member-files-${RUN}', '2026-01-01T00:00:00Z');`);

  assert.equal((await download(`/api/library/${id}/file`)).status, 404, 'the public');
  const stranger = randomBytes(24).toString('hex');
  assert.equal((await download(`/api/members/${stranger}/library/${id}/file`)).status, 404, 'another link');
  const member = await download(`/api/members/${token}/library/${id}/file`);
  assert.equal(member.status, 200);
  assert.ok(member.bytes.equals(PDF));
  assert.equal(member.headers.get('cache-control'), 'private, no-store');

  sql(`UPDATE community_member SET standing = 'applied' WHERE id = 'member-files-${RUN}';`);
  assert.equal((await download(`/api/members/${token}/library/${id}/file`)).status, 404, 'not while only applying');
});

test('a published resource keeps something to read: its only file is not removed, and is once it has a link', async () => {
  const id = await newDraft(hub, 'hub');
  assert.equal((await attach(id, { session: hub })).status, 200);
  assert.equal((await call('POST', `/api/dashboard/library/${id}/state`, { session: hub, body: { action: 'publish' } })).status, 200);
  const alone = await call('DELETE', `/api/dashboard/library/${id}/file`, { session: hub, lang: 'fr' });
  assert.equal(alone.status, 400, JSON.stringify(alone.body));
  assert.deepEqual(alone.body.errors.map((e) => [e.field, e.code]), [['url', 'required']]);
  assert.equal((await download(`/api/library/${id}/file`)).status, 200, 'still there');

  const saved = await call('GET', `/api/dashboard/library/${id}`, { session: hub });
  const linked = await call('PUT', `/api/dashboard/library/${id}`, { session: hub, body: { ...saved.body.draft, url: 'https://example.org/fiche' } });
  assert.equal(linked.status, 200, JSON.stringify(linked.body));
  const removed = await call('DELETE', `/api/dashboard/library/${id}/file`, { session: hub });
  assert.equal(removed.status, 200, JSON.stringify(removed.body));
  assert.equal(removed.body.draft.file, null);
  assert.equal((await download(`/api/library/${id}/file`)).status, 404);
  assert.equal((await call('DELETE', `/api/dashboard/library/${id}/file`, { session: hub })).status, 404, 'nothing left to remove');
});
