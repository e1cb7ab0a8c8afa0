// Sign-in that attackers cannot turn against the owner, sessions that end, and messages
// that are never silently lost, against real local stacks (workerd with D1 and KV): the one
// scripts/test started, and two of this test's own with the Worker configured as deployed
// (RELAIS_ENV=production), one with an email service that fails, one with the dev sender.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetch } from './client.mjs';
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATE, sql, staffSql } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const ROOT = new URL('../', import.meta.url).pathname;
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
const CONFIG = process.env.RELAIS_WRANGLER_CONFIG;
// This test's own stacks listen next to the one scripts/test started.
const FAILING_PORT = Number(process.env.SECURITY_TEST_PORT ?? Number(new URL(BASE).port) + 1);
const DEV_PORT = FAILING_PORT + 1;
const QUARTER_MS = 15 * 60_000;

async function call(base, method, path, { from, session, body, csrf = session?.csrf, headers = {}, lang = 'en' } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: {
      'CF-Connecting-IP': from ?? `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
      'Accept-Language': lang,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(session ? { Cookie: `__Host-relais_session=${session.token}` } : {}),
      ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = text; }
  return { status: res.status, headers: res.headers, body: parsed, type: res.headers.get('content-type') ?? '' };
}

const signIn = (base, email, password, from) => call(base, 'POST', '/api/auth/login', { from, body: { email, password } });

async function login(base, email, password, from) {
  const res = await signIn(base, email, password, from);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const cookie = res.headers.get('set-cookie');
  return { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(cookie)[1], csrf: res.body.csrf_token, cookie, account: res.body.account };
}

/** An account written straight into D1, its password hashed as the Worker does. */
function accountSql(email, role, password) {
  const id = `acc-${email.replace(/[^a-z0-9]/g, '-')}`;
  return role === 'administrator'
    ? staffSql({ id, email, name: 'Security test', password, administrator: true })
    : staffSql({ id, email, name: 'Security test', password, role, networks: 'all' });
}

/**
 * Runs `attempt(round)` until it starts and ends in the same quarter of an hour, the window
 * sign-in failures are counted in (at most three rounds; each round uses fresh names).
 */
async function inOneQuarter(attempt) {
  for (let round = 1; ; round++) {
    const quarter = Math.floor(Date.now() / QUARTER_MS);
    const result = await attempt(round);
    if (quarter === Math.floor(Date.now() / QUARTER_MS) || round === 3) return result;
  }
}

/** Polls `read` until `done(value)`, for at most `seconds`; returns the last value. */
async function until(read, done, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const count = (statuses, status) => statuses.filter((s) => s === status).length;

const OWNER = { email: 'owner.security@example.org', password: 'the owner passphrase 2026' };

before(() => {
  assert.ok(STATE, 'RELAIS_TEST_STATE is set by scripts/test');
  sql(accountSql(OWNER.email, 'coordinator', OWNER.password) + accountSql('admin.security@example.org', 'administrator', 'the admin passphrase 2026'));
});

test('an attacker failing many times from many addresses does not lock the owner out', async () => {
  await inOneQuarter(async (round) => {
    const attackers = Array.from({ length: 10 }, (_, i) => `203.0.${113 + round}.${10 + i}`);
    const statuses = await Promise.all(attackers.map(async (from) => {
      const mine = [];
      for (let i = 0; i < 7; i++) mine.push((await signIn(BASE, OWNER.email, `guess ${i}`, from)).status);
      return mine;
    }));
    for (const mine of statuses) assert.deepEqual(mine, [401, 401, 401, 401, 401, 429, 429], 'each address is stopped after five');
  });
  const owner = await login(BASE, OWNER.email, OWNER.password, '192.0.2.1');
  assert.match(owner.cookie, /^__Host-relais_session=[0-9a-f]{64}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=43200$/);
  assert.doesNotMatch(owner.cookie, /Domain=/i);
});

test('an account has a ceiling of failures over all addresses, beyond what a few addresses reach', async () => {
  await inOneQuarter(async (round) => {
    const email = `ceiling.${round}.${randomBytes(4).toString('hex')}@example.org`;
    // Twenty addresses, five failures each: the ceiling of 100.
    const first = await Promise.all(Array.from({ length: 20 }, async (_, a) => {
      const mine = [];
      for (let i = 0; i < 5; i++) mine.push((await signIn(BASE, email, `guess ${i}`, `198.18.${round}.${a}`)).status);
      return mine;
    }));
    assert.equal(count(first.flat(), 401), 100, first.flat().join(' '));
    const next = await signIn(BASE, email, 'one more', `198.18.${round}.200`);
    assert.equal(next.status, 429, 'the 101st failure, from a fresh address');
  });
});

test('parallel wrong attempts do not pass the caps', async () => {
  await inOneQuarter(async (round) => {
    const from = `198.51.100.${100 + round}`;
    const same = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(BASE, OWNER.email, `parallel ${i}`, from)));
    const statuses = same.map((r) => r.status);
    assert.equal(count(statuses, 401), 5, `five per account and address: ${statuses.join(' ')}`);
    assert.equal(count(statuses, 429), 15);
    assert.match(same.find((r) => r.status === 429).type, /^application\/problem\+json/);
  });
  await inOneQuarter(async (round) => {
    const from = `198.51.100.${110 + round}`;
    const spread = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(BASE, `nobody.${round}.${i}@example.org`, 'a wrong password', from)));
    const statuses = spread.map((r) => r.status);
    assert.equal(count(statuses, 401), 30, `thirty per address: ${statuses.join(' ')}`);
  });
});

test('an IPv6 /64 is one bucket, an IPv4-mapped address is its IPv4 address, and a missing address shares no bucket', async () => {
  await inOneQuarter(async (round) => {
    const prefix = `2001:db8:${round}:${randomBytes(2).toString('hex')}`;
    const statuses = [];
    for (let i = 1; i <= 6; i++) statuses.push((await signIn(BASE, OWNER.email, `v6 ${i}`, `${prefix}:${i}::${i}`)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429], 'six addresses of one /64');
    const other64 = await signIn(BASE, OWNER.email, 'v6 other', `2001:db8:${round}:ffff::1`);
    assert.equal(other64.status, 401, 'another /64 has its own bucket');

    const v4 = `192.0.2.${50 + round}`;
    const mapped = [];
    for (let i = 0; i < 3; i++) mapped.push((await signIn(BASE, OWNER.email, `v4 ${i}`, v4)).status);
    for (let i = 0; i < 3; i++) mapped.push((await signIn(BASE, OWNER.email, `mapped ${i}`, `::ffff:${v4}`)).status);
    assert.deepEqual(mapped, [401, 401, 401, 401, 401, 429]);
  });
  // More failures without an address than one address may have: none is refused for it.
  // (wrangler dev fills a missing header in with the loopback address, so the test sends
  // what the Worker once took as a shared bucket: "unknown", and things that are not addresses.)
  const anonymous = [];
  for (let i = 0; i < 35; i++) {
    const from = ['unknown', 'not an address', '203.0.113'][i % 3];
    anonymous.push((await signIn(BASE, `nobody.anonymous.${i}@example.org`, 'wrong', from)).status);
  }
  assert.equal(count(anonymous, 401), 35, anonymous.join(' '));
});

test('sign-in takes JSON only, refusing anything else with 415 in the caller\'s language', async () => {
  const body = JSON.stringify({ email: OWNER.email, password: OWNER.password });
  for (const [lang, title] of [['fr', /JSON/], ['en', /^Send the body as JSON/]]) {
    const res = await call(BASE, 'POST', '/api/auth/login', { body, lang, headers: { 'Content-Type': 'text/plain' } });
    assert.equal(res.status, 415);
    assert.match(res.type, /^application\/problem\+json/);
    assert.equal(res.body.lang, lang);
    assert.equal(res.headers.get('content-language'), lang);
    assert.match(res.body.title, title);
    assert.equal(res.headers.get('set-cookie'), null);
  }
  const fr = await call(BASE, 'POST', '/api/auth/login', { body, lang: 'fr', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(fr.status, 415);
  assert.notEqual(fr.body.title, (await call(BASE, 'POST', '/api/auth/login', { body, lang: 'en', headers: { 'Content-Type': 'text/plain' } })).body.title);
  const json = await call(BASE, 'POST', '/api/auth/login', { body, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  assert.equal(json.status, 200);
});

function kv(args) {
  return execFileSync(WRANGLER, ['kv', 'key', ...args, '--binding', 'KV', '--local', '--persist-to', STATE, ...(CONFIG ? ['--config', CONFIG] : [])],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
const sessionKey = (token) => `session:${createHash('sha256').update(token).digest('hex')}`;
const readSession = (token) => JSON.parse(kv(['get', sessionKey(token)]).trim().split('\n').filter((l) => l.startsWith('{')).pop());
const writeSession = (token, record) => kv(['put', sessionKey(token), JSON.stringify(record)]);

test('a session idle for two hours ends; using it keeps it alive, written at most every few minutes', async () => {
  const started = Date.now();
  const session = await login(BASE, OWNER.email, OWNER.password, '192.0.2.2');
  const record = readSession(session.token);
  assert.ok(record.created_at_ms >= started - 1000 && record.last_seen_ms === record.created_at_ms, JSON.stringify(record));
  const me = () => call(BASE, 'GET', '/api/auth/me', { session, from: '192.0.2.2' });

  // Used a little under two hours after last time: it is still open, and marked used now.
  writeSession(session.token, { ...record, last_seen_ms: Date.now() - 2 * 3_600_000 + 60_000 });
  const before = Date.now();
  assert.equal((await me()).status, 200);
  assert.ok(readSession(session.token).last_seen_ms >= before - 1000, 'marked used');

  // Used four minutes ago: not written again.
  const recent = Date.now() - 4 * 60_000;
  writeSession(session.token, { ...record, last_seen_ms: recent });
  assert.equal((await me()).status, 200);
  assert.equal(readSession(session.token).last_seen_ms, recent, 'no write on every request');

  // Unused for two hours: ended, though twelve hours have not passed.
  writeSession(session.token, { ...record, last_seen_ms: Date.now() - 2 * 3_600_000 - 1000 });
  assert.equal((await me()).status, 401);
});

test('disabling an account ends its open session at once; enabling it lets it sign in again', async () => {
  const admin = await login(BASE, 'admin.security@example.org', 'the admin passphrase 2026', '192.0.2.3');
  const open = await login(BASE, OWNER.email, OWNER.password, '192.0.2.4');
  const me = (session) => call(BASE, 'GET', '/api/auth/me', { session, from: '192.0.2.4' });
  assert.equal((await me(open)).status, 200);
  const coordinator = await call(BASE, 'POST', `/api/admin/accounts/${open.account.id}/disable`, { session: open, from: '192.0.2.4' });
  assert.equal(coordinator.status, 403, 'a coordinator may not');

  const disabled = await call(BASE, 'POST', `/api/admin/accounts/${open.account.id}/disable`, { session: admin, from: '192.0.2.3' });
  assert.equal(disabled.status, 200, JSON.stringify(disabled.body));
  assert.ok(disabled.body.disabled_at);
  assert.equal((await me(open)).status, 401, 'ended at once');
  assert.equal((await signIn(BASE, OWNER.email, OWNER.password, '192.0.2.4')).status, 401);

  assert.equal((await call(BASE, 'POST', `/api/admin/accounts/${open.account.id}/enable`, { session: admin, from: '192.0.2.3' })).status, 200);
  assert.equal((await me(open)).status, 401, 'the ended session stays ended');
  const again = await login(BASE, OWNER.email, OWNER.password, '192.0.2.4');
  assert.equal((await me(again)).status, 200);
});

describe('messages', () => {
  let dir;
  const stacks = {};
  const mail = { fail: true, requests: [] };
  let mailServer;
  const EDITION = 'security-outbox-cohort';

  function stateSql(state, command) {
    const out = execFileSync(WRANGLER, ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--json', '--command', command],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out).flatMap((r) => r.results ?? []);
  }

  function spawnStack(stack, port, vars) {
    const server = spawn(WRANGLER, ['dev', '--config', CONFIG, '--test-scheduled', '--local', '--ip', '127.0.0.1', '--port', String(port),
      '--persist-to', stack.state, '--show-interactive-dev-session=false', ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' } });
    stack.server = server;
    stack.exited = false;
    server.on('exit', () => { stack.exited = true; });
    server.stdout.on('data', (d) => { stack.log += d; });
    server.stderr.on('data', (d) => { stack.log += d; });
  }

  /**
   * Starts a stack on a copy of the prepared state. Another stack starting at the same moment
   * on this machine may take the debugging port wrangler picked: then it starts again.
   */
  async function start(name, port, vars) {
    const state = join(dir, name);
    cpSync(join(dir, 'base'), state, { recursive: true });
    const stack = { base: `http://127.0.0.1:${port}`, state, log: '' };
    stacks[name] = stack;
    for (let attempt = 1; attempt <= 3; attempt++) {
      spawnStack(stack, port, vars);
      const up = await until(async () => {
        if (stack.exited) return 'exited';
        try { return (await fetch(`${stack.base}/api/health`)).ok; } catch { return false; }
      }, (v) => v === true || v === 'exited', 120);
      if (up === true) return stack;
      if (!stack.exited) break;
    }
    assert.fail(`the stack on ${stack.base} did not start:\n${stack.log}`);
  }

  const register = (stack, who) => call(stack.base, 'POST', `/api/editions/${EDITION}/registrations`, {
    body: { name: who, email: `${who}@example.org`, lang: 'en', zone: 'Europe/Paris', consent: true },
  });
  const message = (stack) => stateSql(stack.state, 'SELECT id, attempts, claimed_at, sent_at, failed_at, next_attempt_at, last_error, manage_url IS NOT NULL AS has_link FROM outbox ORDER BY id DESC LIMIT 1')[0];
  const cron = async (stack) => assert.equal((await fetch(`${stack.base}/__scheduled`)).status, 200);

  before(async () => {
    assert.ok(CONFIG, 'RELAIS_WRANGLER_CONFIG is set by scripts/test');
    mailServer = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        mail.requests.push({ at: Date.now(), headers: req.headers, body: JSON.parse(body) });
        res.writeHead(mail.fail ? 500 : 200, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
    await new Promise((resolve) => mailServer.listen(0, '127.0.0.1', resolve));

    // One small catalog with an edition taking registrations, and an administrator.
    dir = mkdtempSync(join(tmpdir(), 'relais-security-'));
    const base = join(dir, 'base');
    execFileSync(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', base], { cwd: ROOT, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    writeFileSync(join(dir, 'catalog.toml'), `
[[offering]]
id = "security-outbox"
kind = "workshop"
format = "online"
languages = ["fr", "en"]
title.fr = "Atelier de test des messages"
title.en = "A workshop testing messages"
summary.fr = "Un atelier de test."
summary.en = "A test workshop."
description.fr = "Un atelier de test."
description.en = "A test workshop."

[[offering.edition]]
id = "${EDITION}"
registration_mode = "open"
capacity = 20
zone = "Europe/Paris"

[[offering.edition.session]]
in_weeks = 3
weekday = "tue"
start = "14:00:00"
end = "15:30:00"
`);
    writeFileSync(join(dir, 'catalog.sql'), execFileSync('cargo', ['run', '-q', '-p', 'relais-seed', '--', '--file', join(dir, 'catalog.toml')], { cwd: ROOT }));
    execFileSync(WRANGLER, ['d1', 'execute', 'DB', '--local', '--persist-to', base, '--file', join(dir, 'catalog.sql')], { cwd: ROOT, stdio: 'ignore' });
    stateSql(base, accountSql('admin.mail@example.org', 'administrator', 'the mail admin passphrase'));

    await start('failing', FAILING_PORT, {
      RELAIS_ENV: 'production', MAIL_SENDER: 'http', MAIL_API_URL: `http://127.0.0.1:${mailServer.address().port}/send`,
      MAIL_FROM: 'relais@example.org', MAIL_API_KEY: 'test-key', PUBLIC_ORIGIN: 'https://relais.example.org',
    });
    await start('dev', DEV_PORT, { RELAIS_ENV: 'production', MAIL_SENDER: 'dev', PUBLIC_ORIGIN: 'https://relais.example.org' });
  });

  after(async () => {
    for (const [name, stack] of Object.entries(stacks)) {
      writeFileSync(join(ROOT, `target/wrangler-security-${name}.log`), stack.log);
      try { if (stack.server) process.kill(-stack.server.pid, 'SIGTERM'); } catch { /* already gone */ }
    }
    mailServer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a message that fails is retried with backoff, shows as failed to administrators, and is sent after their retry', { timeout: 300_000 }, async () => {
    const stack = stacks.failing;
    const registered = await register(stack, 'backoff.reader');
    assert.equal(registered.status, 201);
    // Deployed, links come from the configured public origin, whatever the request's Host.
    assert.match(registered.body.manage_url, /^https:\/\/relais\.example\.org\/en\/manage\/[0-9a-f]{48}$/);
    let row = await until(() => message(stack), (m) => m?.attempts === 1 && m.claimed_at === null && m.last_error !== null);
    assert.equal(row.attempts, 1, JSON.stringify(row));
    assert.equal(row.sent_at, null);
    assert.equal(row.last_error, 'email service answered 500');
    assert.equal(row.has_link, 1, 'the manage link is kept until the message is sent');
    assert.equal(mail.requests.length, 1);
    assert.equal(mail.requests[0].headers['idempotency-key'], `relais-outbox-${row.id}`);
    assert.equal(mail.requests[0].headers.authorization, 'Bearer test-key');
    const waited = (m, after) => (Date.parse(m.next_attempt_at) - after) / 1000;
    assert.ok(Math.abs(waited(row, mail.requests[0].at) - 60) <= 5, `a minute after the first failure: ${row.next_attempt_at}`);

    // Not due yet: the cron does not try it.
    await cron(stack);
    assert.equal(message(stack).attempts, 1);
    assert.equal(mail.requests.length, 1);

    // Due: tried again, then twice as long to wait.
    stateSql(stack.state, `UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE id = ${row.id}`);
    await cron(stack);
    row = await until(() => message(stack), (m) => m.attempts === 2 && m.claimed_at === null);
    assert.equal(row.attempts, 2);
    assert.equal(mail.requests.length, 2);
    assert.ok(Math.abs(waited(row, mail.requests[1].at) - 120) <= 5, `two minutes after the second: ${row.next_attempt_at}`);

    const admin = await login(stack.base, 'admin.mail@example.org', 'the mail admin passphrase');
    const list = (state) => call(stack.base, 'GET', `/api/admin/outbox?state=${state}`, { session: admin });
    const waiting = await list('waiting');
    assert.equal(waiting.status, 200);
    const listed = waiting.body.find((m) => m.id === row.id);
    assert.deepEqual([listed.attempts, listed.last_error, listed.failed_at], [2, 'email service answered 500', null]);
    assert.equal(listed.manage_url, undefined, 'administrators never see the manage link');
    assert.deepEqual((await list('failed')).body, []);
    assert.equal((await list('sent')).status, 400);

    // The last attempt a real sender gets: then it is failed, and no longer tried.
    stateSql(stack.state, `UPDATE outbox SET attempts = 19, next_attempt_at = '2000-01-01T00:00:00Z' WHERE id = ${row.id}`);
    await cron(stack);
    row = await until(() => message(stack), (m) => m.failed_at !== null && m.claimed_at === null);
    assert.equal(row.attempts, 20);
    assert.ok(row.failed_at);
    assert.equal(row.has_link, 1);
    stateSql(stack.state, `UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE id = ${row.id}`);
    const tried = mail.requests.length;
    await cron(stack);
    assert.equal(mail.requests.length, tried, 'a failed message waits for an administrator');
    const failed = await list('failed');
    assert.deepEqual(failed.body.map((m) => [m.id, m.attempts]), [[row.id, 20]]);

    // The email service is back; an administrator sends it again.
    mail.fail = false;
    const retried = await call(stack.base, 'POST', `/api/admin/outbox/${row.id}/retry`, { session: admin });
    assert.equal(retried.status, 202, JSON.stringify(retried.body));
    assert.deepEqual([retried.body.attempts, retried.body.failed_at], [0, null]);
    row = await until(() => message(stack), (m) => m.sent_at !== null);
    assert.ok(row.sent_at, JSON.stringify(row));
    assert.equal(row.has_link, 0, 'the manage link is gone once sent');
    const sent = mail.requests.at(-1);
    assert.equal(sent.headers['idempotency-key'], `relais-outbox-${row.id}`);
    assert.deepEqual(sent.body.to, ['backoff.reader@example.org']);
    assert.match(sent.body.text, /\/manage\/[0-9a-f]{48}/, 'the message carried its manage link');
    assert.deepEqual((await list('failed')).body, []);
    assert.equal((await call(stack.base, 'POST', `/api/admin/outbox/${row.id}/retry`, { session: admin })).status, 409);
    assert.equal((await call(stack.base, 'POST', '/api/admin/outbox/999999/retry', { session: admin })).status, 404);
  });

  test('deployed, the dev sender refuses: messages wait, saying why, spending no attempt, and the cron logs it', { timeout: 120_000 }, async () => {
    const stack = stacks.dev;
    assert.equal((await register(stack, 'waiting.reader')).status, 201);
    let row = await until(() => message(stack), (m) => Boolean(m?.last_error));
    assert.match(row.last_error ?? '', /MAIL_SENDER is dev, which only runs locally \(RELAIS_ENV/);
    assert.deepEqual([row.sent_at, row.attempts, row.has_link], [null, 0, 1]);
    await cron(stack);
    const logged = await until(async () => stack.log, (log) => /messages are not being sent: MAIL_SENDER is dev/.test(log), 20);
    assert.match(logged, /messages are not being sent: MAIL_SENDER is dev/);
    row = message(stack);
    assert.deepEqual([row.sent_at, row.attempts], [null, 0]);
  });
});
