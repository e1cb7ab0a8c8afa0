// The waiting list in order, moved by keyboard, in English: a coordinator opens an edition's
// people filtered to those waiting, reads each one's place in line, moves the first down
// and the last up with the keyboard alone; the list follows, the focus stays on the button
// pressed (or its pair at an end), the move is announced, and the person's history says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE, appReady, launch, watchCsp } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const COORDINATOR = { id: 'acc-line-e2e', email: 'coordination@e2e-line.example.org', password: 'a line passphrase', name: 'Line coordination' };
const OFFERING = 'e2e-line-offering';
const EDITION = 'e2e-line-edition';
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
// id, name, status, arrival
const PEOPLE = [
  ['e2e-line-r1', 'Zoé Lefèvre', 'confirmed', 1],
  ['e2e-line-r2', 'Kwame Mensah', 'waitlisted', 2],
  ['e2e-line-r3', 'Ana Souza', 'waitlisted', 3],
  ['e2e-line-r4', 'Émile Dubois', 'waitlisted', 4],
];
let browser;

function cleanUp() {
  sql(`DELETE FROM registration_event WHERE edition_id = ${q(EDITION)};
       DELETE FROM outbox WHERE edition_id = ${q(EDITION)};
       DELETE FROM registration WHERE edition_id = ${q(EDITION)};
       DELETE FROM edition WHERE id = ${q(EDITION)};
       DELETE FROM offering WHERE id = ${q(OFFERING)};
       DELETE FROM account WHERE id = ${q(COORDINATOR.id)};`);
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  cleanUp();
  sql(staffSql({ ...COORDINATOR, networks: ['hub'] }));
  const people = PEOPLE.map(([id, name, status, arrival]) =>
    `(${q(id)}, ${q(EDITION)}, ${q(`${id}@example.org`)}, ${q(name)}, 'en', 'Africa/Accra', '', '{}', ${q(status)}, ${arrival}, '2026-10-15T15:30:00Z', '2026-10-15T15:30:00Z')`).join(',\n');
  sql(`INSERT INTO offering (id, kind, title, summary, description, format, network_id, state)
         VALUES (${q(OFFERING)}, 'workshop', '{"fr":"Atelier de la file","en":"Line workshop"}', '{}', '{}', 'online', 'hub', 'draft');
       INSERT INTO edition (id, offering_id, registration_mode, capacity, format, state, starts_at, ends_at)
         VALUES (${q(EDITION)}, ${q(OFFERING)}, 'open', 1, 'online', 'draft', '2027-03-02T23:00:00Z', '2027-03-03T00:30:00Z');
       INSERT INTO registration (id, edition_id, email, name, lang, zone, region, answers, status, arrival, consented_at, created_at)
       VALUES ${people};`);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  cleanUp();
});

const plain = (s) => (s ?? '').replace(/[\u2068\u2069]/g, '').replace(/[\u00a0\u202f]/g, ' ').trim();

/** The names in the list, in its order, and each one's place. */
async function line(page) {
  const cards = page.locator('li.person');
  const names = (await cards.locator('h3').allTextContents()).map(plain);
  const places = (await cards.locator('.line-place').allTextContents()).map(plain);
  return names.map((name, i) => `${name}: ${places[i]}`);
}

/** Presses Tab until the focused element's accessible text is `name`. */
async function tabTo(page, name) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = plain(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    if (focused === name) return;
  }
  assert.fail(`Tab never reached “${name}”`);
}

test('in English, by keyboard: the waiting list in order, moved one place at a time, the focus kept', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-CA', timezoneId: 'America/Toronto' });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`${BASE}/en/dashboard`);
  await appReady(page);
  await page.getByLabel('Email').fill(COORDINATOR.email);
  await page.getByLabel('Password').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.dash-bar').waitFor();

  await page.goto(`${BASE}/en/dashboard/editions/${EDITION}/people?status=waitlisted`);
  await appReady(page);
  await page.locator('li.person').first().waitFor();
  assert.deepEqual(await line(page), [
    'Kwame Mensah: Waiting list: position 1 of 3',
    'Ana Souza: Waiting list: position 2 of 3',
    'Émile Dubois: Waiting list: position 3 of 3',
  ]);
  // At the ends, the move that would leave the line is not offered.
  assert.equal(await page.getByRole('button', { name: 'Move up — Kwame Mensah' }).isDisabled(), true);
  assert.equal(await page.getByRole('button', { name: 'Move down — Émile Dubois' }).isDisabled(), true);

  // Kwame down, by keyboard: he changes places with Ana, and the focus stays on his button.
  await page.locator('h1').focus();
  await tabTo(page, '↓ Move down — Kwame Mensah');
  await page.keyboard.press('Enter');
  await page.locator('li.person h3').first().filter({ hasText: 'Ana Souza' }).waitFor();
  assert.deepEqual(await line(page), [
    'Ana Souza: Waiting list: position 1 of 3',
    'Kwame Mensah: Waiting list: position 2 of 3',
    'Émile Dubois: Waiting list: position 3 of 3',
  ]);
  await page.waitForFunction(() => document.activeElement?.id === 'move-down-e2e-line-r2');
  assert.equal(plain(await page.getByRole('status').filter({ hasText: 'now in position' }).textContent()),
    'Kwame Mensah is now in position 2 on the waiting list.');

  // Émile up twice, with Space: to the front, where the focus goes to his other button.
  await tabTo(page, '↑ Move up — Émile Dubois');
  await page.keyboard.press('Space');
  await page.locator('li.person h3').nth(1).filter({ hasText: 'Émile Dubois' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'move-up-e2e-line-r4');
  await page.keyboard.press('Space');
  await page.locator('li.person h3').first().filter({ hasText: 'Émile Dubois' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'move-down-e2e-line-r4');
  assert.deepEqual(await line(page), [
    'Émile Dubois: Waiting list: position 1 of 3',
    'Ana Souza: Waiting list: position 2 of 3',
    'Kwame Mensah: Waiting list: position 3 of 3',
  ]);
  await page.screenshot({ path: `${ARTIFACTS}waitlist-desktop-en.png`, fullPage: true });

  // The server holds the same line, and each person moved has it in their history.
  const held = sql(`SELECT id FROM registration WHERE edition_id = ${q(EDITION)} AND status = 'waitlisted' ORDER BY arrival`).map((r) => r.id);
  assert.deepEqual(held, ['e2e-line-r4', 'e2e-line-r3', 'e2e-line-r2']);
  const moved = sql(`SELECT DISTINCT registration_id FROM registration_event WHERE edition_id = ${q(EDITION)} AND kind = 'moved' ORDER BY registration_id`);
  assert.deepEqual(moved.map((r) => r.registration_id), ['e2e-line-r2', 'e2e-line-r3', 'e2e-line-r4']);
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, []);
  await context.close();
});
