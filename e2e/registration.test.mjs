// Registering from a phone, in the forms build: from an offering to its form, refused
// fields said in French and kept as typed, the answer, the manage link (meeting details,
// cancelling), an application with its questions, and a coordinator deciding on it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetch } from '../tests/client.mjs';
import { mkdirSync } from 'node:fs';
import { BASE, appReady, launch, phone, takesFocus } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const DOMAIN = 'e2e.example.org';
const COORDINATOR = { email: `coordinator@${DOMAIN}`, password: 'a coordinator passphrase' };
let browser;
let training;
let application;

function cleanUp() {
  const ours = `SELECT id FROM registration WHERE email LIKE '%@${DOMAIN}'`;
  sql(`DELETE FROM outbox WHERE registration_id IN (${ours}); DELETE FROM registration_event WHERE registration_id IN (${ours});
       DELETE FROM registration WHERE email LIKE '%@${DOMAIN}'; DELETE FROM account WHERE email LIKE '%@${DOMAIN}';`);
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  cleanUp();
  const edition = async (offering) => (await (await fetch(`${BASE}/api/offerings/${offering}?lang=fr`)).json()).upcoming_editions[0];
  training = await edition('hub-mouvements-decentralises');
  application = await edition('emancipasso-formation');
  assert.equal(training.registration_mode, 'open');
  assert.equal(application.registration_mode, 'application');
  // A coordinator's account, hashed as the Worker hashes (edge/src/auth.rs).
  sql(staffSql({ id: 'acc-e2e', email: COORDINATOR.email, name: 'Coordination E2E', password: COORDINATOR.password, networks: 'all' }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  cleanUp();
});

const registrations = (email) => sql(`SELECT status FROM registration WHERE email = '${email}'`);

test('a volunteer registers from the offering page: refused fields in French, kept as typed; then confirmed, with a manage link', async () => {
  const { context, page, errors } = await phone(browser, { locale: 'fr-CA', timezoneId: 'America/Toronto' });
  await page.goto(`${BASE}/fr/offerings/hub-mouvements-decentralises`);
  await appReady(page);
  await page.locator('.edition').first().getByRole('link', { name: 'S’inscrire' }).click();

  // The forms build takes over at the form's address.
  await page.waitForURL(new RegExp(`/fr/register/${training.id}$`));
  await page.getByRole('heading', { level: 1, name: /mouvements décentralisés/i }).waitFor();
  await appReady(page);
  assert.match(await page.locator('.places').textContent(), /Il reste \d+ places?\./);
  assert.equal(await page.getByLabel('Fuseau horaire').inputValue(), 'America/Toronto', 'the zone is pre-filled');
  assert.equal(await page.getByLabel('Langue de vos messages').inputValue(), 'fr');

  // Sent with a bad email and no consent: both said, in French, and nothing stored.
  const email = `camille@${DOMAIN}`;
  await page.getByLabel('Nom').fill('Camille Tremblay');
  await page.getByLabel('Courriel').fill('camille.example.org');
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  const summary = page.locator('#form-summary');
  await summary.getByText('2 champs sont à corriger :').waitFor();
  assert.ok(await takesFocus(summary), 'focus moves to the summary');
  assert.match(await summary.textContent(), /Adresse courriel invalide/);
  assert.equal(await page.getByLabel('Courriel').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Nom').inputValue(), 'Camille Tremblay', 'what was typed stays');
  assert.deepEqual(registrations('camille.example.org'), []);
  await page.screenshot({ path: ARTIFACTS + 'register-errors-fr.png', fullPage: true });

  // Corrected and sent: a place, said first, and the manage link.
  await summary.getByRole('link', { name: /Adresse courriel invalide/ }).click();
  assert.ok(await takesFocus(page.locator('#f-email')), 'the summary link goes to the field');
  await page.getByLabel('Courriel').fill(email);
  await page.getByLabel('Besoins d’accessibilité').fill('Sous-titres, s’il vous plaît.');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  const result = page.locator('#result-title');
  await result.waitFor();
  assert.equal(await result.textContent(), 'C’est confirmé : vous avez une place.');
  assert.ok(await takesFocus(result), 'focus moves to the answer');
  assert.deepEqual(registrations(email), [{ status: 'confirmed' }]);
  await page.screenshot({ path: ARTIFACTS + 'register-confirmed-fr.png', fullPage: true });

  // The manage link: the place, the meeting details, then cancelling after a confirmation.
  await page.getByRole('link', { name: 'Gérer mon inscription' }).click();
  await page.waitForURL(/\/fr\/manage\/[0-9a-f]{48}$/);
  await page.locator('.status').getByText('Vous avez une place.').waitFor();
  assert.match(await page.locator('.private').textContent(), /meet\.example\.org/, 'meeting details for a confirmed person');
  await page.screenshot({ path: ARTIFACTS + 'manage-fr.png', fullPage: true });
  await page.getByRole('button', { name: 'Annuler mon inscription' }).click();
  await page.getByText('Annuler votre inscription ? Votre place ira à la prochaine personne en attente.').waitFor();
  await page.getByRole('button', { name: 'Oui, annuler' }).click();
  await page.locator('#manage-done').getByText('Votre inscription est annulée.').waitFor();
  await page.locator('.status').getByText('Cette inscription est annulée.').waitFor();
  assert.equal(await page.locator('.private').count(), 0, 'no meeting details once cancelled');
  assert.deepEqual(registrations(email), [{ status: 'cancelled' }]);

  // Back to the catalog: the browsing build takes over again.
  await page.getByRole('link', { name: 'Relais' }).first().click();
  await page.waitForURL(/\/fr$/);
  await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an application answers the edition questions in English; a coordinator accepts it and the applicant is told', async () => {
  const { context, page, errors } = await phone(browser, { locale: 'en-GB', timezoneId: 'Africa/Lagos' });
  await page.goto(`${BASE}/en/register/${application.id}`);
  await appReady(page);
  assert.ok(await page.getByText('Apply', { exact: true }).isVisible());
  const email = `amara@${DOMAIN}`;
  await page.getByLabel('Name').fill('Amara Okafor');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Country or region').fill('Nigeria');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Send my application' }).click();
  // The required questions are named, in English.
  const summary = page.locator('#form-summary');
  await summary.getByText('3 fields need correcting:').waitFor();
  // People register on behalf of their organisation, named.
  await page.getByLabel('Organisation you are registering on behalf of').fill('Chatons de Lagos');
  const questions = page.locator('fieldset', { has: page.getByText('Your application', { exact: true }) });
  for (const box of await questions.locator('textarea').all()) await box.fill('A feminist collective in Lagos, learning free software together.');
  await questions.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Send my application' }).click();
  await page.locator('#result-title').getByText('Application received.').waitFor();
  assert.deepEqual(registrations(email), [{ status: 'applied' }]);
  assert.equal(sql(`SELECT organisation FROM registration WHERE email = '${email}'`)[0].organisation, 'Chatons de Lagos');
  assert.deepEqual(errors, []);
  await context.close();

  // The coordinator signs in, finds the application first (priority group), accepts it.
  const desk = await phone(browser, { locale: 'fr-CA', timezoneId: 'Europe/Paris' });
  await desk.page.goto(`${BASE}/fr/coordinator`);
  await desk.page.getByRole('heading', { level: 2, name: 'Connexion' }).waitFor();
  await desk.page.getByLabel('Courriel').fill(COORDINATOR.email);
  await desk.page.getByLabel('Mot de passe').fill('not the password at all');
  await desk.page.getByRole('button', { name: 'Me connecter' }).click();
  await desk.page.locator('#form-summary').getByText(/identifiants incorrects/).waitFor();
  await desk.page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await desk.page.getByRole('button', { name: 'Me connecter' }).click();
  await desk.page.getByText(/^Connecté·e : Coordination E2E \(coordination, /).waitFor();
  await desk.page.locator('.editions a[href$="edition=' + application.id + '"]').click();
  const row = desk.page.locator('.registrations > li', { hasText: 'Amara Okafor' });
  await row.waitFor();
  assert.match(await row.textContent(), /Groupe prioritaire/);
  assert.equal(await desk.page.locator('.registrations > li').first().textContent().then((t) => t.includes('Amara Okafor')), true, 'the priority group first');
  await desk.page.screenshot({ path: ARTIFACTS + 'coordinator-fr.png', fullPage: true });
  // A word from the team goes with the decision, in the message that tells it.
  await row.getByLabel('Note pour la personne (facultatif) — Amara Okafor').fill('Bienvenue, Amara : on commence lundi.');
  await row.getByRole('button', { name: /Accepter/ }).click();
  await desk.page.locator('#decided').getByText('Décision enregistrée ; la personne est prévenue par courriel.').waitFor();
  await row.getByText('Acceptée').waitFor();
  assert.deepEqual(registrations(email), [{ status: 'accepted' }]);
  assert.deepEqual(sql(`SELECT o.note FROM outbox o JOIN registration r ON r.id = o.registration_id
    WHERE r.email = '${email}' AND o.kind = 'accepted'`), [{ note: 'Bienvenue, Amara : on commence lundi.' }]);
  // Her message, in her language, appears in the outbox once sent.
  await desk.page.locator('.outbox').getByText(/accepted/i).first().waitFor();
  assert.deepEqual(desk.errors, []);
  await desk.context.close();
});

test('the privacy notice the form links to says what is collected, why, and how to delete it', async () => {
  const { context, page, errors } = await phone(browser, { locale: 'fr-CA', timezoneId: 'America/Toronto' });
  await page.goto(`${BASE}/fr/privacy`);
  await page.getByRole('heading', { level: 1, name: 'Avis de confidentialité' }).waitFor();
  for (const part of ['Ce que nous recueillons', 'Pourquoi', 'Qui les voit', 'Vos droits', 'Combien de temps']) {
    assert.ok(await page.getByRole('heading', { level: 2, name: part }).isVisible(), part);
  }
  assert.match(await page.locator('main').textContent(), /Loi 25/);
  assert.deepEqual(errors, []);
  await context.close();
});
