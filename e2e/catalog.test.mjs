// A volunteer on a phone: lands in their language, reads the catalog, switches language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetch } from '../tests/client.mjs';
import { mkdirSync } from 'node:fs';
import { BASE, appReady, launch, networkOf, phone } from './browser.mjs';
import { OFFERING as GGSN_OFFERING, TITLE as ONE_LANGUAGE_TITLE, publishOneLanguageEdition } from '../tests/one-language.mjs';

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
let browser;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launch();
});
after(() => browser?.close());

test('a French-speaking volunteer lands on /fr, switches to English and back, on the same page', async () => {
  const { context, page, errors } = await phone(browser, { locale: 'fr-CA', timezoneId: 'America/Toronto' });
  await page.goto(BASE + '/');
  await page.waitForURL(/\/fr$/);
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'Catalogue' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  const training = page.getByRole('link', { name: /Comment bâtir et soutenir des mouvements décentralisés/ });
  await training.waitFor();
  assert.ok(await page.getByText(/^Prochaine séance\s:\s*$/).first().isVisible());
  assert.equal(await page.getByText('Chargement…').count(), 0, 'loading state has gone');
  await page.screenshot({ path: ARTIFACTS + 'catalog-fr.png', fullPage: false });

  await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/\/en$/);
  await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('link', { name: /How to build and sustain decentralized movements/i }).waitFor();
  await page.screenshot({ path: ARTIFACTS + 'catalog-en.png', fullPage: false });

  // Into an offering, then switch language: the page stays the same offering.
  await page.getByRole('link', { name: /How to build and sustain decentralized movements/i }).click();
  await page.waitForURL(/\/en\/offerings\/[^/]+$/);
  const offeringPath = new URL(page.url()).pathname.replace(/^\/en/, '');
  await page.getByRole('heading', { level: 2, name: 'Facilitators' }).waitFor();
  assert.ok(await page.getByText('Louis Ramirez').isVisible());
  await page.screenshot({ path: ARTIFACTS + 'offering-en.png', fullPage: true });
  await page.getByRole('link', { name: 'Français' }).click();
  await page.waitForURL((url) => url.pathname === '/fr' + offeringPath);
  await page.getByRole('heading', { level: 2, name: 'Équipe d’animation' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.screenshot({ path: ARTIFACTS + 'offering-fr.png', fullPage: true });

  // The choice is remembered: the bare address now opens in French even for an English browser.
  assert.deepEqual(errors, []);
  await context.close();
});

test('an English browser lands on /en; unknown pages say so in the reader language', async () => {
  const { context, page, errors } = await phone(browser, { locale: 'en-US', timezoneId: 'Africa/Lagos' });
  await page.goto(BASE + '/');
  await page.waitForURL(/\/en$/);
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
  await page.goto(BASE + '/en/offerings/no-such-thing');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await page.goto(BASE + '/fr/nulle-part/ici');
  await page.getByRole('heading', { level: 1, name: /introuvable|not found/i }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

for (const zone of ['Africa/Lagos', 'America/Santiago', 'Asia/Kathmandu', 'Australia/Sydney', 'Europe/Paris']) {
  test(`times are shown on the reader clock in ${zone}, with the organiser clock beside them`, async () => {
    const { context, page } = await phone(browser, { locale: 'en-US', timezoneId: zone });
    const api = await (await fetch(`${BASE}/api/offerings?lang=en&limit=50`)).json();
    const training = api.items.find((o) => /decentralized movements/i.test(o.title.text));
    const first = training.next_edition.sessions[0];
    // The browser's own zone data as the oracle: weekday, date and time of the first session.
    const expected = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' })
      .formatToParts(new Date(first.starts_at));
    const part = (type) => expected.find((p) => p.type === type).value;
    const time = `${part('hour')}:${part('minute')} ${part('dayPeriod')}`;
    const localHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(new Date(first.starts_at)));
    await page.goto(BASE + '/en');
    await appReady(page);
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: /decentralized movements/i }) });
    const text = (await card.innerText()).replace(/[\u00a0\u202f]/g, ' ');
    assert.ok(text.includes(`${part('weekday')}, ${part('month')} ${part('day')}`), `card shows the reader's day: ${text}`);
    assert.ok(text.includes(time), `card shows ${time} in ${zone}: ${text}`);
    assert.ok(text.includes(`Your time (${zone})`), 'names the reader zone');
    assert.ok(text.includes("Organiser's time (America/Toronto)"), 'shows the organiser clock');
    const night = localHour >= 22 || localHour < 7;
    assert.equal(text.includes('At night for you'), night, `night mark at ${localHour} h`);
    await context.close();
  });
}

test('a reader picks another time zone; it is remembered and the times follow', async () => {
  const { context, page, errors } = await phone(browser, { locale: 'en-GB', timezoneId: 'Europe/Paris' });
  await page.goto(BASE + '/en');
  await appReady(page);
  await page.getByText('Times shown for').click();
  await page.getByLabel(/Find a time zone/).fill('Nowhere/Else');
  await page.getByRole('button', { name: 'Use this zone' }).click();
  await page.getByRole('alert').filter({ hasText: 'Unknown time zone' }).waitFor();
  await page.getByLabel(/Find a time zone/).fill('asia/katmandu');
  await page.getByRole('button', { name: 'Use this zone' }).click();
  await page.getByText('Your time (Asia/Kathmandu)').first().waitFor();
  await page.reload();
  await appReady(page);
  assert.ok(await page.getByText('Your time (Asia/Kathmandu)').first().isVisible(), 'remembered after a reload');
  await page.getByText('Times shown for').click();
  await page.getByRole('button', { name: "Back to this device's zone" }).click();
  await page.getByText('Your time (Europe/Paris)').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('search and filters make a shareable address, and an empty result says so', async () => {
  // The list's request is held back below by page.route, which a service worker in control
  // would send past (it fetches on the page's behalf): this test keeps to the page's own.
  const { context, page, errors } = await phone(browser, { locale: 'fr-CA', timezoneId: 'America/Toronto', serviceWorkers: 'block' });
  await page.goto(BASE + '/fr');
  await appReady(page);
  await page.getByText('Rechercher et filtrer').click();
  await page.getByLabel('Mots à chercher').fill('decentralises');
  await page.getByLabel('Type d’offre').selectOption('training_series');
  await page.getByLabel(/Seulement pendant ma journée/).check();
  // A slow network (the filtered list's request held back a moment, then sent to the real
  // server): meanwhile the previous list stays, marked busy, with the loading line.
  const before = await page.locator('.card').count();
  await page.route(/\/api\/offerings\?.*kind=training_series/, async (route) => {
    await new Promise((r) => setTimeout(r, 1200));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Afficher les offres' }).click();
  await page.waitForFunction(() => location.search.includes('kind=training_series'));
  assert.equal(new URL(page.url()).search, '?q=decentralises&kind=training_series&daytime=1');
  await page.locator('.fetched[aria-busy="true"]').waitFor();
  assert.ok(await page.locator('.fetched .loading').isVisible(), 'the loading line shows while the list reloads');
  assert.equal(await page.locator('.card').count(), before, 'the previous list stays meanwhile');
  await page.locator('.fetched[aria-busy="false"]').waitFor();
  await page.unrouteAll();
  // The list follows the address.
  await page.waitForFunction(() => [...document.querySelectorAll('.card .kind')].every((k) => /série de formation/i.test(k.textContent)));
  const titles = await page.locator('.card h2').allInnerTexts();
  assert.ok(titles.length >= 1 && titles.every((t) => /décentralisés/i.test(t)), titles.join(' | '));
  for (const kind of await page.locator('.card .kind').allInnerTexts()) assert.equal(kind.toLowerCase(), 'série de formation');
  // The same address, opened fresh (a shared link), shows the same view with its filters set.
  const shared = await context.newPage();
  await shared.goto(page.url());
  await appReady(shared);
  assert.equal(await shared.locator('.card').count(), await page.locator('.card').count());
  assert.equal(await shared.getByLabel('Type d’offre').inputValue(), 'training_series');
  assert.ok(await shared.getByLabel(/Seulement pendant ma journée/).isChecked());
  await shared.goto(BASE + '/fr?q=aucune-offre-ne-parle-de-ceci');
  await appReady(shared);
  assert.match(await shared.locator('.empty').innerText(), /Aucune offre ne correspond/);
  await shared.getByRole('link', { name: 'Effacer les filtres' }).first().click();
  await shared.waitForFunction(() => location.search === '' && document.querySelectorAll('.card').length > 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the catalog data comes in the page on the device clock, and is asked for once in a picked zone', async () => {
  const { context, page, errors } = await phone(browser, { locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const catalogRequests = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/offerings')) catalogRequests.push({ url: r.url() });
  });
  await page.goto(BASE + '/fr');
  await appReady(page);
  await page.locator('.card').first().waitFor();
  await page.waitForLoadState('networkidle');
  // The Worker wrote the first page's data into the page: the app asks for nothing more,
  // and its times are the reader's (offsets from the device's clock).
  assert.deepEqual(catalogRequests, []);
  assert.match(await page.locator('.card .next').first().innerText(), /Chez vous \(Europe\/Paris\)/);

  // A zone the reader picked is not the device's: index.html asks for it while the app loads.
  await page.evaluate(() => localStorage.setItem('relais.zone', 'Asia/Kathmandu'));
  await page.reload();
  await appReady(page);
  await page.waitForLoadState('networkidle');
  assert.equal(catalogRequests.length, 1, JSON.stringify(catalogRequests));
  assert.equal(catalogRequests[0].url, `${BASE}/api/offerings?lang=fr&tz=Asia%2FKathmandu`);
  assert.match(await page.locator('.card .next').first().innerText(), /Chez vous \(Asia\/Kathmandu\)/);
  // Switching language fetches the other language, through the network this time.
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
  await page.getByRole('link', { name: /How to build and sustain decentralized movements/i }).waitFor();
  assert.ok(catalogRequests.some((r) => r.url.includes('lang=en')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the catalog arrives written in the page: readable before the app loads, or without it', async () => {
  const { context, page } = await phone(browser, { locale: 'en-GB', timezoneId: 'Africa/Lagos', javaScriptEnabled: false });
  const api = await (await fetch(`${BASE}/api/offerings?lang=en`)).json();
  await page.goto(BASE + '/en');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getByRole('status').innerText(), 'Loading…');
  await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
  const titles = await page.locator('.card h2').allInnerTexts();
  assert.deepEqual(titles.map((t) => t.trim()), api.items.map((o) => (o.title.lang === 'en' ? o.title.text : `${o.title.text} Not yet translated`)));
  // Only the browser knows the reader's zone: the page says whose clock it shows.
  const training = page.getByRole('article').filter({ has: page.getByRole('link', { name: /decentralized movements/i }) });
  assert.match(await training.innerText(), /Organiser's time \(America\/Toronto\)/);
  // Its links are ordinary links: to the offering's page, and to its network's.
  const href = await training.getByRole('heading', { level: 2 }).getByRole('link').getAttribute('href');
  assert.match(href, /^\/en\/offerings\/[a-z0-9-]+$/);
  const { network } = api.items.find((o) => o.id === href.split('/').at(-1));
  if (network) assert.equal(await training.getByRole('link', { name: network.name }).getAttribute('href'), `/en/networks/${network.id}`);
  await page.screenshot({ path: ARTIFACTS + 'catalog-en-written.png', fullPage: false });
  const written = await cardSkeletonsVia(page);
  assert.equal(written.length, api.items.length);
  await context.close();

  // With the app: it replaces the written page with its own, once, on the reader's clock.
  const live = await phone(browser, { locale: 'en-GB', timezoneId: 'Africa/Lagos' });
  await live.page.goto(BASE + '/en');
  await appReady(live.page);
  assert.equal(await live.page.locator('h1').count(), 1);
  assert.equal(await live.page.locator('.card').count(), api.items.length);
  assert.ok(await live.page.getByText(/Your time \(Africa\/Lagos\)/).first().isVisible());
  // The Worker's markup and the app's are the same, but for the line of times.
  assert.deepEqual(await cardSkeletonsVia(live.page), written);
  assert.deepEqual(live.errors, []);
  await live.context.close();
});

/** Each card as its elements' tags and classes, the line of times left out. */
async function cardSkeletonsVia(page) {
  return page.locator('main .card').evaluateAll((cards) => {
    const skeleton = (el) => el.classList.contains('next')
      ? 'p.next'
      : `${el.tagName.toLowerCase()}${[...el.classList].map((c) => '.' + c).join('')}[${[...el.children].map(skeleton).join(',')}]`;
    return cards.map(skeleton);
  });
}

test('from an offering to its facilitators and partner, and from the catalog to the archive', async () => {
  const { context, page, errors } = await phone(browser, { locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
  await page.goto(BASE + '/en/offerings/hub-mouvements-decentralises');
  await page.getByRole('heading', { level: 2, name: 'Facilitators' }).waitFor();

  // A facilitator's page lists the offering they came from, on the reader's clock.
  await page.getByRole('link', { name: 'Louis Ramirez' }).click();
  await page.waitForURL(/\/en\/people\/louis-ramirez$/);
  await page.getByRole('heading', { level: 1, name: 'Louis Ramirez' }).waitFor();
  assert.ok(await page.getByText('Facilitator', { exact: true }).isVisible());
  await page.getByRole('link', { name: /How to build and sustain decentralized movements/i }).waitFor();
  assert.ok(await page.locator('.card .next').first().textContent().then((t) => t.includes('Your time (Asia/Kolkata)')));
  await page.screenshot({ path: ARTIFACTS + 'person-en.png', fullPage: true });

  // Back, then to the partner's page (its network may have the same name: the partner's link
  // is the one under "Partner organisation").
  await page.goBack();
  await page.getByRole('heading', { level: 2, name: 'Facilitators' }).waitFor();
  await page.locator('dt:text-is("Partner organisation") + dd').getByRole('link', { name: 'Le Hub' }).click();
  await page.waitForURL(/\/en\/partners\/le-hub$/);
  await page.getByRole('heading', { level: 1, name: 'Le Hub' }).waitFor();
  assert.ok(await page.getByText('Partner organisation', { exact: true }).isVisible());
  assert.ok((await page.locator('.card').count()) >= 3, 'Le Hub runs several offerings');

  // The archive, from the catalog; the language switch keeps it.
  await page.goto(BASE + '/en');
  await appReady(page);
  await page.getByRole('link', { name: 'Past editions (archive)' }).click();
  await page.waitForURL(/\/en\/archive$/);
  await page.getByRole('heading', { level: 1, name: 'Archive' }).waitFor();
  await appReady(page);
  const entries = page.locator('.archived > li');
  assert.ok((await entries.count()) >= 5, 'past editions listed');
  assert.equal(await page.locator('.archived a[href="/en/offerings/emancipasso-formation"]').count(), 1, 'the January 2023 Emancip’Asso training is archived');
  assert.equal(await page.locator('.archived .calendar').count(), 0, 'nothing to add to a calendar for what has ended');
  await page.getByRole('link', { name: 'Français' }).click();
  await page.waitForURL(/\/fr\/archive$/);
  await page.getByRole('heading', { level: 1, name: 'Archives' }).waitFor();
  await page.screenshot({ path: ARTIFACTS + 'archive-fr.png', fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the catalog by network: the filter keeps to it, and a card leads to the network’s page', async () => {
  const network = networkOf('hub-mouvements-decentralises');
  // Made just now: let answers from before it leave the Worker's memory.
  if (network.made) await new Promise((r) => setTimeout(r, 15_500));
  const { context, page, errors } = await phone(browser, { locale: 'en-GB', timezoneId: 'Africa/Lagos' });
  await page.goto(BASE + '/en');
  await appReady(page);
  // The networks are asked for when the filters first open.
  const asked = page.waitForRequest((r) => r.url().includes('/api/networks?lang=en'));
  await page.getByText('Search and filter').click();
  await asked;
  const choice = page.getByLabel('Network', { exact: true });
  await choice.locator(`option[value="${network.id}"]`).waitFor({ state: 'attached' });
  assert.equal(await choice.locator(`option[value="${network.id}"]`).innerText(), network.name);
  await choice.selectOption(network.id);
  await page.getByRole('button', { name: 'Show offerings' }).click();
  await page.waitForFunction((id) => location.search === `?network=${id}`, network.id);
  await page.waitForFunction((href) => {
    const cards = [...document.querySelectorAll('main .card')];
    return cards.length > 0 && cards.every((c) => c.querySelector(`.facts a[href="${href}"]`));
  }, `/en/networks/${network.id}`);
  assert.equal(await choice.inputValue(), network.id, 'the filter shows the network chosen');

  // From a card to the network's page: its description and its offerings.
  await page.locator('main .card .facts').getByRole('link', { name: network.name }).first().click();
  await page.waitForURL(new RegExp(`/en/networks/${network.id}$`));
  await page.getByRole('heading', { level: 1, name: network.name }).waitFor();
  assert.ok(await page.getByText('Network', { exact: true }).isVisible());
  assert.ok((await page.locator('.profile .prose').innerText()).length > 0, 'its description');
  assert.ok((await page.locator('.card').count()) >= 1, 'its offerings');
  await page.screenshot({ path: ARTIFACTS + 'network-en.png', fullPage: true });
  await page.getByRole('link', { name: 'Français' }).click();
  await page.waitForURL(new RegExp(`/fr/networks/${network.id}$`));
  await page.getByText('Réseau', { exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an edition in English only says so to French readers, in English text marked as such; languages and cost in each reader’s words', async () => {
  const { id, cleanUp } = await publishOneLanguageEdition();
  try {
    const { context, page, errors } = await phone(browser, { locale: 'fr-CA', timezoneId: 'America/Toronto' });
    // The catalog card: the GGSN meets in English, which a French reader is told.
    await page.goto(BASE + '/fr');
    await appReady(page);
    const card = page.locator('.card', { has: page.locator(`a[href="/fr/offerings/${GGSN_OFFERING}"]`) });
    await card.getByText('Donnée en anglais', { exact: true }).waitFor();

    await page.goto(BASE + `/fr/offerings/${GGSN_OFFERING}`);
    await appReady(page);
    const edition = page.locator('.edition', { has: page.getByRole('heading', { name: ONE_LANGUAGE_TITLE }) });
    await edition.waitFor();
    const notice = edition.getByRole('note').filter({ hasText: 'présentée' });
    assert.equal((await notice.innerText()).trim(), 'Cette édition est présentée en anglais seulement');
    assert.equal(await edition.locator('h3 [lang]').getAttribute('lang'), 'en', 'the English title is marked as English');
    assert.equal(await edition.locator('.sessions strong [lang]').first().getAttribute('lang'), 'en');
    assert.equal(await edition.locator('.untranslated:visible').count(), 0, 'one notice, not "not yet translated" beside each text');
    const facts = (await edition.locator('.facts li').allInnerTexts()).map((f) => f.replace(/[\u00a0\u202f]/g, ' '));
    assert.ok(facts.includes('Donnée en anglais') && facts.includes('150 $'), facts.join(' | '));
    assert.equal(await edition.locator('.cost-note [lang="en"]').innerText(), 'Pay what you can at the door.');
    await page.screenshot({ path: ARTIFACTS + 'one-language-fr.png', fullPage: true });

    // In English: no notice, the amount written the English way.
    await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(new RegExp(`/en/offerings/${GGSN_OFFERING}$`));
    const english = page.locator('.edition', { has: page.getByRole('heading', { name: ONE_LANGUAGE_TITLE }) });
    await english.getByText('$150', { exact: true }).waitFor();
    assert.equal(await english.locator('.notice').count(), 0);
    assert.ok(await english.getByText('Taught in English', { exact: true }).isVisible());
    // A free edition paid for by its participants' travel, in English.
    await page.goto(BASE + '/en/offerings/emancipasso-formation');
    await appReady(page);
    await page.locator('.edition').first().getByText('Free — travel and lodging paid by participants', { exact: true }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    cleanUp();
  }
});
