// Shared by the bench: statistics, byte counting, and the local stack's lifecycle
// (wrangler dev and its workerd children, always stopped, also on error).
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import net from 'node:net';
import zlib from 'node:zlib';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const log = (...a) => console.error('   ', ...a);

// ---- statistics: every figure is a sample set summarised the same way ----

function quantile(sorted, q) {
  if (!sorted.length) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** {median, min, max, p25, p75, n, samples}; null-safe (missing samples are dropped). */
export function stat(samples) {
  const s = samples.filter((x) => typeof x === 'number' && Number.isFinite(x));
  const sorted = [...s].sort((a, b) => a - b);
  const r = (x) => (x == null ? null : Math.round(x * 1000) / 1000);
  return {
    median: r(quantile(sorted, 0.5)),
    min: r(sorted[0] ?? null),
    max: r(sorted[sorted.length - 1] ?? null),
    p25: r(quantile(sorted, 0.25)),
    p75: r(quantile(sorted, 0.75)),
    n: s.length,
    samples: s.map(r),
  };
}

// ---- bytes ----

export function compressed(buf) {
  const gzip = zlib.gzipSync(buf, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
  return { raw: buf.length, gzip, brotli };
}

// ---- processes ----

const groups = new Set();
let pidFile = null;

/** Where process-group ids are written, so scripts/bench's trap can stop them too. */
export function setPidFile(path) {
  pidFile = path;
  mkdirSync(dirname(path), { recursive: true });
}

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* gone */ }
}

export function killAllSync() {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
  groups.clear();
}
process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { killAllSync(); process.exit(130); });
}

/** Runs a command to completion (inherits stderr); throws on failure. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', opts.capture ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r.stdout;
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/**
 * What Relais is served with locally (as by scripts/dev and scripts/test): the dev sender,
 * which marks messages sent, as each registration's message is sent by the real one once
 * deployed. Without it the messages would wait, and a registration would cost less here.
 */
export const LOCAL_VARS = { RELAIS_ENV: 'local', MAIL_SENDER: 'dev' };

/**
 * Starts `wrangler dev --local` in `root` on 127.0.0.1:`port` with state in `state` and the
 * given `--var`s, in its own process group, and waits (bounded) until `health` answers.
 * Returns { base, stop() }.
 */
export async function startStack({ root, port, state, logFile, vars = {}, health = '/api/health' }) {
  for (let i = 0; i < 20 && !(await portFree(port)); i++) await sleep(500);
  if (!(await portFree(port))) throw new Error(`port ${port} is in use: stop whatever listens there`);
  mkdirSync(dirname(logFile), { recursive: true });
  const { openSync } = await import('node:fs');
  const out = openSync(logFile, 'a');
  const child = spawn('wrangler', ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port),
    '--persist-to', state, '--show-interactive-dev-session=false',
    ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])],
  { cwd: root, detached: true, stdio: ['ignore', out, out], env: { ...process.env, BROWSER: 'none' } });
  groups.add(child.pid);
  if (pidFile) appendFileSync(pidFile, `${child.pid}\n`);
  let exited = null;
  child.on('exit', (code, sig) => { exited = code ?? sig; });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!groups.has(child.pid)) return;
    killGroup(child.pid, 'SIGTERM');
    for (let i = 0; i < 50 && exited === null; i++) await sleep(100);
    killGroup(child.pid, 'SIGKILL'); // workerd children, whatever wrangler left
    groups.delete(child.pid);
    for (let i = 0; i < 40 && !(await portFree(port)); i++) await sleep(250);
  };
  const deadline = Date.now() + 240_000; // the Worker may be rebuilt first
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`wrangler dev stopped (${exited}); see ${logFile}`);
    try {
      const r = await fetch(base + health, { signal: AbortSignal.timeout(3000) });
      if (r.ok) return { base, stop };
    } catch { /* not yet */ }
    await sleep(500);
  }
  await stop();
  throw new Error(`the stack did not answer on ${base} within 240 s; see ${logFile}`);
}
