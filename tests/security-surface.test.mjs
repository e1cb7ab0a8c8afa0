// The Worker's surface against the real local stack: security headers on every kind of
// answer, a health check that writes nothing and tells no internals, request bodies read
// through a byte cap and refused when they are not UTF-8, cache keys that two queries cannot
// share, and 405 answers that say which methods an address takes.
// BASE_URL, RELAIS_TEST_STATE and RELAIS_WRANGLER_CONFIG come from scripts/test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { inlineScriptHashes } from '../scripts/minify-dist.mjs';
import { fetch } from './client.mjs';
import { STATE } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const CONFIG = process.env.RELAIS_WRANGLER_CONFIG;
const HSTS = 'max-age=63072000; includeSubDomains';
/** A client address of its own per request, so that no rate limit stands in the way. */
let client = 0;
const address = () => `198.51.100.${(client++ % 250) + 1}`;

/** The policy's directives: name → sources. */
function directives(policy) {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

function assertCommonHeaders(res, what) {
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  assert.equal(res.headers.get('strict-transport-security'), HSTS, `${what}: HSTS`);
  assert.ok(res.headers.get('referrer-policy'), `${what}: a Referrer-Policy`);
  const policy = res.headers.get('content-security-policy');
  assert.ok(policy, `${what}: a Content-Security-Policy`);
  // Two policies would be joined with a comma by the header's reader: one only.
  assert.ok(!policy.includes(','), `${what}: one policy, not several: ${policy}`);
  return directives(policy);
}

/** An API answer: nothing may load from it, nothing may frame it. */
function assertApiHeaders(res, what) {
  const policy = assertCommonHeaders(res, what);
  assert.deepEqual(policy.get('default-src'), ["'none'"], `${what}: default-src 'none'`);
  assert.deepEqual(policy.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors 'none'`);
}

/** A page's policy: scripts from here or exactly the page's inline ones, wasm allowed. */
function assertPagePolicy(policy, what, html) {
  const scripts = policy.get('script-src');
  assert.ok(scripts, `${what}: script-src`);
  assert.ok(scripts.includes("'self'") && scripts.includes("'wasm-unsafe-eval'"), `${what}: ${scripts}`);
  for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) {
    assert.ok(!scripts.includes(loose), `${what}: script-src must not allow ${loose}`);
  }
  for (const [name, sources] of [
    ['object-src', ["'none'"]], ['base-uri', ["'none'"]], ['frame-ancestors', ["'none'"]],
    ['form-action', ["'self'"]], ['connect-src', ["'self'"]],
  ]) {
    assert.deepEqual(policy.get(name), sources, `${what}: ${name}`);
  }
  if (html !== undefined) {
    const inline = inlineScriptHashes(html);
    assert.ok(inline.length >= 2, `${what}: the page's own script and Trunk's loader`);
    for (const hash of inline) assert.ok(scripts.includes(hash), `${what}: inline script ${hash} allowed`);
  }
}

test('API answers, problems and calendars carry the security headers and the API policy', async () => {
  const list = await fetch(`${BASE}/api/offerings?lang=fr`);
  assert.equal(list.status, 200);
  assertApiHeaders(list, 'GET /api/offerings');
  const problem = await fetch(`${BASE}/api/nothing-here`);
  assert.equal(problem.status, 404);
  assert.match(problem.headers.get('content-type'), /^application\/problem\+json/);
  assertApiHeaders(problem, 'a 404 problem');
  const calendar = await fetch(`${BASE}/api/calendar.ics?lang=en`);
  assert.equal(calendar.status, 200);
  assertApiHeaders(calendar, 'GET /api/calendar.ics');
  await Promise.all([list.text(), problem.text(), calendar.text()]);
});

test('pages allow their own inline scripts by hash, never any inline script', async () => {
  const catalog = await fetch(`${BASE}/fr`);
  assert.equal(catalog.status, 200);
  const catalogHtml = await catalog.text();
  assert.match(catalogHtml, /id="shell-page"><main/, 'the Worker wrote the first page in');
  assertPagePolicy(assertCommonHeaders(catalog, '/fr'), '/fr', catalogHtml);

  const privacy = await fetch(`${BASE}/fr/privacy`);
  assert.equal(privacy.status, 200);
  const privacyHtml = await privacy.text();
  assertPagePolicy(assertCommonHeaders(privacy, '/fr/privacy'), '/fr/privacy', privacyHtml);
  assert.equal(privacy.headers.get('referrer-policy'), 'no-referrer', 'forms pages send no referrer');

  // Another page of the app, from the static files through the Worker.
  const offering = await fetch(`${BASE}/en/offerings/hub-connaissances`);
  assert.equal(offering.status, 200);
  assertPagePolicy(assertCommonHeaders(offering, '/en/offerings/…'), '/en/offerings/…', await offering.text());

  // The files the pages load, served straight from the static files.
  const files = [...catalogHtml.matchAll(/["'](\/(?:app|main)-[0-9a-f]+(?:_bg\.wasm|\.css|\.js))["']/g)].map((m) => m[1]);
  assert.ok(files.some((f) => f.endsWith('.css')) && files.some((f) => f.endsWith('.wasm')), `the page names its CSS and wasm: ${files}`);
  for (const path of [...new Set(files), '/robots.txt', '/icons/icon.svg']) {
    const res = await fetch(BASE + path);
    assert.equal(res.status, 200, path);
    assertPagePolicy(assertCommonHeaders(res, path), path);
    await res.arrayBuffer();
  }
});

/** The keys of the local KV store the stack serves (wrangler's own reader). */
function kvKeys() {
  const out = execFileSync('wrangler', ['kv', 'key', 'list', '--binding', 'KV', '--local', '--persist-to', STATE, '--config', CONFIG],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.slice(out.indexOf('['))).map((k) => k.name).sort();
}

test('health reads, writes nothing and shows no error text', async () => {
  const before = kvKeys();
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${BASE}/api/health`);
    assert.equal(res.status, 200);
    assertApiHeaders(res, 'GET /api/health');
    const body = await res.json();
    assert.equal(body.status, 'ok');
    for (const store of ['d1', 'kv']) {
      assert.deepEqual(Object.keys(body[store]).sort(), ['latency_ms', 'ok'], `${store}: whether it worked and how fast, nothing else`);
      assert.equal(body[store].ok, true);
    }
  }
  const after = kvKeys();
  assert.deepEqual(after, before, 'an anonymous health check writes nothing to KV');
  assert.ok(!after.includes('health:probe'));
});

/**
 * POSTs `chunks` to `path` with chunked transfer encoding (no Content-Length), pausing
 * between chunks so that an early answer can arrive before the rest is sent. Returns the
 * status, the body and how many chunks had been written when the answer came. The rest is
 * still sent, as an ordinary client does: an upload cut off midway upsets the local
 * proxy (wrangler dev), not the Worker.
 */
function postChunked(path, chunks, headers = {}) {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    let answer = null;
    let finished = false;
    const done = () => { if (answer && finished) resolve(answer); };
    const req = request(BASE + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': address(), ...headers },
    }, (res) => {
      answered = true;
      const sentWhenAnswered = written;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        answer = { status: res.statusCode, body: text ? JSON.parse(text) : null, sentWhenAnswered };
        done();
        // A proxy that answered may stop reading the rest: then the upload would wait for
        // a drain that never comes, and hold the test. Give it a moment, then let go.
        setTimeout(() => { if (!finished) { finished = true; req.destroy(); done(); } }, 3000).unref();
      });
    });
    // Once it has answered, the server may close before the rest arrives: that is its right.
    req.on('error', (error) => {
      if (!answered) reject(error);
      finished = true;
      done();
    });
    req.on('finish', () => { finished = true; done(); });
    const next = () => {
      if (written === chunks.length) {
        req.end();
        return;
      }
      written++;
      if (finished) return;
      const pause = answered ? 0 : 20;
      if (req.write(chunks[written - 1])) setTimeout(next, pause);
      else req.once('drain', () => setTimeout(next, pause));
    };
    next();
  });
}

test('a chunked body past the cap is refused (413) before it has all been sent', async () => {
  const chunk = Buffer.alloc(16 * 1024, 'a');
  const chunks = Array.from({ length: 64 }, () => chunk); // 1 MB, sign-in takes 4 kB
  const res = await postChunked('/api/auth/login', chunks);
  assert.equal(res.status, 413, JSON.stringify(res.body));
  assert.equal(res.body.type, '/api/problems/payload-too-large');
  assert.ok(res.sentWhenAnswered < chunks.length,
    `the answer came after ${res.sentWhenAnswered} of ${chunks.length} chunks: the Worker read the whole body`);

  // A small chunked body is read whole and answered on its merits.
  const small = JSON.stringify({ email: 'nobody-chunked@example.org', password: 'not the right password' });
  const ok = await postChunked('/api/auth/login', [small.slice(0, 20), small.slice(20)]);
  assert.equal(ok.status, 401, JSON.stringify(ok.body));
});

test('a body that is not UTF-8 is refused with a field error, in the caller\'s language', async () => {
  // "Zoé" in Latin-1: read leniently it would be "Zo\uFFFD".
  const latin1 = Buffer.concat([Buffer.from('{"email":"zo'), Buffer.from([0xe9]), Buffer.from('@example.org","password":"not the right password"}')]);
  for (const lang of ['fr', 'en']) {
    const res = await fetch(`${BASE}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang, 'CF-Connecting-IP': address() },
      body: latin1,
    });
    assert.equal(res.status, 400);
    assertApiHeaders(res, 'a 400 problem');
    const body = await res.json();
    assert.equal(body.lang, lang);
    assert.equal(body.errors.length, 1, JSON.stringify(body));
    assert.equal(body.errors[0].field, 'body');
    assert.equal(body.errors[0].code, 'invalid-utf8');
    assert.ok(body.errors[0].message && !body.errors[0].message.startsWith('field-'), body.errors[0].message);
  }
});

/** One request through node:http (fetch refuses TRACE). */
function raw(method, path) {
  return new Promise((resolve, reject) => {
    const req = request(BASE + path, { method }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a known address with a method it does not take answers 405 with Allow', async () => {
  const trace = await raw('TRACE', '/api/offerings');
  assert.equal(trace.status, 405, trace.text);
  assert.equal(trace.headers.allow, 'GET');
  assert.match(trace.headers['content-type'], /^application\/problem\+json/);
  assert.equal(trace.headers['x-content-type-options'], 'nosniff');
  const put = await raw('PUT', '/api/auth/login');
  assert.equal(put.status, 405);
  assert.equal(put.headers.allow, 'POST');
  // A method the Worker's runtime library does not know is not read as GET.
  const query = await raw('QUERY', '/api/offerings');
  assert.equal(query.status, 405, query.text);
  assert.equal(query.headers.allow, 'GET');
  // An address that does not exist is not found, whatever the method.
  assert.equal((await raw('TRACE', '/api/nothing-here')).status, 404);
});

test('two catalog queries that used to share a cache key each get their own answer', async () => {
  const word = `zz${Date.now().toString(36)}`;
  // The words "zz…&topic=community-care", then the words "zz…" in the topic community-care.
  const search = await fetch(`${BASE}/api/offerings?lang=fr&q=${word}%26topic%3Dcommunity-care`);
  assert.equal(search.status, 200);
  assert.equal(search.headers.get('x-relais-cache'), 'miss');
  await search.json();
  const filtered = await fetch(`${BASE}/api/offerings?lang=fr&q=${word}&topic=community-care`);
  assert.equal(filtered.status, 200);
  assert.equal(filtered.headers.get('x-relais-cache'), 'miss', 'a different query is not answered from the first one\'s entry');
  await filtered.json();
  const again = await fetch(`${BASE}/api/offerings?lang=fr&q=${word}&topic=community-care`);
  assert.equal(again.headers.get('x-relais-cache'), 'hit', 'the same query is');
  await again.json();
});
