// Debian's Chromium driven by playwright-core: no browser download, no outside network.
// Lighthouse runs on the same Chromium, through its Node interface.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { sql } from '../tests/state.mjs';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
export const PHONE = { width: 390, height: 844 };

/**
 * How long a page's wait may last, and how long a page's load may take before it is loaded
 * again. `wrangler dev` now and then never finishes one of the static files a page asks for
 * at once (the app's JS, wasm or CSS): its log shows the request answered only when the
 * browser gave up (`GET /app-….js 200 OK (90311ms)`), on requests the Worker never sees.
 * Seen in single runs since, more often with two stacks side by side on two cores; not
 * reproduced with curl, and it is the dev server's, not Relais's (the Worker is not
 * involved). So a `page.goto` whose load has not come in `STALL_MS` is loaded once more,
 * saying so in the output; `scripts/test` lists every request the stacks took 5 s or more
 * to answer at the end of the run, so each stall stays in sight.
 */
export const WAIT_MS = 90_000;
const STALL_MS = 30_000;

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(WAIT_MS);
    context.setDefaultNavigationTimeout(WAIT_MS);
    const newPage = context.newPage.bind(context);
    context.newPage = async () => loadedAgainWhenStalled(await newPage());
    return context;
  };
  return browser;
}

/** `page`, whose `goto` loads the address once more when its load stalls (see `STALL_MS`). */
function loadedAgainWhenStalled(page) {
  const goto = page.goto.bind(page);
  page.goto = async (url, options = {}) => {
    if (options.timeout !== undefined) return goto(url, options);
    try {
      return await goto(url, { ...options, timeout: STALL_MS });
    } catch (error) {
      if (error?.name !== 'TimeoutError') throw error;
      console.warn(`# ${url}: not loaded after ${STALL_MS / 1000} s (a file the local stack holds); loading it again`);
      return goto(url, options);
    }
  };
  return page;
}

/**
 * Waits until the app has taken over from index.html's shell (which, on catalog pages, holds
 * the catalog as the Worker wrote it) and has nothing left loading.
 */
export async function appReady(page) {
  await page.waitForFunction(() => !document.getElementById('shell') && !document.querySelector('.loading'));
}

/**
 * Whether the element `locator` names holds the focus, waiting up to `timeout` ms for it to:
 * the app moves the focus on the frame after it renders, not in the click itself.
 */
export async function takesFocus(locator, timeout = 5000) {
  const element = await locator.elementHandle();
  try {
    await locator.page().waitForFunction((el) => el === document.activeElement, element, { timeout });
    return true;
  } catch {
    return false;
  }
}

/**
 * Collects into `found` every Content-Security-Policy violation in any page of `context`:
 * what the page reports (`securitypolicyviolation`) and what Chromium logs ("Refused to …").
 * A page that works only because the policy is loose, or breaks because it is too strict,
 * shows up here.
 */
export async function watchCsp(context, found = []) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'an inline script or style'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on('console', (message) => {
    if (/CSP violation|Content Security Policy/i.test(message.text())) {
      found.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
    }
  });
  return found;
}

/** A phone-sized page in a new context of `browser`, collecting the page's errors and CSP violations. */
export async function phone(browser, options) {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, ...options });
  const errors = [];
  await watchCsp(context, errors);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/**
 * The network that runs `offering` (id and name): the demo catalog's, or one made here while
 * the demo gives offerings none. `made` says the catalog changed: public answers from before
 * may stay in the Worker's memory for 15 s (edge/src/cache.rs).
 */
export function networkOf(offering) {
  const query = `SELECT n.id, n.name FROM offering o JOIN network n ON n.id = o.network_id WHERE o.id = '${offering}'`;
  const [found] = sql(query);
  if (found) return { ...found, made: false };
  sql(`INSERT OR IGNORE INTO network (id, name, description, url, created_at) VALUES ('ggsn', 'Global Grassroots Support Network (GGSN)',
       '{"fr": "Une communauté de pratique.", "en": "A community of practice."}', 'https://blueprintsfc.org', '2026-01-01T00:00:00Z');
       UPDATE offering SET network_id = 'ggsn' WHERE id = '${offering}';`);
  return { ...sql(query)[0], made: true };
}

/** Where a test leaves what it produced for people to look at (screenshots, reports): not kept. */
export function artifact(name) {
  const dir = new URL('./artifacts/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  return dir + name;
}

/**
 * Runs Lighthouse on `url` (as a phone, or as a desktop with `desktop`), writes its JSON report
 * to `out` and returns it. `cookie` is sent with every request, as a signed-in browser sends
 * its session; `audits` adds audits outside `categories`. Every run of a test file shares one
 * Chromium, each in a new tab on storage Lighthouse clears first: starting a browser and
 * Lighthouse's command line for each run cost twice the audit itself.
 */
export async function lighthouse(url, out, { desktop = false, cookie, categories, audits }) {
  const { default: run, desktopConfig } = await import('lighthouse');
  const flags = {
    port: await lighthouseBrowser(), output: 'json', logLevel: 'error',
    onlyCategories: categories, ...(audits ? { onlyAudits: audits } : {}),
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    // Screenshots would make the kept report a megabyte; the scores do not need them.
    skipAudits: ['full-page-screenshot', 'screenshot-thumbnails', 'final-screenshot'], disableFullPageScreenshot: true,
  };
  let result = await run(url, flags, desktop ? desktopConfig : undefined);
  // A page whose stylesheet or script the local stack holds (see `STALL_MS`) never paints:
  // Lighthouse gives up at its first paint's deadline (`NO_FCP`) and scores nothing. Such a
  // run is made once more, saying so, as `page.goto` does; a second stall fails the gates.
  const stalled = result.lhr.runtimeError;
  if (stalled) {
    console.warn(`# Lighthouse on ${url}: ${stalled.code} (${stalled.message.trim()}); running it again`);
    result = await run(url, flags, desktop ? desktopConfig : undefined);
  }
  writeFileSync(out, result.report);
  return result.lhr;
}

// The debugging port of the Chromium Lighthouse drives, started at the first run and stopped
// when the test file's process ends.
let lighthousePort;
async function lighthouseBrowser() {
  if (lighthousePort) return lighthousePort;
  const profile = mkdtempSync(join(tmpdir(), 'relais-lighthouse-'));
  const browser = spawn(process.env.CHROMIUM ?? '/usr/bin/chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  process.on('exit', () => {
    browser.kill('SIGKILL');
    // Its helpers may still be writing as they go: a profile left in /tmp fails no test.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    } catch {}
  });
  browser.unref();
  lighthousePort = await new Promise((resolve, reject) => {
    let said = '';
    browser.stderr.on('data', (chunk) => {
      if (said === null) return;
      said += chunk;
      const port = said.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//)?.[1];
      if (port) {
        said = null;
        resolve(Number(port));
      }
    });
    browser.on('exit', (code) => reject(new Error(`Chromium stopped (${code}) before listening: ${said}`)));
  });
  // Chromium's later logs are read and dropped, and hold the process open no longer than the tests.
  browser.stderr.unref();
  return lighthousePort;
}

/** Lighthouse's gates: accessibility and best practices score at least 95, and no CSP violation logged. */
export function assertLighthouseGates(report) {
  assert.equal(report.runtimeError, undefined, `Lighthouse could not audit the page: ${report.runtimeError?.message}`);
  const score = (c) => Math.round(report.categories[c].score * 100);
  const failing = (c) => report.categories[c].auditRefs
    .map((r) => report.audits[r.id]).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
    .map((a) => a.id);
  assert.ok(score('accessibility') >= 95, `accessibility ${score('accessibility')}: ${failing('accessibility')}`);
  assert.ok(score('best-practices') >= 95, `best practices ${score('best-practices')}: ${failing('best-practices')}`);
  const logged = (report.audits['errors-in-console'].details?.items ?? []).map((i) => i.description ?? '');
  assert.deepEqual(logged.filter((d) => /Content Security Policy/i.test(d)), [], 'no CSP violation');
}
