// The browser side of the bench: what a first visit downloads (from a real Chromium page
// load), and how fast the catalog shows on a throttled phone, cold and warm.
import { chromium } from 'playwright-core';
import { compressed, log, sleep, stat } from './lib.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// A phone of 390×844 CSS px (an iPhone 12–14 class screen, 3 device px per CSS px).
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'fr-CA', timezoneId: 'America/Toronto' };
// Network.emulateNetworkConditions takes bytes per second.
export const THROTTLING = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, cpuRate: 4 };
const PAGE_PATH = '/fr';
const LOAD_TIMEOUT = 90_000;

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Runs in the page before its own scripts: records LCP candidates; when the catalog is first on
// screen ("shown": the first card's heading and text painted, by Element Timing, whether
// index.html's shell wrote them, as the Worker or the service worker served it, or the app);
// and the first frame in which the app's own catalog is there ("visible": the shell replaced,
// h1 "Catalogue" and at least one .card, rendered by the wasm app, so its handlers are
// attached: visible and interactive).
function instrument() {
  const b = (window.__bench = { lcp: null, lcpElement: null, shown: null, visible: null, visibleDom: null });
  const observe = (type, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true });
    } catch { /* unsupported */ }
  };
  observe('largest-contentful-paint', (e) => {
    b.lcp = e.startTime;
    b.lcpElement = e.element ? e.element.tagName.toLowerCase() + (e.element.className ? '.' + String(e.element.className).split(' ')[0] : '') : null;
  });
  observe('element', (e) => {
    if (e.identifier === 'bench-card' && (b.shown == null || e.renderTime < b.shown)) b.shown = e.renderTime;
  });
  // Marked as each list of cards is written, before the frame that paints it.
  const markFirstCard = () => {
    for (const card of document.querySelectorAll('.cards > .card:first-child')) {
      for (const el of card.querySelectorAll('h2, p')) if (!el.hasAttribute('elementtiming')) el.setAttribute('elementtiming', 'bench-card');
    }
  };
  let scheduled = false;
  const ready = () => {
    const h1 = document.querySelector('h1');
    if (document.getElementById('shell')) return false;
    return !!(h1 && h1.textContent.trim() === 'Catalogue' && document.querySelector('.card'));
  };
  const mo = new MutationObserver(() => {
    markFirstCard();
    if (scheduled || !ready()) return;
    scheduled = true;
    b.visibleDom = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => { b.visible = performance.now(); });
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
}

// Polled over the DevTools protocol in the page's own world: Playwright's waitForFunction
// would first evaluate its injected script there, tens of milliseconds of a throttled main
// thread in the middle of the load being measured.
async function waitForCatalog(page, cdp) {
  const deadline = Date.now() + LOAD_TIMEOUT;
  const expression = 'window.__bench != null && window.__bench.visible != null';
  while (Date.now() < deadline) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true }).catch(() => ({ result: {} }));
    if (result.value === true) return;
    await sleep(100);
  }
  throw new Error(`the catalog did not appear within ${LOAD_TIMEOUT} ms at ${page.url()}`);
}

/** Path as a stable key: Trunk's content hashes replaced, so two builds compare. */
export function fileKey(url) {
  const u = new URL(url);
  const query = [...u.searchParams].filter(([k]) => k).map(([k, v]) => `${k}=${v}`).join('&');
  return u.pathname.replace(/-[0-9a-f]{16}(?=[._])/g, '-[hash]') + (query ? `?${query}` : '');
}

function kindOf(contentType, path) {
  const ct = (contentType || '').split(';')[0].trim();
  if (path.startsWith('/api/')) return 'api';
  if (ct.includes('wasm') || path.endsWith('.wasm')) return 'wasm';
  if (ct.includes('javascript') || path.endsWith('.js')) return 'js';
  if (ct.includes('css')) return 'css';
  if (ct.includes('html')) return 'html';
  if (ct.includes('font') || /\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  if (ct.startsWith('image/')) return 'image';
  if (ct.includes('manifest') || path.endsWith('.webmanifest')) return 'manifest';
  return ct || 'other';
}

/** One first visit, unthrottled (bytes do not depend on speed): every response and its body. */
async function oneVisit(browser, base) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  page.on('dialog', (d) => d.dismiss().catch(() => {}));
  const pending = [];
  page.on('response', (response) => {
    pending.push((async () => {
      const req = response.request();
      let body = null;
      try { body = await response.body(); } catch { /* redirect or no body */ }
      let sizes = null;
      try { sizes = await req.sizes(); } catch { /* unavailable */ }
      return {
        url: response.url(), status: response.status(), resourceType: req.resourceType(),
        contentType: response.headers()['content-type'] ?? '', contentEncoding: response.headers()['content-encoding'] ?? '',
        body, servedBody: sizes?.responseBodySize ?? null, headers: sizes?.responseHeadersSize ?? null,
      };
    })());
  });
  await page.addInitScript(instrument);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(base + PAGE_PATH, { waitUntil: 'commit', timeout: LOAD_TIMEOUT });
  await waitForCatalog(page, cdp);
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  await sleep(500);
  const responses = await Promise.all(pending);
  await context.close();

  const files = responses.map((r) => {
    const sizes = r.body ? compressed(r.body) : { raw: 0, gzip: 0, brotli: 0 };
    const key = fileKey(r.url);
    return { key, url: r.url, status: r.status, kind: kindOf(r.contentType, new URL(r.url).pathname), requestedBy: 'chromium',
      contentEncoding: r.contentEncoding || null, served: r.servedBody, headers: r.headers, ...sizes, _body: r.body };
  });

  // Declared by the document or the manifest but not asked for by headless Chromium (a phone's
  // browser fetches the manifest and its icons): fetched here so the total is complete.
  const seen = new Set(files.map((f) => new URL(f.url).pathname));
  const declared = new Set();
  const doc = files.find((f) => f.kind === 'html' && f._body);
  if (doc) {
    const html = doc._body.toString('utf8');
    for (const m of html.matchAll(/<link\b[^>]*>/g)) {
      const tag = m[0];
      const rel = /rel="([^"]+)"/.exec(tag)?.[1] ?? '';
      const href = /href="([^"]+)"/.exec(tag)?.[1];
      if (href && /\b(manifest|icon|apple-touch-icon)\b/.test(rel)) declared.add(new URL(href, base).pathname);
    }
  }
  const fetchDeclared = async (path) => {
    // A GET, so tried again once when the server closed a kept-alive connection under it.
    const get = () => fetch(base + path, { signal: AbortSignal.timeout(10_000) });
    const r = await get().catch((e) => { if (e.cause?.code === 'UND_ERR_SOCKET') return get(); throw e; });
    const body = Buffer.from(await r.arrayBuffer());
    return { key: fileKey(base + path), url: base + path, status: r.status, kind: kindOf(r.headers.get('content-type'), path),
      requestedBy: 'declared', contentEncoding: null, served: null, headers: null, ...compressed(body), _body: body };
  };
  const manifestPath = [...declared].find((p) => p.endsWith('.webmanifest') || p.endsWith('manifest.json'));
  for (const path of declared) if (!seen.has(path)) { files.push(await fetchDeclared(path)); seen.add(path); }
  const manifest = files.find((f) => manifestPath && new URL(f.url).pathname === manifestPath && f._body);
  if (manifest) {
    try {
      for (const icon of JSON.parse(manifest._body.toString('utf8')).icons ?? []) {
        const path = new URL(icon.src, base).pathname;
        if (!seen.has(path)) { files.push(await fetchDeclared(path)); seen.add(path); }
      }
    } catch { /* not JSON */ }
  }
  for (const f of files) delete f._body;
  return files;
}

export async function firstVisitWeight(browser, base, runs) {
  const visits = [];
  for (let i = 0; i < runs; i++) {
    visits.push(await oneVisit(browser, base));
    log(`first visit ${i + 1}/${runs}: ${visits.at(-1).length} responses`);
  }
  const keys = [...new Set(visits.flatMap((v) => v.map((f) => f.key)))];
  const files = keys.map((key) => {
    const of = visits.map((v) => v.filter((f) => f.key === key));
    const sum = (field) => stat(of.map((fs) => (fs.length && fs.some((f) => f[field] != null) ? fs.reduce((a, f) => a + (f[field] ?? 0), 0) : null)));
    const last = of.flat().at(-1);
    return { key, url: last.url, kind: last.kind, status: last.status, requestedBy: last.requestedBy,
      contentEncoding: last.contentEncoding, requestsPerVisit: stat(of.map((fs) => fs.length)),
      raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), served: sum('served') };
  });
  const total = (pred, field) => stat(visits.map((v) => v.filter(pred).reduce((a, f) => a + (f[field] ?? 0), 0)));
  const all = () => true, byChromium = (f) => f.requestedBy === 'chromium';
  return {
    page: PAGE_PATH, runs,
    files,
    requests: stat(visits.map((v) => v.filter(byChromium).length)),
    requestsInclDeclared: stat(visits.map((v) => v.length)),
    total: { raw: total(all, 'raw'), gzip: total(all, 'gzip'), brotli: total(all, 'brotli'), served: total(byChromium, 'served'), headers: total(byChromium, 'headers') },
    totalChromiumOnly: { raw: total(byChromium, 'raw'), gzip: total(byChromium, 'gzip'), brotli: total(byChromium, 'brotli') },
    byKind: Object.fromEntries([...new Set(files.map((f) => f.kind))].map((k) => [k, { raw: total((f) => f.kind === k, 'raw'), gzip: total((f) => f.kind === k, 'gzip'), brotli: total((f) => f.kind === k, 'brotli') }])),
  };
}

async function throttle(page, { offline = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline, latency: THROTTLING.latency,
    downloadThroughput: THROTTLING.downloadThroughput, uploadThroughput: THROTTLING.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuRate });
  return cdp;
}

async function timedLoad(page, base, { offline = false } = {}) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(instrument);
  const cdp = await throttle(page, { offline });
  await page.goto(base + PAGE_PATH, { waitUntil: 'commit', timeout: LOAD_TIMEOUT });
  await waitForCatalog(page, cdp);
  await sleep(1000); // let a late LCP candidate (a card painted after the heading) be reported
  const m = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    return {
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      lcp: window.__bench.lcp, lcpElement: window.__bench.lcpElement, shown: window.__bench.shown,
      visible: window.__bench.visible, visibleDom: window.__bench.visibleDom,
      ttfb: nav?.responseStart ?? null, domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      transferred: (nav?.transferSize ?? 0) + res.reduce((a, r) => a + (r.transferSize ?? 0), 0),
      fromServiceWorker: [nav, ...res].filter((e) => e?.workerStart > 0).length,
      cards: document.querySelectorAll('.card').length,
    };
  });
  return { ...m, errors };
}

export async function loadTimings(browser, base, runs) {
  const cold = [], warm = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(PHONE);
    const first = await context.newPage();
    cold.push(await timedLoad(first, base));
    await first.close();
    const second = await context.newPage();
    warm.push(await timedLoad(second, base));
    await context.close();
    const f = (x) => (x == null ? '–' : Math.round(x));
    log(`browser run ${i + 1}/${runs}: cold LCP ${f(cold.at(-1).lcp)} ms, visible ${f(cold.at(-1).visible)} ms; warm LCP ${f(warm.at(-1).lcp)} ms, visible ${f(warm.at(-1).visible)} ms`);
  }
  const summarise = (loads) => ({
    fcp: stat(loads.map((l) => l.fcp)), lcp: stat(loads.map((l) => l.lcp)), shown: stat(loads.map((l) => l.shown)), visible: stat(loads.map((l) => l.visible)),
    ttfb: stat(loads.map((l) => l.ttfb)), domContentLoaded: stat(loads.map((l) => l.domContentLoaded)),
    transferred: stat(loads.map((l) => l.transferred)),
    lcpElements: [...new Set(loads.map((l) => l.lcpElement))], cards: stat(loads.map((l) => l.cards)),
    errors: loads.flatMap((l) => l.errors),
  });
  return { page: PAGE_PATH, runs, phone: PHONE, throttling: THROTTLING, cold: summarise(cold), warm: summarise(warm) };
}

/**
 * Repeat visits with Relais's service worker in control (app/offline/sw.js), under the same
 * phone throttling: online (pages and data from the device, refreshed behind) and offline
 * (the context's network cut). Each run: a first visit, the worker installed (its precache
 * done), a second visit under it that keeps the catalog's data, then the timed visits; and
 * what the device then stores for Relais (Cache Storage and IndexedDB, by
 * `navigator.storage.estimate()`, and the caches' bodies summed).
 */
export async function serviceWorkerTimings(browser, base, runs) {
  const repeat = [], offline = [], storage = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(PHONE);
    const first = await context.newPage();
    await first.goto(base + PAGE_PATH, { timeout: LOAD_TIMEOUT });
    await first.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: LOAD_TIMEOUT });
    await first.reload({ timeout: LOAD_TIMEOUT });
    await first.waitForFunction(() => !document.getElementById('shell'), null, { timeout: LOAD_TIMEOUT });
    await sleep(1000);
    await first.close();
    const online = await context.newPage();
    repeat.push(await timedLoad(online, base));
    storage.push(await online.evaluate(async () => {
      const estimate = await navigator.storage.estimate();
      const caches_ = {};
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        let bytes = 0, entries = 0;
        for (const request of await cache.keys()) {
          bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
          entries++;
        }
        caches_[name.replace(/-[0-9a-f]{16}$/, '-[version]').replace(/-http[^-]*-/, '-')] = { bytes, entries };
      }
      return { usage: estimate.usage, caches: caches_, bodies: Object.values(caches_).reduce((a, c) => a + c.bytes, 0) };
    }));
    await online.close();
    await context.setOffline(true);
    const cut = await context.newPage();
    offline.push(await timedLoad(cut, base, { offline: true }));
    await context.close();
    const f = (x) => (x == null ? '–' : Math.round(x));
    log(`service worker run ${i + 1}/${runs}: repeat LCP ${f(repeat.at(-1).lcp)} ms, visible ${f(repeat.at(-1).visible)} ms; offline LCP ${f(offline.at(-1).lcp)} ms, visible ${f(offline.at(-1).visible)} ms; stored ${storage.at(-1).usage} B`);
  }
  const summarise = (loads) => ({
    fcp: stat(loads.map((l) => l.fcp)), lcp: stat(loads.map((l) => l.lcp)), shown: stat(loads.map((l) => l.shown)), visible: stat(loads.map((l) => l.visible)),
    ttfb: stat(loads.map((l) => l.ttfb)), transferred: stat(loads.map((l) => l.transferred)),
    fromServiceWorker: stat(loads.map((l) => l.fromServiceWorker)),
    lcpElements: [...new Set(loads.map((l) => l.lcpElement))], cards: stat(loads.map((l) => l.cards)),
    errors: loads.flatMap((l) => l.errors),
  });
  return {
    page: PAGE_PATH, runs, phone: PHONE, throttling: THROTTLING, repeat: summarise(repeat), offline: summarise(offline),
    storage: { usage: stat(storage.map((s) => s.usage)), bodies: stat(storage.map((s) => s.bodies)), caches: storage.at(-1)?.caches ?? {} },
  };
}
