// The community and news of what is coming, in Chromium, in both languages. A person applies
// to GGSN's community of practice on a phone, reads where they stand from their emailed link,
// is accepted by a coordinator on the dashboard, and then reads the members-only summary
// sheet that a visitor is refused; in English, the same and leaving, which erases. A person
// asks to be told of a workshop's next dates from its page, confirms from the emailed link,
// gets exactly one message when a coordinator publishes an edition, and its link stops the
// next one. A participant of GGSN's next meeting reads its summary sheet from their manage link.
// Removing a member from the dashboard asks first, by keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BASE, appReady, launch, phone, watchCsp } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';
import { lastMessageId, sentMessage } from '../tests/accounts.mjs';
import { fetch } from '../tests/client.mjs';

const RUN = randomBytes(3).toString('hex');
const DOMAIN = 'e2e-community.example.org';
const COORDINATOR = { id: `acc-community-e2e-${RUN}`, email: `coordination.${RUN}@${DOMAIN}`, password: 'a community e2e passphrase', name: 'Coordination Communauté', networks: ['ggsn'] };
const SHEET = 'ggsn-fiche-groupes-sans-financement';
const MEETING = 'ggsn-rencontre-membres';
const MEETING_TITLE = { fr: 'Rencontre des membres du GGSN : nos outils qui ne circulent pas publiquement', en: 'GGSN members’ meeting: the tools we do not share publicly' };
const SHEET_TITLE = { fr: 'Fiche de résumé : soutenir des groupes sans financement ni personnel', en: 'Summary sheet: supporting groups with no funding and no staff' };
const made = [];
let browser;

before(async () => {
  sql(staffSql(COORDINATOR));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const id of made) {
    sql(`DELETE FROM follow WHERE offering_id = '${id}';
         DELETE FROM outbox WHERE edition_id IN (SELECT id FROM edition WHERE offering_id = '${id}');
         DELETE FROM session WHERE edition_id IN (SELECT id FROM edition WHERE offering_id = '${id}');
         DELETE FROM edition WHERE offering_id = '${id}'; DELETE FROM offering WHERE id = '${id}';`);
  }
  sql(`DELETE FROM community_member WHERE email LIKE '%@${DOMAIN}'; DELETE FROM follow WHERE email LIKE '%@${DOMAIN}';
       DELETE FROM membership WHERE account_id = '${COORDINATOR.id}'; DELETE FROM account WHERE id = '${COORDINATOR.id}';`);
});

const token = (message, page) => {
  const found = new RegExp(`/(fr|en)/${page}/([0-9a-f]{48})`).exec(message.body);
  assert.ok(found, `a ${page} link in: ${message.body}`);
  return found[2];
};

/** The coordinator signed in on the dashboard, on a desktop. */
async function coordinatorPage(lang) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { 'CF-Connecting-IP': `10.89.${randomBytes(1)[0]}.${randomBytes(1)[0]}` } });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  await page.goto(`${BASE}/${lang}/dashboard?network=ggsn`);
  await appReady(page);
  await page.getByLabel(lang === 'fr' ? 'Courriel' : 'Email').fill(COORDINATOR.email);
  await page.getByLabel(lang === 'fr' ? 'Mot de passe' : 'Password').fill(COORDINATOR.password);
  await page.getByRole('button', { name: lang === 'fr' ? 'Me connecter' : 'Sign in' }).click();
  await page.locator('.dash-bar').waitFor();
  await appReady(page);
  return { context, page, csp };
}

/** The dashboard's API as the coordinator (a session of its own). */
async function api() {
  const address = `10.90.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': address },
    body: JSON.stringify({ email: COORDINATOR.email, password: COORDINATOR.password }),
  });
  assert.equal(login.status, 200);
  const cookie = /^(__Host-relais_session=[0-9a-f]{64});/.exec(login.headers.get('set-cookie'))[1];
  const { csrf_token: csrf } = await login.json();
  return async (method, path, body) => {
    const res = await fetch(BASE + path, {
      method, headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf, 'CF-Connecting-IP': address },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** Applies on a phone, in `lang`, and returns the private link's token and the phone. */
async function apply(lang, who) {
  const person = await phone(browser, { locale: lang === 'fr' ? 'fr-CA' : 'en-GB', timezoneId: 'Africa/Dakar' });
  const { page } = person;
  await page.goto(`${BASE}/${lang}/community/ggsn`);
  await appReady(page);
  const words = lang === 'fr'
    ? { organisation: 'Au nom d’une organisation', submit: 'Envoyer ma demande', thanks: 'Merci ! Nous vous avons envoyé un lien par courriel.' }
    : { organisation: 'On behalf of an organisation', submit: 'Send my request', thanks: 'Thank you! We have sent you a link by email.' };
  // For who only wants the network's dates: its follow form, one link away.
  const follow = page.getByRole('link', { name: lang === 'fr' ? /^Seulement être prévenu·e des nouvelles dates/ : /^Only hear of new dates/ });
  assert.equal(await follow.getAttribute('href'), `/${lang}/follow?network=ggsn`);
  // Sent empty first: refused by name, nothing sent.
  await page.getByRole('button', { name: words.submit }).click();
  await page.locator('.error-summary, [role="alert"]').first().waitFor();
  await page.locator('fieldset').first().getByRole('checkbox').first().check();
  await page.getByRole('radio', { name: words.organisation }).check();
  await page.locator('#f-organisation').fill('Collectif des quartiers');
  await page.locator('#f-name').fill(`Awa ${who}`);
  const address = `${who}.${RUN}@${DOMAIN}`;
  await page.locator('#f-email').fill(address);
  await page.locator('#f-consent').check();
  const before = lastMessageId();
  await page.getByRole('button', { name: words.submit }).click();
  await page.getByRole('heading', { name: words.thanks }).waitFor();
  const message = await sentMessage(address, 'community_applied', before);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'nothing wider than the phone');
  return { person, address, token: token(message, 'member') };
}

/**
 * From the member page: the members' meeting, listed there alone, registered for through the
 * link; the visitor's page of the offering does not show it.
 */
async function registerForMembersMeeting(page, lang, link, address) {
  const words = lang === 'fr'
    ? { section: 'Rencontres réservées aux membres', register: 'S’inscrire', submit: 'M’inscrire', done: 'C’est confirmé : vous avez une place.', back: 'Retour à votre page de membre', manage: 'Gérer mon inscription' }
    : { section: 'Meetings for members', register: 'Register', submit: 'Register', done: 'Confirmed: you have a place.', back: 'Back to your member page', manage: 'Manage my registration' };
  const section = page.locator('section.member-editions');
  await section.getByRole('heading', { level: 2, name: words.section }).waitFor();
  const meeting = section.locator('li', { hasText: MEETING_TITLE[lang] });
  await meeting.getByRole('link', { name: words.register }).click();
  await page.waitForURL(new RegExp(`/${lang}/member/${link}/register/${MEETING}$`));
  await appReady(page);
  await page.getByRole('link', { name: words.back }).waitFor();
  await page.locator('#f-name').fill(`Awa ${lang}`);
  await page.locator('#f-email').fill(address);
  await page.locator('#f-consent').check();
  await page.getByRole('button', { name: words.submit }).click();
  await page.locator('#result-title').filter({ hasText: words.done }).waitFor();
  assert.deepEqual(sql(`SELECT status FROM registration WHERE edition_id = '${MEETING}' AND email = '${address}'`), [{ status: 'confirmed' }]);
  const manage = await page.getByRole('link', { name: words.manage }).getAttribute('href');
  assert.equal((await fetch(`${BASE}/api/registrations/${manage.split('/').at(-1)}`, { method: 'DELETE' })).status, 204);
  await page.goto(`${BASE}/${lang}/offerings/ggsn-communaute-pratique`);
  await appReady(page);
  assert.equal(await page.getByText(MEETING_TITLE[lang]).count(), 0, 'not on the public page');

  await page.goto(`${BASE}/${lang}/member/${link}`);
  await appReady(page);
}

/** Accepts `name`'s application on the dashboard's community page. */
async function accept(lang, name) {
  const coordinator = await coordinatorPage(lang);
  const { page } = coordinator;
  await page.locator('.dash-bar').getByRole('link', { name: lang === 'fr' ? 'Communauté' : 'Community' }).click();
  await page.waitForURL(new RegExp(`/${lang}/dashboard/community\\?network=ggsn$`));
  await appReady(page);
  const card = page.locator('li.application', { has: page.getByRole('heading', { level: 3, name }) });
  await card.getByRole('button', { name: lang === 'fr' ? 'Accepter' : 'Accept' }).click();
  await page.locator('#community-done').filter({ hasText: name }).waitFor();
  assert.equal(await card.getAttribute('data-standing'), 'member');
  assert.deepEqual(coordinator.csp, []);
  await coordinator.context.close();
}

test('FR: applying to GGSN on a phone, accepted on the dashboard, then reading the members-only sheet a visitor is refused', async () => {
  const { person, address, token: link } = await apply('fr', 'awa');
  const { page } = person;
  await page.goto(`${BASE}/fr/member/${link}`);
  await appReady(page);
  await page.getByText('En attente de la décision des coordinateur·rices').waitFor();
  assert.equal(await page.getByRole('link', { name: SHEET_TITLE.fr }).count(), 0, 'nothing members-only before the decision');

  // A visitor: not found, with nothing of it shown.
  await page.goto(`${BASE}/fr/library/${SHEET}`);
  await appReady(page);
  assert.equal(await page.getByText(SHEET_TITLE.fr).count(), 0);

  await accept('fr', `Awa awa`);
  await page.goto(`${BASE}/fr/member/${link}`);
  await appReady(page);
  await page.getByText('Vous êtes membre').waitFor();
  await registerForMembersMeeting(page, 'fr', link, address);
  await page.getByRole('link', { name: SHEET_TITLE.fr }).click();
  await page.getByRole('heading', { level: 1, name: SHEET_TITLE.fr }).waitFor();
  assert.deepEqual(person.errors, []);
  await person.context.close();
});

test('EN: applying, accepted, the members-only sheet, then leaving erases everything', async () => {
  const { person, address, token: link } = await apply('en', 'ama');
  const { page } = person;
  await accept('en', 'Awa ama');
  await page.goto(`${BASE}/en/member/${link}`);
  await appReady(page);
  await page.getByText('You are a member').waitFor();
  await registerForMembersMeeting(page, 'en', link, address);
  await page.getByRole('link', { name: SHEET_TITLE.en }).click();
  await page.getByRole('heading', { level: 1, name: SHEET_TITLE.en }).waitFor();
  await page.goBack();
  await appReady(page);
  await page.getByRole('button', { name: 'Leave the community and erase my data' }).click();
  await page.getByRole('button', { name: 'Yes, leave and erase' }).click();
  await page.getByText(/You have left/).waitFor();
  assert.equal(sql(`SELECT count(*) AS n FROM community_member WHERE email = '${address}'`)[0].n, 0);
  await page.goto(`${BASE}/en/member/${link}`);
  await appReady(page);
  assert.equal(await page.getByText('You are a member').count(), 0, 'the link no longer works');
  assert.deepEqual(person.errors, []);
  await person.context.close();
});

/** A published workshop of GGSN with no dates yet, made through the dashboard's API. */
async function workshopWithoutDates(call, marker) {
  const created = await call('POST', '/api/dashboard/networks/ggsn/offerings', {
    kind: 'workshop', format: 'online', topics: ['strategy'], languages: ['fr', 'en'],
    title: { fr: `${marker} : atelier à venir`, en: `${marker}: a coming workshop` },
    summary: { fr: 'Des dates bientôt.', en: 'Dates soon.' },
    description: { fr: 'Un atelier dont les dates seront annoncées.', en: 'A workshop whose dates will be announced.' },
  });
  made.push(created.id);
  await call('POST', `/api/dashboard/offerings/${created.id}/state`, { action: 'publish' });
  return created.id;
}

async function publishEdition(call, offering, startsAt) {
  const { id } = await call('POST', `/api/dashboard/offerings/${offering}/editions`, {
    title: { fr: 'Nouvelle date', en: 'New date' }, registration_mode: 'open', format: 'online', capacity: 20, instruction_languages: ['fr', 'en'], cost: { kind: 'free' },
  });
  const end = new Date(Date.parse(startsAt) + 90 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  await call('POST', `/api/dashboard/editions/${id}/sessions`, { starts_at: startsAt, ends_at: end, zone: 'America/Toronto' });
  await call('POST', `/api/dashboard/editions/${id}/state`, { action: 'publish' });
  return id;
}

const newsTo = (address) => sql(`SELECT count(*) AS n FROM outbox WHERE kind = 'new_dates' AND recipient = '${address}'`)[0].n;

for (const lang of ['fr', 'en']) {
  const words = lang === 'fr'
    ? { follow: 'Être prévenu·e des prochaines dates', submit: 'Me prévenir', confirm: 'Confirmer', sentHeading: /Vérifiez vos courriels/, confirmed: /Confirmé/, stopped: /ne recevrez plus/ }
    : { follow: 'Be told of the next dates', submit: 'Tell me', confirm: 'Confirm', sentHeading: /Check your email/, confirmed: /Confirmed/, stopped: /will not receive/ };
  test(`${lang.toUpperCase()}: told of a workshop's next dates from its page, confirmed from the email, exactly one message, and its link stops the next`, async () => {
    const call = await api();
    const offering = await workshopWithoutDates(call, `Dates ${lang} ${RUN}`);
    const person = await phone(browser, { locale: lang === 'fr' ? 'fr-CA' : 'en-GB', timezoneId: 'Africa/Dakar' });
    const { page } = person;
    await page.goto(`${BASE}/${lang}/offerings/${offering}`);
    await appReady(page);
    await page.getByRole('link', { name: words.follow }).click();
    await page.waitForURL(new RegExp(`/${lang}/follow\\?offering=${offering}$`));
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: new RegExp(`Dates ${lang} ${RUN}`) }).waitFor();
    const address = `follower-${lang}.${RUN}@${DOMAIN}`;
    await page.locator('#f-email').fill(address);
    await page.locator('#f-consent').check();
    let before = lastMessageId();
    await page.getByRole('button', { name: words.submit }).click();
    await page.getByRole('heading', { name: words.sentHeading }).waitFor();
    const confirmation = await sentMessage(address, 'follow_confirm', before);

    // Before confirming, a publication tells them nothing.
    await publishEdition(call, offering, '2027-02-10T15:00:00Z');
    assert.equal(newsTo(address), 0);
    await page.goto(`${BASE}/${lang}/follow/${token(confirmation, 'follow')}`);
    await appReady(page);
    await page.getByRole('button', { name: words.confirm }).click();
    await page.locator('#follow-done').filter({ hasText: words.confirmed }).waitFor();

    before = lastMessageId();
    await publishEdition(call, offering, '2027-03-10T15:00:00Z');
    const news = await sentMessage(address, 'new_dates', before);
    assert.equal(newsTo(address), 1, 'exactly one message');
    const stop = new RegExp(`(/${lang}/follow/[0-9a-f]{48}\\?stop)`).exec(news.body);
    assert.ok(stop, news.body);
    await page.goto(BASE + stop[1]);
    await appReady(page);
    await page.locator('#follow-done').filter({ hasText: words.stopped }).waitFor();
    await publishEdition(call, offering, '2027-09-10T15:00:00Z');
    assert.equal(newsTo(address), 0, 'nothing after stopping, and nothing kept of them');
    assert.deepEqual(person.errors, []);
    await person.context.close();
  });
}

test('FR and EN: a participant of GGSN’s next meeting reads its summary sheet from their manage link, on a phone', async () => {
  const [{ id: edition }] = sql(`SELECT e.id FROM edition e WHERE e.offering_id = 'ggsn-communaute-pratique' AND e.state = 'published' AND e.visibility = 'public'
    AND (SELECT min(starts_at) FROM session WHERE edition_id = e.id) > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    ORDER BY (SELECT min(starts_at) FROM session WHERE edition_id = e.id) LIMIT 1`);
  sql(`INSERT OR IGNORE INTO resource_link (resource_id, edition_id) VALUES ('${SHEET}', '${edition}')`);
  try {
    for (const lang of ['fr', 'en']) {
      const registered = await fetch(`${BASE}/api/editions/${edition}/registrations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `10.91.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
        body: JSON.stringify({ name: `Participant ${lang}`, email: `participant.${lang}.${RUN}@${DOMAIN}`, lang, zone: 'Asia/Kolkata', consent: true }),
      });
      assert.equal(registered.status, 201);
      const manage = new URL((await registered.json()).manage_url).pathname;
      const person = await phone(browser, { locale: lang === 'fr' ? 'fr-CA' : 'en-GB', timezoneId: 'Asia/Kolkata' });
      const { page } = person;
      await page.goto(BASE + manage);
      await appReady(page);
      const section = page.getByRole('region', { name: lang === 'fr' ? 'Documents pour les participant·es' : 'Documents for participants' });
      await section.getByRole('link', { name: SHEET_TITLE[lang] }).click();
      await page.waitForURL(new RegExp(`${manage}/library/${SHEET}$`));
      await page.getByRole('heading', { level: 1, name: SHEET_TITLE[lang] }).waitFor();
      await page.getByRole('link', { name: lang === 'fr' ? 'Retour à votre inscription' : 'Back to your registration' }).click();
      await page.waitForURL(new RegExp(`${manage}$`));
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'nothing wider than the phone');
      assert.deepEqual(person.errors, []);
      await person.context.close();
      const gone = await fetch(`${BASE}/api/registrations/${manage.split('/').at(-1)}`, { method: 'DELETE' });
      assert.equal(gone.status, 204);
    }
  } finally {
    sql(`DELETE FROM resource_link WHERE resource_id = '${SHEET}' AND edition_id = '${edition}'`);
  }
});

test('EN, by keyboard: removing a member from the dashboard asks first; « No » keeps them and the focus, « Yes » removes them', async () => {
  const address = `removed.${RUN}@${DOMAIN}`;
  const name = `Kofi ${RUN}`;
  const applied = await fetch(`${BASE}/api/networks/ggsn/community/applications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `10.92.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
    body: JSON.stringify({ name, email: address, lang: 'en', zone: 'Africa/Accra', languages: ['en'], on_behalf: 'individual', criteria: [0], consent: true }),
  });
  assert.equal(applied.status, 202);
  const [{ id }] = sql(`SELECT id FROM community_member WHERE email = '${address}'`);
  await (await api())('POST', `/api/dashboard/community-members/${id}/decision`, { decision: 'accept' });

  const coordinator = await coordinatorPage('en');
  const { page } = coordinator;
  await page.goto(`${BASE}/en/dashboard/community?network=ggsn`);
  await appReady(page);
  const card = page.locator('li.application', { has: page.getByRole('heading', { level: 3, name }) });
  await card.getByRole('button', { name: `Remove — ${name}` }).focus();
  await page.keyboard.press('Enter');
  const question = card.getByRole('group', { name: /^Remove .+ from the community\?/ });
  await question.waitFor();
  // The focus moves once the question is drawn (the next frame).
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'group', null, { timeout: 5_000 });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // « No, keep »
  await card.getByRole('button', { name: `Remove — ${name}` }).waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent?.trim().startsWith('Remove'), null, { timeout: 5_000 });
  assert.equal(sql(`SELECT standing FROM community_member WHERE id = '${id}'`)[0].standing, 'member');

  await page.keyboard.press('Enter');
  await question.waitFor();
  await card.getByRole('button', { name: 'Yes, remove' }).click();
  await page.locator('#community-done').filter({ hasText: name }).waitFor();
  assert.equal(await card.getAttribute('data-standing'), 'declined');
  assert.equal(sql(`SELECT standing FROM community_member WHERE id = '${id}'`)[0].standing, 'declined');
  assert.deepEqual(coordinator.csp, []);
  await coordinator.context.close();
});
