// Coaching on request in Chromium, on a phone, in both languages. A neighbourhood opens PIC's
// « Accompagnement-conseil centré sur l'apprentissage » (as from the QR code on paper), asks
// for coaching from it: the organisation's form, refused by name, then sent; its link read
// from the message; on its page, 31 h this year and the request form, sent with Niska as the
// preferred partner. A coordinator, in the dashboard on a phone, assigns Niska, books a
// session and records 3 h, and the year's report lists them; the neighbourhood's page then
// shows 28 h left, the 3 h used and the session given on its clock, a new contact person is
// added from it, and a second request is withdrawn from it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { BASE, appReady, artifact, launch, phone } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';
import { lastMessageId, sentMessage, tokenIn } from '../tests/accounts.mjs';

const RUN = randomBytes(3).toString('hex');
const DOMAIN = 'e2e-coaching.example.org';
const OFFERING = 'pic-accompagnement-apprentissage';
const COORDINATOR = { id: `acc-coaching-e2e-${RUN}`, email: `pic.${RUN}@${DOMAIN}`, password: 'a coaching e2e passphrase' };
const PARTNER = { email: `niska.${RUN}@${DOMAIN}`, name: 'Niska Accompagnement', password: 'a partner e2e passphrase' };
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/** A week from now at 18:00, as a `datetime-local` control takes it. */
function weekAhead() {
  const day = new Date(Date.now() + 7 * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T18:00`;
}
const WORDS = {
  fr: {
    ask: 'Demander un accompagnement', submit: 'Recevoir le lien de notre organisation', organisation: 'Nom de l’organisation',
    neighbourhood: 'Une initiative de quartier', area: 'Quartier ou territoire', name: 'Nom', email: 'Courriel',
    consent: /J’accepte que ces informations/, received: 'Merci ! Le lien de votre organisation part par courriel.',
    hours: `Vos heures en ${new Date().getUTCFullYear()}`, subject: 'Le sujet', question: 'La question au cœur de votre initiative',
    partner: 'Partenaire souhaité·e', availability: 'Vos disponibilités', send: 'Envoyer la demande',
    sent: 'Votre demande est envoyée.', see: 'Voir mes demandes et mes heures', ready: /Prête/, used: 'Utilisées', sessionDone: 'Séance donnée',
    contactAdd: 'Ajouter une personne contact', contactSubmit: 'Ajouter cette personne', contactConsent: /Cette personne accepte/,
    contactAdded: /fait maintenant partie des contacts/,
    withdraw: 'Retirer cette demande', withdrawYes: 'Oui, la retirer', withdrawn: /Retirée/,
    required: 'Ce champ est obligatoire.',
    email: 'Courriel', password: 'Mot de passe', signIn: 'Me connecter', desk: 'Accompagnement', assignTo: 'Partenaire',
    assign: 'Désigner', assigned: 'Partenaire désigné·e', when: 'Date et heure de la séance', book: 'Réserver la séance',
    booked: 'Séances fixées', sessionBooked: /3\sh · réservée/, given: 'Heures données', record: 'Noter les heures',
    sessionGiven: /3\sh · donnée/, reportLink: 'Le rapport annuel, par quartier et par partenaire',
    report: `Le rapport de l’accompagnement en ${new Date().getUTCFullYear()}`, weekAhead,
  },
  en: {
    ask: 'Ask for coaching', submit: 'Get our organisation’s link', organisation: 'Name of the organisation',
    neighbourhood: 'A neighbourhood initiative', area: 'Neighbourhood or area', name: 'Name', email: 'Email',
    consent: /I agree that this information/, received: 'Thank you! Your organisation’s link is on its way by email.',
    hours: `Your hours in ${new Date().getUTCFullYear()}`, subject: 'Subject', question: 'The question at the heart of your initiative',
    partner: 'Preferred partner', availability: 'When you are available', send: 'Send the request',
    sent: 'Your request is sent.', see: 'See my requests and hours', ready: /Ready/, used: 'Used', sessionDone: 'Session given',
    contactAdd: 'Add a contact person', contactSubmit: 'Add this person', contactConsent: /This person agrees/,
    contactAdded: /is now one of the contacts/,
    withdraw: 'Withdraw this request', withdrawYes: 'Yes, withdraw it', withdrawn: /Withdrawn/,
    required: 'This field is required.',
    email: 'Email', password: 'Password', signIn: 'Sign in', desk: 'Coaching', assignTo: 'Partner',
    assign: 'Assign', assigned: 'Partner assigned', when: 'Session date and time', book: 'Book the session',
    booked: 'Sessions set', sessionBooked: /3\sh · booked/, given: 'Hours given', record: 'Record the hours',
    sessionGiven: /3\sh · given/, reportLink: 'The yearly report, by neighbourhood and by partner',
    report: `Coaching report for ${new Date().getUTCFullYear()}`, weekAhead,
  },
};
let browser;

before(async () => {
  sql(staffSql({ ...COORDINATOR, name: 'Coordination PIC', networks: ['pic'] }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  sql(`DELETE FROM membership WHERE account_id = '${COORDINATOR.id}'; DELETE FROM account WHERE id = '${COORDINATOR.id}' OR email = '${PARTNER.email}';`);
});

/**
 * The coordinator's steps on the organisation's request, in the dashboard on a phone: Niska
 * assigned, a session of 3 h booked on the coordinator's clock, then its hours recorded;
 * the year's report then lists the organisation with 3 h used and Niska with 3 h given.
 */
async function coordinatorGivesThreeHours(lang, organisation) {
  const w = WORDS[lang];
  const { context, page, errors } = await phone(browser, {
    locale: lang === 'fr' ? 'fr-CA' : 'en-CA', timezoneId: 'America/Toronto',
    extraHTTPHeaders: { 'CF-Connecting-IP': `10.73.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
  });
  await page.goto(`${BASE}/${lang}/dashboard/coaching?network=pic`);
  await appReady(page);
  await page.getByLabel(w.email).fill(COORDINATOR.email);
  await page.getByLabel(w.password).fill(COORDINATOR.password);
  await page.getByRole('button', { name: w.signIn }).click();
  await page.getByRole('heading', { level: 1, name: w.desk }).waitFor();
  const card = page.locator('li.coaching-request', { has: page.getByRole('heading', { name: organisation }) });
  await card.waitFor();

  await card.getByLabel(w.assignTo).selectOption({ label: 'Niska' });
  await card.getByRole('button', { name: w.assign }).click();
  await page.locator('#coaching-done').filter({ hasText: organisation }).waitFor();
  await card.locator('.badge', { hasText: w.assigned }).waitFor();
  // The focus goes back to the request's heading once its card is drawn again.
  await page.waitForFunction((name) => document.activeElement?.tagName === 'H3' && document.activeElement.textContent.includes(name), organisation);

  // Booked a week from now at 18:00 on the coordinator's clock, for 3 hours (the default).
  await card.getByLabel(w.when).fill(w.weekAhead());
  await card.getByRole('button', { name: w.book }).click();
  await card.locator('.badge', { hasText: w.booked }).waitFor();
  await card.getByText(w.sessionBooked).waitFor();

  // Sent empty, the hours are refused by name; then the session's 3 h are recorded.
  await card.getByLabel(w.given).fill('');
  await card.getByRole('button', { name: w.record }).click();
  await card.locator('.form-summary').filter({ hasText: w.given }).waitFor();
  await card.getByLabel(w.given).fill('3');
  await card.getByRole('button', { name: w.record }).click();
  await card.getByText(w.sessionGiven).waitFor();
  const row = page.locator('table.coaching-balances tr', { hasText: organisation });
  assert.match(await row.locator('td').nth(1).textContent(), /^3\s?h$/, 'used');
  assert.match(await row.locator('td').nth(3).textContent(), /^28\s?h$/, 'left');
  await page.screenshot({ path: artifact(`coaching-desk-${lang}.png`), fullPage: true });

  await page.getByRole('link', { name: w.reportLink }).click();
  await page.getByRole('heading', { level: 1, name: w.report }).waitFor();
  const line = page.locator('table.coaching-balances tr', { hasText: organisation }).first();
  await line.waitFor();
  assert.match(await line.locator('td').nth(1).textContent(), /^3\s?h$/);
  const niska = page.locator('table.coaching-partners tr', { hasText: 'Niska' }).first();
  assert.match(await niska.locator('td').nth(1).textContent(), /\d+\s?h/);
  await page.screenshot({ path: artifact(`coaching-report-${lang}.png`), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
}

for (const lang of ['fr', 'en']) {
  const w = WORDS[lang];
  test(`${lang.toUpperCase()}: a neighbourhood asks PIC for coaching from the offering's page on a phone; after Niska gives 3 h, its page shows 28 h left`, async () => {
    const who = `${lang}-${RUN}`;
    const organisation = `Table de quartier ${who}`;
    const email = `contact.${who}@${DOMAIN}`;
    const { context, page, errors } = await phone(browser, {
      locale: lang === 'fr' ? 'fr-CA' : 'en-CA', timezoneId: 'America/Toronto',
      extraHTTPHeaders: { 'CF-Connecting-IP': `10.72.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
    });
    await page.goto(`${BASE}/${lang}/offerings/${OFFERING}`);
    await appReady(page);
    await page.getByRole('link', { name: w.ask }).click();
    await page.waitForURL(new RegExp(`/${lang}/coaching/pic\\?offering=${OFFERING}$`));
    await appReady(page);

    // Sent empty: the summary names what is missing, and nothing is sent.
    const before = lastMessageId();
    await page.getByRole('button', { name: w.submit }).click();
    await page.locator('#form-summary').waitFor();
    await page.locator('#f-organisation-error').filter({ hasText: w.required }).waitFor();
    await page.locator('#f-email-error').filter({ hasText: w.required }).waitFor();

    await page.getByLabel(w.organisation).fill(organisation);
    await page.getByLabel(w.neighbourhood).check();
    await page.getByLabel(w.area).fill('Hochelaga');
    await page.locator('#f-name').fill(`Contact ${who}`);
    await page.locator('#f-email').fill(email);
    await page.getByLabel(w.consent).check();
    await page.getByRole('button', { name: w.submit }).click();
    await page.getByRole('heading', { name: w.received }).waitFor();

    const message = await sentMessage(email, 'organisation_link', before);
    const link = new RegExp(`(/${lang}/organisations/[0-9a-f]{48}[^\\s]*)`).exec(message.body);
    assert.ok(link, `the organisation's link in: ${message.body}`);
    await page.goto(BASE + link[1]);
    await appReady(page);
    await page.getByRole('heading', { name: w.hours }).waitFor();
    assert.match(await page.locator('.budget .figure').first().textContent(), /^31\s?h$/);

    await page.locator('#f-subject').fill('Mobiliser les familles');
    await page.getByLabel(w.question).fill('Comment rejoindre les familles qui ne viennent jamais ?');
    await page.getByLabel(w.partner).selectOption({ label: 'Niska' });
    await page.getByLabel(w.availability).fill('Les mardis soir');
    await page.getByRole('button', { name: w.send }).click();
    await page.getByRole('heading', { name: w.sent }).waitFor();
    await page.getByRole('button', { name: w.see }).click();
    await page.locator('li.request', { hasText: 'Mobiliser les familles' }).filter({ hasText: w.ready }).waitFor();

    await coordinatorGivesThreeHours(lang, organisation);
    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { name: w.hours }).waitFor();
    assert.match(await page.locator('.budget .figure').first().textContent(), /^28\s?h$/);
    const used = page.locator('dl.balance').first().locator('dt', { hasText: w.used });
    assert.match(await used.locator('xpath=following-sibling::dd[1]').textContent(), /^3\s?h$/);
    assert.match(await page.locator('li.request').first().textContent(), /Niska/);
    // The session given, on the neighbourhood's clock.
    const session = page.locator('li.request').first().locator('.sessions li', { hasText: w.sessionDone });
    assert.match(await session.locator('time').getAttribute('datetime'), /^\d{4}-\d{2}-\d{2}T/);

    // A new person joins the contacts from the page: refused by name, then added.
    await page.getByText(w.contactAdd).click();
    const contactForm = page.locator('form.contact-form');
    await contactForm.getByRole('button', { name: w.contactSubmit }).click();
    await contactForm.locator('.field-error', { hasText: w.required }).first().waitFor();
    await contactForm.locator('#f-name').fill('Relève du quartier');
    await contactForm.locator('#f-email').fill(`releve.${lang}.${Date.now()}@example.org`);
    await contactForm.getByLabel(w.contactConsent).check();
    await contactForm.getByRole('button', { name: w.contactSubmit }).click();
    await page.getByRole('status').filter({ hasText: w.contactAdded }).waitFor();
    await page.locator('ul.contacts li', { hasText: 'Relève du quartier' }).waitFor();

    // A second request, withdrawn from the page before anything is booked, asked first.
    await page.locator('#f-subject').fill('Un atelier de plus');
    await page.getByLabel(w.question).fill('Faut-il un deuxième atelier ?');
    await page.getByRole('button', { name: w.send }).click();
    await page.getByRole('heading', { name: w.sent }).waitFor();
    await page.getByRole('button', { name: w.see }).click();
    const second = page.locator('li.request', { hasText: 'Un atelier de plus' });
    await second.getByRole('button', { name: w.withdraw }).click();
    await second.getByRole('button', { name: w.withdrawYes }).click();
    // Its stage, once the page is read again (the question itself names the stage).
    await second.locator('span.status', { hasText: w.withdrawn }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Un atelier de plus' }).waitFor();
    assert.equal(await second.getByRole('button', { name: w.withdraw }).count(), 0, 'withdrawn once');
    assert.equal(await page.getByRole('status').filter({ hasText: w.contactAdded }).count(), 0, 'only the last change is said');
    await page.screenshot({ path: artifact(`coaching-organisation-${lang}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('FR: a partner invited for Niska from the members page joins, and on a phone sees only Niska’s requests, with booking and recording and no coordinator’s step, and its own year’s report', async () => {
  const coordinator = await phone(browser, { locale: 'fr-CA', timezoneId: 'America/Toronto' });
  const page = coordinator.page;
  await page.goto(`${BASE}/fr/dashboard/members?network=pic`);
  await appReady(page);
  await page.getByLabel('Courriel').fill(COORDINATOR.email);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Membres' }).waitFor();
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).waitFor();
  await appReady(page);

  // Asked for which partner, refused by name without one, then sent for Niska.
  const before = lastMessageId();
  await page.getByLabel('Son adresse courriel').fill(PARTNER.email);
  const forPartner = page.getByRole('combobox', { name: 'Pour quel partenaire' });
  assert.equal(await forPartner.count(), 0, 'asked of a partner’s role only');
  await page.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption('partner');
  await forPartner.waitFor();
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await page.locator('#f-partner-error', { hasText: 'obligatoire' }).waitFor();
  await forPartner.selectOption({ label: 'Niska' });
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await page.locator('#members-done', { hasText: `Invitation envoyée à ${PARTNER.email}.` }).waitFor();
  const invitation = page.locator('.invitations li', { hasText: PARTNER.email });
  assert.match(await invitation.textContent(), /Partenaire d’accompagnement · Niska/);
  assert.deepEqual(coordinator.errors, []);
  await coordinator.context.close();

  // The partner, from the link in their message: the dashboard offers PIC's coaching only.
  const token = tokenIn(await sentMessage(PARTNER.email, 'invitation', before), 'welcome');
  const partner = await phone(browser, { locale: 'fr-CA', timezoneId: 'America/Montreal' });
  const welcome = partner.page;
  await welcome.goto(`${BASE}/fr/welcome/${token}`);
  await appReady(welcome);
  await welcome.getByText(/rôle\s:\spartenaire d’accompagnement pour Niska\./).waitFor();
  await welcome.getByLabel('Votre nom').fill(PARTNER.name);
  await welcome.getByLabel('Choisissez un mot de passe').fill(PARTNER.password);
  await welcome.getByLabel('Le même mot de passe, à nouveau').fill(PARTNER.password);
  await welcome.getByRole('button', { name: 'Créer mon compte et rejoindre le réseau' }).click();
  await welcome.waitForURL(/\/fr\/dashboard/);
  await welcome.getByText('Vous accompagnez pour un partenaire du réseau').waitFor();
  const bar = welcome.locator('.dash-bar nav');
  assert.deepEqual((await bar.getByRole('link').allTextContents()).map((t) => t.trim()), ['Accompagnement']);
  await welcome.getByRole('link', { name: /^Accompagnement\s:\s«/ }).click();
  await welcome.getByRole('heading', { level: 1, name: 'Accompagnement' }).waitFor();
  const cards = welcome.locator('li.coaching-request');
  await cards.first().waitFor();
  await appReady(welcome);

  // Niska's requests only; booking and recording, and none of the coordinators' steps.
  const partners = await cards.evaluateAll((items) => items.map((li) => {
    const terms = [...li.querySelectorAll('dt')];
    const term = terms.find((dt) => dt.textContent.trim() === 'Partenaire');
    return term?.nextElementSibling?.textContent.trim();
  }));
  assert.ok(partners.length > 0 && partners.every((p) => p === 'Niska'), JSON.stringify(partners));
  assert.equal(await welcome.getByText('Mobiliser autour du transport collectif').count(), 0, 'Dynamo’s request is not shown');
  assert.ok(await welcome.getByRole('button', { name: 'Réserver la séance' }).count() > 0);
  for (const coordinators of ['Désigner', 'Terminer l’accompagnement', 'Refuser la demande']) {
    assert.equal(await welcome.getByRole('button', { name: coordinators }).count(), 0, coordinators);
  }
  const axe = async () => {
    const result = await new AxeBuilder({ page: welcome }).withTags(WCAG).analyze();
    assert.ok(result.passes.length > 10, 'axe ran real checks');
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  };
  await axe();
  await welcome.screenshot({ path: artifact('coaching-partner-fr.png'), fullPage: true });

  // Its yearly report: its own hours, and the organisations it coaches.
  await welcome.getByRole('link', { name: 'Le rapport annuel, par quartier et par partenaire' }).click();
  await welcome.getByRole('heading', { level: 1, name: `Le rapport de l’accompagnement en ${new Date().getUTCFullYear()}` }).waitFor();
  await welcome.getByText('Les heures que vous avez données pendant l’année').waitFor();
  await appReady(welcome);
  const named = (await welcome.locator('table.coaching-partners tbody th').allTextContents()).map((t) => t.trim());
  assert.ok(named.length > 0 && named.every((name) => name === 'Niska'), JSON.stringify(named));
  await axe();
  await welcome.screenshot({ path: artifact('coaching-partner-report-fr.png'), fullPage: true });
  assert.deepEqual(partner.errors, []);
  await partner.context.close();
});

test('FR: from its page on a phone, an organisation registers a person for a training on its behalf; the page then lists her and where she stands', async () => {
  const token = randomBytes(24).toString('hex');
  const id = `e2e-behalf-${RUN}`;
  const email = `awa.${RUN}@${DOMAIN}`;
  sql(`INSERT INTO organisation (id, network_id, name, kind, area, created_at)
         VALUES ('${id}', 'pic', 'Collectif E2E ${RUN}', 'collective', 'Villeray', '2026-01-01T00:00:00Z');
       INSERT INTO organisation_token (token_hash, organisation_id, created_at)
         VALUES ('${createHash('sha256').update(token).digest('hex')}', '${id}', '2026-01-01T00:00:00Z');`);
  const { context, page, errors } = await phone(browser, {
    locale: 'fr-CA', timezoneId: 'Europe/Paris',
    extraHTTPHeaders: { 'CF-Connecting-IP': `10.74.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
  });
  await page.goto(`${BASE}/fr/organisations/${token}`);
  await appReady(page);
  const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Inscriptions au nom de l’organisation' }) });
  await section.getByText('Personne ne s’est encore inscrit·e').waitFor();
  await section.getByRole('link', { name: /^Développer une offre de services/ }).click();

  // The form names the organisation and says what its page will show; it asks for no other.
  await page.getByRole('heading', { level: 1, name: /^Développer une offre de services/ }).waitFor();
  await appReady(page);
  await page.getByText(`Collectif E2E ${RUN}`, { exact: true }).waitFor();
  await page.getByText(/votre nom et où en est votre inscription figureront sur sa page/).waitFor();
  assert.equal(await page.getByLabel('Structure au nom de laquelle vous vous inscrivez').count(), 0);
  await page.getByLabel('Nom').fill('Awa Diop');
  await page.getByLabel('Courriel').fill(email);
  const questions = page.locator('fieldset', { has: page.getByText('Votre candidature', { exact: true }) });
  for (const box of await questions.locator('textarea').all()) await box.fill('Une association qui héberge des services libres.');
  await questions.getByRole('radio', { name: 'Non' }).check();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  await page.locator('#result-title').getByText('Candidature reçue.').waitFor();
  assert.deepEqual(sql(`SELECT organisation, organisation_id, status FROM registration WHERE email = '${email}'`),
    [{ organisation: `Collectif E2E ${RUN}`, organisation_id: id, status: 'applied' }]);
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

  // Back on the organisation's page: Awa, the training and where she stands.
  await page.getByRole('link', { name: 'Retour à la page de l’organisation' }).click();
  const listed = page.locator('ul.registrations li', { has: page.getByRole('heading', { name: 'Awa Diop' }) });
  await listed.waitFor();
  assert.match(await listed.textContent(), /Développer une offre de services.*Candidature en attente de décision/s);
  const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  assert.ok(axe.passes.length > 10, 'axe ran real checks');
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await page.screenshot({ path: artifact('coaching-on-behalf-fr.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
  sql(`DELETE FROM outbox WHERE registration_id IN (SELECT id FROM registration WHERE email = '${email}');
       DELETE FROM registration_event WHERE registration_id IN (SELECT id FROM registration WHERE email = '${email}');
       DELETE FROM manage_token WHERE registration_id IN (SELECT id FROM registration WHERE email = '${email}');
       DELETE FROM registration WHERE email = '${email}';
       DELETE FROM organisation WHERE id = '${id}';`);
});
