// Debian's Chromium driven by playwright-core: no browser download, no outside network.
// Lighthouse runs from its own command line, on the same Chromium.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { sql } from '../tests/state.mjs';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
export const PHONE = { width: 390, height: 844 };

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
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
 * Runs Lighthouse on `url` in its own Chromium (a phone's, or a desktop's with `desktop`),
 * writes its JSON report to `out` and returns it. `cookie` is sent with every request, as a
 * signed-in browser sends its session; `audits` adds audits outside `categories`.
 */
export function lighthouse(url, out, { desktop = false, cookie, categories, audits }) {
  execFileSync('lighthouse', [
    url, '--quiet', '--output=json', `--output-path=${out}`,
    ...(desktop ? ['--preset=desktop'] : []),
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
    `--only-categories=${categories.join(',')}`,
    ...(audits ? [`--only-audits=${audits.join(',')}`] : []),
    // Screenshots would make the kept report a megabyte; the scores do not need them.
    '--skip-audits=full-page-screenshot,screenshot-thumbnails,final-screenshot', '--disable-full-page-screenshot',
    '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
  ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'] });
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** Lighthouse's gates: accessibility and best practices score at least 95, and no CSP violation logged. */
export function assertLighthouseGates(report) {
  const score = (c) => Math.round(report.categories[c].score * 100);
  const failing = (c) => report.categories[c].auditRefs
    .map((r) => report.audits[r.id]).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
    .map((a) => a.id);
  assert.ok(score('accessibility') >= 95, `accessibility ${score('accessibility')}: ${failing('accessibility')}`);
  assert.ok(score('best-practices') >= 95, `best practices ${score('best-practices')}: ${failing('best-practices')}`);
  const logged = (report.audits['errors-in-console'].details?.items ?? []).map((i) => i.description ?? '');
  assert.deepEqual(logged.filter((d) => /Content Security Policy/i.test(d)), [], 'no CSP violation');
}
