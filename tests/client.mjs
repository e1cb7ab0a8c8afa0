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
    answer = await undiciFetch(input, options);
  } catch (error) {
    if (!isConnectionLost(error) || !repeatable) throw error;
    return undiciFetch(input, options);
  }
  if (repeatable && await isProxyConnectionLost(answer)) return undiciFetch(input, options);
  return answer;
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
