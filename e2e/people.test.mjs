// The people behind an edition, on a phone at the door, in French: a coordinator opens an
// edition's people page from its editor, filters it, takes a session's attendance by tapping
// (the count changes with each tap, and the marks are there when the page is opened again),
// then downloads the CSV and finds what the page showed, with accents, semicolons and times
// on the phone's clock; filtered by zone, the file holds the people the page shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { BASE, PHONE, appReady, launch, watchCsp } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const COORDINATOR = { id: 'acc-people-e2e', email: 'coordination@e2e-people.example.org', password: 'a people passphrase', name: 'Coordination Personnes' };
const OFFERING = 'e2e-people-offering';
const EDITION = 'e2e-people-edition';
const SESSION = 'e2e-people-s1';
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
// id, name, lang, zone, region, status, answers, created_at
const PEOPLE = [
  ['e2e-people-r1', 'Zoé Lefèvre', 'fr', 'America/Montreal', 'Québec', 'confirmed', { motivation: 'La solidarité de quartier' }, '2026-10-15T15:30:00Z'],
  ['e2e-people-r2', 'Émile Dubois', 'fr', 'Europe/Paris', 'France', 'confirmed', { motivation: 'Apprendre' }, '2026-10-16T15:30:00Z'],
  ['e2e-people-r3', 'Kwame Mensah', 'en', 'Africa/Accra', 'Ghana', 'waitlisted', { motivation: 'Learn' }, '2026-10-17T15:30:00Z'],
  ['e2e-people-r4', 'Ana Souza', 'en', 'America/Sao_Paulo', 'Brésil', 'cancelled', {}, '2026-10-18T15:30:00Z'],
];
let browser;

function cleanUp() {
  sql(`DELETE FROM attendance WHERE session_id = ${q(SESSION)};
       DELETE FROM registration_event WHERE edition_id = ${q(EDITION)};
       DELETE FROM outbox WHERE edition_id = ${q(EDITION)};
       DELETE FROM registration WHERE edition_id = ${q(EDITION)};
       DELETE FROM session WHERE edition_id = ${q(EDITION)};
       DELETE FROM edition WHERE id = ${q(EDITION)};
       DELETE FROM offering WHERE id = ${q(OFFERING)};
       DELETE FROM account WHERE id = ${q(COORDINATOR.id)};`);
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  cleanUp();
  sql(staffSql({ ...COORDINATOR, networks: ['hub'] }));
  const questions = [{ id: 'motivation', label: { fr: 'Pourquoi venir ?', en: 'Why come?' }, required: true }];
  const people = PEOPLE.map(([id, name, lang, zone, region, status, answers, created], i) =>
    `(${q(id)}, ${q(EDITION)}, ${q(`${id}@example.org`)}, ${q(name)}, ${q(lang)}, ${q(zone)}, ${q(region)}, ${q(JSON.stringify(answers))}, ${q(status)}, ${i + 1}, ${q(created)}, ${q(created)})`).join(',\n');
  sql(`INSERT INTO offering (id, kind, title, summary, description, format, network_id, state)
         VALUES (${q(OFFERING)}, 'workshop', '{"fr":"Atelier de la porte","en":"Door workshop"}', '{}', '{}', 'online', 'hub', 'draft');
       INSERT INTO edition (id, offering_id, registration_mode, capacity, format, questions, state, starts_at, ends_at)
         VALUES (${q(EDITION)}, ${q(OFFERING)}, 'open', 10, 'online', ${q(JSON.stringify(questions))}, 'draft', '2027-03-02T23:00:00Z', '2027-03-03T00:30:00Z');
       INSERT INTO session (id, edition_id, starts_at, ends_at, zone)
         VALUES (${q(SESSION)}, ${q(EDITION)}, '2027-03-02T23:00:00Z', '2027-03-03T00:30:00Z', 'America/Toronto');
       INSERT INTO registration (id, edition_id, email, name, lang, zone, region, answers, status, arrival, consented_at, created_at)
       VALUES ${people};`);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  cleanUp();
});

// Fluent may wrap placeables in isolation marks, and French puts no-break spaces before « : ».
const plain = (s) => (s ?? '').replace(/[\u2068\u2069]/g, '').replace(/[\u00a0\u202f]/g, ' ').trim();

/** Waits until the live count reads `expected`. */
async function countReads(page, expected) {
  await page.waitForFunction((want) => {
    const text = document.querySelector('.attendance-count')?.textContent ?? '';
    return text.replace(/[\u2068\u2069]/g, '').replace(/[\u00a0\u202f]/g, ' ').trim() === want;
  }, expected);
}

test('at the door on a phone: filter the people, tap each one’s attendance, see the count, download the list', async () => {
  const context = await browser.newContext({
    viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale: 'fr-CA', timezoneId: 'America/Toronto', acceptDownloads: true,
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

  // From the edition's editor to its people.
  await page.goto(`${BASE}/fr/dashboard/editions/${EDITION}`);
  await appReady(page);
  await page.getByRole('link', { name: 'Personnes et présences' }).tap();
  await page.waitForURL(new RegExp(`/fr/dashboard/editions/${EDITION}/people$`));
  await page.getByRole('heading', { level: 1, name: /Personnes inscrites — Atelier de la porte/ }).waitFor();
  await appReady(page);
  assert.equal(plain(await page.locator('.people-shown').textContent()), '4 personnes affichées sur 4');
  const zoe = page.locator('li.person', { hasText: 'Zoé Lefèvre' });
  assert.equal(plain(await zoe.locator('dt').first().textContent()), 'Pourquoi venir ?');
  assert.equal(plain(await zoe.locator('dd').first().textContent()), 'La solidarité de quartier');
  const byRegion = page.locator('.people-count', { has: page.getByRole('heading', { name: 'Par pays ou région' }) });
  assert.match(plain(await byRegion.textContent()), /Québec\s*1/);

  // Filtered: those with a confirmed place, then words in their answers.
  await page.getByText('Filtrer', { exact: true }).tap();
  await page.getByLabel('Statut').selectOption('confirmed');
  await page.getByRole('button', { name: 'Appliquer les filtres' }).tap();
  await page.waitForURL(/\/people\?status=confirmed$/);
  await page.locator('.people-shown', { hasText: /2 personnes affichées sur 4/ }).waitFor();
  assert.deepEqual((await page.locator('li.person h3').allTextContents()).map(plain), ['Zoé Lefèvre', 'Émile Dubois']);
  await page.getByLabel('Rechercher dans les réponses').fill('solidarite');
  await page.getByRole('button', { name: 'Appliquer les filtres' }).tap();
  await page.waitForURL(/status=confirmed&q=solidarite$/);
  await page.locator('.people-shown', { hasText: /1 personne affichée sur 4/ }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}people-phone.png`, fullPage: true });

  // The session's attendance: one row per person with a place, a tap each, the count follows.
  await page.getByRole('link', { name: /Noter les présences/ }).tap();
  await page.waitForURL(new RegExp(`/sessions/${SESSION}/attendance$`));
  await page.getByRole('heading', { level: 1, name: /Présences — / }).waitFor();
  await appReady(page);
  const count = page.locator('.attendance-count');
  assert.equal(plain(await count.textContent()), '0 présent·e, 0 absent·e, 0 excusé·e, 2 à noter');
  assert.deepEqual((await page.locator('.attendance-name').allTextContents()).map(plain), ['Émile Dubois', 'Zoé Lefèvre']);
  const row = (name) => page.locator('li.attendance-row', { hasText: name });
  await row('Zoé Lefèvre').getByText('Présent·e').tap();
  await countReads(page, '1 présent·e, 0 absent·e, 0 excusé·e, 1 à noter');
  await row('Émile Dubois').getByText('Excusé·e').tap();
  await countReads(page, '1 présent·e, 0 absent·e, 1 excusé·e, 0 à noter');
  assert.equal(await row('Zoé Lefèvre').getByRole('radio', { name: 'Présent·e' }).isChecked(), true);
  // The marks are kept: the page opened again shows them.
  await page.reload();
  await appReady(page);
  assert.equal(await row('Émile Dubois').getByRole('radio', { name: 'Excusé·e' }).isChecked(), true);
  assert.equal(plain(await count.textContent()), '1 présent·e, 0 absent·e, 1 excusé·e, 0 à noter');
  await page.screenshot({ path: `${ARTIFACTS}attendance-phone.png`, fullPage: true });

  // Back to the people, every one of them, and the file.
  await page.getByRole('link', { name: /Personnes inscrites/ }).tap();
  await page.waitForURL(new RegExp(`/editions/${EDITION}/people$`));
  await appReady(page);
  assert.match(plain(await page.locator('.people-sessions').textContent()), /1 présent·e, 0 absent·e, 1 excusé·e, 0 à noter/);
  assert.equal(await page.getByLabel('Séparateur').inputValue(), 'semicolon', 'French spreadsheets: semicolons');
  assert.equal(await page.getByLabel('Fuseau horaire des dates').inputValue(), 'America/Toronto', 'the phone’s zone');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger le fichier CSV' }).tap(),
  ]);
  assert.match(download.suggestedFilename(), /^relais-e2e-people-edition-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark');
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  assert.equal(lines[0], 'Nom;Courriel;Langue des messages;Fuseau horaire;Pays ou région;Organisation;Besoins d’accessibilité;Groupe prioritaire;Statut;Inscription le;Pourquoi venir ?;Présence 2027-03-02 18:00');
  const zoeLine = lines.find((l) => l.startsWith('Zoé Lefèvre;'));
  assert.equal(zoeLine, 'Zoé Lefèvre;e2e-people-r1@example.org;fr;America/Montreal;Québec;;;non;confirmée;2026-10-15 11:30;La solidarité de quartier;présent·e');
  assert.equal(lines.filter((l) => l).length, 5, 'a header and the four people');

  // Filtered by zone, the file holds the people the page shows, times still on the phone's clock.
  if (!(await page.locator('details.people-filters').evaluate((d) => d.open))) await page.getByText('Filtrer', { exact: true }).tap();
  await page.getByLabel('Fuseau horaire', { exact: true }).selectOption('Europe/Paris');
  await page.getByRole('button', { name: 'Appliquer les filtres' }).tap();
  await page.waitForURL(/\/people\?zone=Europe%2FParis$/);
  await page.locator('.people-shown', { hasText: /1 personne affichée sur 4/ }).waitFor();
  const [inParis] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger le fichier CSV' }).tap(),
  ]);
  const parisLines = readFileSync(await inParis.path()).toString('utf8').slice(1).split('\r\n').filter((l) => l);
  assert.deepEqual(parisLines.map((l) => l.split(';').slice(0, 4).concat(l.split(';')[9])), [
    ['Nom', 'Courriel', 'Langue des messages', 'Fuseau horaire', 'Inscription le'],
    ['Émile Dubois', 'e2e-people-r2@example.org', 'fr', 'Europe/Paris', '2026-10-16 11:30'],
  ]);

  assert.deepEqual(errors, []);
  assert.deepEqual(csp, [], 'no CSP violation');
  await context.close();
});
