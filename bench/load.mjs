// API under load with wrk (Debian's package): fixed duration, fixed connections, loopback only.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
 * One new person per request, as many volunteers registering at once would be: a new email
 * (the same one twice is answered from the first registration) and a new client address
 * (attempts are limited per address). Shared by the registration route and the bare insert,
 * so both receive the same bodies. Every wrk process is told its own name and address range
 * (`wrk … -- RUN OFFSET STRIDE`): LuaJIT's random numbers start from the same seed in each
 * process, so a name drawn inside the script would repeat the previous run's people.
 */
export const NEW_PERSON_LUA = `
local next_thread = 0
setup = function(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
end
local run, offset, stride, counter = "run", 0, 1, 0
init = function(args)
  run = args[1] or run
  offset = tonumber(args[2]) or 0
  stride = tonumber(args[3]) or 1
end
request = function()
  local seq = offset + counter * stride + (tid or 0)
  counter = counter + 1
  local id = run .. "-" .. seq
  local body = '{"name":"Bench ' .. id .. '","email":"bench.' .. id .. '@example.org",'
    .. '"lang":"fr","zone":"America/Toronto","consent":true}'
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["CF-Connecting-IP"] = "10." .. (seq % 250) .. "." .. (math.floor(seq / 250) % 250) .. "." .. (math.floor(seq / 62500) % 250 + 1)
  return wrk.format("POST", nil, headers, body)
end
`;
/** Addresses each wrk process may use: far more requests than one run makes at these rates. */
const ADDRESSES_PER_PROCESS = 200_000;
/**
 * Bumped when how the writes are measured changes, so a report is only held to a previous one
 * measured alike (2: every person new across runs, a warm-up, the dev sender; 1: later runs
 * repeated run 1's people).
 */
export const WRITE_LOAD_VERSION = 2;

/** Write routes, measured with the same tool, connections and duration as the reads. */
export const WRITE_ROUTES = [
  { name: 'register', method: 'POST', path: '/api/editions/hub-mouvements-decentralises-cohorte/registrations', lua: NEW_PERSON_LUA },
];

/**
 * The baseline for the writes: a Worker that is not Relais (`bench/bare-d1/`) doing one bound
 * INSERT of the same body. Registration over it is Relais's own work on top of a D1 write.
 */
export const BARE_INSERT = { name: 'bareInsert', method: 'POST', path: '/insert', lua: NEW_PERSON_LUA };

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
  // No answer within the run (every request slower than the run is long): wrk prints zero
  // latencies, which would read as instant answers; they are missing instead.
  const latency = (q) => (requests > 0 ? pct[q] : null);
  return { rps, p50: latency('50'), p75: latency('75'), p90: latency('90'), p99: latency('99'), requests, non2xx, socketErrors, errors: non2xx + socketErrors };
}

export function wrk(url, { seconds, script, scriptArgs = [] } = {}) {
  const args = ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${seconds}s`, '--timeout', '10s', '--latency'];
  if (script) args.push('-s', script);
  args.push(url);
  if (scriptArgs.length) args.push('--', ...scriptArgs.map(String));
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

const round3 = (x) => Math.round(x * 1000) / 1000;
const t1 = (x) => (x == null ? '–' : x.toFixed(1));

/**
 * Interleaves the routes run by run, so drift on a shared machine hits them alike; the writes
 * (and the bare insert, when `bareBase` is given) likewise among themselves, after a warm-up
 * of each: the first seconds of a write route were its slowest in every report before.
 */
export function apiLoad(base, { runs, seconds, warmup, bareBase }) {
  const raw = Object.fromEntries(Object.keys(READ_ROUTES).map((k) => [k, []]));
  for (const [name, path] of Object.entries(READ_ROUTES)) wrk(base + path, { seconds: warmup });
  for (let i = 0; i < runs; i++) {
    for (const [name, path] of Object.entries(READ_ROUTES)) {
      raw[name].push(wrk(base + path, { seconds }));
      const r = raw[name].at(-1);
      log(`wrk ${path} run ${i + 1}/${runs}: ${r.rps.toFixed(0)} req/s, p50 ${t1(r.p50)} ms, p99 ${t1(r.p99)} ms, errors ${r.errors}`);
    }
  }
  const writes = {}, targets = WRITE_ROUTES.map((route) => ({ route, url: base + route.path, results: [] }));
  const bare = bareBase ? { route: BARE_INSERT, url: bareBase + BARE_INSERT.path, results: [] } : null;
  if (bare) targets.push(bare);
  let bareInsert = null, registerVsBare = null;
  if (targets.length) {
    const dir = mkdtempSync(join(tmpdir(), 'relais-bench-'));
    try {
      const batch = randomBytes(4).toString('hex');
      let processes = 0;
      const load = (t, s) => {
        const n = processes++;
        return wrk(t.url, { seconds: s, script: t.script, scriptArgs: [`${batch}-${n}`, ADDRESSES_PER_PROCESS * n, THREADS] });
      };
      for (const t of targets) {
        t.script = join(dir, `${t.route.name}.lua`);
        writeFileSync(t.script, luaFor(t.route));
        if (warmup) load(t, warmup);
      }
      for (let i = 0; i < runs; i++) {
        for (const t of targets) {
          const r = load(t, seconds);
          t.results.push(r);
          log(`wrk ${t.route.method} ${t.route === BARE_INSERT ? 'bare insert ' + t.url : t.route.path} run ${i + 1}/${runs}: ${r.rps.toFixed(0)} req/s, ${r.requests} answered, p50 ${t1(r.p50)} ms, p99 ${t1(r.p99)} ms, errors ${r.errors}`);
        }
      }
    } finally { rmSync(dir, { recursive: true, force: true }); }
    for (const t of targets) if (t !== bare) writes[t.route.name] = { method: t.route.method, path: t.route.path, ...summarise(t.results) };
    if (bare) {
      bareInsert = { method: BARE_INSERT.method, path: BARE_INSERT.path, worker: 'bench/bare-d1', ...summarise(bare.results) };
      // Paired by run (the two ran back to back), so a run's drift cancels out of its ratio.
      const reg = targets.find((t) => t.route.name === 'register')?.results;
      if (reg) {
        const paired = (k) => stat(reg.map((r, i) => (r[k] != null && bare.results[i][k] ? round3(r[k] / bare.results[i][k]) : null)));
        registerVsBare = { rps: paired('rps'), p50: paired('p50'), p99: paired('p99') };
      }
    }
  }
  return {
    tool: 'wrk', toolVersion: (spawnSync('wrk', ['-v'], { encoding: 'utf8' }).stdout || '').split('\n')[0].replace(/\s*Copyright.*$/, '').trim(),
    connections: CONNECTIONS, threads: THREADS, seconds, runs, warmupSeconds: warmup, writeLoadVersion: WRITE_LOAD_VERSION,
    routes: Object.fromEntries(Object.entries(READ_ROUTES).map(([k, path]) => [k, { path, ...summarise(raw[k]) }])),
    writes, writeRoutes: WRITE_ROUTES.map((r) => `${r.method} ${r.path}`), bareInsert, registerVsBare,
  };
}
