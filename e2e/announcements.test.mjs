// Writing to the people of an edition, as a coordinator does it in Chromium: the desk's
// summary shows the application waiting, the edition's editor leads to the message page, the
// message is written in French and English side by side, the count of recipients shows
// before sending, a double click sends it once, and the network's messages list it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, appReady, launch, watchCsp, takesFocus } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';

const DESKTOP = { width: 1280, height: 900 };
const COORDINATOR = { id: 'acc-ann-e2e', email: 'coordination@e2e-announce.example.org', password: 'an announcement passphrase', name: 'Coordination Annonces' };
const OFFERING = 'e2e-ann-offering';
const EDITION = 'e2e-ann-edition';
const PEOPLE = [
  { id: 'e2e-ann-fr', name: 'Adaeze Okafor', lang: 'fr', zone: 'Africa/Lagos', status: 'confirmed' },
  { id: 'e2e-ann-en', name: 'Priya Natarajan', lang: 'en', zone: 'Asia/Kolkata', status: 'accepted' },
  { id: 'e2e-ann-applied', name: 'Léa Martin', lang: 'fr', zone: 'Europe/Paris', status: 'applied' },
];
let browser;

const q = (s) => `'${String(s).replaceAll("'", "''")}'`;

function cleanUp() {
  sql(`DELETE FROM outbox WHERE edition_id = ${q(EDITION)};
       DELETE FROM announcement WHERE edition_id = ${q(EDITION)};
       DELETE FROM registration WHERE edition_id = ${q(EDITION)};
       DELETE FROM session WHERE edition_id = ${q(EDITION)};
       DELETE FROM edition WHERE id = ${q(EDITION)};
       DELETE FROM offering WHERE id = ${q(OFFERING)};
       DELETE FROM account WHERE id = ${q(COORDINATOR.id)};`);
}

before(async () => {
  cleanUp();
  sql(`INSERT INTO offering (id, kind, title, summary, description, format, network_id, state)
         VALUES (${q(OFFERING)}, 'workshop', '{"fr":"Atelier des annonces","en":"Announcements workshop"}', '{}', '{}', 'online', 'hub', 'published');
       INSERT INTO edition (id, offering_id, registration_mode, format, state, starts_at)
         VALUES (${q(EDITION)}, ${q(OFFERING)}, 'application', 'online', 'published', '2027-06-01T16:00:00Z');
       INSERT INTO session (id, edition_id, starts_at, ends_at, zone)
         VALUES ('e2e-ann-s1', ${q(EDITION)}, '2027-06-01T16:00:00Z', '2027-06-01T17:30:00Z', 'Africa/Lagos');
       ${PEOPLE.map((p, i) => `INSERT INTO registration (id, edition_id, email, name, lang, zone, status, arrival, consented_at, created_at, origin)
         VALUES (${q(p.id)}, ${q(EDITION)}, ${q(`${p.id}@example.org`)}, ${q(p.name)}, ${q(p.lang)}, ${q(p.zone)}, ${q(p.status)}, ${i + 1}, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ${q(BASE)});`).join('\n')}`);
  sql(staffSql({ ...COORDINATOR, networks: ['hub'] }));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  cleanUp();
});

async function signIn(page) {
  await page.goto(`${BASE}/fr/dashboard?network=hub`);
  await appReady(page);
  await page.getByLabel('Courriel').fill(COORDINATOR.email);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await page.getByRole('heading', { level: 2, name: 'À suivre' }).waitFor();
  await appReady(page);
}

test('the desk shows what waits; a coordinator writes in both languages, sees the count, sends once, and finds it in the messages', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-CA', timezoneId: 'America/Toronto' });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page);

  // The summary: the application waiting, linked to where it is decided.
  const applications = page.locator('section.summary-card', { has: page.getByRole('heading', { name: 'Candidatures à décider' }) });
  const waiting = applications.getByRole('listitem').filter({ hasText: 'Atelier des annonces' });
  assert.match((await waiting.textContent()).replace(/\s+/g, ' '), /Atelier des annonces — 1 candidature en attente/);
  assert.match(await waiting.getByRole('link').getAttribute('href'), new RegExp(`/fr/coordinator\\?edition=${EDITION}$`));
  assert.equal(await page.getByRole('heading', { name: 'Messages en échec' }).count(), 1);

  // From the edition's editor to its message page.
  await page.goto(`${BASE}/fr/dashboard/editions/${EDITION}`);
  await appReady(page);
  await page.getByRole('link', { name: 'Écrire aux inscrit·es' }).click();
  await page.waitForURL(new RegExp(`/fr/dashboard/editions/${EDITION}/message$`));
  await page.getByRole('heading', { level: 1, name: 'Écrire aux inscrit·es' }).waitFor();
  await appReady(page);
  const count = page.locator('#f-audience-count');
  await page.waitForFunction(() => /recevront/.test(document.getElementById('f-audience-count')?.textContent ?? ''));
  assert.match(await count.textContent(), /3 personnes recevront ce message/);
  await page.getByLabel('Les personnes qui ont une place').check();
  await page.waitForFunction(() => /^2 personnes/.test(document.getElementById('f-audience-count')?.textContent ?? ''));

  // Both languages side by side.
  const fr = await page.getByLabel('Objet — français', { exact: true }).boundingBox();
  const en = await page.getByLabel('Objet — anglais', { exact: true }).boundingBox();
  assert.ok(en.x > fr.x + fr.width / 2 && Math.abs(en.y - fr.y) < 5, 'side by side on a desktop');
  await page.getByLabel('Objet — français', { exact: true }).fill('La salle change');
  await page.getByLabel('Objet — anglais', { exact: true }).fill('The room changes');
  await page.getByLabel('Texte — français', { exact: true }).fill('Rendez-vous salle 4.');
  await page.getByLabel('Texte — anglais', { exact: true }).fill('See you in room 4.');
  await page.getByLabel('Ajouter les horaires des séances').check();

  await page.getByRole('button', { name: 'Relire avant l’envoi' }).click();
  const confirm = page.locator('#message-confirm');
  await confirm.waitFor({ state: 'visible' });
  assert.match(await confirm.textContent(), /Le message partira vers 2 personnes/);
  assert.equal(await takesFocus(confirm), true, 'the last look takes the focus');
  // A double click sends it once.
  await confirm.getByRole('button', { name: 'Envoyer maintenant' }).dblclick();
  const sent = page.locator('#message-sent');
  await sent.waitFor({ state: 'visible' });
  assert.match(await sent.textContent(), /Message envoyé à 2 personnes/);
  assert.equal(sql(`SELECT count(*) AS n FROM announcement WHERE edition_id = ${q(EDITION)}`)[0].n, 1);
  assert.equal(sql(`SELECT count(*) AS n FROM outbox WHERE edition_id = ${q(EDITION)} AND kind = 'announcement'`)[0].n, 2);

  // The network's messages: each person's, with where it stands, times on the coordinator's clock.
  await sent.getByRole('link', { name: 'Suivre les messages' }).click();
  await page.waitForURL(/\/fr\/dashboard\/outbox\?network=hub$/);
  await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
  await appReady(page);
  for (const person of ['Adaeze Okafor', 'Priya Natarajan']) {
    const row = page.getByRole('row').filter({ hasText: person }).first();
    await row.waitFor();
    assert.match(await row.textContent(), /Atelier des annonces/);
    assert.match(await row.locator('.badge').textContent(), /Envoyé|En attente/);
  }
  assert.equal(await page.locator('a[href*="/manage/"]').count(), 0, 'never a manage link');
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, [], 'no CSP violation');
  await context.close();
});

test('an empty message is refused, each missing text named in English', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
  const page = await context.newPage();
  await page.goto(`${BASE}/en/dashboard`);
  await appReady(page);
  await page.getByLabel('Email').fill(COORDINATOR.email);
  await page.getByLabel('Password').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 2, name: 'What needs you' }).waitFor();
  await page.goto(`${BASE}/en/dashboard/editions/${EDITION}/message`);
  await page.getByRole('heading', { level: 1, name: 'Write to the people registered' }).waitFor();
  await appReady(page);
  await page.getByLabel('Subject — English', { exact: true }).fill('Only English');
  await page.getByRole('button', { name: 'Review before sending' }).click();
  await page.getByRole('button', { name: 'Send now' }).click();
  const summary = page.locator('#message-summary');
  await summary.waitFor({ state: 'visible' });
  const named = await summary.getByRole('link').allTextContents();
  assert.ok(named.some((t) => /^Subject — French/.test(t)), named.join(' | '));
  assert.ok(named.some((t) => /^Text — English/.test(t)), named.join(' | '));
  assert.equal(await page.getByLabel('Subject — French', { exact: true }).getAttribute('aria-invalid'), 'true');
  await context.close();
});

test('a coordinator sends a failed message again from the network\'s messages, and it goes out', async () => {
  // A message to Adaeze the email service refused twenty times: given up on.
  const announcement = 'e2e-ann-failing';
  sql(`INSERT INTO announcement (id, network_id, edition_id, account_id, idempotency_key, audience, include_sessions, subject, body, recipients, created_at)
         VALUES (${q(announcement)}, 'hub', ${q(EDITION)}, ${q(COORDINATOR.id)}, 'e2e-failing', 'active', 0,
                 '{"fr":"Le lien de la séance","en":"The session link"}', '{"fr":"Le voici.","en":"Here it is."}', 1, '2026-01-01T00:00:00Z');
       INSERT INTO outbox (registration_id, edition_id, kind, announcement_id, dedupe, created_at, attempts, last_error, failed_at)
         VALUES ('e2e-ann-fr', ${q(EDITION)}, 'announcement', ${q(announcement)}, ${q(`announcement:${announcement}:e2e-ann-fr`)},
                 '2026-01-01T00:00:00Z', 20, 'email service answered 500', '2026-01-01T01:00:00Z');`);
  const [{ id }] = sql(`SELECT id FROM outbox WHERE announcement_id = ${q(announcement)}`);
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-CA', timezoneId: 'America/Toronto' });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page);

  // The desk's summary counts it and leads to the network's messages.
  const failedCard = page.locator('section.summary-card', { has: page.getByRole('heading', { name: 'Messages en échec' }) });
  await failedCard.getByRole('link', { name: /n’(a|ont) pas pu partir/ }).click();
  await page.waitForURL(/\/fr\/dashboard\/outbox\?network=hub$/);
  await appReady(page);
  const row = page.getByRole('row').filter({ hasText: 'Le lien de la séance' });
  await row.waitFor();
  assert.match(await row.textContent(), /Adaeze Okafor/);
  assert.equal((await row.locator('.badge').textContent()).trim(), 'Échec');

  await row.getByRole('button', { name: 'Réessayer l’envoi' }).click();
  await page.waitForFunction((subject) => [...document.querySelectorAll('table.outbox tr')]
    .some((tr) => tr.textContent.includes(subject) && /En attente|Envoyé/.test(tr.querySelector('.badge')?.textContent ?? '')), 'Le lien de la séance');
  assert.equal(await row.getByRole('button', { name: 'Réessayer l’envoi' }).count(), 0, 'no second try offered');
  assert.equal(await row.getByRole('alert').isHidden(), true, 'no refusal shown');

  // It went out for real, and the network's record says who sent it again.
  let sent;
  for (let i = 0; i < 40 && !sent?.sent_at; i++) {
    [sent] = sql(`SELECT sent_at, failed_at, attempts FROM outbox WHERE id = ${id}`);
    if (!sent.sent_at) await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(sent.sent_at, `sent: ${JSON.stringify(sent)}`);
  assert.equal(sent.failed_at, null);
  assert.equal(sql(`SELECT count(*) AS n FROM audit WHERE entity = 'message' AND entity_id = '${id}' AND action = 'retried'
                    AND account_id = ${q(COORDINATOR.id)}`)[0].n, 1);

  // Read again, it is sent, with nothing left to retry.
  await page.reload();
  await appReady(page);
  await row.waitFor();
  assert.equal((await row.locator('.badge').textContent()).trim(), 'Envoyé');
  assert.equal(await row.getByRole('button').count(), 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, [], 'no CSP violation');
  await context.close();
});
