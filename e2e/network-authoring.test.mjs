// Each network runs its own bilingual catalog from the dashboard, as its coordinators do it in
// the browser: a GGSN coordinator writes a five-session training in French and English, makes
// its sessions by a rule across Toronto's change to summer time (previewed on Lagos's and
// Kolkata's clocks first), is told by name what stops publication, publishes, starts the next
// cohort, and moves a session someone registered for; the public page, the edition's feed and
// the registrant's message then all say the new time. The same coordinator meets the English
// dashboard too. A Hub coordinator can neither see nor change any of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, appReady, launch, watchCsp, takesFocus } from './browser.mjs';
import { fetch } from '../tests/client.mjs';
import { sql, staffSql } from '../tests/state.mjs';
import { lastMessageId, sentMessage } from '../tests/accounts.mjs';

// Unique per run, so the file runs beside the other dashboard tests on one stack, and again.
const RUN = Date.now().toString(36);
const DESKTOP = { width: 1280, height: 900 };
const GGSN = { id: `acc-authoring-ggsn-${RUN}`, email: `ggsn.${RUN}@e2e-authoring.example.org`, password: 'a ggsn authoring passphrase', name: 'Coordination GGSN', networks: ['ggsn'] };
const HUB = { id: `acc-authoring-hub-${RUN}`, email: `hub.${RUN}@e2e-authoring.example.org`, password: 'a hub authoring passphrase', name: 'Coordination Hub', networks: ['hub'] };
const VOLUNTEER_EN = { name: 'Ananya Rao', email: `ananya.${RUN}@e2e-authoring.example.org`, lang: 'en', zone: 'Asia/Kolkata' };
const VOLUNTEER = { name: 'Chiamaka Eze', email: `chiamaka.${RUN}@e2e-authoring.example.org`, lang: 'fr', zone: 'Africa/Lagos' };
const TITLE = { fr: `Tenir le fil entre fuseaux ${RUN}`, en: `Holding the thread across time zones ${RUN}` };
const TITLE_EN_RUN = { fr: `Veille partagée ${RUN}`, en: `Shared watch ${RUN}` };

// Every other Tuesday at 18:00 in Toronto, five times from 23 February 2027: Toronto moves to
// summer time on Sunday 14 March, between the second session and the third.
const DATES = ['2027-02-23', '2027-03-09', '2027-03-23', '2027-04-06', '2027-04-20'];
const STARTS = ['2027-02-23T23:00:00Z', '2027-03-09T23:00:00Z', '2027-03-23T22:00:00Z', '2027-04-06T22:00:00Z', '2027-04-20T22:00:00Z'];

const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
const list = (ids) => ids.map(q).join(', ') || 'NULL';
// What the page and the messages write with no-break spaces and isolation marks, as read.
const plain = (t) => (t ?? '').replace(/[\u2068\u2069]/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

let browser;
const ids = { offerings: [] };

/** The VEVENTs of a feed, unfolded, by UID. */
function vevents(ics) {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return Object.fromEntries(unfolded.split('BEGIN:VEVENT').slice(1).map((block) => {
    const event = block.split('END:VEVENT')[0];
    const field = (name) => new RegExp(`^${name}(?:;[^:]*)?:(.*)$`, 'm').exec(event)?.[1]?.trim();
    return [field('UID'), { start: field('DTSTART'), sequence: Number(field('SEQUENCE') ?? 0), status: field('STATUS') }];
  }));
}

/** The wall clock of `instant` in `zone`: `HH:MM`. */
const clockIn = (instant, zone) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

before(async () => {
  const networks = sql("SELECT id FROM network WHERE id IN ('ggsn', 'hub')").map((n) => n.id).sort();
  assert.deepEqual(networks, ['ggsn', 'hub'], 'the demo has the GGSN and Hub networks');
  sql(staffSql(GGSN));
  sql(staffSql(HUB));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  const offerings = list([...ids.offerings, ...sql(`SELECT id FROM offering WHERE title LIKE '%${RUN}%'`).map((o) => o.id)]);
  const editions = `SELECT id FROM edition WHERE offering_id IN (${offerings})`;
  sql(`DELETE FROM outbox WHERE edition_id IN (${editions});
       DELETE FROM registration_event WHERE edition_id IN (${editions});
       DELETE FROM manage_token WHERE registration_id IN (SELECT id FROM registration WHERE edition_id IN (${editions}));
       DELETE FROM registration WHERE edition_id IN (${editions});
       DELETE FROM session WHERE edition_id IN (${editions});
       DELETE FROM edition WHERE id IN (${editions});
       DELETE FROM offering_person WHERE offering_id IN (${offerings});
       DELETE FROM offering WHERE id IN (${offerings});
       DELETE FROM account WHERE id IN (${list([GGSN.id, HUB.id])});`);
});

const WORDS = {
  fr: { email: 'Courriel', password: 'Mot de passe', signIn: 'Me connecter', offerings: 'Offres' },
  en: { email: 'Email', password: 'Password', signIn: 'Sign in', offerings: 'Offerings' },
};

async function signIn(page, who, lang) {
  const w = WORDS[lang];
  await page.goto(`${BASE}/${lang}/dashboard`);
  await appReady(page);
  await page.getByLabel(w.email).fill(who.email);
  await page.getByLabel(w.password).fill(who.password);
  await page.getByRole('button', { name: w.signIn }).click();
  await page.getByRole('heading', { level: 2, name: w.offerings }).waitFor();
  await appReady(page);
}

async function desktop(lang, timezoneId = 'America/Toronto') {
  const context = await browser.newContext({ viewport: DESKTOP, locale: lang === 'fr' ? 'fr-CA' : 'en-CA', timezoneId });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors, csp };
}

/** Fills a rule: every two weeks on Tuesdays at 18:00 in Toronto, five times from 23 February 2027. */
async function fillRule(rule, w) {
  await rule.getByRole('spinbutton', { name: w.interval }).fill('2');
  await rule.getByRole('checkbox', { name: w.tuesday }).check();
  await rule.getByRole('textbox', { name: w.start, exact: true }).fill(DATES[0]);
  await rule.getByRole('textbox', { name: w.time }).fill('18:00');
  await rule.getByRole('spinbutton', { name: w.duration }).fill('90');
  await rule.getByRole('combobox', { name: w.zone }).fill('America/Toronto');
  await rule.getByRole('spinbutton', { name: w.count }).fill('5');
  // The coordinator picks the zones the preview shows: Lagos and Kolkata, no third.
  await rule.getByRole('combobox', { name: w.other(1) }).fill('Africa/Lagos');
  await rule.getByRole('combobox', { name: w.other(2) }).fill('Asia/Kolkata');
  await rule.getByRole('combobox', { name: w.other(3) }).fill('');
}

/** The preview as read: each session's organiser line and its other clocks, and the notes. */
async function readPreview(page) {
  const preview = page.locator('section.preview');
  const rows = [];
  for (const li of await preview.locator('.preview-list > li').all()) {
    rows.push({ organiser: plain(await li.locator('strong').textContent()), others: (await li.locator('.other-clocks li').allTextContents()).map(plain) });
  }
  return { rows, notes: (await preview.locator('.clock-notes li').allTextContents()).map(plain) };
}

test('a GGSN coordinator writes a bilingual training in French, sessions by a rule across a clock change, publishes, duplicates, and moves a session a volunteer registered for', async () => {
  const { context, page, errors, csp } = await desktop('fr');
  await signIn(page, GGSN, 'fr');
  // The desk is GGSN's.
  assert.match(await page.locator('.network-name').textContent(), /GGSN/);

  // 1. The offering: a five-session training, its English description not written yet.
  await page.getByRole('link', { name: 'Nouvelle offre' }).click();
  await page.waitForURL(/\/fr\/dashboard\/offerings\/new\?network=ggsn$/);
  await appReady(page);
  await page.getByLabel('Type d’offre').selectOption('training_series');
  await page.getByRole('combobox', { name: 'Format', exact: true }).selectOption('online');
  await page.getByLabel('Titre — français', { exact: true }).fill(TITLE.fr);
  await page.getByLabel('Titre — anglais', { exact: true }).fill(TITLE.en);
  await page.getByLabel('Résumé — français', { exact: true }).fill('Cinq soirées pour coordonner une équipe répartie sur plusieurs continents.');
  await page.getByLabel('Résumé — anglais', { exact: true }).fill('Five evenings on coordinating a team spread across continents.');
  await page.getByLabel('Description — français', { exact: true }).fill('Cinq séances : rythme, outils et soin des personnes quand les horloges diffèrent.');
  await page.getByRole('group', { name: 'Thèmes' }).getByLabel('Stratégie', { exact: true }).check();
  await page.getByRole('group', { name: /Langues d’animation/ }).getByLabel('français').check();
  await page.getByRole('group', { name: /Langues d’animation/ }).getByLabel('anglais').check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/\/fr\/dashboard\/offerings\/offering-[0-9a-f]+$/);
  const offeringUrl = page.url();
  ids.offering = offeringUrl.split('/').pop();
  ids.offerings.push(ids.offering);
  await page.getByRole('heading', { level: 1, name: TITLE.fr }).waitFor();
  await appReady(page);
  assert.equal(await page.locator('.status-line .badge').textContent(), 'Brouillon');

  // The edition, open to registration, given in French and English, 20 places.
  await page.getByLabel('Mode d’inscription').selectOption('open');
  await page.getByRole('button', { name: 'Nouvelle édition' }).click();
  await page.waitForURL(/\/fr\/dashboard\/editions\/[^/]+$/);
  const editionUrl = page.url();
  ids.edition = editionUrl.split('/').pop();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await appReady(page);
  await page.getByRole('button', { name: '+ français' }).click();
  await page.getByRole('button', { name: '+ anglais' }).click();
  await page.getByLabel('Titre de l’édition — français', { exact: true }).fill('Cohorte de printemps 2027');
  await page.getByLabel('Titre de l’édition — anglais', { exact: true }).fill('Spring 2027 cohort');
  await page.getByLabel('Capacité (places)').fill('20');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.locator('.form-actions .done', { hasText: 'Enregistré.' }).waitFor();

  // Its sessions by a rule, previewed first on Lagos's and Kolkata's clocks.
  await page.getByText('Créer des séances selon une règle').click();
  const rule = page.locator('form.rule-form');
  await fillRule(rule, {
    interval: 'Toutes les (semaines, mois ou jours)', tuesday: 'mardi', start: 'À partir du', time: 'Heure de début',
    duration: 'Durée (minutes)', zone: 'Fuseau horaire de l’organisation', count: 'Nombre de séances', other: (n) => `Autre fuseau ${n}`,
  });
  await rule.getByRole('button', { name: 'Aperçu' }).click();
  await page.locator('section.preview').getByRole('heading', { name: 'Aperçu : 5 séances' }).waitFor();
  const preview = await readPreview(page);
  // The organiser's wall clock stays 18:00, a Tuesday, across the change (UTC−5, then UTC−4).
  assert.deepEqual(preview.rows.map((r) => r.organiser), [
    'mardi 23 février 2027, 18 h (America/Toronto, UTC−5)',
    'mardi 9 mars 2027, 18 h (America/Toronto, UTC−5)',
    'mardi 23 mars 2027, 18 h (America/Toronto, UTC−4)',
    'mardi 6 avril 2027, 18 h (America/Toronto, UTC−4)',
    'mardi 20 avril 2027, 18 h (America/Toronto, UTC−4)',
  ]);
  // Lagos: midnight, Wednesday, then 23:00 the same Tuesday; Kolkata: 4:30 then 3:30, Wednesdays.
  assert.deepEqual(preview.rows.map((r) => r.others), [
    ['Lagos : mercredi 24 février 2027, 0 h', 'Kolkata : mercredi 24 février 2027, 4 h 30'],
    ['Lagos : mercredi 10 mars 2027, 0 h', 'Kolkata : mercredi 10 mars 2027, 4 h 30'],
    ['Lagos : 23 h', 'Kolkata : mercredi 24 mars 2027, 3 h 30'],
    ['Lagos : 23 h', 'Kolkata : mercredi 7 avril 2027, 3 h 30'],
    ['Lagos : 23 h', 'Kolkata : mercredi 21 avril 2027, 3 h 30'],
  ]);
  assert.deepEqual(preview.notes, [
    'À partir du 23 mars, 23 h à Lagos au lieu de minuit (changement d’heure).',
    'À partir du 24 mars, 3 h 30 à Kolkata au lieu de 4 h 30 (changement d’heure).',
    'À partir du 23 mars, l’organisation passe à UTC−4 (au lieu de UTC−5).',
  ]);
  // One title for the five, in both languages.
  await rule.getByLabel('Titre des séances — français', { exact: true }).fill('Rencontre de la formation');
  await rule.getByLabel('Titre des séances — anglais', { exact: true }).fill('Training meeting');
  await rule.getByRole('button', { name: 'Créer les séances' }).click();
  await rule.locator('.done', { hasText: '5 séances créées.' }).waitFor();
  assert.equal(await page.locator('.dash-sessions > li').count(), 5);
  const sessions = sql(`SELECT id, starts_at, sequence, title FROM session WHERE edition_id = ${q(ids.edition)} ORDER BY starts_at`);
  assert.deepEqual(sessions.map((s) => s.starts_at), STARTS);
  for (const s of sessions) assert.deepEqual(JSON.parse(s.title), { fr: 'Rencontre de la formation', en: 'Training meeting' });
  ids.sessions = sessions.map((s) => s.id);

  // 2. Publishing the offering is refused while its English description is empty, by name.
  await page.getByRole('link', { name: 'Retour à l’offre' }).click();
  await page.waitForURL(offeringUrl);
  await page.getByRole('heading', { level: 1, name: TITLE.fr }).waitFor();
  await appReady(page);
  await page.getByRole('button', { name: 'Publier' }).click();
  const alert = page.locator('#offering-summary');
  await alert.waitFor({ state: 'visible' });
  assert.equal(plain(await alert.locator('p').first().textContent()), 'Un champ est à corriger :');
  assert.deepEqual((await alert.locator('li').allTextContents()).map(plain), ['Description — anglais : Ce champ est obligatoire.']);
  const english = page.getByLabel('Description — anglais', { exact: true });
  assert.equal(await english.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('.status-line .badge').textContent(), 'Brouillon');
  await english.fill('Five sessions: rhythm, tools and care for people when clocks differ.');
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.locator('.status-line .badge', { hasText: 'Publié' }).waitFor();
  assert.equal(await alert.isVisible(), false);

  // Then the edition.
  await page.goto(editionUrl);
  await page.getByRole('heading', { level: 1, name: 'Cohorte de printemps 2027' }).waitFor();
  await appReady(page);
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.locator('.status-line .badge', { hasText: 'Publié' }).waitFor();

  // 3. The next cohort: a draft copy whose first session falls on or after 1 September.
  await page.getByLabel('Première séance le ou après le').fill('2027-09-01');
  await page.getByRole('button', { name: 'Dupliquer' }).click();
  await page.waitForURL((url) => url.href !== editionUrl && /\/fr\/dashboard\/editions\//.test(url.href));
  await appReady(page);
  await page.locator('.dash-sessions > li').first().waitFor();
  assert.equal(await page.locator('.status-line .badge').textContent(), 'Brouillon');
  const next = (await page.locator('.dash-sessions > li .when').allTextContents()).map(plain);
  assert.equal(next.length, 5);
  assert.match(next[0], /^Séance 1 mardi 7 septembre 2027, 18 h – 19 h 30 \(America\/Toronto\)$/);
  assert.ok(next.every((s) => /mardi .* 18 h – 19 h 30 \(America\/Toronto\)$/.test(s)), `every copy on Tuesdays at 18:00: ${next}`);

  // 4. A volunteer registers for the first edition, in French, on Lagos's clock.
  const registered = await fetch(`${BASE}/api/editions/${ids.edition}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'fr', 'Idempotency-Key': `authoring-${RUN}`, 'CF-Connecting-IP': '172.21.0.7' },
    body: JSON.stringify({ ...VOLUNTEER, consent: true }),
  });
  const answer = await registered.text();
  assert.equal(registered.status, 201, answer);
  assert.equal(JSON.parse(answer).status, 'confirmed');

  // The coordinator moves the third session (23 March) an hour later: 19:00 in Toronto.
  const beforeMove = lastMessageId();
  await page.goto(editionUrl);
  await page.getByRole('heading', { level: 1, name: 'Cohorte de printemps 2027' }).waitFor();
  await appReady(page);
  await page.getByText('Une personne est inscrite').waitFor();
  const third = page.locator('.dash-sessions > li').nth(2);
  assert.equal(plain(await third.locator('.when').textContent()), 'Séance 3 mardi 23 mars 2027, 18 h – 19 h 30 (America/Toronto)');
  await third.locator('summary').click();
  await third.getByRole('textbox', { name: 'Début', exact: true }).fill('19:00');
  await third.getByRole('textbox', { name: 'Fin', exact: true }).fill('20:30');
  await third.getByRole('button', { name: 'Enregistrer la séance' }).click();
  await page.locator('.dash-sessions > li').nth(2).locator('.when', { hasText: /19\sh\s–\s20\sh\s30/ }).waitFor();
  const moved = ids.sessions[2];
  const [row] = sql(`SELECT starts_at, ends_at, sequence FROM session WHERE id = ${q(moved)}`);
  assert.deepEqual([row.starts_at, row.ends_at], ['2027-03-23T23:00:00Z', '2027-03-24T00:30:00Z']);
  assert.equal(clockIn(row.starts_at, 'America/Toronto'), '19:00');
  assert.ok(row.sequence > sessions[2].sequence, `SEQUENCE raised: ${row.sequence}`);

  // 5. The public page, on the reader's clock in Lagos: Wednesday 24 March at midnight now.
  const reader = await desktop('fr', 'Africa/Lagos');
  await reader.page.goto(`${BASE}/fr/offerings/${ids.offering}`);
  await appReady(reader.page);
  await reader.page.getByRole('heading', { level: 1, name: TITLE.fr }).waitFor();
  const when = reader.page.locator('time[datetime="2027-03-23T23:00:00+00:00"]');
  await when.waitFor();
  assert.equal(plain(await when.textContent()), 'mercredi 24 mars 2027, 0 h – 1 h 30');
  assert.equal(await reader.page.locator('time[datetime="2027-03-23T22:00:00+00:00"]').count(), 0, 'the old time is gone');
  assert.match(plain(await when.locator('xpath=..').textContent()), /Africa\/Lagos/);
  assert.deepEqual(reader.errors, []);
  assert.deepEqual(reader.csp, []);
  await reader.context.close();
  // And its JSON.
  const detail = await (await fetch(`${BASE}/api/offerings/${ids.offering}?lang=fr&tz=Africa/Lagos`)).json();
  const publicEdition = detail.upcoming_editions.find((e) => e.id === ids.edition);
  assert.deepEqual(publicEdition.sessions.map((s) => s.starts_at), [STARTS[0], STARTS[1], '2027-03-23T23:00:00Z', STARTS[3], STARTS[4]]);
  assert.ok(!detail.upcoming_editions.some((e) => e.id !== ids.edition), 'the next cohort is a draft');

  // The edition's feed: the same event, at the new time, a version later than the others.
  const feedAnswer = await fetch(`${BASE}/api/editions/${ids.edition}/calendar.ics`);
  assert.equal(feedAnswer.status, 200);
  const feed = vevents(await feedAnswer.text());
  const event = feed[`session-${moved}@relais`];
  assert.ok(event, 'the moved session keeps its UID');
  assert.equal(event.start, '20270323T230000Z');
  assert.ok(event.sequence >= 1, `SEQUENCE ${event.sequence}`);
  for (const id of ids.sessions.filter((s) => s !== moved)) assert.ok(feed[`session-${id}@relais`].sequence < event.sequence, `${id} unchanged`);

  // The registrant's message: in French, the new time on their clock, Lagos's.
  const message = await sentMessage(VOLUNTEER.email, 'session_changed', beforeMove);
  const body = plain(message.body);
  assert.match(plain(message.subject), /^Changement : /);
  assert.match(body, /Séances, à votre heure \(Africa\/Lagos\)/);
  assert.match(body, /mercredi 24 mars 2027, 0 h – 1 h 30/);
  assert.doesNotMatch(body, /mardi 23 mars 2027, 23 h/);

  // The last session is taught in Spanish: its own languages, apart from the edition's.
  const last = page.locator('.dash-sessions > li').nth(4);
  await last.locator('summary').click();
  await last.getByRole('button', { name: '+ espagnol' }).click();
  await last.getByRole('button', { name: 'Enregistrer la séance' }).click();
  await page.locator('.dash-sessions > li').nth(4).locator('.session-languages', { hasText: 'Langues de cette séance : espagnol' }).waitFor();
  const [spanish] = sql(`SELECT instruction_languages FROM session WHERE id = ${q(ids.sessions[4])}`);
  assert.deepEqual(JSON.parse(spanish.instruction_languages), ['es']);
  const after = await (await fetch(`${BASE}/api/offerings/${ids.offering}?lang=fr`)).json();
  const lastSession = after.upcoming_editions.find((e) => e.id === ids.edition).sessions[4];
  assert.deepEqual(lastSession.instruction_languages, ['es']);

  assert.deepEqual(errors, []);
  assert.deepEqual(csp, [], 'no CSP violation');
  await context.close();
});

test('the same coordinator in English: a refused publication named in English, the preview on Lagos and Kolkata clocks, the sessions, the next cohort, a moved session on a Kolkata reader\'s page, feed and message', async () => {
  const { context, page, errors, csp } = await desktop('en');
  await signIn(page, GGSN, 'en');
  await page.getByRole('link', { name: 'New offering' }).click();
  await page.waitForURL(/\/en\/dashboard\/offerings\/new\?network=ggsn$/);
  await appReady(page);
  await page.getByLabel('Kind of offering').selectOption('training_series');
  await page.getByRole('combobox', { name: 'Format', exact: true }).selectOption('online');
  await page.getByLabel('Title — French', { exact: true }).fill(TITLE_EN_RUN.fr);
  await page.getByLabel('Title — English', { exact: true }).fill(TITLE_EN_RUN.en);
  await page.getByLabel('Summary — French', { exact: true }).fill('Cinq veilles partagées.');
  await page.getByLabel('Summary — English', { exact: true }).fill('Five shared watches.');
  // The French description is left for later.
  await page.getByLabel('Description — English', { exact: true }).fill('Five sessions on keeping watch together.');
  await page.getByRole('group', { name: /Delivery languages/ }).getByLabel('English').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/en\/dashboard\/offerings\/offering-[0-9a-f]+$/);
  const offeringUrl = page.url();
  ids.offerings.push(offeringUrl.split('/').pop());
  await page.getByRole('heading', { level: 1, name: TITLE_EN_RUN.en }).waitFor();
  await appReady(page);
  assert.equal(await page.locator('.status-line .badge').textContent(), 'Draft');

  await page.getByRole('button', { name: 'Publish' }).click();
  const alert = page.locator('#offering-summary');
  await alert.waitFor({ state: 'visible' });
  assert.equal(plain(await alert.locator('p').first().textContent()), 'One field needs correcting:');
  assert.deepEqual((await alert.locator('li').allTextContents()).map(plain), ['Description — French: This field is required.']);
  const french = page.getByLabel('Description — French', { exact: true });
  assert.equal(await french.getAttribute('aria-invalid'), 'true');
  await alert.getByRole('link', { name: /^Description — French/ }).click();
  assert.equal(await takesFocus(french), true, 'the link focuses the field');

  // An edition and the rule's preview, in English.
  await page.getByLabel('Registration mode').selectOption('open');
  await page.getByRole('button', { name: 'New edition' }).click();
  await page.waitForURL(/\/en\/dashboard\/editions\/[^/]+$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await appReady(page);
  await page.getByRole('button', { name: '+ English' }).click();
  await page.getByLabel('Edition title — French', { exact: true }).fill('Veille de printemps 2027');
  await page.getByLabel('Edition title — English', { exact: true }).fill('Spring 2027 watch');
  await page.getByLabel('Capacity (places)').fill('20');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.form-actions .done', { hasText: 'Saved.' }).waitFor();
  await page.getByText('Create sessions by a rule').click();
  const rule = page.locator('form.rule-form');
  await fillRule(rule, {
    interval: 'Every (weeks, months or days)', tuesday: 'Tuesday', start: 'Starting on', time: 'Start time',
    duration: 'Duration (minutes)', zone: 'Organiser’s time zone', count: 'Number of sessions', other: (n) => `Other zone ${n}`,
  });
  await rule.getByRole('button', { name: 'Preview' }).click();
  await page.locator('section.preview').getByRole('heading', { name: 'Preview: 5 sessions' }).waitFor();
  const preview = await readPreview(page);
  assert.equal(preview.rows.length, 5);
  assert.deepEqual(preview.rows.map((r) => r.organiser), [
    'Tuesday, February 23, 2027, 6:00 PM (America/Toronto, UTC−5)',
    'Tuesday, March 9, 2027, 6:00 PM (America/Toronto, UTC−5)',
    'Tuesday, March 23, 2027, 6:00 PM (America/Toronto, UTC−4)',
    'Tuesday, April 6, 2027, 6:00 PM (America/Toronto, UTC−4)',
    'Tuesday, April 20, 2027, 6:00 PM (America/Toronto, UTC−4)',
  ]);
  assert.deepEqual(preview.rows.map((r) => r.others), [
    ['Lagos: Wednesday, February 24, 2027, 12:00 AM', 'Kolkata: Wednesday, February 24, 2027, 4:30 AM'],
    ['Lagos: Wednesday, March 10, 2027, 12:00 AM', 'Kolkata: Wednesday, March 10, 2027, 4:30 AM'],
    ['Lagos: 11:00 PM', 'Kolkata: Wednesday, March 24, 2027, 3:30 AM'],
    ['Lagos: 11:00 PM', 'Kolkata: Wednesday, April 7, 2027, 3:30 AM'],
    ['Lagos: 11:00 PM', 'Kolkata: Wednesday, April 21, 2027, 3:30 AM'],
  ]);
  assert.deepEqual(preview.notes, [
    'From March 23, 11:00 PM in Lagos instead of midnight (clock change).',
    'From March 24, 3:30 AM in Kolkata instead of 4:30 AM (clock change).',
    'From March 23, the organiser’s clock is UTC−4 (instead of UTC−5).',
  ]);
  const editionUrl = page.url();
  const edition = editionUrl.split('/').pop();
  assert.equal(sql(`SELECT count(*) AS n FROM session WHERE edition_id = ${q(edition)}`)[0].n, 0, 'a preview saves nothing');
  await rule.getByRole('button', { name: 'Create the sessions' }).click();
  await rule.locator('.done', { hasText: '5 sessions created.' }).waitFor();
  const sessions = sql(`SELECT id, starts_at, sequence FROM session WHERE edition_id = ${q(edition)} ORDER BY starts_at`);
  assert.deepEqual(sessions.map((s) => s.starts_at), STARTS);

  // Back to the offering: its French description written, it publishes; then the edition.
  await page.goto(offeringUrl);
  await page.getByRole('heading', { level: 1, name: TITLE_EN_RUN.en }).waitFor();
  await appReady(page);
  await page.getByLabel('Description — French', { exact: true }).fill('Cinq séances pour veiller ensemble.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.locator('.status-line .badge', { hasText: 'Published' }).waitFor();
  assert.match(plain(await page.locator('.done').allTextContents().then((t) => t.join(' '))), /Published: the page is in the catalog\./);
  await page.goto(editionUrl);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await appReady(page);
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.locator('.status-line .badge', { hasText: 'Published' }).waitFor();

  // The next cohort, in English: Tuesdays at 6 PM in Toronto from September.
  await page.getByLabel('First session on or after').fill('2027-09-01');
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await page.waitForURL((url) => url.href !== editionUrl && /\/en\/dashboard\/editions\//.test(url.href));
  await appReady(page);
  await page.locator('.dash-sessions > li').first().waitFor();
  assert.equal(await page.locator('.status-line .badge').textContent(), 'Draft');
  const next = (await page.locator('.dash-sessions > li .when').allTextContents()).map(plain);
  assert.equal(next.length, 5);
  assert.match(next[0], /^Session 1 Tuesday, September 7, 2027, 6:00/);

  // A volunteer on Kolkata's clock registers, in English; the third session moves an hour later.
  const registered = await fetch(`${BASE}/api/editions/${edition}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', 'Idempotency-Key': `authoring-en-${RUN}`, 'CF-Connecting-IP': '172.21.0.8' },
    body: JSON.stringify({ ...VOLUNTEER_EN, consent: true }),
  });
  const answer = await registered.text();
  assert.equal(registered.status, 201, answer);
  const beforeMove = lastMessageId();
  await page.goto(editionUrl);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await appReady(page);
  const third = page.locator('.dash-sessions > li').nth(2);
  await third.locator('summary').click();
  await third.getByRole('textbox', { name: 'Start', exact: true }).fill('19:00');
  await third.getByRole('textbox', { name: 'End', exact: true }).fill('20:30');
  await third.getByRole('button', { name: 'Save the session' }).click();
  await page.locator('.dash-sessions > li').nth(2).locator('.when', { hasText: /7:00/ }).waitFor();
  const [row] = sql(`SELECT starts_at, sequence FROM session WHERE id = ${q(sessions[2].id)}`);
  assert.equal(row.starts_at, '2027-03-23T23:00:00Z');
  assert.ok(row.sequence > sessions[2].sequence);

  // The public page on the reader's clock in Kolkata: Wednesday 24 March at 4:30 AM now.
  const reader = await desktop('en', 'Asia/Kolkata');
  await reader.page.goto(`${BASE}/en/offerings/${offeringUrl.split('/').pop()}`);
  await appReady(reader.page);
  await reader.page.getByRole('heading', { level: 1, name: TITLE_EN_RUN.en }).waitFor();
  const when = reader.page.locator('time[datetime="2027-03-23T23:00:00+00:00"]');
  await when.waitFor();
  assert.match(plain(await when.textContent()), /^Wednesday, March 24, 2027, 4:30/);
  assert.equal(await reader.page.locator('time[datetime="2027-03-23T22:00:00+00:00"]').count(), 0, 'the old time is gone');
  await reader.context.close();
  // The feed, and the registrant's message in English on their clock.
  const feed = vevents(await (await fetch(`${BASE}/api/editions/${edition}/calendar.ics`)).text());
  const event = feed[`session-${sessions[2].id}@relais`];
  assert.equal(event.start, '20270323T230000Z');
  assert.ok(event.sequence >= 1);
  const message = await sentMessage(VOLUNTEER_EN.email, 'session_changed', beforeMove);
  assert.match(plain(message.subject), /^Change: /);
  assert.match(plain(message.body), /Wednesday, March 24, 2027, 4:30/);

  // Out of the catalog again.
  await page.goto(offeringUrl);
  await page.getByRole('heading', { level: 1, name: TITLE_EN_RUN.en }).waitFor();
  await appReady(page);
  await page.getByRole('button', { name: 'Archive' }).click();
  await page.locator('.status-line .badge', { hasText: 'Archived' }).waitFor();
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, [], 'no CSP violation');
  await context.close();
});

test('a Hub coordinator neither sees nor changes GGSN\'s offering, edition or sessions', async () => {
  assert.ok(ids.offering && ids.edition && ids.sessions?.length === 5, 'the GGSN items of the first test');
  const snapshot = () => sql(`SELECT
    (SELECT group_concat(id || ':' || state || ':' || title, '|') FROM offering WHERE id = ${q(ids.offering)}) AS offering,
    (SELECT group_concat(id || ':' || state || ':' || ifnull(capacity, ''), '|') FROM edition WHERE offering_id = ${q(ids.offering)}) AS editions,
    (SELECT group_concat(id || ':' || starts_at || ':' || sequence || ':' || ifnull(cancelled_at, ''), '|') FROM session WHERE edition_id = ${q(ids.edition)}) AS sessions,
    (SELECT count(*) FROM offering) AS offerings, (SELECT count(*) FROM edition) AS all_editions, (SELECT count(*) FROM audit) AS audit`)[0];
  const before = snapshot();
  const { context, page, errors, csp } = await desktop('fr');
  await signIn(page, HUB, 'fr');
  // Their desk is the Hub's, and lists nothing of GGSN's.
  assert.doesNotMatch(await page.locator('.network-name').textContent(), /GGSN/);
  const desk = await page.locator('article.desk').textContent();
  assert.ok(!desk.includes(RUN), 'no GGSN offering of this run on the Hub desk');
  assert.equal(await page.locator(`a[href*="${ids.offering}"]`).count(), 0);
  // Their pages: not found, as for an address that does not exist.
  for (const path of [`offerings/${ids.offering}`, `editions/${ids.edition}`]) {
    await page.goto(`${BASE}/fr/dashboard/${path}`);
    await page.locator('.not-found').getByRole('heading', { name: 'Page introuvable' }).waitFor();
    assert.ok(!(await page.content()).includes(TITLE.fr), `nothing of ${path} shows`);
  }
  // Nor touch them, with their own session's CSRF token.
  const tries = [
    ['PUT', `/api/dashboard/offerings/${ids.offering}`, { kind: 'training_series', format: 'online', title: { fr: 'Pris', en: 'Taken' } }],
    ['POST', `/api/dashboard/offerings/${ids.offering}/state`, { action: 'archive' }],
    ['POST', `/api/dashboard/offerings/${ids.offering}/editions`, { registration_mode: 'open', format: 'online' }],
    ['PUT', `/api/dashboard/editions/${ids.edition}`, { registration_mode: 'open', format: 'online', capacity: 1 }],
    ['POST', `/api/dashboard/editions/${ids.edition}/state`, { action: 'unpublish' }],
    ['POST', `/api/dashboard/editions/${ids.edition}/duplicate`, { on_or_after: '2028-01-01' }],
    ['PUT', `/api/dashboard/sessions/${ids.sessions[0]}`, { starts_at: '2027-02-23T20:00:00Z', ends_at: '2027-02-23T21:00:00Z', zone: 'America/Toronto' }],
    ['DELETE', `/api/dashboard/editions/${ids.edition}`],
  ];
  const answers = await page.evaluate(async (tries) => {
    const me = await (await fetch('/api/auth/me')).json();
    const out = [];
    for (const [method, path, body] of tries) {
      const res = await fetch(`${path}?lang=fr`, {
        method,
        headers: { 'X-CSRF-Token': me.csrf_token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      out.push([method, path, res.status, res.headers.get('content-type'), (await res.json()).type]);
    }
    return out;
  }, tries);
  for (const [method, path, status, type, problem] of answers) {
    assert.equal(status, 404, `${method} ${path}`);
    assert.match(type, /^application\/problem\+json/);
    assert.equal(problem, '/api/problems/not-found');
  }
  assert.deepEqual(snapshot(), before, 'nothing changed');
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, [], 'no CSP violation');
  await context.close();
});
