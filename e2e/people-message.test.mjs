// Writing to the list a filter keeps, on a phone, in French: a coordinator filters an
// edition's people to those in one region, follows « Écrire aux personnes de cette liste »,
// finds the message page narrowed to that list with the filter in words and its count, sends,
// and only those people get the message; unticked, the list widens back to everyone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE, PHONE, appReady, launch, watchCsp } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const COORDINATOR = { id: 'acc-listmsg-e2e', email: 'coordination@e2e-listmsg.example.org', password: 'a list message passphrase', name: 'Coordination Liste' };
const OFFERING = 'e2e-listmsg-offering';
const EDITION = 'e2e-listmsg-edition';
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
// id, name, lang, region, status
const PEOPLE = [
  ['e2e-listmsg-r1', 'Zoé Lefèvre', 'fr', 'Québec', 'confirmed'],
  ['e2e-listmsg-r2', 'Kwame Mensah', 'en', 'Ghana', 'confirmed'],
  ['e2e-listmsg-r3', 'Éloïse Tremblay', 'fr', 'quebec', 'waitlisted'],
  ['e2e-listmsg-r4', 'Ana Souza', 'en', 'Québec', 'cancelled'],
];
let browser;

function cleanUp() {
  sql(`DELETE FROM outbox WHERE edition_id = ${q(EDITION)};
       DELETE FROM announcement WHERE edition_id = ${q(EDITION)};
       DELETE FROM registration_event WHERE edition_id = ${q(EDITION)};
       DELETE FROM registration WHERE edition_id = ${q(EDITION)};
       DELETE FROM edition WHERE id = ${q(EDITION)};
       DELETE FROM offering WHERE id = ${q(OFFERING)};
       DELETE FROM account WHERE id = ${q(COORDINATOR.id)};`);
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  cleanUp();
  sql(staffSql({ ...COORDINATOR, networks: ['hub'] }));
  const people = PEOPLE.map(([id, name, lang, region, status], i) =>
    `(${q(id)}, ${q(EDITION)}, ${q(`${id}@example.org`)}, ${q(name)}, ${q(lang)}, 'America/Montreal', ${q(region)}, '{}', ${q(status)}, ${i + 1}, '2026-10-15T15:30:00Z', '2026-10-15T15:30:00Z')`).join(',\n');
  sql(`INSERT INTO offering (id, kind, title, summary, description, format, network_id, state)
         VALUES (${q(OFFERING)}, 'workshop', '{"fr":"Atelier de la liste","en":"List workshop"}', '{}', '{}', 'online', 'hub', 'draft');
       INSERT INTO edition (id, offering_id, registration_mode, capacity, format, state, starts_at, ends_at)
         VALUES (${q(EDITION)}, ${q(OFFERING)}, 'open', 2, 'online', 'draft', '2027-03-02T23:00:00Z', '2027-03-03T00:30:00Z');
       INSERT INTO registration (id, edition_id, email, name, lang, zone, region, answers, status, arrival, consented_at, created_at)
       VALUES ${people};`);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  cleanUp();
});

const plain = (s) => (s ?? '').replace(/[\u2068\u2069]/g, '').replace(/[\u00a0\u202f]/g, ' ').trim();

test('on a phone, in French: the people of one region filtered, then written to, and only they get the message', async () => {
  const context = await browser.newContext({
    viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'fr-CA', timezoneId: 'America/Toronto',
  });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`${BASE}/fr/dashboard`);
  await appReady(page);
  await page.getByLabel('Courriel').fill(COORDINATOR.email);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await page.locator('.dash-bar').waitFor();

  await page.goto(`${BASE}/fr/dashboard/editions/${EDITION}/people?region=Qu%C3%A9bec`);
  await appReady(page);
  await page.locator('.people-shown', { hasText: /3 personnes affichées sur 4/ }).waitFor();
  await page.getByRole('link', { name: 'Écrire aux personnes de cette liste' }).tap();
  await page.waitForURL(new RegExp(`/fr/dashboard/editions/${EDITION}/message\\?region=Qu`));
  await page.getByRole('heading', { level: 1, name: 'Écrire aux inscrit·es' }).waitFor();
  await appReady(page);

  // Narrowed to the list, said in words; Ana cancelled, so two of the three are reached.
  const narrowed = page.getByLabel('Seulement les personnes de la liste filtrée (Pays ou région : Québec)');
  assert.equal(await narrowed.isChecked(), true);
  const count = page.locator('#f-audience-count');
  await page.waitForFunction(() => /2 personnes recevront/.test(document.querySelector('#f-audience-count')?.textContent ?? ''));
  // Unticked, everyone still registered; ticked again, the list.
  await narrowed.uncheck();
  await page.waitForFunction(() => /3 personnes recevront/.test(document.querySelector('#f-audience-count')?.textContent ?? ''));
  await narrowed.check();
  await page.waitForFunction(() => /2 personnes recevront/.test(document.querySelector('#f-audience-count')?.textContent ?? ''));
  assert.match(plain(await count.textContent()), /^2 personnes recevront ce message\.$/);

  await page.getByLabel('Objet — français', { exact: true }).fill('Covoiturage depuis Québec');
  await page.getByLabel('Objet — anglais', { exact: true }).fill('Carpooling from Québec');
  await page.getByLabel('Texte — français', { exact: true }).fill('On part de la gare du Palais à 7 h.');
  await page.getByLabel('Texte — anglais', { exact: true }).fill('We leave from the Palais station at 7 a.m.');
  await page.getByRole('button', { name: 'Relire avant l’envoi' }).tap();
  const confirm = page.locator('#message-confirm');
  await confirm.waitFor();
  await page.screenshot({ path: `${ARTIFACTS}people-message-phone.png`, fullPage: true });
  await confirm.getByRole('button', { name: 'Envoyer maintenant' }).tap();
  await page.locator('#message-sent:not([hidden])').waitFor();

  const reached = sql(`SELECT r.name FROM outbox o JOIN registration r ON r.id = o.registration_id
    WHERE o.edition_id = ${q(EDITION)} AND o.kind = 'announcement' ORDER BY r.name`).map((r) => r.name);
  assert.deepEqual(reached, ['Zoé Lefèvre', 'Éloïse Tremblay']);
  const [record] = sql(`SELECT filter FROM announcement WHERE edition_id = ${q(EDITION)}`);
  assert.deepEqual(JSON.parse(record.filter), { region: 'Québec' });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `nothing wider than the phone: ${wide}px`);
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, []);
  await context.close();
});
