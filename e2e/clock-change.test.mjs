// A weekly series that crosses daylight-saving changes warns the reader at the session where
// their clock time shifts. No demo series crosses one, so this test loads its own: migrations
// and a one-offering catalog (written for the demo loader, dated from today) into a
// throw-away state, served by its own local stack (workerd with D1 and KV, through wrangler).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetch } from '../tests/client.mjs';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHONE, launch } from './browser.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
const PORT = Number(process.env.CLOCK_TEST_PORT ?? 8797);
const BASE = `http://127.0.0.1:${PORT}`;
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const ID = 'weekly-across-clock-changes';
// Thirty Tuesdays from next week: any thirty weeks hold a change in both zones below.
const WEEKS = 30;

let dir;
let server;
let browser;

/** The series in the demo loader's format: weekly, 14:00–15:30 on the organiser's clock. */
function catalogToml() {
  const sessions = Array.from({ length: WEEKS }, (_, i) => `
[[offering.edition.session]]
in_weeks = ${i + 1}
weekday = "tue"
start = "14:00:00"
end = "15:30:00"
`).join('');
  return `
[[offering]]
id = "${ID}"
kind = "training_series"
format = "online"
languages = ["fr", "en"]
title.fr = "Série hebdomadaire à travers les changements d’heure"
title.en = "A weekly series across clock changes"
summary.fr = "Trente mardis de suite, à 14 h à Montréal."
summary.en = "Thirty Tuesdays in a row, at 2 PM in Montréal."
description.fr = "Une série de test."
description.en = "A test series."

[[offering.edition]]
id = "${ID}-cohort"
registration_mode = "none"
zone = "America/Toronto"
${sessions}`;
}

function run(command, args) {
  return execFileSync(command, args, { cwd: ROOT, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relais-clock-'));
  const state = join(dir, 'state');
  writeFileSync(join(dir, 'catalog.toml'), catalogToml());
  run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state]);
  writeFileSync(join(dir, 'catalog.sql'), run('cargo', ['run', '-q', '-p', 'relais-seed', '--', '--file', join(dir, 'catalog.toml')]));
  run(WRANGLER, ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--file', join(dir, 'catalog.sql')]);
  const config = process.env.RELAIS_WRANGLER_CONFIG ? ['--config', process.env.RELAIS_WRANGLER_CONFIG] : [];
  server = spawn(WRANGLER, ['dev', ...config, '--local', '--ip', '127.0.0.1', '--port', String(PORT), '--persist-to', state,
    '--show-interactive-dev-session=false'], { cwd: ROOT, stdio: 'ignore', detached: true });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (server) process.kill(-server.pid, 'SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("a series crossing clock changes says, at the right sessions, that its time moves for the reader", { timeout: 240_000 }, async () => {
  for (const [reader, lang, locale] of [['Europe/Paris', 'fr', 'fr-FR'], ['Africa/Lagos', 'en', 'en-GB']]) {
    const api = await (await fetch(`${BASE}/api/offerings/${ID}?lang=${lang}&tz=${encodeURIComponent(reader)}`)).json();
    const sessions = api.upcoming_editions[0].sessions;
    assert.equal(sessions.length, WEEKS);

    // Where the reader's clock time moves from one session to the next, by the browser's own
    // zone rules (Intl), independent of the API's offsets.
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: reader, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const times = sessions.map((s) => clock.format(new Date(s.starts_at)));
    const shifts = times.flatMap((t, i) => (i > 0 && t !== times[i - 1] ? [{ index: i, now: t, before: times[i - 1] }] : []));
    assert.ok(shifts.length >= 1, `${reader}: thirty weeks cross a change (${times.join(' ')})`);

    const context = await browser.newContext({ viewport: PHONE, isMobile: true, locale, timezoneId: reader });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${BASE}/${lang}/offerings/${ID}`);
    await page.locator('ol.sessions > li').first().waitFor();
    const items = page.locator('ol.sessions > li');
    assert.equal(await items.count(), WEEKS);
    // Spaces as plain spaces: French writes « 19 h » with a no-break space.
    const notes = await items.evaluateAll((lis) => lis.map((li) => li.querySelector('.clock-shift')?.textContent.replace(/\s/g, ' ') ?? null));
    const noted = notes.flatMap((n, i) => (n ? [i] : []));
    assert.deepEqual(noted, shifts.map((s) => s.index), `${reader}: notes at the sessions that move`);

    // Each note names the new and the old time as the language writes them.
    const spoken = (hhmm) => {
      const [h, m] = hhmm.split(':').map(Number);
      if (lang === 'fr') return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
      const hour = h % 12 === 0 ? 12 : h % 12;
      return `${hour}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
    };
    for (const shift of shifts) {
      const note = notes[shift.index];
      assert.ok(note.includes(spoken(shift.now)) && note.includes(spoken(shift.before)),
        `${reader}: "${note}" says ${spoken(shift.now)}, not ${spoken(shift.before)}`);
      assert.equal(await items.nth(shift.index).locator('.clock-shift').getAttribute('role'), 'note');
    }
    await items.nth(shifts[0].index).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}clock-change-${lang}.png` });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
