// Fair hours across continents, as a GGSN coordinator plans them in the browser, in French
// and in English, each language on an edition of its own: the edition's registrants in Lagos,
// Bogotá, Kolkata, Toronto and Auckland, six meetings every two months; the rotation the
// assistant proposes keeps every region to two night sessions at most, where any single time
// leaves some region five or more; applied, the six sessions are in the catalog. Then, on a
// phone, the welcome session's attendance by taps and the people's CSV, read back by
// Python's csv module. In English also, the same assistant for zones typed by hand and for
// one meeting on the day Toronto changes its clocks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BASE, PHONE, appReady, launch, watchCsp } from './browser.mjs';
import { fetch } from '../tests/client.mjs';
import { sql, staffSql } from '../tests/state.mjs';

const RUN = Date.now().toString(36);
const DESKTOP = { width: 1280, height: 900 };
const OFFERING = 'ggsn-communaute-pratique';
const COORDINATOR = { id: `acc-fair-${RUN}`, email: `fair.${RUN}@e2e-fair.example.org`, password: 'a fair hours passphrase', name: 'Coordination GGSN', networks: ['ggsn'] };
const LANGS = ['fr', 'en'];
// One edition per language, so that each run plans, applies and marks its own.
const TITLES = {
  fr: { fr: `Cercle des régions ${RUN}`, en: `Circle of regions ${RUN}` },
  en: { fr: `Cercle des fuseaux ${RUN}`, en: `Circle of time zones ${RUN}` },
};
// Two people in Lagos and in Kolkata, one elsewhere: the table counts people, not zones.
const PEOPLE = [
  ['Chiamaka Eze', 'Africa/Lagos', 'fr'],
  ['Tunde Bello', 'Africa/Lagos', 'en'],
  ['Valentina Muñoz', 'America/Bogota', 'fr'],
  ['Ananya Rao', 'Asia/Kolkata', 'en'],
  ['Ravi Menon', 'Asia/Kolkata', 'en'],
  ['Marie-Hélène Tremblay', 'America/Toronto', 'fr'],
  ['Aroha Ngata', 'Pacific/Auckland', 'en'],
];
const plain = (t) => (t ?? '').replace(/[\u2068\u2069]/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

let browser;
/** The edition of each language's run. */
const editions = {};

async function call(method, path, { as, body, headers = {} } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: {
      'CF-Connecting-IP': `172.20.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 200) + 1}`,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(as ? { Cookie: `__Host-relais_session=${as.token}`, 'X-CSRF-Token': as.csrf } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, text, body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : null };
}

before(async () => {
  sql(staffSql(COORDINATOR));
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '172.20.250.1' },
    body: JSON.stringify({ email: COORDINATOR.email, password: COORDINATOR.password }),
  });
  assert.equal(login.status, 200);
  const as = { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(login.headers.get('set-cookie'))[1], csrf: (await login.json()).csrf_token };
  // Per language, an edition with one welcome session in three weeks, open for registration.
  const start = new Date(Date.now() + 21 * 86_400_000);
  start.setUTCHours(15, 0, 0, 0);
  const iso = (d) => d.toISOString().replace('.000', '');
  for (const lang of LANGS) {
    const created = await call('POST', `/api/dashboard/offerings/${OFFERING}/editions`, {
      as, body: { title: TITLES[lang], registration_mode: 'open', format: 'online', instruction_languages: ['en', 'fr'] },
    });
    assert.equal(created.status, 201, created.text);
    const edition = created.body.id;
    editions[lang] = edition;
    const session = await call('POST', `/api/dashboard/editions/${edition}/sessions`, {
      as, body: { starts_at: iso(start), ends_at: iso(new Date(start.getTime() + 90 * 60_000)), zone: 'America/Toronto', title: { fr: 'Accueil', en: 'Welcome' } },
    });
    assert.equal(session.status, 201, session.text);
    const published = await call('POST', `/api/dashboard/editions/${edition}/state`, { as, body: { action: 'publish' } });
    assert.equal(published.status, 200, published.text);
    for (const [name, zone, personLang] of PEOPLE) {
      const first = name.split(' ')[0].normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      const registered = await call('POST', `/api/editions/${edition}/registrations`, {
        body: { name, email: `${first}.${lang}.${RUN}@e2e-fair.example.org`, lang: personLang, zone, consent: true },
        headers: { 'Idempotency-Key': `fair-${RUN}-${lang}-${name}` },
      });
      assert.equal(registered.status, 201, registered.text);
    }
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const edition of Object.values(editions)) {
    sql(`DELETE FROM outbox WHERE edition_id = '${edition}';
         DELETE FROM registration_event WHERE edition_id = '${edition}';
         DELETE FROM attendance WHERE session_id IN (SELECT id FROM session WHERE edition_id = '${edition}');
         DELETE FROM manage_token WHERE registration_id IN (SELECT id FROM registration WHERE edition_id = '${edition}');
         DELETE FROM registration WHERE edition_id = '${edition}';
         DELETE FROM session WHERE edition_id = '${edition}';
         DELETE FROM edition WHERE id = '${edition}';`);
  }
  sql(`DELETE FROM account WHERE id = '${COORDINATOR.id}';`);
});

/** What each language's pages say, as the tests read them. */
const WORDS = {
  fr: {
    locale: 'fr-CA', readerLocale: 'fr-NZ',
    email: 'Courriel', password: 'Mot de passe', signIn: 'Me connecter', offerings: 'Offres',
    open: 'Planifier des horaires équitables', title: 'Des horaires équitables entre fuseaux',
    registrants: /Les personnes inscrites à cette édition/,
    first: 'Première date', every: 'Toutes les', unit: 'Unité', count: 'Nombre de séances', minutes: 'Durée (minutes)',
    zone: 'Fuseau horaire de l’organisation', cap: 'Nuits au plus par région',
    propose: 'Proposer une rotation', result: 'La rotation proposée',
    regions: { africa: 'Afrique', latinAmerica: 'Amérique latine et Caraïbes', northAmerica: 'Amérique du Nord', southAsia: 'Asie du Sud', oceania: 'Océanie' },
    summary: (floor) => new RegExp(`Sur 6 séances, aucune région n’a plus de (?:[01] séance|2 séances) de nuit avec la rotation\\. Avec une heure fixe, quelle qu’elle soit, une région en a au moins ${floor}`),
    caption: 'Séances de nuit et séances tôt ou tard, par région, sur 6 séances',
    firstWhen: /^Séance 1 mardi 12 janvier 2027, \d{1,2} h( \d\d)? \(America\/Toronto\)$/,
    reading: /^(Lagos|Bogota|Kolkata|Toronto|Auckland) : .+ \((heures de travail|soirée|tôt le matin|nuit)\)$/,
    apply: 'Créer ces 6 séances', created: '6 séances créées.',
    seriesNights: (n) => (n === 1
      ? 'Une de ses 7 séances tombe pendant votre nuit (22 h – 7 h).'
      : `${n} de ses 7 séances tombent pendant votre nuit (22 h – 7 h).`),
    shown: (n) => `${n} personnes affichées sur ${n}`,
    takeAttendance: /Noter les présences/,
    present: 'Présent·e', absent: 'Absent·e', excused: 'Excusé·e',
    figures: '1 présent·e, 1 absent·e, 1 excusé·e, 4 à noter',
    download: 'Télécharger le fichier CSV',
    csv: { delimiter: ';', name: 'Nom', zone: 'Fuseau horaire', registeredAt: 'Inscription le', attendance: 'Présence ', present: 'présent·e', absent: 'absent·e', excused: 'excusé·e' },
  },
  en: {
    locale: 'en-CA', readerLocale: 'en-NZ',
    email: 'Email', password: 'Password', signIn: 'Sign in', offerings: 'Offerings',
    open: 'Plan fair hours', title: 'Fair hours across time zones',
    registrants: /The people registered for this edition/,
    first: 'First date', every: 'Every', unit: 'Unit', count: 'Number of sessions', minutes: 'Duration (minutes)',
    zone: 'Organiser’s time zone', cap: 'Most nights per region',
    propose: 'Propose a rotation', result: 'The proposed rotation',
    regions: { africa: 'Africa', latinAmerica: 'Latin America and the Caribbean', northAmerica: 'North America', southAsia: 'South Asia', oceania: 'Oceania' },
    summary: (floor) => new RegExp(`Over 6 sessions, no region has more than (?:1 night session|[02] night sessions) with the rotation\\. With any single fixed time, some region has at least ${floor}`),
    caption: 'Night sessions and early or late sessions, per region, over 6 sessions',
    firstWhen: /^Session 1 Tuesday, January 12, 2027, \d{1,2}:\d\d (AM|PM) \(America\/Toronto\)$/,
    reading: /^(Lagos|Bogota|Kolkata|Toronto|Auckland): .+ \((working hours|evening|early morning|night)\)$/,
    apply: 'Create these 6 sessions', created: '6 sessions created.',
    seriesNights: (n) => (n === 1
      ? 'One of its 7 sessions falls in your night (10:00 PM – 7:00 AM).'
      : `${n} of its 7 sessions fall in your night (10:00 PM – 7:00 AM).`),
    shown: (n) => `${n} people shown of ${n}`,
    takeAttendance: /Take attendance/,
    present: 'Present', absent: 'Absent', excused: 'Excused',
    figures: '1 present, 1 absent, 1 excused, 4 to mark',
    download: 'Download the CSV file',
    csv: { delimiter: ',', name: 'Name', zone: 'Time zone', registeredAt: 'Registered at', attendance: 'Attendance ', present: 'present', absent: 'absent', excused: 'excused' },
  },
};

/** A coordinator signed in to the dashboard in `lang`, on a desktop or on a phone (tapping). */
async function signedIn(lang, { onPhone = false } = {}) {
  const w = WORDS[lang];
  const context = await browser.newContext({
    ...(onPhone ? { viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, acceptDownloads: true } : { viewport: DESKTOP }),
    locale: w.locale, timezoneId: 'America/Toronto',
  });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE}/${lang}/dashboard`);
  await appReady(page);
  await page.getByLabel(w.email).fill(COORDINATOR.email);
  await page.getByLabel(w.password).fill(COORDINATOR.password);
  const signIn = page.getByRole('button', { name: w.signIn });
  if (onPhone) {
    await signIn.tap();
    await page.locator('.dash-bar').waitFor();
  } else {
    await signIn.click();
    await page.getByRole('heading', { level: 2, name: w.offerings }).waitFor();
  }
  return { context, page, errors, csp };
}

/** The burden table as read: region → { people, nights, earlyLate, fixedNights, fixedEarlyLate }. */
async function burdenTable(page) {
  const rows = {};
  for (const tr of await page.locator('table.burden tbody tr').all()) {
    const region = plain(await tr.locator('th').textContent());
    const [people, nights, earlyLate, fixedNights, fixedEarlyLate] = (await tr.locator('td').allTextContents()).map(Number);
    rows[region] = { people, nights, earlyLate, fixedNights, fixedEarlyLate };
  }
  return rows;
}

for (const lang of LANGS) {
  const w = WORDS[lang];
  const R = w.regions;
  test(`${lang}: a GGSN coordinator shares the night across five regions for six bimonthly meetings, applies the rotation, and the catalog shows the sessions`, async () => {
    const edition = editions[lang];
    const { context, page, errors, csp } = await signedIn(lang);
    await page.goto(`${BASE}/${lang}/dashboard/editions/${edition}`);
    await appReady(page);
    await page.getByRole('link', { name: w.open }).click();
    await page.getByRole('heading', { level: 1, name: w.title }).waitFor();
    await appReady(page);
    // The registrants are who takes part, by default.
    assert.ok(await page.getByRole('radio', { name: w.registrants }).isChecked());

    const series = page.locator('section.schedule-series');
    await series.getByLabel(w.first).fill('2027-01-12');
    await series.getByLabel(w.every).fill('2');
    await series.getByLabel(w.unit).selectOption('months');
    await series.getByLabel(w.count).fill('6');
    await series.getByLabel(w.minutes).fill('90');
    await series.getByLabel(w.zone).fill('America/Toronto');
    await series.getByLabel(w.cap).fill('2');
    const answered = page.waitForResponse((r) => r.url().includes(`/api/dashboard/editions/${edition}/schedule/series`));
    await series.getByRole('button', { name: w.propose }).click();
    const proposal = await (await answered).json();
    await page.getByRole('heading', { name: w.result }).waitFor();

    // The table: every region, its people, its nights with the rotation and with the best single time.
    const table = await burdenTable(page);
    assert.deepEqual(Object.keys(table).sort(), Object.values(R).sort());
    assert.equal(table[R.africa].people, 2);
    assert.equal(table[R.southAsia].people, 2);
    assert.equal(table[R.oceania].people, 1);
    assert.equal(table[R.latinAmerica].people, 1);
    assert.equal(table[R.northAmerica].people, 1);
    for (const [region, row] of Object.entries(table)) {
      assert.ok(row.nights <= 2, `${region}: ${row.nights} night sessions with the rotation`);
    }
    assert.ok(Math.max(...Object.values(table).map((r) => r.fixedNights)) >= 5, JSON.stringify(table));
    // Every single time, not only the best one, leaves some region five nights or more: the page says so.
    assert.ok(proposal.fixed_floor >= 5, `floor ${proposal.fixed_floor}`);
    const summary = plain(await page.locator('.schedule-summary').textContent());
    assert.match(summary, w.summary(proposal.fixed_floor));
    assert.equal(await page.locator('table.burden caption').textContent(), w.caption);

    // Each session on the organiser's clock and every zone's, the night said in words.
    const sessions = page.locator('li.planned-session');
    assert.equal(await sessions.count(), 6);
    assert.match(plain(await sessions.first().locator('.when').textContent()), w.firstWhen);
    const readings = (await sessions.first().locator('.other-clocks li').allTextContents()).map(plain);
    assert.equal(readings.length, 5);
    for (const r of readings) assert.match(r, w.reading);
    const nightsShown = await page.locator('li.planned-session .other-clocks li[data-part=night]').count();
    const nightPeopleZones = proposal.rotation.sessions.flatMap((s) => s.readings).filter((r) => r.part === 'night').length;
    assert.equal(nightsShown, nightPeopleZones);

    // Applied: six sessions created in one step, at the rotation's instants.
    await page.getByRole('button', { name: w.apply }).click();
    await page.locator('section.schedule-series p.done', { hasText: w.created }).waitFor();
    const stored = sql(`SELECT starts_at FROM session WHERE edition_id = '${edition}' AND starts_at >= '2027-01-01' ORDER BY starts_at`).map((s) => s.starts_at);
    const proposed = proposal.rotation.sessions.map((s) => s.starts_at);
    assert.deepEqual(stored, proposed);
    // Not one single time: the rotation moves.
    assert.ok(new Set(proposal.rotation.sessions.map((s) => s.organiser.slice(11))).size > 1, 'the times rotate');

    // The catalog shows them: the offering's public answer and its page, in the language.
    let detail;
    for (let i = 0; i < 40; i++) {
      detail = await (await fetch(`${BASE}/api/offerings/${OFFERING}?lang=${lang}`)).json();
      const ours = detail.upcoming_editions.find((e) => e.id === edition);
      if (ours && ours.sessions.length === 7) break;
      await new Promise((r) => setTimeout(r, 500)); // the public answer is cached for 15 s at most
    }
    const ours = detail.upcoming_editions.find((e) => e.id === edition);
    assert.ok(ours, 'the edition is in the catalog');
    const publicStarts = ours.sessions.map((s) => s.starts_at).filter((s) => s >= '2027-01-01').map((s) => new Date(s).toISOString().replace('.000', ''));
    assert.deepEqual(publicStarts, proposed);
    await page.goto(`${BASE}/${lang}/offerings/${OFFERING}`);
    await appReady(page);
    // The edition's own block: the other language's edition has sessions on the same days.
    const shown = page.locator('div.edition', { hasText: TITLES[lang][lang] });
    assert.equal(await shown.locator('ol.sessions > li').count(), 7);
    const text = plain(await shown.textContent());
    for (const s of proposal.rotation.sessions) {
      const day = new Intl.DateTimeFormat(w.locale, { timeZone: 'America/Toronto', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(s.starts_at));
      assert.ok(text.includes(day), `the offering's page shows ${day}: ${text}`);
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(csp, []);
    await context.close();

    // A reader in Auckland reads how many of the series' sessions fall in their night.
    const reader = await browser.newContext({ viewport: DESKTOP, locale: w.readerLocale, timezoneId: 'Pacific/Auckland' });
    const readerPage = await reader.newPage();
    await readerPage.goto(`${BASE}/${lang}/offerings/${OFFERING}`);
    await appReady(readerPage);
    const block = readerPage.locator('div.edition', { hasText: TITLES[lang][lang] });
    const hour = (iso) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Pacific/Auckland', hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso)));
    const atNight = (start, end) => {
      const [a, b] = [hour(start), hour(new Date(new Date(end).getTime() - 60_000).toISOString())];
      return a >= 22 || a < 7 || b >= 22 || b < 7;
    };
    const expected = ours.sessions.filter((s) => atNight(s.starts_at, s.ends_at)).length;
    assert.ok(expected >= 1 && expected <= 3, `Auckland has ${expected} night sessions of 7`);
    assert.equal(plain(await block.locator('.series-nights').textContent()), w.seriesNights(expected));
    await reader.close();
  });
}

test('in English, zones typed by hand, one meeting on the day Toronto changes its clocks, and a series', async () => {
  const { context, page, errors, csp } = await signedIn('en');
  await page.goto(`${BASE}/en/dashboard/editions/${editions.en}/schedule`);
  await page.getByRole('heading', { level: 1, name: 'Fair hours across time zones' }).waitFor();
  await appReady(page);
  await page.getByRole('radio', { name: 'Zones I type' }).check();
  await page.getByLabel('Zones and number of people').fill('Africa/Nairobi, 3\nEurope/Paris, 2\nAsia/Kathmandu, 1\nAustralia/Sydney, 2');

  const meeting = page.locator('section.schedule-meeting');
  await meeting.getByLabel('From').fill('2027-03-14');
  await meeting.getByLabel('Duration (minutes)').fill('60');
  await meeting.getByLabel('Organiser’s time zone').fill('America/Toronto');
  await meeting.getByRole('button', { name: 'Find the best slots' }).click();
  await page.getByRole('heading', { name: 'The best slots' }).waitFor();
  assert.equal(await page.locator('ol.slots > li').count(), 10);
  // Ranked: no slot after the first puts fewer people at night.
  const counts = (await page.locator('ol.slots > li p.hint').allTextContents()).map(plain);
  const night = (t) => (/^Nobody at night/.test(t) ? 0 : /^One person/.test(t) ? 1 : Number(/^(\d+) people at night/.exec(t)[1]));
  for (let i = 1; i < counts.length; i++) assert.ok(night(counts[i - 1]) <= night(counts[i]), counts.join(' | '));
  // The day on every clock: 2:00 does not exist in Toronto on 14 March 2027.
  const caption = plain(await page.locator('table.day-grid caption').textContent());
  assert.equal(caption, "Each zone's time at every hour of Sunday, March 14, 2027 (America/Toronto)");
  const rows = page.locator('table.day-grid tbody tr');
  assert.equal(await rows.count(), 4);
  const nairobi = (await rows.filter({ hasText: 'Nairobi' }).locator('td').allTextContents()).map(plain);
  assert.equal(nairobi.length, 24);
  assert.equal(nairobi[2], '–');
  // 10:00 in Toronto (EDT, UTC−4) is 17:00 in Nairobi.
  assert.match(nairobi[10], /^17/);

  const series = page.locator('section.schedule-series');
  await series.getByLabel('First date').fill('2027-02-09');
  await series.getByLabel('Number of sessions').fill('4');
  await series.getByRole('button', { name: 'Propose a rotation' }).click();
  await page.getByRole('heading', { name: 'The proposed rotation' }).waitFor();
  const header = (await page.locator('table.burden thead th').allTextContents()).map(plain);
  assert.equal(header[0], 'Rotation');
  assert.match(header[1], /^Fixed time: \d{1,2}:\d\d (AM|PM)$/);
  const table = await burdenTable(page);
  assert.deepEqual(Object.keys(table).sort(), ['Africa', 'Europe', 'Oceania', 'South Asia']);
  assert.equal(table.Africa.people, 3);

  // A pinned session keeps its time when the rotation is proposed again.
  const second = page.locator('li.planned-session').nth(1);
  const before = plain(await second.locator('.when').textContent());
  await second.getByRole('button', { name: /Keep this time/ }).click();
  await second.getByText('time set').waitFor();
  assert.equal(plain(await page.locator('li.planned-session').nth(1).locator('.when').textContent()), `${before} time set`);

  // Bad input: a line that is not "zone, people" is refused here; an unknown zone by the API.
  await page.getByLabel('Zones and number of people').fill('Mars/Olympus, 2');
  await series.getByRole('button', { name: 'Propose a rotation' }).click();
  await page.locator('#series-summary').getByText(/Unknown time zone/).waitFor();
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, []);
  await context.close();
});

for (const lang of LANGS) {
  const w = WORDS[lang];
  test(`${lang}: at the door on a phone, the first session's attendance by taps, then the CSV read back by Python`, async () => {
    const edition = editions[lang];
    const { context, page, errors, csp } = await signedIn(lang, { onPhone: true });
    await page.goto(`${BASE}/${lang}/dashboard/editions/${edition}/people`);
    await appReady(page);
    assert.equal(plain(await page.locator('.people-shown').textContent()), w.shown(PEOPLE.length));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scrolling');

    // The welcome session, the edition's first.
    await page.getByRole('link', { name: w.takeAttendance }).first().tap();
    await page.waitForURL(/\/attendance$/);
    await appReady(page);
    const row = (name) => page.locator('li.attendance-row', { hasText: name });
    await row('Marie-Hélène Tremblay').getByText(w.present, { exact: true }).tap();
    // Nothing wider than the phone: a tap lands where the finger is.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scrolling');
    await row('Valentina Muñoz').getByText(w.absent, { exact: true }).tap();
    await row('Aroha Ngata').getByText(w.excused, { exact: true }).tap();
    // One of each, each said in the singular.
    await page.waitForFunction((want) => (document.querySelector('.attendance-count')?.textContent ?? '')
      .replace(/[\u2068\u2069]/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim() === want, w.figures)
      .catch(async (e) => { throw new Error(`${e.message}: the count reads "${plain(await page.locator('.attendance-count').textContent())}"`); });
    const marks = sql(`SELECT r.name, a.mark FROM attendance a JOIN registration r ON r.id = a.registration_id JOIN session s ON s.id = a.session_id WHERE s.edition_id = '${edition}' ORDER BY r.name`);
    assert.deepEqual(marks.map((m) => [m.name, m.mark]), [['Aroha Ngata', 'excused'], ['Marie-Hélène Tremblay', 'present'], ['Valentina Muñoz', 'absent']]);

    // The list as a file, read back by Python's csv module: names, accents, times on the phone's clock.
    await page.goto(`${BASE}/${lang}/dashboard/editions/${edition}/people`);
    await appReady(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: w.download }).tap(),
    ]);
    const path = await download.path();
    assert.deepEqual([...readFileSync(path).subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark');
    const rows = JSON.parse(execFileSync('python3', ['-c', `
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    print(json.dumps(list(csv.DictReader(f, delimiter=sys.argv[2]))))
`, path, w.csv.delimiter], { encoding: 'utf8' }));
    assert.equal(rows.length, PEOPLE.length);
    const byName = Object.fromEntries(rows.map((r) => [r[w.csv.name], r]));
    assert.deepEqual(Object.keys(byName).sort(), PEOPLE.map(([name]) => name).sort());
    const stored = Object.fromEntries(sql(`SELECT name, created_at FROM registration WHERE edition_id = '${edition}'`).map((r) => [r.name, r.created_at]));
    const toronto = (iso) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
    for (const [name, zone] of PEOPLE) {
      assert.equal(byName[name][w.csv.zone], zone);
      assert.equal(byName[name][w.csv.registeredAt], toronto(stored[name]), `${name}: the time on Toronto's clock`);
    }
    // One attendance column per session: the welcome session's first, on Toronto's clock.
    const [welcomeStart] = sql(`SELECT starts_at FROM session WHERE edition_id = '${edition}' ORDER BY starts_at LIMIT 1`).map((s) => s.starts_at);
    const welcome = `${w.csv.attendance}${toronto(welcomeStart)}`;
    const [{ n: sessionCount }] = sql(`SELECT count(*) AS n FROM session WHERE edition_id = '${edition}' AND cancelled_at IS NULL`);
    assert.equal(Object.keys(rows[0]).filter((k) => k.startsWith(w.csv.attendance)).length, sessionCount);
    assert.ok(welcome in rows[0], `a column "${welcome}" in ${Object.keys(rows[0]).join(' | ')}`);
    assert.equal(byName['Marie-Hélène Tremblay'][welcome], w.csv.present);
    assert.equal(byName['Valentina Muñoz'][welcome], w.csv.absent);
    assert.equal(byName['Aroha Ngata'][welcome], w.csv.excused);
    assert.equal(byName['Chiamaka Eze'][welcome], '', 'not marked yet');
    assert.deepEqual(errors, []);
    assert.deepEqual(csp, []);
    await context.close();
  });
}
