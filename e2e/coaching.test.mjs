// Coaching on request in Chromium, on a phone, in both languages. A neighbourhood opens PIC's
// « Accompagnement-conseil centré sur l'apprentissage » (as from the QR code on paper), asks
// for coaching from it: the organisation's form, refused by name, then sent; its link read
// from the message; on its page, 31 h this year and the request form, sent with Niska as the
// preferred partner. A coordinator assigns Niska, books a session and records 3 h; the
// neighbourhood's page then shows 28 h left and the 3 h used.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BASE, appReady, artifact, launch, phone } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';
import { lastMessageId, sentMessage } from '../tests/accounts.mjs';
import { fetch } from '../tests/client.mjs';

const RUN = randomBytes(3).toString('hex');
const DOMAIN = 'e2e-coaching.example.org';
const OFFERING = 'pic-accompagnement-apprentissage';
const COORDINATOR = { id: `acc-coaching-e2e-${RUN}`, email: `pic.${RUN}@${DOMAIN}`, password: 'a coaching e2e passphrase' };
const WORDS = {
  fr: {
    ask: 'Demander un accompagnement', submit: 'Recevoir le lien de notre organisation', organisation: 'Nom de l’organisation',
    neighbourhood: 'Une initiative de quartier', area: 'Quartier ou territoire', name: 'Nom', email: 'Courriel',
    consent: /J’accepte que ces informations/, received: 'Merci ! Le lien de votre organisation part par courriel.',
    hours: `Vos heures en ${new Date().getUTCFullYear()}`, subject: 'Le sujet', question: 'La question au cœur de votre initiative',
    partner: 'Partenaire souhaité·e', availability: 'Vos disponibilités', send: 'Envoyer la demande',
    sent: 'Votre demande est envoyée.', see: 'Voir mes demandes et mes heures', ready: /Prête/, used: 'Utilisées',
    required: 'Ce champ est obligatoire.',
  },
  en: {
    ask: 'Ask for coaching', submit: 'Get our organisation’s link', organisation: 'Name of the organisation',
    neighbourhood: 'A neighbourhood initiative', area: 'Neighbourhood or area', name: 'Name', email: 'Email',
    consent: /I agree that this information/, received: 'Thank you! Your organisation’s link is on its way by email.',
    hours: `Your hours in ${new Date().getUTCFullYear()}`, subject: 'Subject', question: 'The question at the heart of your initiative',
    partner: 'Preferred partner', availability: 'When you are available', send: 'Send the request',
    sent: 'Your request is sent.', see: 'See my requests and hours', ready: /Ready/, used: 'Used',
    required: 'This field is required.',
  },
};
let browser;

before(async () => {
  sql(staffSql({ ...COORDINATOR, name: 'Coordination PIC', networks: ['pic'] }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  sql(`DELETE FROM membership WHERE account_id = '${COORDINATOR.id}'; DELETE FROM account WHERE id = '${COORDINATOR.id}';`);
});

async function call(method, path, { body, session } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: {
      'CF-Connecting-IP': `10.71.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(session ? { Cookie: `__Host-relais_session=${session.token}`, 'X-CSRF-Token': session.csrf } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** The coordinator's steps on the organisation's one request: Niska assigned, 3 h booked, then given. */
async function coordinatorGivesThreeHours(organisation) {
  const login = await call('POST', '/api/auth/login', { body: { email: COORDINATOR.email, password: COORDINATOR.password } });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const session = { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(login.headers.get('set-cookie'))[1], csrf: login.body.csrf_token };
  const desk = await call('GET', '/api/dashboard/networks/pic/coaching', { session });
  const request = desk.body.requests.find((r) => r.organisation === organisation);
  assert.ok(request, `${organisation}'s request is on the desk`);
  const step = async (body) => {
    const res = await call('POST', `/api/dashboard/coaching-requests/${request.id}/steps`, { session, body });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  await step({ action: 'assign', partner: 'niska' });
  const booked = await step({ action: 'book', starts_at: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16) + ':00Z', minutes: 180 });
  await step({ action: 'record', minutes: 180, booking: booked.booking });
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

    await coordinatorGivesThreeHours(organisation);
    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { name: w.hours }).waitFor();
    assert.match(await page.locator('.budget .figure').first().textContent(), /^28\s?h$/);
    const used = page.locator('dl.balance').first().locator('dt', { hasText: w.used });
    assert.match(await used.locator('xpath=following-sibling::dd[1]').textContent(), /^3\s?h$/);
    assert.match(await page.locator('li.request').first().textContent(), /Niska/);
    await page.screenshot({ path: artifact(`coaching-organisation-${lang}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
