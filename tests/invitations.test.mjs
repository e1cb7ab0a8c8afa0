// Joining and leaving, against the real local stack (workerd with D1 and KV): invitations to a
// role, one-time links on which people set their own password, password resets that tell a
// stranger nothing, members, roles and the network's last coordinator, networks created by
// administrators, and one network's coordinators reaching nothing of another's. Every link is
// read from the message it was sent in (tests/accounts.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { fetch } from './client.mjs';
import { STATE, sql, staffSql } from './state.mjs';
import { accept, inviteAndJoin, lastMessageId, sentMessage, tokenIn } from './accounts.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const DOMAIN = 'invitations.example.org';
const A = 'invitations-a';
const B = 'invitations-b';
const ADMIN = { id: 'acc-invitations-admin', email: `admin@${DOMAIN}`, password: 'the invitations admin passphrase' };
const sha256 = (s) => createHash('sha256').update(s).digest('hex');

async function call(method, path, { session, body, csrf = session?.csrf, lang = 'en', from } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: {
      'CF-Connecting-IP': from ?? `10.77.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
      'Accept-Language': lang,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(session ? { Cookie: `__Host-relais_session=${session.token}` } : {}),
      ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, type: res.headers.get('content-type') ?? '' };
}

async function login(email, password) {
  const res = await call('POST', '/api/auth/login', { body: { email, password } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(res.headers.get('set-cookie'))[1], csrf: res.body.csrf_token, account: res.body.account };
}

const email = (who) => `${who}@${DOMAIN}`;
const password = (who) => `${who} passphrase 2026`;
const sessions = {};

/** A problem in the caller's language. */
function assertProblem(res, status, lang) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.match(res.type, /^application\/problem\+json/);
  assert.equal(res.body.lang, lang);
  assert.equal(res.headers.get('content-language'), lang);
}

before(async () => {
  assert.ok(STATE, 'RELAIS_TEST_STATE is set by scripts/test');
  // Setup only: an administrator written straight into D1 (the one-time command is
  // tests/accounts.test.mjs's, and refuses once one exists: `after` removes this one).
  sql(staffSql({ id: ADMIN.id, email: ADMIN.email, name: 'Invitations admin', password: ADMIN.password, administrator: true }));
  sessions.admin = await login(ADMIN.email, ADMIN.password);
  for (const [id, name] of [[A, 'Réseau A'], [B, 'Réseau B']]) {
    const created = await call('POST', '/api/admin/networks', {
      session: sessions.admin, body: { id, name, description: { fr: `Le ${name}`, en: `The ${name}` }, url: `https://${id}.example.org` },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
  for (const [who, network] of [['coordinator.a', A], ['coordinator.b', B]]) {
    sessions[who] = (await inviteAndJoin(call, sessions.admin, network, { email: email(who), name: who, role: 'coordinator', password: password(who) })).session;
  }
});

after(() => {
  // Every account this file made, so that the next file starts from the demo's.
  sql(`DELETE FROM membership WHERE account_id IN (SELECT id FROM account WHERE email LIKE '%@${DOMAIN}');
       DELETE FROM account WHERE email LIKE '%@${DOMAIN}';`);
});

test('administrators create networks, empty, and list them with their members counted', async () => {
  const list = await call('GET', '/api/admin/networks', { session: sessions.admin });
  assert.equal(list.status, 200);
  const a = list.body.find((n) => n.id === A);
  assert.deepEqual([a.name, a.description, a.url, a.coordinators, a.facilitators, a.pending_invitations],
    ['Réseau A', { fr: 'Le Réseau A', en: 'The Réseau A' }, `https://${A}.example.org`, 1, 0, 0]);
  const again = await call('POST', '/api/admin/networks', { session: sessions.admin, body: { id: A, name: 'Again' } });
  assert.equal(again.status, 409);
  assert.match(again.body.detail, /already exists/);
  const refused = await call('POST', '/api/admin/networks', { session: sessions.admin, lang: 'fr', body: { id: 'Not A Slug', name: ' ', url: 'javascript:alert(1)' } });
  assertProblem(refused, 400, 'fr');
  assert.deepEqual(refused.body.errors.map((e) => [e.field, e.code]), [['id', 'invalid-slug'], ['name', 'required'], ['url', 'invalid-url']]);
  assert.match(refused.body.errors[0].message, /Identifiant invalide/);
  assert.equal((await call('GET', '/api/admin/networks', { session: sessions['coordinator.a'] })).status, 403);
  const audit = sql(`SELECT entity, action, account_id FROM audit WHERE network_id = '${A}' AND entity = 'network'`);
  assert.deepEqual(audit, [{ entity: 'network', action: 'created', account_id: ADMIN.id }]);
});

test('an invitation becomes an account with its role, signed in, from a link that works once; nobody else chooses the password', async () => {
  const after = lastMessageId();
  const invited = await call('POST', `/api/networks/${A}/invitations`, {
    session: sessions['coordinator.a'], lang: 'fr', body: { email: ' New.Facilitator@Invitations.Example.org ', role: 'facilitator', lang: 'en' },
  });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  assert.equal(invited.body.email, email('new.facilitator'));
  assert.equal(invited.body.role, 'facilitator');
  assert.equal(invited.body.invited_by, 'coordinator.a');
  const days = (Date.parse(invited.body.expires_at) - Date.parse(invited.body.invited_at)) / 86_400_000;
  assert.equal(days, 7);

  // The message: in the invitee's language, with the link; only the link's digest is stored.
  const message = await sentMessage(email('new.facilitator'), 'invitation', after);
  assert.equal(message.to, email('new.facilitator'));
  assert.match(message.subject, /^Invitation to join "Réseau A" on Relais$/);
  assert.match(message.body, /coordinator\.a invites you to join the network "Réseau A" on Relais, as a facilitator\./);
  assert.match(message.body, /works once and for 7 days/);
  assert.ok(message.body.includes(`${BASE}/en/welcome/`), message.body);
  const token = tokenIn(message, 'welcome');
  assert.deepEqual(sql(`SELECT count(*) AS n FROM account_link WHERE token_hash = '${sha256(token)}'`), [{ n: 1 }]);
  assert.deepEqual(sql(`SELECT count(*) AS n FROM account_link WHERE token_hash = '${token}'`), [{ n: 0 }]);
  const [queued] = sql(`SELECT sent_at, manage_url, body, lang FROM outbox WHERE id = ${message.id}`);
  assert.ok(queued.sent_at);
  assert.equal(queued.manage_url, null, 'the link is forgotten once sent');
  assert.ok(!queued.body.includes(token) && queued.body.includes('[lien privé / private link]'));
  assert.equal(queued.lang, 'en');
  const [audit] = sql(`SELECT account_id, entity_id, action, changes FROM audit WHERE network_id = '${A}' AND entity = 'invitation' ORDER BY id DESC LIMIT 1`);
  assert.deepEqual([audit.account_id, audit.entity_id, audit.action], [sessions['coordinator.a'].account.id, email('new.facilitator'), 'invited']);
  assert.equal(JSON.parse(audit.changes).role, 'facilitator');

  const members = await call('GET', `/api/networks/${A}/members`, { session: sessions['coordinator.a'] });
  assert.equal(members.status, 200);
  assert.deepEqual(members.body.invitations.map((i) => [i.email, i.role]), [[email('new.facilitator'), 'facilitator']]);

  const link = await call('GET', `/api/account-links/${token}`);
  assert.equal(link.status, 200);
  assert.deepEqual({ ...link.body, expires_at: undefined }, {
    purpose: 'invitation', email: email('new.facilitator'), network_id: A, network_name: 'Réseau A', role: 'facilitator',
    partner: null, invited_by: 'coordinator.a', administrator: false, account_exists: false, expires_at: undefined,
  });
  assert.equal(link.headers.get('cache-control'), 'private, no-store');

  // Refusals name each field, in the caller's language; the link stays open.
  const short = await call('POST', `/api/account-links/${token}`, { lang: 'fr', body: { name: ' ', password: 'short' } });
  assertProblem(short, 400, 'fr');
  assert.deepEqual(short.body.errors.map((e) => [e.field, e.code]), [['name', 'required'], ['password', 'password-too-short']]);
  assert.match(short.body.errors[1].message, /Mot de passe trop court/);
  const english = await call('POST', `/api/account-links/${token}`, { body: { name: ' ', password: 'short' } });
  assert.match(english.body.errors[1].message, /^Password too short/);

  const joined = await accept(call, token, { name: 'New Facilitator', password: password('new.facilitator') });
  assert.match(joined.cookie, /^__Host-relais_session=[0-9a-f]{64}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=43200$/);
  assert.deepEqual(joined.account.networks.map((n) => [n.network_id, n.role]), [[A, 'facilitator']]);
  assert.equal(joined.account.name, 'New Facilitator');
  assert.equal(joined.account.administrator, false);
  assert.equal((await call('GET', '/api/auth/me', { session: joined })).status, 200);
  await login(email('new.facilitator'), password('new.facilitator'));
  const [joinedEntry] = sql(`SELECT account_id, entity_id, action FROM audit WHERE network_id = '${A}' AND entity = 'membership' ORDER BY id DESC LIMIT 1`);
  assert.deepEqual(joinedEntry, { account_id: joined.account.id, entity_id: joined.account.id, action: 'joined' });

  // Used: the same not-found as a link that never was, for reading and for accepting.
  const forged = randomBytes(32).toString('hex');
  for (const method of ['GET', 'POST']) {
    const body = method === 'POST' ? { name: 'Someone', password: 'another long passphrase' } : undefined;
    const used = await call(method, `/api/account-links/${token}`, { body });
    const never = await call(method, `/api/account-links/${forged}`, { body });
    assert.equal(used.status, 404, method);
    assert.deepEqual(used.body, never.body, method);
  }
  const after2 = await call('GET', `/api/networks/${A}/members`, { session: sessions['coordinator.a'] });
  assert.deepEqual(after2.body.invitations, []);
  assert.deepEqual(after2.body.members.map((m) => [m.email, m.role]), [[email('coordinator.a'), 'coordinator'], [email('new.facilitator'), 'facilitator']]);
});

test('an expired link, a used link and a forged token are the same 404', async () => {
  const after = lastMessageId();
  assert.equal((await call('POST', `/api/networks/${A}/invitations`, { session: sessions['coordinator.a'], body: { email: email('late'), role: 'facilitator' } })).status, 201);
  const token = tokenIn(await sentMessage(email('late'), 'invitation', after), 'welcome');
  sql(`UPDATE account_link SET expires_at = '2000-01-01T00:00:00Z' WHERE token_hash = '${sha256(token)}'`);
  const answers = [];
  for (const t of [token, randomBytes(32).toString('hex'), 'not-a-token', 'F'.repeat(64)]) {
    for (const method of ['GET', 'POST']) {
      const res = await call(method, `/api/account-links/${t}`, { lang: 'fr', body: method === 'POST' ? { name: 'Late', password: password('late') } : undefined });
      assertProblem(res, 404, 'fr');
      answers.push(JSON.stringify(res.body));
    }
  }
  assert.equal(new Set(answers).size, 1, answers.join('\n'));
  assert.deepEqual(sql(`SELECT count(*) AS n FROM account WHERE email = '${email('late')}'`), [{ n: 0 }]);
});

test('two acceptances of one link at the same moment: exactly one signs in', async () => {
  const after = lastMessageId();
  assert.equal((await call('POST', `/api/networks/${A}/invitations`, { session: sessions['coordinator.a'], body: { email: email('twice'), role: 'facilitator' } })).status, 201);
  const token = tokenIn(await sentMessage(email('twice'), 'invitation', after), 'welcome');
  const tries = await Promise.all(Array.from({ length: 5 }, (_, i) =>
    call('POST', `/api/account-links/${token}`, { body: { name: `Twice ${i}`, password: `${password('twice')} ${i}` } })));
  const statuses = tries.map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, 404, 404, 404, 404], JSON.stringify(tries.map((r) => r.body)));
  const winner = tries.findIndex((r) => r.status === 200);
  const accounts = sql(`SELECT name FROM account WHERE email = '${email('twice')}'`);
  assert.deepEqual(accounts, [{ name: `Twice ${winner}` }]);
  assert.deepEqual(sql(`SELECT count(*) AS n FROM membership m JOIN account a ON a.id = m.account_id WHERE a.email = '${email('twice')}'`), [{ n: 1 }]);
  assert.deepEqual(sql(`SELECT count(*) AS n FROM audit WHERE network_id = '${A}' AND action = 'joined' AND entity_id = (SELECT id FROM account WHERE email = '${email('twice')}')`), [{ n: 1 }]);
  await login(email('twice'), `${password('twice')} ${winner}`);
  const loser = (winner + 1) % 5;
  assert.equal((await call('POST', '/api/auth/login', { body: { email: email('twice'), password: `${password('twice')} ${loser}` } })).status, 401);
});

test('an account invited to a second network proves it is theirs with its password; the link alone takes nothing over', async () => {
  const after = lastMessageId();
  const invited = await call('POST', `/api/networks/${B}/invitations`, { session: sessions['coordinator.b'], body: { email: email('coordinator.a'), role: 'facilitator', lang: 'fr' } });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const message = await sentMessage(email('coordinator.a'), 'invitation', after);
  assert.match(message.subject, /^Invitation à rejoindre « Réseau B » sur Relais$/);
  assert.match(message.body, /comme animateur·rice/);
  const token = tokenIn(message, 'welcome');
  const link = await call('GET', `/api/account-links/${token}`);
  assert.equal(link.body.account_exists, true);

  const taken = await call('POST', `/api/account-links/${token}`, { lang: 'fr', body: { name: 'Intruder', password: 'a brand new passphrase' } });
  assertProblem(taken, 401, 'fr');
  assert.deepEqual(taken.body.errors.map((e) => [e.field, e.code]), [['password', 'wrong-password']]);
  assert.match(taken.body.errors[0].message, /mot de passe/);
  assert.equal(taken.headers.get('set-cookie'), null);
  assert.equal((await call('GET', `/api/account-links/${token}`)).status, 200, 'still open');
  await login(email('coordinator.a'), password('coordinator.a'));

  const joined = await accept(call, token, { password: password('coordinator.a') });
  assert.deepEqual(joined.account.networks.map((n) => [n.network_id, n.role]).sort(), [[A, 'coordinator'], [B, 'facilitator']]);
  assert.equal(joined.account.name, 'coordinator.a', 'the account is unchanged');
});

test('asking for a new password answers the same for any address, and only an account that may sign in gets a link', async () => {
  sessions.reset = (await inviteAndJoin(call, sessions['coordinator.a'], A, { email: email('reset'), role: 'facilitator', password: password('reset') })).session;
  sql(staffSql({ id: 'acc-invitations-disabled', email: email('disabled'), password: password('disabled'), networks: [A] })
    + `UPDATE account SET disabled_at = '2026-01-01T00:00:00Z' WHERE id = 'acc-invitations-disabled';`);
  const before = lastMessageId();
  const answers = [];
  for (const address of [email('reset'), email('nobody'), email('disabled'), 'not.registered@elsewhere.example.org']) {
    const res = await call('POST', '/api/auth/password-reset', { lang: 'fr', body: { email: address.toUpperCase(), lang: 'fr' } });
    answers.push({ status: res.status, body: res.body, type: res.type, cache: res.headers.get('cache-control') });
  }
  for (const answer of answers) assert.deepEqual(answer, answers[0]);
  assert.equal(answers[0].status, 202);
  assert.deepEqual(answers[0].body, { accepted: true });
  const queued = sql(`SELECT kind, recipient, lang FROM outbox WHERE id > ${before} ORDER BY id`);
  assert.deepEqual(queued, [{ kind: 'password_reset', recipient: email('reset'), lang: 'fr' }]);
  const message = await sentMessage(email('reset'), 'password_reset', before);
  assert.match(message.subject, /^Nouveau mot de passe pour Relais$/);
  assert.match(message.body, /^Bonjour reset@invitations\.example\.org,/);
  assert.match(message.body, /valable 60 minutes/);
  tokenIn(message, 'new-password');

  const refused = await call('POST', '/api/auth/password-reset', { lang: 'fr', body: { email: 'not an address', lang: 'xx' } });
  assertProblem(refused, 400, 'fr');
  assert.deepEqual(refused.body.errors.map((e) => [e.field, e.code]), [['email', 'invalid-email'], ['lang', 'unknown-language']]);
  assert.match(refused.body.errors[0].message, /Adresse courriel invalide/);
});

test('a reset sets the new password and ends every session opened before', async () => {
  const open = await login(email('reset'), password('reset'));
  assert.equal((await call('GET', '/api/auth/me', { session: open })).status, 200);
  const before = lastMessageId();
  assert.equal((await call('POST', '/api/auth/password-reset', { body: { email: email('reset'), lang: 'en' } })).status, 202);
  const token = tokenIn(await sentMessage(email('reset'), 'password_reset', before), 'new-password');
  const link = await call('GET', `/api/account-links/${token}`);
  assert.deepEqual([link.body.purpose, link.body.email, link.body.network_id, link.body.account_exists], ['password_reset', email('reset'), null, true]);
  const minutes = (Date.parse(link.body.expires_at) - Date.now()) / 60_000;
  assert.ok(minutes > 55 && minutes <= 60, `${minutes}`);
  const short = await call('POST', `/api/account-links/${token}`, { body: { password: 'short' } });
  assert.equal(short.status, 400);

  const signedIn = await accept(call, token, { password: 'a new reset passphrase' });
  assert.equal(signedIn.account.email, email('reset'));
  assert.equal((await call('GET', '/api/auth/me', { session: signedIn })).status, 200, 'the session the reset opened works');
  assert.equal((await call('GET', '/api/auth/me', { session: open })).status, 401, 'the session opened before ended');
  assert.equal((await call('GET', '/api/auth/me', { session: sessions.reset })).status, 401, 'every session opened before ended');
  assert.equal((await call('POST', '/api/auth/login', { body: { email: email('reset'), password: password('reset') } })).status, 401);
  await login(email('reset'), 'a new reset passphrase');
  assert.equal((await call('POST', `/api/account-links/${token}`, { body: { password: 'yet another passphrase' } })).status, 404, 'once');
});

test('removing a member ends their access at once; a member may leave; a role changes', async () => {
  const leaver = (await inviteAndJoin(call, sessions['coordinator.a'], A, { email: email('leaver'), role: 'facilitator', password: password('leaver') })).session;
  const second = (await inviteAndJoin(call, sessions['coordinator.a'], A, { email: email('second'), role: 'coordinator', password: password('second') })).session;
  const members = (session) => call('GET', `/api/networks/${A}/members`, { session });
  assert.equal((await members(second)).status, 200);
  assert.equal((await call('GET', '/api/coordinator/editions', { session: second })).status, 200);

  // A new role, audited with before and after.
  const demoted = await call('PUT', `/api/networks/${A}/members/${second.account.id}`, { session: sessions['coordinator.a'], body: { role: 'facilitator' } });
  assert.equal(demoted.status, 200, JSON.stringify(demoted.body));
  assert.deepEqual([demoted.body.account_id, demoted.body.role, demoted.body.email], [second.account.id, 'facilitator', email('second')]);
  assert.equal((await members(second)).status, 403, 'a facilitator no longer manages members, from the next request');
  const promoted = await call('PUT', `/api/networks/${A}/members/${second.account.id}`, { session: sessions['coordinator.a'], body: { role: 'coordinator' } });
  assert.equal(promoted.body.role, 'coordinator');
  assert.equal((await members(second)).status, 200);

  const removed = await call('DELETE', `/api/networks/${A}/members/${second.account.id}`, { session: sessions['coordinator.a'] });
  assert.equal(removed.status, 204);
  assert.equal((await members(second)).status, 403, 'their open session reaches nothing of the network');
  assert.equal((await call('GET', '/api/coordinator/editions', { session: second })).status, 403);
  assert.equal((await call('POST', `/api/networks/${A}/invitations`, { session: second, body: { email: email('x'), role: 'facilitator' } })).status, 403);
  assert.equal((await call('DELETE', `/api/networks/${A}/members/${second.account.id}`, { session: sessions['coordinator.a'] })).status, 404, 'gone');

  const left = await call('DELETE', `/api/networks/${A}/members/${leaver.account.id}`, { session: leaver });
  assert.equal(left.status, 204);
  const me = await call('GET', '/api/auth/me', { session: leaver });
  assert.deepEqual(me.body.account.networks, []);

  const entries = sql(`SELECT account_id, entity_id, action, changes FROM audit WHERE network_id = '${A}' AND entity = 'membership'
    AND entity_id IN ('${second.account.id}', '${leaver.account.id}') AND action != 'joined' ORDER BY id`);
  assert.deepEqual(entries.map((e) => [e.account_id, e.entity_id, e.action, JSON.parse(e.changes).role]), [
    [sessions['coordinator.a'].account.id, second.account.id, 'role_changed', { before: 'coordinator', after: 'facilitator' }],
    [sessions['coordinator.a'].account.id, second.account.id, 'role_changed', { before: 'facilitator', after: 'coordinator' }],
    [sessions['coordinator.a'].account.id, second.account.id, 'removed', { before: 'coordinator', after: null }],
    [leaver.account.id, leaver.account.id, 'left', { before: 'facilitator', after: null }],
  ]);
  assert.throws(() => sql(`DELETE FROM audit WHERE network_id = '${A}'`), 'the audit is append-only');
  assert.equal(sql(`SELECT count(*) AS n FROM audit WHERE network_id = '${A}' AND entity = 'membership' AND entity_id = '${second.account.id}'`)[0].n, 4);
});

test('the last coordinator can neither leave nor be demoted, unless an administrator does it', async () => {
  const id = sessions['coordinator.b'].account.id;
  const leave = await call('DELETE', `/api/networks/${B}/members/${id}`, { session: sessions['coordinator.b'], lang: 'fr' });
  assertProblem(leave, 409, 'fr');
  assert.match(leave.body.detail, /dernière personne qui coordonne/);
  const demote = await call('PUT', `/api/networks/${B}/members/${id}`, { session: sessions['coordinator.b'], body: { role: 'facilitator' } });
  assertProblem(demote, 409, 'en');
  assert.match(demote.body.detail, /last coordinator/);
  assert.equal((await call('GET', `/api/networks/${B}/members`, { session: sessions['coordinator.b'] })).status, 200, 'still a coordinator');

  const byAdministrator = await call('PUT', `/api/networks/${B}/members/${id}`, { session: sessions.admin, body: { role: 'facilitator' } });
  assert.equal(byAdministrator.status, 200);
  assert.equal(byAdministrator.body.role, 'facilitator');
  const back = await call('PUT', `/api/networks/${B}/members/${id}`, { session: sessions.admin, body: { role: 'coordinator' } });
  assert.equal(back.body.role, 'coordinator');
  assert.equal((await call('GET', `/api/networks/${B}/members`, { session: sessions['coordinator.b'] })).status, 200);
});

test('a coordinator of network A reaches nothing of network B: not found, nothing changed', async () => {
  const snapshot = () => sql(`SELECT (SELECT group_concat(account_id || ':' || network_id || ':' || role, ',') FROM (SELECT * FROM membership ORDER BY 1, 2)) AS memberships,
    (SELECT count(*) FROM account_link) AS links, (SELECT count(*) FROM outbox) AS messages, (SELECT count(*) FROM audit) AS audit`)[0];
  const before = snapshot();
  const a = sessions['coordinator.a'];
  const b = sessions['coordinator.b'].account.id;
  const attempts = [
    ['GET', `/api/networks/${B}/members`],
    ['POST', `/api/networks/${B}/invitations`, { email: email('intruder'), role: 'coordinator' }],
    ['PUT', `/api/networks/${B}/members/${b}`, { role: 'facilitator' }],
    ['DELETE', `/api/networks/${B}/members/${b}`],
  ];
  for (const [method, path, body] of attempts) {
    const res = await call(method, path, { session: a, body, lang: 'fr' });
    assertProblem(res, 404, 'fr');
    const missing = await call(method, path.replace(B, 'no-such-network'), { session: a, body, lang: 'fr' });
    assert.deepEqual(res.body, missing.body, `${method} ${path} tells nothing more than a network that does not exist`);
  }
  // Nor can they make themselves a coordinator of B, where they only facilitate.
  const own = await call('PUT', `/api/networks/${B}/members/${a.account.id}`, { session: a, body: { role: 'coordinator' } });
  assert.equal(own.status, 404);
  assert.deepEqual(snapshot(), before, 'nothing changed');
});

test('invitations: an address already a member is a conflict, asking again replaces the open one, and an inviter has a ceiling', async () => {
  const member = await call('POST', `/api/networks/${A}/invitations`, { session: sessions['coordinator.a'], lang: 'fr', body: { email: email('coordinator.a'), role: 'facilitator' } });
  assertProblem(member, 409, 'fr');
  assert.match(member.body.detail, /déjà membre/);
  const refused = await call('POST', `/api/networks/${A}/invitations`, { session: sessions['coordinator.a'], lang: 'fr', body: { email: 'nope', role: 'administrator', lang: 'xx' } });
  assertProblem(refused, 400, 'fr');
  assert.deepEqual(refused.body.errors.map((e) => [e.field, e.code]), [['email', 'invalid-email'], ['role', 'unknown-role'], ['lang', 'unknown-language']]);
  assert.match(refused.body.errors[1].message, /Rôle inconnu/);

  const first = lastMessageId();
  await call('POST', `/api/networks/${A}/invitations`, { session: sessions['coordinator.a'], body: { email: email('again'), role: 'facilitator' } });
  const oldToken = tokenIn(await sentMessage(email('again'), 'invitation', first), 'welcome');
  const second = lastMessageId();
  await call('POST', `/api/networks/${A}/invitations`, { session: sessions['coordinator.a'], body: { email: email('again'), role: 'coordinator' } });
  const newToken = tokenIn(await sentMessage(email('again'), 'invitation', second), 'welcome');
  assert.equal((await call('GET', `/api/account-links/${oldToken}`)).status, 404, 'the earlier link ended');
  assert.equal((await call('GET', `/api/account-links/${newToken}`)).body.role, 'coordinator');
  const pending = (await call('GET', `/api/networks/${A}/members`, { session: sessions['coordinator.a'] })).body.invitations;
  assert.deepEqual(pending.filter((i) => i.email === email('again')).map((i) => i.role), ['coordinator']);

  // The inviter's allowance this hour, used up.
  const hour = Math.floor(Date.now() / 3_600_000) * 3600;
  sql(`INSERT INTO rate_limit (key, window, count, expires_at) VALUES ('invite:${sessions['coordinator.b'].account.id}', ${hour}, 50, ${hour + 3600})
       ON CONFLICT (key, window) DO UPDATE SET count = 50`);
  const limited = await call('POST', `/api/networks/${B}/invitations`, { session: sessions['coordinator.b'], body: { email: email('limited'), role: 'facilitator' } });
  assert.equal(limited.status, 429);
  assert.deepEqual(sql(`SELECT count(*) AS n FROM account_link WHERE email = '${email('limited')}'`), [{ n: 0 }]);
});

test('administrators invite administrators; the invitee joins with every right over the site', async () => {
  assert.equal((await call('POST', '/api/admin/invitations', { session: sessions['coordinator.a'], body: { email: email('new.admin'), administrator: true } })).status, 403);
  const notSaid = await call('POST', '/api/admin/invitations', { session: sessions.admin, lang: 'fr', body: { email: email('new.admin') } });
  assertProblem(notSaid, 400, 'fr');
  assert.deepEqual(notSaid.body.errors.map((e) => [e.field, e.code]), [['administrator', 'must-be-true']]);
  const after = lastMessageId();
  const invited = await call('POST', '/api/admin/invitations', { session: sessions.admin, body: { email: email('new.admin'), administrator: true, lang: 'en' } });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const message = await sentMessage(email('new.admin'), 'invitation', after);
  assert.equal(message.subject, 'Invitation to administer Relais');
  const token = tokenIn(message, 'welcome');
  const link = await call('GET', `/api/account-links/${token}`);
  assert.deepEqual([link.body.administrator, link.body.network_id, link.body.role], [true, null, null]);
  const joined = await accept(call, token, { name: 'New admin', password: password('new.admin') });
  assert.equal(joined.account.administrator, true);
  assert.equal((await call('GET', '/api/admin/networks', { session: joined })).status, 200);
  const again = await call('POST', '/api/admin/invitations', { session: sessions.admin, body: { email: email('new.admin'), administrator: true } });
  assert.equal(again.status, 409);
});
