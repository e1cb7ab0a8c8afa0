// The tests' HTTP client (tests/client.mjs) against a local server that breaks connections on
// purpose: a lost connection is retried once when repeating is harmless, never otherwise,
// and an HTTP status is never retried.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { fetch } from './client.mjs';

let server;
let base;
const seen = [];
/** How many of the coming requests the server cuts off without an answer. */
let cutNext = 0;

before(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (cutNext > 0) {
      cutNext--;
      req.socket.destroy();
      return;
    }
    res.writeHead(req.url === '/fails' ? 503 : 200, { 'Content-Type': 'text/plain' });
    res.end('answer');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

async function attempt(path, init) {
  seen.length = 0;
  try {
    const res = await fetch(base + path, init);
    return { status: res.status, text: await res.text(), tries: seen.length };
  } catch (error) {
    return { error, tries: seen.length };
  }
}

test('a read whose connection broke is sent again once', async () => {
  cutNext = 1;
  assert.deepEqual(await attempt('/read'), { status: 200, text: 'answer', tries: 2 });
  cutNext = 2;
  const twice = await attempt('/read');
  assert.equal(twice.tries, 2, 'one retry only');
  assert.match(String(twice.error?.cause?.code ?? twice.error?.cause?.message), /UND_ERR_SOCKET|ECONNRESET|other side closed/);
});

test('a write is retried only with an Idempotency-Key', async () => {
  cutNext = 1;
  const plain = await attempt('/write', { method: 'POST', body: '{}' });
  assert.ok(plain.error, 'a plain POST that lost its connection fails');
  assert.equal(plain.tries, 1);
  cutNext = 1;
  const keyed = await attempt('/write', { method: 'POST', body: '{}', headers: { 'Idempotency-Key': 'k-1' } });
  assert.deepEqual(keyed, { status: 200, text: 'answer', tries: 2 });
  cutNext = 1;
  assert.equal((await attempt('/write', { method: 'DELETE' })).tries, 1);
});

test('an HTTP status is an answer: never retried', async () => {
  assert.deepEqual(await attempt('/fails'), { status: 503, text: 'answer', tries: 1 });
});
