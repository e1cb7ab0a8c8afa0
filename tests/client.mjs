// The tests' HTTP client: `fetch` with the same signature as node's, without its one flake.
//
// Node's fetch keeps idle connections for up to 4 s, the local stack's proxy (workerd, behind
// `wrangler dev`) closes them after PROXY_IDLE_MS. A request sent on a connection the proxy
// is closing at that very moment fails with `fetch failed` (ECONNRESET, "other side
// closed"), now and then, on a busy machine. So connections here are dropped well before the
// proxy's limit, and a request that never reached the server is sent again once when
// repeating it cannot do anything twice. An HTTP status is an answer, never retried (a real
// server failure still fails the test), except the proxy's own 503 for a connection it lost
// to the runtime behind it, which is the same lost connection one hop further.
import { Agent, fetch as undiciFetch } from 'undici';

/** The proxy's idle time-out: measured on wrangler 4.86, an idle connection closes after 5.0 s. */
export const PROXY_IDLE_MS = 5_000;

const agent = new Agent({
  // Well below the proxy's, whatever the server's own Keep-Alive hint says.
  keepAliveTimeout: 1_000,
  keepAliveMaxTimeout: 1_000,
});

/** For requests that cannot be sent twice: each closes its connection after its answer, so
 * this pool never holds an idle connection, and each such request opens a fresh one. */
const oneShot = new Agent();

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const CONNECTION_LOST = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

/** Whether sending the request twice does no more than sending it once. */
export function isRepeatable(method, headers, body) {
  const verb = (method ?? 'GET').toUpperCase();
  // A stream is used up by the first try: it cannot be sent again.
  if (body != null && typeof body !== 'string' && !(body instanceof Uint8Array) && !(body instanceof ArrayBuffer)) return false;
  return SAFE.has(verb) || (verb === 'POST' && new Headers(headers).has('Idempotency-Key'));
}

/** Whether `error` says the connection broke before an answer came (not an HTTP status). */
export function isConnectionLost(error) {
  for (let e = error; e; e = e.cause) {
    if (CONNECTION_LOST.has(e.code) || /other side closed/i.test(e.message ?? '')) return true;
  }
  return false;
}

/**
 * How long a repeatable request may wait for its answer's head before it is sent once more,
 * on a connection of its own. `wrangler dev` now and then takes a request and never passes
 * it on: the Worker never sees it, and nothing answers (the browser tests meet the same on
 * static files: `e2e/browser.mjs`). Said in the output; `scripts/test`'s stack report lists
 * every request the stack took 5 s or more to answer.
 */
export const STALL_MS = 30_000;

export async function fetch(input, init = {}) {
  const method = init.method ?? input?.method ?? 'GET';
  const repeatable = isRepeatable(method, init.headers, init.body);
  // A request that cannot be sent twice goes on a connection of its own: an idle one may
  // be closed under it, and when the tests block the event loop (a synchronous `sql()`),
  // the timer that would have dropped that idle connection first has not run yet.
  const options = repeatable
    ? { ...init, dispatcher: agent }
    : { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), connection: 'close' }, dispatcher: oneShot };
  let answer;
  try {
    answer = repeatable ? await headWithin(input, options, STALL_MS) : await undiciFetch(input, options);
  } catch (error) {
    if (error?.stalled) {
      console.warn(`# ${method} ${input}: no answer after ${STALL_MS / 1000} s (a request the local stack holds); sending it again`);
      return undiciFetch(input, { ...options, dispatcher: oneShot });
    }
    if (!isConnectionLost(error) || !repeatable) throw error;
    return undiciFetch(input, options);
  }
  if (repeatable && await isProxyConnectionLost(answer)) return undiciFetch(input, options);
  return answer;
}

/** `undiciFetch`, refused with `{ stalled: true }` when no answer's head came in `ms`; the
 * caller's own signal still aborts it, and the body, once the head is in, is not timed. */
async function headWithin(input, options, ms) {
  const stop = new AbortController();
  const stalled = new Error('stalled');
  stalled.stalled = true;
  const timer = setTimeout(() => stop.abort(stalled), ms);
  const signals = [stop.signal, options.signal].filter(Boolean);
  try {
    return await undiciFetch(input, { ...options, signal: AbortSignal.any(signals) });
  } catch (error) {
    if (stop.signal.aborted) throw stalled;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether `answer` is the proxy's own 503 for the same lost connection one hop further: the
 * proxy keeps its connections to the runtime too, and the runtime closes them after the same
 * 5 s; the proxy answers a request it lost that way with this text, never the Worker.
 */
async function isProxyConnectionLost(answer) {
  if (answer.status !== 503) return false;
  return (await answer.clone().text()).startsWith('Your worker restarted mid-request');
}

/**
 * After a burst of requests at once, until the proxy's connections to the runtime (one per
 * request in flight) have closed: the next request sent on one as it closes is lost. Tests
 * wait here after a burst rather than meet that on a request that cannot be sent twice.
 */
export function afterBurst() {
  return new Promise((resolve) => setTimeout(resolve, PROXY_IDLE_MS + 1_000));
}
