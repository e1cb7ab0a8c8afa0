// Measures one built tree: node bench/measure.mjs --root DIR --label NAME --port P
//   --growth-port P2 --bare-port P3 --work DIR --out FILE [--quick]
// The tree's dist/ must be built already (scripts/bench does it). Starts wrangler dev on its
// own throw-away state under WORK, measures, stops it; writes the figures as JSON to FILE.
// The bare D1 insert (bench/bare-d1/, beside this file: never the measured tree's) is served
// on P3 during the API load, as the writes' baseline.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { firstVisitWeight, launch, loadTimings, serviceWorkerTimings } from './browser.mjs';
import { SIZES, growthSql } from './growth.mjs';
import { LOCAL_VARS, compressed, log, run, setPidFile, startStack, stat } from './lib.mjs';
import { apiLoad, wrk } from './load.mjs';

const { values: args } = parseArgs({ options: {
  root: { type: 'string' }, label: { type: 'string' }, port: { type: 'string' }, 'growth-port': { type: 'string' }, 'bare-port': { type: 'string' },
  work: { type: 'string' }, out: { type: 'string' }, quick: { type: 'boolean', default: false },
} });
for (const k of ['root', 'label', 'port', 'growth-port', 'bare-port', 'work', 'out']) if (!args[k]) throw new Error(`--${k} is required`);

const PLAN = args.quick
  ? { weightRuns: 1, browserRuns: 2, loadRuns: 1, loadSeconds: 3, warmup: 1, growthRuns: 1, growthSeconds: 2, payloadRepeats: 1 }
  : { weightRuns: 3, browserRuns: 5, loadRuns: 3, loadSeconds: 10, warmup: 3, growthRuns: 3, growthSeconds: 5, payloadRepeats: 3 };

const root = args.root, work = args.work;
const say = (s) => console.error(`\x1b[1m==> [${args.label}] ${s}\x1b[0m`);
setPidFile(join(work, 'servers.pid'));
const timings = {};
const timed = async (name, f) => { const t = Date.now(); try { return await f(); } finally { timings[name] = (Date.now() - t) / 1000; } };
const git = (...a) => spawnSync('git', ['-C', root, ...a], { encoding: 'utf8' }).stdout.trim();

const started = Date.now();
const meta = {
  label: args.label, root, commit: git('rev-parse', 'HEAD'), subject: git('log', '-1', '--format=%s'),
  uncommittedChanges: git('status', '--porcelain', '--untracked-files=no').split('\n').filter(Boolean).length,
  startedAt: new Date().toISOString(), quick: args.quick, plan: PLAN,
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadavgStart: os.loadavg() },
};

const result = { meta };
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// ---- a frozen copy of what was built ----
// wrangler serves a snapshot (dist/, the built Worker, the migrations) with a config derived
// from the tree's wrangler.toml minus its [build] step: someone rebuilding dist/ or editing the
// Worker in the same checkout while the bench runs cannot change what is measured.
function snapshot(dest) {
  const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
  const buildCmd = /^\[build\][^[]*?^command\s*=\s*"([^"]+)"/ms.exec(toml)?.[1];
  if (buildCmd) run('sh', ['-c', buildCmd], { cwd: root });
  const main = /^main\s*=\s*"([^"]+)"/m.exec(toml)[1];
  const assets = /^\[assets\][^[]*?^directory\s*=\s*"([^"]+)"/ms.exec(toml)[1];
  const migrations = /^migrations_dir\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? 'migrations';
  // dist/ must be whole: every file index.html names must be there.
  for (let i = 0; ; i++) {
    const html = readFileSync(join(root, assets, 'index.html'), 'utf8');
    const missing = [...html.matchAll(/(?:href|src|module_or_path: )['"]\/([^'"?#]+)['"]/g)].map((m) => m[1]).filter((f) => !existsSync(join(root, assets, f)));
    if (!missing.length) break;
    if (i >= 20) throw new Error(`${assets}/ is incomplete (${missing.join(', ')}): is another build running?`);
    spawnSync('sleep', ['3']);
  }
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(join(root, dirname(main)), join(dest, 'worker'), { recursive: true });
  cpSync(join(root, assets), join(dest, 'dist'), { recursive: true });
  cpSync(join(root, migrations), join(dest, 'migrations'), { recursive: true });
  writeFileSync(join(dest, 'wrangler.toml'), toml
    .replace(/^main\s*=.*$/m, `main = "worker/${basename(main)}"`)
    .replace(/(^\[assets\][^[]*?^directory\s*=\s*)"[^"]+"/ms, '$1"dist"')
    .replace(/^migrations_dir\s*=.*$/m, 'migrations_dir = "migrations"')
    .replace(/^\[build\]\n(?:(?!\[).*\n)*/m, ''));
  return dest;
}
const snap = await timed('snapshot', () => { say('Building the Worker; snapshot of the build'); return snapshot(join(work, 'snapshot')); });

// ---- each build of the app: what opening one of its pages downloads before any data ----
// The browsing build is also weighed by a real first visit below; the forms build (a form,
// the coordinators' page) and the dashboard build are loaded only by the people who open
// them, and are weighed here from the files their page names.
const BUILDS = [['browsing', ''], ['forms', 'forms/'], ['dashboard', 'dashboard/']];
function buildWeights(dist) {
  const builds = {};
  for (const [name, dir] of BUILDS) {
    const index = join(dist, dir, 'index.html');
    if (!existsSync(index)) continue;
    const html = readFileSync(index);
    const files = [{ key: `/${dir}index.html`, kind: 'html', ...compressed(html) }];
    const named = new Set([...html.toString('utf8').matchAll(/(?:href=|src=|module_or_path: )['"]\/([^'"?#]+\.(?:js|wasm|css))['"]/g)].map((m) => m[1]));
    for (const file of named) {
      const kind = file.endsWith('.wasm') ? 'wasm' : file.endsWith('.js') ? 'js' : 'css';
      files.push({ key: `/${file.replace(/-[0-9a-f]{12,20}(?=[._])/g, '-[hash]')}`, kind, ...compressed(readFileSync(join(dist, file))) });
    }
    const total = (c) => files.reduce((sum, f) => sum + f[c], 0);
    builds[name] = { files, total: { raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') } };
  }
  return builds;
}
result.builds = buildWeights(join(snap, 'dist'));
for (const [name, b] of Object.entries(result.builds)) log(`${name} build: ${b.total.brotli} B brotli (${b.files.map((f) => `${f.kind} ${f.brotli}`).join(', ')})`);

// ---- the writes' baseline: a Worker that only inserts (bench/bare-d1/) ----
// Copied out of the source tree (wrangler dev writes its own files beside its config), given
// its one-table schema in a throw-away state, and served like the stack.
async function startBare(dir) {
  cpSync(fileURLToPath(new URL('./bare-d1', import.meta.url)), dir, { recursive: true });
  const bareState = join(dir, 'state');
  run('wrangler', ['d1', 'execute', 'DB', '--local', '--persist-to', bareState, '--file', 'schema.sql'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return startStack({ root: dir, port: Number(args['bare-port']), state: bareState, logFile: join(work, 'wrangler-bare.log'), health: '/health' });
}

// ---- the demo catalog: first visit, browser, API load ----
const state = join(work, 'state');
await timed('loadDemo', () => { say('Migrations and demo catalog (throw-away state)'); run(join(root, 'scripts/load-demo'), ['--persist-to', state], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }); });
say(`Starting the local stack on port ${args.port}`);
let stack = await timed('startStack', () => startStack({ root: snap, port: Number(args.port), state, logFile: join(work, 'wrangler.log'), vars: LOCAL_VARS }));
const browser = await launch();
let bare = null;
meta.machine.chromium = browser.version();
try {
  result.firstVisit = await timed('firstVisit', () => { say('First visit: every response of a real page load'); return firstVisitWeight(browser, stack.base, PLAN.weightRuns); });
  result.browser = await timed('browser', () => { say(`Phone load, throttled: ${PLAN.browserRuns} cold + ${PLAN.browserRuns} warm`); return loadTimings(browser, stack.base, PLAN.browserRuns); });
  result.serviceWorker = await timed('serviceWorker', () => { say(`Repeat visits with the service worker, throttled: ${PLAN.browserRuns} online + ${PLAN.browserRuns} offline`); return serviceWorkerTimings(browser, stack.base, PLAN.browserRuns); });
  const page = Buffer.from(await (await fetch(stack.base + '/api/offerings?lang=fr')).arrayBuffer());
  result.demoCatalog = { firstPage: compressed(page), items: JSON.parse(page).items.length };
  say(`Starting the bare D1 insert on port ${args['bare-port']}`);
  bare = await timed('startBare', () => startBare(join(work, 'bare-d1')));
  result.api = await timed('api', () => { say(`API under load: wrk, ${PLAN.loadRuns} × ${PLAN.loadSeconds} s per route`); return apiLoad(stack.base, { runs: PLAN.loadRuns, seconds: PLAN.loadSeconds, warmup: PLAN.warmup, bareBase: bare.base }); });
} finally {
  await browser.close().catch(() => {});
  await bare?.stop();
  await stack.stop();
}

// ---- growth: generated catalogs of 50, 500, 5,000 sessions ----
await timed('growth', async () => {
  const template = join(work, 'growth-template');
  say('Growth: schema for generated catalogs');
  run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', template], { cwd: snap, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'inherit'] });
  result.growth = { sizes: [] };
  for (const size of SIZES) {
    const dir = join(work, `growth-${size}`);
    cpSync(template, dir, { recursive: true });
    const { sql, shape } = growthSql(size);
    const file = join(work, `growth-${size}.sql`);
    writeFileSync(file, sql);
    say(`Growth: ${shape.sessions} sessions (${shape.offerings} offerings, ${shape.editions} editions)`);
    const entry = { sessions: size, shape };
    try {
      run('wrangler', ['d1', 'execute', 'DB', '--local', '--persist-to', dir, '--file', file], { cwd: snap, stdio: ['ignore', 'ignore', 'inherit'] });
    } catch (e) {
      entry.error = `could not load the generated catalog: ${e.message}`;
      result.growth.sizes.push(entry);
      continue;
    }
    stack = await startStack({ root: snap, port: Number(args['growth-port']), state: dir, logFile: join(work, 'wrangler-growth.log'), vars: LOCAL_VARS });
    try {
      const pages = [], details = [];
      for (let i = 0; i < PLAN.payloadRepeats; i++) {
        const r = await fetch(stack.base + '/api/offerings?lang=fr');
        const body = Buffer.from(await r.arrayBuffer());
        if (!r.ok) throw new Error(`GET /api/offerings answered ${r.status}: ${body.toString().slice(0, 300)}`);
        pages.push({ ...compressed(body), items: JSON.parse(body).items.length });
        const d = Buffer.from(await (await fetch(stack.base + '/api/offerings/bench-o0?lang=fr')).arrayBuffer());
        details.push(compressed(d));
      }
      entry.firstPage = { raw: stat(pages.map((p) => p.raw)), gzip: stat(pages.map((p) => p.gzip)), brotli: stat(pages.map((p) => p.brotli)), items: stat(pages.map((p) => p.items)) };
      entry.offeringDetail = { raw: stat(details.map((p) => p.raw)), brotli: stat(details.map((p) => p.brotli)) };
      wrk(stack.base + '/api/offerings?lang=fr', { seconds: PLAN.warmup });
      const runs = [];
      for (let i = 0; i < PLAN.growthRuns; i++) runs.push(wrk(stack.base + '/api/offerings?lang=fr', { seconds: PLAN.growthSeconds }));
      entry.offerings = { rps: stat(runs.map((r) => r.rps)), p50: stat(runs.map((r) => r.p50)), p99: stat(runs.map((r) => r.p99)), errors: stat(runs.map((r) => r.errors)) };
      log(`${size} sessions: first page ${entry.firstPage.raw.median} B raw, ${entry.firstPage.items.median} items; p50 ${entry.offerings.p50.median} ms, p99 ${entry.offerings.p99.median} ms`);
    } catch (e) {
      entry.error = e.message;
    } finally {
      await stack.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    result.growth.sizes.push(entry);
  }
  result.growth.seconds = PLAN.growthSeconds;
  result.growth.runs = PLAN.growthRuns;
});

meta.machine.loadavgEnd = os.loadavg();
meta.phaseSeconds = timings;
meta.seconds = (Date.now() - started) / 1000;
writeFileSync(args.out, JSON.stringify(result, null, 2) + '\n');
rmSync(join(work, 'state'), { recursive: true, force: true });
rmSync(join(work, 'growth-template'), { recursive: true, force: true });
rmSync(join(work, 'bare-d1'), { recursive: true, force: true });
say(`Measured in ${Math.round(meta.seconds)} s`);
