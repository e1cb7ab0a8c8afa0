// The dashboard build, as a coordinator uses it: signing in, a new offering written in both
// languages (a text marked the same in both), publication refused with each missing field
// named and linked, then published; an edition with its languages of instruction, a capacity
// the API refuses by name, sessions by a rule previewed on Lagos's clock across a
// daylight-saving change, a session cancelled, the next cohort; the history; each text's two
// languages side by side on a desktop and stacked on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE, PHONE, appReady, launch, watchCsp, takesFocus } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
const DESKTOP = { width: 1280, height: 900 };
const COORDINATOR = { id: 'acc-dash-e2e', email: 'coordination@e2e-dashboard.example.org', password: 'a dashboard passphrase', name: 'Coordination Tableau' };
let browser;
let offeringUrl;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  sql(staffSql({ ...COORDINATOR, networks: ['hub'] }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  sql(`DELETE FROM account WHERE id = '${COORDINATOR.id}';`);
});

async function signIn(page, lang = 'fr') {
  await page.goto(`${BASE}/${lang}/dashboard`);
  await appReady(page);
  await page.getByLabel(lang === 'fr' ? 'Courriel' : 'Email').fill(COORDINATOR.email);
  await page.getByLabel(lang === 'fr' ? 'Mot de passe' : 'Password').fill(COORDINATOR.password);
  await page.getByRole('button', { name: lang === 'fr' ? 'Me connecter' : 'Sign in' }).click();
  await page.getByRole('heading', { level: 2, name: lang === 'fr' ? 'Offres' : 'Offerings' }).waitFor();
  await appReady(page);
}

/** The group of a bilingual field, by its first control's label. */
const group = (page, label) => page.locator('.bilingual', { has: page.getByLabel(label, { exact: true }) });

test('a coordinator writes an offering in both languages, is told what stops publication, then publishes it', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-CA', timezoneId: 'America/Toronto' });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page);
  assert.equal(await page.locator('meter').count() > 0, true, 'the desk has its meters');
  assert.match(await page.locator('.completion').first().textContent(), /\d+ \/ \d+ textes/);

  await page.getByRole('link', { name: 'Nouvelle offre' }).click();
  await page.waitForURL(/\/fr\/dashboard\/offerings\/new\?network=hub$/);
  await page.getByLabel('Type d’offre').selectOption('workshop');
  await page.getByRole('combobox', { name: 'Format', exact: true }).selectOption('online');
  await page.getByLabel('Titre — français', { exact: true }).fill('Atelier du tableau de bord');
  await page.getByLabel('Titre — anglais', { exact: true }).fill('Dashboard workshop');
  // A summary the same in both languages: one control left, said to serve every language.
  await page.getByLabel('Résumé — français', { exact: true }).fill('Relais');
  const summary = group(page, 'Résumé — français');
  await summary.getByLabel('Identique dans les deux langues').check();
  assert.equal(await page.getByLabel('Résumé — toutes les langues', { exact: true }).isVisible(), true);
  assert.equal(await summary.locator('textarea[lang="en"]').isVisible(), false, 'the English control is hidden');
  await page.getByLabel('Description — français', { exact: true }).fill('Un atelier pour essayer le tableau de bord.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await page.waitForURL(/\/fr\/dashboard\/offerings\/offering-[0-9a-f]+$/);
  offeringUrl = page.url();
  await page.getByRole('heading', { level: 1, name: 'Atelier du tableau de bord' }).waitFor();
  await appReady(page);
  assert.equal(await page.locator('.status-line .badge').textContent(), 'Brouillon');
  assert.equal(await page.getByLabel('Résumé — toutes les langues', { exact: true }).isVisible(), true, 'the mark is kept');
  const missing = await page.locator('.refusals li').allTextContents();
  assert.ok(missing.some((m) => /^Description — anglais\s*:/.test(m)), `the missing English description is named: ${missing}`);

  // Publishing now is refused, field by field, in French; each link takes the focus to its field.
  await page.getByRole('button', { name: 'Publier' }).click();
  const alert = page.locator('#offering-summary');
  await alert.waitFor({ state: 'visible' });
  assert.match(await alert.textContent(), /champs sont à corriger/);
  const english = page.getByLabel('Description — anglais', { exact: true });
  assert.equal(await english.getAttribute('aria-invalid'), 'true');
  await alert.getByRole('link', { name: /^Description — anglais/ }).click();
  assert.equal(await takesFocus(english), true, 'the link focuses the field');
  await page.screenshot({ path: `${ARTIFACTS}dashboard-refused.png`, fullPage: true });

  await english.fill('A workshop to try the dashboard.');
  await page.getByRole('group', { name: 'Thèmes' }).getByLabel('Structure de groupe').check();
  await page.getByRole('group', { name: /Langues d’animation/ }).getByLabel('français').check();
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.locator('.status-line .badge', { hasText: 'Publié' }).waitFor();
  assert.match(await page.locator('.form-actions .done, .done').allTextContents().then((t) => t.join(' ')), /C’est publié/);
  assert.equal(await page.locator('.refusals').count(), 0, 'nothing stops publication any more');
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, [], 'no CSP violation');
  await context.close();
});

test('an edition: languages of instruction, a refused capacity, sessions by a rule previewed on other clocks, a cancelled session, the next cohort', async () => {
  assert.ok(offeringUrl, 'the offering of the first test');
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-CA', timezoneId: 'America/Toronto' });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page);
  await page.goto(offeringUrl);
  await appReady(page);
  await page.getByLabel('Mode d’inscription').selectOption('open');
  await page.getByRole('button', { name: 'Nouvelle édition' }).click();
  await page.waitForURL(/\/fr\/dashboard\/editions\/[^/]+$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await appReady(page);

  await page.getByRole('button', { name: '+ français' }).click();
  // The edition's languages (each session has its own list too, empty: the edition's).
  const languages = page.getByRole('group', { name: 'Langues d’enseignement' });
  await languages.getByLabel('Autre langue (code)').fill('pt-BR');
  await languages.getByLabel('Autre langue (code)').press('Enter');
  assert.deepEqual(await languages.locator('.tag-list li .tag').allTextContents(), ['fr — français', 'pt-BR']);
  // Capacity 0: refused by the API, by name, beside the field.
  await page.getByLabel('Capacité (places)').fill('0');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const capacity = page.getByLabel('Capacité (places)');
  await page.locator('#edition-summary').waitFor({ state: 'visible' });
  assert.equal(await capacity.getAttribute('aria-invalid'), 'true');
  assert.notEqual(await page.locator('#f-capacity-error').textContent(), '');
  await capacity.fill('12');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.locator('.form-actions .done', { hasText: 'Enregistré.' }).waitFor();

  // Every Tuesday at 18:00 in Toronto, four times, across the change to summer time on 14 March.
  await page.getByText('Créer des séances selon une règle').click();
  const rule = page.locator('form.rule-form');
  await rule.getByRole('checkbox', { name: 'mardi' }).check();
  await rule.getByRole('textbox', { name: 'À partir du' }).fill('2027-03-02');
  await rule.getByRole('textbox', { name: 'Heure de début' }).fill('18:00');
  await rule.getByRole('combobox', { name: 'Fuseau horaire de l’organisation' }).fill('America/Toronto');
  await rule.getByRole('spinbutton', { name: 'Nombre de séances' }).fill('4');
  await rule.getByRole('button', { name: 'Aperçu' }).click();
  const preview = page.locator('section.preview');
  await preview.getByRole('heading', { name: 'Aperçu : 4 séances' }).waitFor();
  // Spaces as read (French writes no-break spaces in dates and times).
  const plain = (t) => t.replace(/\s+/g, ' ');
  const notes = (await preview.locator('.clock-notes li').allTextContents()).map(plain);
  assert.ok(notes.some((n) => n.startsWith('À partir du 16 mars, 23 h à Lagos au lieu de minuit')), `Lagos's note: ${notes}`);
  assert.ok(notes.some((n) => /l’organisation passe à UTC−4 \(au lieu de UTC−5\)/.test(n)), `the organiser's note: ${notes}`);
  assert.match(plain(await preview.locator('.preview-list > li').first().textContent()), /mardi 2 mars 2027, 18 h \(America\/Toronto, UTC−5\)/);
  await page.screenshot({ path: `${ARTIFACTS}dashboard-preview.png`, fullPage: true });
  await rule.getByRole('button', { name: 'Créer les séances' }).click();
  await rule.locator('.done', { hasText: '4 séances créées.' }).waitFor();
  assert.equal(await page.locator('.dash-sessions > li').count(), 4);

  // Cancelling a session asks first, saying registrants will be told.
  await page.getByRole('button', { name: 'Annuler la séance Séance 2' }).click();
  const question = page.locator('.confirm-box', { hasText: 'personnes inscrites en seront averties' });
  assert.equal(await takesFocus(question.locator('p').first()), true, 'the question takes the focus');
  await page.getByRole('button', { name: 'Oui, annuler la séance' }).click();
  await page.locator('.dash-sessions > li').nth(1).locator('.badge', { hasText: 'Annulée' }).waitFor();

  // The next cohort: opened once made.
  const first = page.url();
  await page.getByLabel('Première séance le ou après le').fill('2027-06-01');
  await page.getByRole('button', { name: 'Dupliquer' }).click();
  await page.waitForURL((url) => url.href !== first && /\/fr\/dashboard\/editions\//.test(url.href));
  await appReady(page);
  await page.locator('.dash-sessions > li').first().waitFor();
  assert.match(plain(await page.locator('.dash-sessions > li').first().textContent()), /juin 2027, 18 h/);

  // The history names the coordinator.
  await page.getByRole('link', { name: 'Historique' }).first().click();
  await page.waitForURL(/\/fr\/dashboard\/audit\?network=hub$/);
  await page.locator('.audit li', { hasText: COORDINATOR.name }).first().waitFor();

  // Out of the public catalog again, for the tests after this one.
  await page.goto(offeringUrl);
  await appReady(page);
  await page.getByRole('button', { name: 'Archiver' }).click();
  await page.locator('.status-line .badge', { hasText: 'Archivé' }).waitFor();
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, [], 'no CSP violation');
  await context.close();
});

test('each text shows its two languages side by side on a desktop, one above the other on a phone; in English too', async () => {
  for (const [viewport, sideBySide] of [[DESKTOP, true], [PHONE, false]]) {
    const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    await signIn(page, 'en');
    await page.goto(`${BASE}/en/dashboard/offerings/new?network=hub`);
    await appReady(page);
    const french = await page.getByLabel('Title — French', { exact: true }).boundingBox();
    const english = await page.getByLabel('Title — English', { exact: true }).boundingBox();
    if (sideBySide) {
      assert.ok(Math.abs(french.y - english.y) < 2 && english.x > french.x + french.width, 'side by side');
    } else {
      assert.ok(english.y > french.y + french.height, 'stacked');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
    }
    await context.close();
  }
});

// A published offering of the hub with a published edition, to link a facilitator to; removed after.
const LINKED = { offering: 'e2e-profiles-offering', edition: 'e2e-profiles-edition', session: 'e2e-profiles-session' };
const FACILITATOR = 'Aïcha Profil-Essai';

test('a facilitator written in both languages: publication refused then done, linked to an offering and shown on its page; leaving unsaved changes asks first', async () => {
  sql(`INSERT INTO offering (id, kind, title, summary, description, format, network_id, state, topics, languages)
         VALUES ('${LINKED.offering}', 'workshop', '{"fr":"Atelier des profils","en":"Profiles workshop"}', '{"fr":"Un atelier.","en":"A workshop."}',
                 '{"fr":"Un atelier pour les profils.","en":"A workshop for profiles."}', 'online', 'hub', 'published', '["strategy"]', '["fr"]');
       INSERT INTO edition (id, offering_id, registration_mode, format, state, instruction_languages, starts_at, ends_at)
         VALUES ('${LINKED.edition}', '${LINKED.offering}', 'open', 'online', 'published', '["fr"]', '2027-05-04T16:00:00Z', '2027-05-04T18:00:00Z');
       INSERT INTO session (id, edition_id, starts_at, ends_at, zone)
         VALUES ('${LINKED.session}', '${LINKED.edition}', '2027-05-04T16:00:00Z', '2027-05-04T18:00:00Z', 'Europe/Paris');`);
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-CA', timezoneId: 'America/Toronto' });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const dialogs = [];
  try {
    await signIn(page);
    await page.getByRole('link', { name: 'Nouvelle personne animatrice' }).click();
    await page.waitForURL(/\/fr\/dashboard\/people\/new\?network=hub$/);
    await appReady(page);
    await page.getByRole('textbox', { name: /^Nom\b/ }).fill(FACILITATOR);
    await page.getByLabel('Présentation — français', { exact: true }).fill('Anime des ateliers sur la coopération.');

    // Leaving with unsaved changes asks first; said no, the page and what was typed stay.
    page.once('dialog', (d) => { dialogs.push([d.type(), d.message()]); d.dismiss(); });
    await page.locator('p.back a').click();
    await page.waitForTimeout(300);
    assert.equal(dialogs.length, 1, 'asked once');
    assert.equal(dialogs[0][0], 'confirm');
    assert.match(dialogs[0][1], /ne sont pas enregistrés/);
    assert.match(page.url(), /\/fr\/dashboard\/people\/new\?network=hub$/, 'still on the editor');
    assert.equal(await page.getByRole('textbox', { name: /^Nom\b/ }).inputValue(), FACILITATOR);
    // So does going back: said no, the address and the page stay.
    page.once('dialog', (d) => { dialogs.push([d.type(), d.message()]); d.dismiss(); });
    await page.evaluate(() => history.back());
    await page.waitForTimeout(500);
    assert.equal(dialogs.length, 2, 'asked on going back');
    assert.match(page.url(), /\/fr\/dashboard\/people\/new\?network=hub$/, 'the address is put back');
    assert.equal(await page.getByRole('textbox', { name: /^Nom\b/ }).inputValue(), FACILITATOR);

    // Saved: a draft whose English presentation is missing.
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForURL(/\/fr\/dashboard\/people\/person-[0-9a-f]+$/);
    const personUrl = page.url();
    await page.getByRole('heading', { level: 1, name: FACILITATOR }).waitFor();
    await appReady(page);
    assert.equal(await page.locator('.status-line .badge').textContent(), 'Brouillon');
    assert.ok((await page.locator('.refusals li').allTextContents()).some((m) => /^Présentation — anglais\s*:/.test(m)), 'the missing English is named');

    // Publishing is refused, the field named and linked; written, it is published.
    await page.getByRole('button', { name: 'Publier' }).click();
    const alert = page.locator('#profile-summary');
    await alert.waitFor({ state: 'visible' });
    const english = page.getByLabel('Présentation — anglais', { exact: true });
    assert.equal(await english.getAttribute('aria-invalid'), 'true');
    await alert.getByRole('link', { name: /^Présentation — anglais/ }).click();
    assert.equal(await takesFocus(english), true, 'the link focuses the field');
    await english.fill('Facilitates workshops on cooperation.');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.locator('.status-line .badge', { hasText: 'Publié' }).waitFor();
    assert.equal(await page.locator('.refusals').count(), 0);

    // Published, nothing is unsaved: leaving asks nothing. The desk lists the facilitator.
    await page.locator('p.back a').click();
    await page.waitForURL(/\/fr\/dashboard\?network=hub$/);
    const card = page.locator('.dash-card', { has: page.getByRole('link', { name: FACILITATOR }) });
    await card.locator('.badge', { hasText: 'Publié' }).waitFor();
    assert.equal(dialogs.length, 2, 'no question once saved');

    // Linked to the offering, with a role in both languages: every edition's team.
    await page.goto(`${BASE}/fr/dashboard/offerings/${LINKED.offering}`);
    await appReady(page);
    await page.getByLabel('Ajouter une personne animatrice').selectOption({ label: FACILITATOR });
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByLabel(`Rôle de ${FACILITATOR} — français`, { exact: true }).fill('Animatrice');
    await page.getByLabel(`Rôle de ${FACILITATOR} — anglais`, { exact: true }).fill('Facilitator');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.locator('.form-actions .done', { hasText: 'Enregistré.' }).waitFor();
    await page.goto(`${BASE}/fr/offerings/${LINKED.offering}`);
    await appReady(page);
    const team = page.locator('section[aria-labelledby="facilitators-title"]');
    await team.getByRole('link', { name: FACILITATOR }).waitFor();
    assert.match(await team.textContent(), /Animatrice/);
    assert.match(await team.textContent(), /Anime des ateliers sur la coopération/);

    // Closing the tab with unsaved changes: the browser's own question.
    await page.goto(personUrl);
    await appReady(page);
    await page.getByRole('textbox', { name: /^Nom\b/ }).click();
    await page.getByRole('textbox', { name: /^Nom\b/ }).press('End');
    await page.keyboard.type(' (modifié)');
    const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.type()); d.accept(); }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await Promise.race([asked, new Promise((r) => setTimeout(() => r('no question'), 5000))]), 'beforeunload');
    assert.deepEqual(errors, []);
    assert.deepEqual(csp, [], 'no CSP violation');
  } finally {
    await context.close();
    sql(`DELETE FROM offering_person WHERE offering_id = '${LINKED.offering}';
         DELETE FROM session WHERE id = '${LINKED.session}'; DELETE FROM edition WHERE id = '${LINKED.edition}';
         DELETE FROM offering WHERE id = '${LINKED.offering}';
         DELETE FROM person WHERE name = '${FACILITATOR.replace("'", "''")}';`);
  }
});
