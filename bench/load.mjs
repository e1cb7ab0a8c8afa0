// API under load with wrk (Debian's package): fixed duration, fixed connections, loopback only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log, stat } from './lib.mjs';

export const CONNECTIONS = 32;
// One wrk thread: it drives 32 keep-alive connections easily at these rates, and leaves as
// much of the 2 cores as possible to the server it measures.
export const THREADS = 1;

export const READ_ROUTES = {
  ping: '/api/ping',
  offerings: '/api/offerings?lang=fr',
};

/**
 * Write routes, measured with the same tool, connections and duration as the reads. A Lua
 * `request` function makes every request a new person: a new email (the same one twice is
 * answered from the first registration) and a new client address (attempts are limited per
 * address), as many volunteers registering at once would be.
 */
export const WRITE_ROUTES = [
  {
    name: 'register',
    method: 'POST',
    path: '/api/editions/hub-mouvements-decentralises-cohorte/registrations',
    lua: `
local counter = 0
local run = math.random(1, 1000000000)
request = function()
  counter = counter + 1
  local id = run .. "-" .. counter
  local body = '{"name":"Bench ' .. id .. '","email":"bench.' .. id .. '@example.org",'
    .. '"lang":"fr","zone":"America/Toronto","consent":true}'
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["CF-Connecting-IP"] = "10." .. (counter % 250) .. "." .. (math.floor(counter / 250) % 250) .. "." .. (math.floor(counter / 62500) % 250 + 1)
  return wrk.format("POST", nil, headers, body)
end
`,
  },
];

function ms(value, unit) {
  const v = Number(value);
  return unit === 'us' ? v / 1000 : unit === 's' ? v * 1000 : unit === 'm' ? v * 60_000 : v;
}

/** Parses `wrk --latency` output. */
export function parseWrk(text) {
  const pct = {};
  for (const m of text.matchAll(/^\s+(50|75|90|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$/gm)) pct[m[1]] = ms(m[2], m[3]);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  const requests = Number(/(\d+) requests in/.exec(text)?.[1] ?? NaN);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? NaN);
  const socketErrors = sock ? sock.slice(1).map(Number).reduce((a, b) => a + b, 0) : 0;
  if (!Number.isFinite(rps) || pct['50'] == null) throw new Error('could not read wrk output:\n' + text);
  return { rps, p50: pct['50'], p75: pct['75'], p90: pct['90'], p99: pct['99'], requests, non2xx, socketErrors, errors: non2xx + socketErrors };
}

export function wrk(url, { seconds, script } = {}) {
  const args = ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${seconds}s`, '--timeout', '10s', '--latency'];
  if (script) args.push('-s', script);
  args.push(url);
  const r = spawnSync('wrk', args, { encoding: 'utf8', timeout: (seconds + 60) * 1000 });
  if (r.status !== 0) throw new Error(`wrk ${args.join(' ')} failed: ${r.stderr || r.error}`);
  return parseWrk(r.stdout);
}

function luaFor(route) {
  if (route.lua) return route.lua;
  const esc = (s) => JSON.stringify(String(s));
  const headers = Object.entries(route.headers ?? {}).map(([k, v]) => `wrk.headers[${esc(k)}] = ${esc(v)}`).join('\n');
  return `wrk.method = ${esc(route.method)}\n${route.body ? `wrk.body = ${esc(route.body())}\n` : ''}${headers}\n`;
}

function summarise(results) {
  return {
    rps: stat(results.map((r) => r.rps)), p50: stat(results.map((r) => r.p50)), p90: stat(results.map((r) => r.p90)),
    p99: stat(results.map((r) => r.p99)), errors: stat(results.map((r) => r.errors)), requests: stat(results.map((r) => r.requests)),
  };
}

/** Interleaves the routes run by run, so drift on a shared machine hits them alike. */
export function apiLoad(base, { runs, seconds, warmup }) {
  const raw = Object.fromEntries(Object.keys(READ_ROUTES).map((k) => [k, []]));
  for (const [name, path] of Object.entries(READ_ROUTES)) wrk(base + path, { seconds: warmup });
  for (let i = 0; i < runs; i++) {
    for (const [name, path] of Object.entries(READ_ROUTES)) {
      raw[name].push(wrk(base + path, { seconds }));
      const r = raw[name].at(-1);
      log(`wrk ${path} run ${i + 1}/${runs}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}`);
    }
  }
  const writes = {};
  if (WRITE_ROUTES.length) {
    const dir = mkdtempSync(join(tmpdir(), 'relais-bench-'));
    try {
      for (const route of WRITE_ROUTES) {
        const script = join(dir, `${route.name}.lua`);
        writeFileSync(script, luaFor(route));
        const results = [];
        for (let i = 0; i < runs; i++) results.push(wrk(base + route.path, { seconds, script }));
        writes[route.name] = { method: route.method, path: route.path, ...summarise(results) };
      }
    } finally { rmSync(dir, { recursive: true, force: true }); }
  }
  return {
    tool: 'wrk', toolVersion: (spawnSync('wrk', ['-v'], { encoding: 'utf8' }).stdout || '').split('\n')[0].replace(/\s*Copyright.*$/, '').trim(),
    connections: CONNECTIONS, threads: THREADS, seconds, runs, warmupSeconds: warmup,
    routes: Object.fromEntries(Object.entries(READ_ROUTES).map(([k, path]) => [k, { path, ...summarise(raw[k]) }])),
    writes, writeRoutes: WRITE_ROUTES.map((r) => `${r.method} ${r.path}`),
  };
}
