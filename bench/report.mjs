// Turns measurements into bench/report.json, bench/report.md and (with a second measurement)
// bench/compare.md: node bench/report.mjs --current FILE [--rev FILE --rev-name REV] --out DIR
//   [--wall SECONDS]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: {
  current: { type: 'string' }, rev: { type: 'string' }, 'rev-name': { type: 'string' }, out: { type: 'string' }, wall: { type: 'string' },
} });
const current = JSON.parse(readFileSync(args.current, 'utf8'));
const rev = args.rev ? JSON.parse(readFileSync(args.rev, 'utf8')) : null;

const KB = 1000; // kB: 1,000 bytes throughout
export const FOR_SCALE = 'For scale: pretix, measured on this kind of machine, serves a first visit of its event page in 440–477 KB with LCP 2.7–4.4 s cold under this throttling, and its event page at 12–17 requests/s.';

// ---- the previous report's registration throughput ----
// When the previous run showed (almost) no spread (one quick run), a run on the shared
// 2 cores still drifts this much: bench/decisions.md.
const MIN_TOLERANCE = 0.15;
function previousRegistration(old) {
  const rps = old.api?.writes?.register?.rps;
  if (rps?.median == null) return null;
  const p = { commit: old.meta?.commit, measuredAt: old.meta?.startedAt, quick: old.meta?.quick, writeLoadVersion: old.api.writeLoadVersion ?? 1, rps: { median: rps.median, min: rps.min, n: rps.n } };
  // The lower end of the previous run's spread, and never closer than MIN_TOLERANCE.
  p.limit = Math.round(Math.min(rps.min ?? rps.median, rps.median * (1 - MIN_TOLERANCE)) * 10) / 10;
  return p;
}

// ---- budgets ----
function budgets(r) {
  const m = (s) => s?.median ?? null;
  const b = [];
  const add = (name, value, limit, unit, cmp, what) => b.push({
    name, value: value == null ? null : Math.round(value * 1000) / 1000, limit, unit, comparison: cmp,
    pass: value != null && (cmp === '<=' ? value <= limit : value >= limit), what,
  });
  add('first_visit_brotli_total', m(r.firstVisit?.total.brotli) / KB, 250, 'kB', '<=',
    'Every byte of a first visit to /fr (HTML, JS, wasm, CSS, icons, manifest, API data), each body brotli-compressed (q11), summed; median of runs');
  add('lcp_cold_median', m(r.browser?.cold.lcp) / 1000, 2.0, 's', '<=', 'Largest contentful paint, cold cache, median of runs, phone throttling');
  add('lcp_warm_median', m(r.browser?.warm.lcp) / 1000, 0.8, 's', '<=', 'Largest contentful paint, warm cache (second load, same context), median of runs');
  add('repeat_shown_median', m(r.serviceWorker?.repeat.shown) / 1000, 0.4, 's', '<=', 'Catalog on screen (its first card painted, by Element Timing) on a repeat visit with the service worker in control, online, median of runs, phone throttling');
  add('repeat_lcp_median', m(r.serviceWorker?.repeat.lcp) / 1000, 0.5, 's', '<=', 'Largest contentful paint on a repeat visit with the service worker in control, online, median of runs, phone throttling');
  add('offline_shown_median', m(r.serviceWorker?.offline.shown) / 1000, 0.4, 's', '<=', 'Catalog on screen (its first card painted, by Element Timing) with no network, from the service worker\'s caches, median of runs, phone throttling');
  const ping = r.api?.routes.ping, cat = r.api?.routes.offerings;
  const ok = (x) => x != null && m(ping?.errors) === 0;
  add('catalog_throughput_vs_ping', ok(m(ping?.rps)) && m(ping.rps) ? m(cat.rps) / m(ping.rps) : null, 0.5, 'ratio', '>=',
    'Requests/s of GET /api/offerings?lang=fr over requests/s of GET /api/ping, same tool, same run (medians)');
  add('catalog_p99_vs_ping', ok(m(ping?.p99)) && m(ping.p99) ? m(cat.p99) / m(ping.p99) : null, 2, 'ratio', '<=',
    'p99 latency of GET /api/offerings?lang=fr over p99 of GET /api/ping (medians)');
  const writeErrors = [...Object.values(r.api?.writes ?? {}), r.api?.bareInsert].reduce((sum, w) => sum + (m(w?.errors) ?? 0), 0);
  add('api_errors', (m(cat?.errors) ?? 0) + (m(ping?.errors) ?? 0) + writeErrors, 0, 'count', '<=',
    'Socket errors and non-2xx answers during the load runs, reads, writes and the bare D1 insert (medians summed)');
  // Held only to a previous figure measured the same way (same write load, same sender).
  const version = r.api?.writeLoadVersion ?? 1;
  const comparable = previous && previous.writeLoadVersion === version;
  const reg = r.api?.writes?.register;
  add('registration_throughput', m(reg?.rps), comparable ? previous.limit : null, 'req/s', '>=',
    'Requests/s of POST /api/editions/{id}/registrations (median of runs), not lower than the previous report\'s: its slowest run, ' +
    `and at most ${100 - MIN_TOLERANCE * 100} % of its median (bench/decisions.md). ` +
    (!previous ? 'No previous report: not held to a figure this time. '
      : comparable ? `Previous: ${previous.rps.median}/s (slowest run ${previous.rps.min}/s, n=${previous.rps.n}), ${previous.commit?.slice(0, 12)} measured ${previous.measuredAt?.slice(0, 10)}. `
      : `The previous report (${previous.rps.median}/s) sent another write load (version ${previous.writeLoadVersion}, now ${version}): not held to it this time. `) +
    'A slower machine slows the bare D1 insert alike: see registration / bare insert in the report.');
  b.at(-1).previous = previous;
  if (b.at(-1).limit == null) b.at(-1).pass = null;
  return b;
}

// ---- figures: one flat list, used by the markdown and the comparison ----
function figures(r) {
  const f = [];
  const add = (key, label, unit, s) => { if (s && s.median != null) f.push({ key, label, unit, s }); };
  const fv = r.firstVisit;
  if (fv) {
    for (const c of ['raw', 'gzip', 'brotli']) add(`firstVisit.total.${c}`, `First visit, total ${c}`, 'B', fv.total[c]);
    add('firstVisit.total.served', 'First visit, bytes as served over http (bodies)', 'B', fv.total.served);
    add('firstVisit.requests', 'First visit, requests (Chromium)', 'n', fv.requests);
    for (const file of fv.files) for (const c of ['raw', 'gzip', 'brotli']) add(`firstVisit.file.${file.key}.${c}`, `${file.key} ${c}`, 'B', file[c]);
  }
  for (const [name, b] of Object.entries(r.builds ?? {})) {
    const once = (x) => ({ median: x, min: x, max: x, p25: x, p75: x, n: 1 });
    for (const c of ['raw', 'gzip', 'brotli']) add(`builds.${name}.total.${c}`, `${name} build, total ${c}`, 'B', once(b.total[c]));
    for (const f of b.files) add(`builds.${name}.${f.kind}.brotli`, `${name} build, ${f.key} brotli`, 'B', once(f.brotli));
  }
  for (const cache of ['cold', 'warm']) {
    const b = r.browser?.[cache];
    if (!b) continue;
    add(`browser.${cache}.fcp`, `FCP ${cache}`, 'ms', b.fcp);
    add(`browser.${cache}.lcp`, `LCP ${cache}`, 'ms', b.lcp);
    add(`browser.${cache}.shown`, `Catalog on screen, ${cache}`, 'ms', b.shown);
    add(`browser.${cache}.visible`, `Catalog visible and interactive, ${cache}`, 'ms', b.visible);
    add(`browser.${cache}.transferred`, `Bytes transferred, ${cache}`, 'B', b.transferred);
  }
  for (const [name, route] of Object.entries(r.api?.routes ?? {})) {
    add(`api.${name}.rps`, `${route.path} requests/s`, 'req/s', route.rps);
    add(`api.${name}.p50`, `${route.path} p50`, 'ms', route.p50);
    add(`api.${name}.p99`, `${route.path} p99`, 'ms', route.p99);
    add(`api.${name}.errors`, `${route.path} errors`, 'n', route.errors);
  }
  const writes = Object.entries(r.api?.writes ?? {});
  if (r.api?.bareInsert) writes.push(['bareInsert', { ...r.api.bareInsert, path: 'bare D1 insert' }]);
  for (const [name, w] of writes) {
    const label = name === 'bareInsert' ? w.path : `${w.method} ${w.path}`;
    add(`api.${name}.rps`, `${label} requests/s`, 'req/s', w.rps);
    add(`api.${name}.p50`, `${label} p50`, 'ms', w.p50);
    add(`api.${name}.p99`, `${label} p99`, 'ms', w.p99);
    add(`api.${name}.errors`, `${label} errors`, 'n', w.errors);
  }
  const rb = r.api?.registerVsBare;
  if (rb) {
    add('api.registerVsBare.rps', 'Registration / bare insert, requests/s', 'ratio', rb.rps);
    add('api.registerVsBare.p50', 'Registration / bare insert, p50', 'ratio', rb.p50);
    add('api.registerVsBare.p99', 'Registration / bare insert, p99', 'ratio', rb.p99);
  }
  for (const g of r.growth?.sizes ?? []) {
    add(`growth.${g.sessions}.firstPage.raw`, `${g.sessions} sessions: first page raw`, 'B', g.firstPage?.raw);
    add(`growth.${g.sessions}.firstPage.brotli`, `${g.sessions} sessions: first page brotli`, 'B', g.firstPage?.brotli);
    add(`growth.${g.sessions}.offerings.rps`, `${g.sessions} sessions: catalog requests/s`, 'req/s', g.offerings?.rps);
    add(`growth.${g.sessions}.offerings.p50`, `${g.sessions} sessions: catalog p50`, 'ms', g.offerings?.p50);
    add(`growth.${g.sessions}.offerings.p99`, `${g.sessions} sessions: catalog p99`, 'ms', g.offerings?.p99);
  }
  return f;
}

// ---- formatting ----
const n0 = (x) => Math.round(x).toLocaleString('en-US');
function fmt(x, unit) {
  if (x == null) return '–';
  if (unit === 'B') return x >= 10 * KB ? `${(x / KB).toFixed(1)} kB` : `${n0(x)} B`;
  if (unit === 'ms') return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`;
  if (unit === 'req/s') return `${n0(x)}/s`;
  if (unit === 'ratio') return `${x.toFixed(2)}×`;
  return n0(x);
}
function spread(s, unit) {
  if (!s || s.median == null) return '–';
  if (s.n <= 1 || s.min === s.max) return `${fmt(s.median, unit)} (n=${s.n}${s.n > 1 ? ', no spread' : ''})`;
  return `${fmt(s.median, unit)} (${fmt(s.min, unit)}–${fmt(s.max, unit)}, IQR ${fmt(s.p25, unit)}–${fmt(s.p75, unit)}, n=${s.n})`;
}
const fmtBudget = (b) => `${b.pass == null ? 'NONE' : b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.value == null ? 'not measured' : b.unit === 'ratio' ? b.value.toFixed(2) : b.unit === 'count' ? b.value : `${b.value.toFixed(b.unit === 's' ? 2 : 1)} ${b.unit}`} (${b.limit == null ? 'no comparable previous figure: not held to one' : `limit ${b.comparison} ${b.limit}${b.unit === 'ratio' || b.unit === 'count' ? '' : ' ' + b.unit}`})`;

function markdown(r, bs) {
  const m = r.meta, L = [];
  const fv = r.firstVisit, br = r.browser, api = r.api;
  L.push('# Relais performance bench', '');
  L.push(`Tree: \`${m.commit.slice(0, 12)}\` (${m.subject})${m.uncommittedChanges ? `, plus ${m.uncommittedChanges} uncommitted changed file(s)` : ''}. ` +
    `Measured ${m.startedAt.replace('T', ' ').slice(0, 16)} UTC in ${Math.round(m.seconds)} s${args.wall ? ` (whole command ${Math.round(Number(args.wall))} s, build included)` : ''}, ${m.quick ? '**quick mode** (fewer runs, shorter load)' : 'full mode'}.`);
  L.push(`Machine: ${m.machine.cpus} cores (${m.machine.cpu}), ${m.machine.memoryGiB} GiB, node ${m.machine.node}, Chromium ${m.machine.chromium}, ${api?.toolVersion ?? 'wrk'}; load average ${m.machine.loadavgStart.map((x) => x.toFixed(1)).join(' / ')} at start, ${m.machine.loadavgEnd.map((x) => x.toFixed(1)).join(' / ')} at end (1/5/15 min).`);
  L.push('', 'Every figure: median (min–max, interquartile range, number of runs). kB = 1,000 bytes.', '');
  L.push('## Budgets', '', '```');
  for (const b of bs) L.push(fmtBudget(b));
  L.push('```', '', FOR_SCALE, '');

  if (fv) {
    L.push('## 1. Weight of a first visit', '');
    L.push(`Every response of a real Chromium load of \`${fv.page}\` on a phone viewport (playwright-core, \`page.on('response')\`), each body compressed here with node's zlib (gzip level 9, brotli quality 11). ` +
      `Runs: ${fv.runs}. Requests by Chromium: ${spread(fv.requests, 'n')}; with files the page declares but headless Chromium did not ask for (fetched by the bench so the total is complete): ${spread(fv.requestsInclDeclared, 'n')}.`, '');
    L.push('| File | Kind | Raw | gzip | brotli | Served (http) |', '| --- | --- | ---: | ---: | ---: | ---: |');
    for (const f of fv.files) L.push(`| \`${f.key}\`${f.requestedBy === 'declared' ? ' (declared)' : ''} | ${f.kind} | ${fmt(f.raw.median, 'B')} | ${fmt(f.gzip.median, 'B')} | ${fmt(f.brotli.median, 'B')} | ${f.served.n ? fmt(f.served.median, 'B') + (f.contentEncoding ? ` ${f.contentEncoding}` : '') : '–'} |`);
    L.push(`| **Total** | | **${fmt(fv.total.raw.median, 'B')}** | **${fmt(fv.total.gzip.median, 'B')}** | **${fmt(fv.total.brotli.median, 'B')}** | ${fmt(fv.total.served.median, 'B')} |`, '');
    L.push(`Totals with spread: raw ${spread(fv.total.raw, 'B')}; gzip ${spread(fv.total.gzip, 'B')}; brotli ${spread(fv.total.brotli, 'B')}. Response headers add ${fmt(fv.total.headers.median, 'B')}.`);
    L.push('"Served (http)" is what wrangler dev sent: its asset server answers gzip although Chromium asks for brotli too; Cloudflare’s edge serves brotli to browsers that accept it, as in the brotli column, so the timed loads below (gzip) are somewhat pessimistic.', '');
  }
  if (r.builds) {
    L.push('### The three builds of the app', '');
    L.push('What opening a page of each build downloads before its data: its page and the files it names, from the built `dist/` (brotli quality 11). Only the browsing build is in a first visit; the forms build is loaded by people who open a form or the coordinators\' page, the dashboard build by coordinators authoring their network\'s catalog (`bench/decisions.md`).', '');
    L.push('| Build | HTML | JS | wasm | CSS | Total brotli | Total raw |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, b] of Object.entries(r.builds)) {
      const of = (kind) => b.files.filter((f) => f.kind === kind).reduce((sum, f) => sum + f.brotli, 0);
      L.push(`| ${name} | ${fmt(of('html'), 'B')} | ${fmt(of('js'), 'B')} | ${fmt(of('wasm'), 'B')} | ${fmt(of('css'), 'B')} | ${fmt(b.total.brotli, 'B')} | ${fmt(b.total.raw, 'B')} |`);
    }
    L.push('');
  }
  if (br) {
    L.push('## 2. Load in a real browser', '');
    L.push(`Headless Chromium ${m.machine.chromium}, ${br.phone.viewport.width}×${br.phone.viewport.height} CSS px, isMobile, device scale ${br.phone.deviceScaleFactor}; CDP throttling: latency ${br.throttling.latency} ms, download ${(br.throttling.downloadThroughput * 8 / 1e6).toFixed(1)} Mbit/s, upload ${(br.throttling.uploadThroughput * 8 / 1e3).toFixed(0)} kbit/s, CPU ${br.throttling.cpuRate}× slower. ` +
      `Cold: a new browser context each run; warm: a second page in the same context. ${br.runs} runs each. The page arrives with the catalog's first page written in by the Worker (the LCP element is painted from the HTML); "on screen": the first card's heading and text painted (Element Timing), the Worker's or the app's; "visible and interactive": the first frame in which the wasm app has replaced it with its own, \`h1\` "Catalogue" and at least one \`.card\`.`, '');
    L.push('| | Cold | Warm |', '| --- | --- | --- |');
    for (const [k, label, unit] of [['fcp', 'First contentful paint', 'ms'], ['lcp', 'Largest contentful paint', 'ms'], ['shown', 'Catalog on screen', 'ms'], ['visible', 'Catalog visible and interactive', 'ms'], ['ttfb', 'Time to first byte', 'ms'], ['transferred', 'Bytes transferred', 'B']]) {
      L.push(`| ${label} | ${spread(br.cold[k], unit)} | ${spread(br.warm[k], unit)} |`);
    }
    L.push('', `LCP element: ${br.cold.lcpElements.join(', ')} (cold), ${br.warm.lcpElements.join(', ')} (warm). Cards shown: ${br.cold.cards.median}. Page errors: ${br.cold.errors.length + br.warm.errors.length}.`, '');
  }
  const sw = current.serviceWorker;
  if (sw) {
    L.push('### With the service worker: repeat visits and no network', '');
    L.push(`The same phone and throttling. Each run: a first visit, the service worker installed and in control (its precache done), a second visit under it; then a new page of the same context (repeat, online: pages and data from the device's caches, refreshed behind), and one with the context's network cut (offline). ${sw.runs} runs.`, '');
    L.push('| | Repeat (online) | Offline |', '| --- | --- | --- |');
    for (const [k, label, unit] of [['fcp', 'First contentful paint', 'ms'], ['lcp', 'Largest contentful paint', 'ms'], ['shown', 'Catalog on screen', 'ms'], ['visible', 'Catalog visible and interactive', 'ms'], ['ttfb', 'Time to first byte', 'ms'], ['transferred', 'Bytes over the network', 'B'], ['fromServiceWorker', 'Answers from the service worker', 'count']]) {
      L.push(`| ${label} | ${spread(sw.repeat[k], unit)} | ${spread(sw.offline[k], unit)} |`);
    }
    L.push('', `Page errors: ${sw.repeat.errors.length + sw.offline.errors.length}. Stored on the device for Relais (\`navigator.storage.estimate()\`, Cache Storage and IndexedDB): ${spread(sw.storage.usage, 'B')}; the cached bodies summed: ${spread(sw.storage.bodies, 'B')}.`, '');
    L.push('| Cache | Entries | Bytes |', '| --- | --- | --- |');
    for (const [name, c] of Object.entries(sw.storage.caches)) L.push(`| \`${name}\` | ${c.entries} | ${c.bytes.toLocaleString('en')} |`);
    L.push('');
  }
  if (api) {
    const p = api.routes.ping, c = api.routes.offerings;
    L.push('## 3. API under load', '');
    L.push(`Tool: **wrk** (${api.toolVersion}), ${api.connections} connections, ${api.threads} thread, ${api.seconds} s per run, ${api.runs} runs per route, interleaved, after a ${api.warmupSeconds} s warm-up of each route. ` +
      'wrk comes from Debian\'s packages (installs in seconds, where oha is a ~12-minute cargo build), its `--latency` gives the p50/p99 this needs, and its event loop keeps up with 32 connections on one thread, leaving the other core to the server. ' +
      '**Server and load tool share the same 2-core machine** (with Chromium idle by then): absolute requests/s are a floor for this machine, the ratios between routes are the point.', '');
    L.push('| Route | Requests/s | p50 | p99 | Errors |', '| --- | --- | --- | --- | --- |');
    for (const route of [p, c]) L.push(`| \`GET ${route.path}\` | ${spread(route.rps, 'req/s')} | ${spread(route.p50, 'ms')} | ${spread(route.p99, 'ms')} | ${spread(route.errors, 'n')} |`);
    L.push('', `Catalog over ping: throughput ${(c.rps.median / p.rps.median).toFixed(2)}×, p99 ${(c.p99.median / p.p99.median).toFixed(2)}×.`, '');
    if (api.writeRoutes.length) {
      L.push('Writes: each request registers a new person (new email, new client address; none repeated across runs) through a wrk Lua script (`NEW_PERSON_LUA` in `bench/load.mjs`); every registration is a D1 batch (insert with its place decided inside, history, message), and its message is then sent by the dev sender.' +
        (api.bareInsert ? ` Beside it, run by run (${api.runs} run${api.runs === 1 ? "" : "s"} each, after a ${api.warmupSeconds} s warm-up of each), the same requests go to a Worker that is not Relais (\`bench/bare-d1/\`, served by \`wrangler dev --local\` like the stack, with its own D1) and does one bound \`INSERT\` of the body: what one D1 write costs on this machine today.` : ''), '');
      L.push('| Route | Requests/s | p50 | p99 | Answered per run | Errors |', '| --- | --- | --- | --- | --- | --- |');
      for (const w of Object.values(api.writes)) L.push(`| \`${w.method} ${w.path}\` | ${spread(w.rps, 'req/s')} | ${spread(w.p50, 'ms')} | ${spread(w.p99, 'ms')} | ${spread(w.requests, 'n')} | ${spread(w.errors, 'n')} |`);
      const bi = api.bareInsert;
      if (bi) L.push(`| Bare D1 insert (\`${bi.method} ${bi.path}\`, \`bench/bare-d1/\`) | ${spread(bi.rps, 'req/s')} | ${spread(bi.p50, 'ms')} | ${spread(bi.p99, 'ms')} | ${spread(bi.requests, 'n')} | ${spread(bi.errors, 'n')} |`);
      if (Object.values(api.writes).some((w) => w.p50?.median == null)) L.push('', 'A write with no latency had no answer within a run: every request took longer than the run.');
      L.push('');
      const rb = api.registerVsBare;
      if (rb) {
        L.push(`Registration / bare insert (each run over the bare insert's run beside it, median of runs): throughput ${spread(rb.rps, 'ratio')}, p50 ${spread(rb.p50, 'ratio')}, p99 ${spread(rb.p99, 'ratio')}. ` +
          'This is Relais\'s own work per registration (validation, rate limits, the place decided, history, message) on top of a D1 write: a throughput ratio near 1 says D1\'s write sets the pace, and a slower machine day moves both figures and leaves the ratio.', '');
      } else {
        L.push('**Bare D1 insert: not measured.**', '');
      }
    } else {
      L.push('**Writes: not measured.** The hook is `WRITE_ROUTES` in `bench/load.mjs`.', '');
    }
  }
  if (r.growth) {
    L.push('## 4. Growth with data', '');
    L.push(`Generated catalogs (not the demo data), each in its own throw-away state with the same schema: every edition has 2 sessions, about a fifth of each offering's editions upcoming, the rest archive. ` +
      `\`GET /api/offerings?lang=fr\` (first page, default size) payload, and the same route under load (wrk, ${current.api?.connections ?? 32} connections, ${r.growth.runs} × ${r.growth.seconds} s).`, '');
    L.push('| Sessions | Offerings × editions | First page raw | First page brotli | Items | Offering page raw | Requests/s | p50 | p99 | Errors |', '| ---: | --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- |');
    for (const g of r.growth.sizes) {
      if (g.error) { L.push(`| ${n0(g.sessions)} | ${g.shape.offerings} × ${g.shape.editionsPer} | failed: ${g.error.split('\n')[0]} | | | | | | | |`); continue; }
      L.push(`| ${n0(g.sessions)} | ${g.shape.offerings} × ${g.shape.editionsPer} | ${fmt(g.firstPage.raw.median, 'B')} | ${fmt(g.firstPage.brotli.median, 'B')} | ${g.firstPage.items.median} | ${fmt(g.offeringDetail.raw.median, 'B')} | ${spread(g.offerings.rps, 'req/s')} | ${spread(g.offerings.p50, 'ms')} | ${spread(g.offerings.p99, 'ms')} | ${g.offerings.errors.median} |`);
    }
    const ok = r.growth.sizes.filter((g) => !g.error);
    if (ok.length >= 2) {
      const a = ok[0], z = ok.at(-1);
      L.push('', `From ${n0(a.sessions)} to ${n0(z.sessions)} sessions: first page ×${(z.firstPage.raw.median / a.firstPage.raw.median).toFixed(2)} in bytes (paginated: it should stay flat), catalog p50 ×${(z.offerings.p50.median / a.offerings.p50.median).toFixed(2)}, requests/s ×${(z.offerings.rps.median / a.offerings.rps.median).toFixed(2)}.`);
    }
    L.push('');
  }
  L.push('## How it was measured', '');
  L.push('`./scripts/bench` builds the release app (`scripts/build`) and the Worker (the `[build]` command of `wrangler.toml`), snapshots `dist/`, the Worker build and the migrations under `.wrangler/bench/`, and serves that snapshot with `wrangler dev --local` on its own port (8811; 8812 for the growth catalogs; 8813 for the bare D1 insert; or `BENCH_PORT`, `BENCH_GROWTH_PORT`, `BENCH_BARE_PORT`) and its own throw-away `--persist-to` state, loaded by `scripts/load-demo`; everything is stopped and removed at the end. Source: `scripts/bench`, `bench/*.mjs`.');
  L.push(`Phase times (s): ${Object.entries(m.phaseSeconds).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}.`, '');
  return L.join('\n') + '\n';
}

function compareMarkdown(cur, old, revName) {
  const a = new Map(figures(cur).map((f) => [f.key, f])), b = new Map(figures(old).map((f) => [f.key, f]));
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  const L = ['# Relais bench: current tree against ' + revName, '',
    `Current: \`${cur.meta.commit.slice(0, 12)}\`${cur.meta.uncommittedChanges ? ` + ${cur.meta.uncommittedChanges} uncommitted file(s)` : ''}; ${revName}: \`${old.meta.commit.slice(0, 12)}\` (${old.meta.subject}). Same run, same machine, ${cur.meta.quick ? 'quick' : 'full'} mode; medians, ratio = current / ${revName} (below 1 is smaller or faster for bytes and times, slower for requests/s).`, '',
    '| Figure | ' + revName + ' | Current | Ratio |', '| --- | ---: | ---: | ---: |'];
  const ratios = [];
  for (const k of keys) {
    const x = a.get(k), y = b.get(k), f = x ?? y;
    const ratio = x && y && y.s.median ? x.s.median / y.s.median : null;
    ratios.push({ key: k, label: f.label, unit: f.unit, rev: y?.s.median ?? null, current: x?.s.median ?? null, ratio: ratio == null ? null : Math.round(ratio * 1000) / 1000 });
    L.push(`| ${f.label} | ${y ? fmt(y.s.median, f.unit) : '–'} | ${x ? fmt(x.s.median, f.unit) : '–'} | ${ratio == null ? '–' : ratio.toFixed(2)} |`);
  }
  L.push('', '## Budgets', '', '```');
  const bo = new Map(budgets(old).map((x) => [x.name, x]));
  for (const x of budgets(cur)) L.push(`${fmtBudget(x)}    [${revName}: ${bo.get(x.name)?.value ?? '–'}${bo.get(x.name)?.pass == null ? '' : bo.get(x.name).pass ? ' pass' : ' fail'}]`);
  L.push('```', '');
  return { md: L.join('\n') + '\n', ratios };
}

// The report this run replaces: the registration budget holds this run to its figure.
const previousFile = join(args.out, 'report.json');
const previous = existsSync(previousFile) ? previousRegistration(JSON.parse(readFileSync(previousFile, 'utf8'))) : null;
const bs = budgets(current);
const report = { budgets: bs, forScale: FOR_SCALE, ...current, figures: figures(current).map(({ key, label, unit, s }) => ({ key, label, unit, median: s.median, min: s.min, max: s.max, p25: s.p25, p75: s.p75, n: s.n })) };
if (args.wall) report.meta.commandSeconds = Number(args.wall);
let compare = null;
if (rev) {
  compare = compareMarkdown(current, rev, args['rev-name']);
  report.compare = { rev: args['rev-name'], revCommit: rev.meta.commit, ratios: compare.ratios, revBudgets: budgets(rev), revMeasurement: rev };
  writeFileSync(join(args.out, 'compare.md'), compare.md);
}
writeFileSync(join(args.out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
writeFileSync(join(args.out, 'report.md'), markdown(current, bs));
console.log('');
for (const b of bs) console.log(fmtBudget(b));
console.log(FOR_SCALE);
if (compare) console.log('\n' + compare.md);
