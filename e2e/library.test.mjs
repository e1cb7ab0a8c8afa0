// The knowledge library, on a phone, in both languages: a volunteer searches without
// accents, by keyboard, and finds the accented French resource; opens it, switches to
// English and reads its English twin with its translator credited; the same search in
// English finds the twin; a members-only resource is not found by a visitor, and nothing of
// it shows; a lone elided article is refused by name before anything is asked. A resource
// kept on the device by hand is read with no network, and found from the library's page,
// until the reader lets it go.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, appReady, artifact, launch, phone } from './browser.mjs';

let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The text of `locator`, with no-break spaces as plain ones. */
async function text(locator) {
  return (await locator.innerText()).replace(/[\u00a0\u202f\u2068\u2069]/g, (c) => (c === '\u2068' || c === '\u2069' ? '' : ' '));
}

test('a search without accents finds the accented French resource, and its English twin in English', async () => {
  const { context, page, errors } = await phone(browser);
  try {
    await page.goto(`${BASE}/fr/library`);
    await appReady(page);
    assert.equal(await page.locator('h1').innerText(), 'Bibliothèque');
    // Newest first, before any search.
    assert.equal(await text(page.locator('#library-results')), 'Les plus récentes');
    assert.ok(await page.locator('.library-results .card').count() >= 5);
    assert.equal(await page.getByText('soutenir des groupes sans financement').count(), 0, 'a members-only sheet is not listed');

    // By keyboard: the field, the words, Enter.
    const field = page.getByLabel('Chercher dans la bibliothèque');
    await field.focus();
    await page.keyboard.type('STRATEGIE terrain');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/fr\/library\?q=STRATEGIE%20terrain$/);
    await appReady(page);
    assert.match(await text(page.locator('#library-results')), /^Une ressource correspond à « STRATEGIE terrain »\.$/);
    const card = page.locator('.library-results .card');
    assert.equal(await card.count(), 1);
    assert.equal(await card.locator('h3').innerText(), 'Balado du Hub : la stratégie vue du terrain');
    assert.equal(await card.locator('.kind').textContent(), 'Balado');
    await page.screenshot({ path: artifact('library-search-fr-phone.png'), fullPage: true });

    await card.locator('h3 a').click();
    await page.waitForURL(/\/fr\/library\/hub-balado-strategie$/);
    await appReady(page);
    assert.equal(await page.locator('h1').innerText(), 'Balado du Hub : la stratégie vue du terrain');
    const facts = await text(page.locator('.resource .facts'));
    assert.match(facts, /Disponible en\s+français, anglais/);
    assert.match(facts, /Langue d’origine\s+français/);
    assert.doesNotMatch(facts, /Traduction/, 'the original credits no translator');
    assert.match(facts, /Va avec\s+Hub de connaissances sur la mobilisation/);
    await page.screenshot({ path: artifact('library-resource-fr-phone.png'), fullPage: true });

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\/library\/hub-balado-strategie$/);
    await appReady(page);
    assert.equal(await page.locator('h1').innerText(), 'The Hub podcast: strategy seen from the ground');
    const english = await text(page.locator('.resource .facts'));
    assert.match(english, /Translation\s+Hub translation team/);
    assert.match(english, /Original language\s+French/);
    await page.screenshot({ path: artifact('library-resource-en-phone.png'), fullPage: true });

    await page.goto(`${BASE}/en/library?q=strategy%20ground`);
    await appReady(page);
    assert.deepEqual(await page.locator('.library-results .card h3').allInnerTexts(), ['The Hub podcast: strategy seen from the ground']);
    await page.screenshot({ path: artifact('library-search-en-phone.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a resource not in the reader’s language is shown in its own, said so; a members-only one is not found', async () => {
  const { context, page, errors } = await phone(browser);
  try {
    await page.goto(`${BASE}/en/library/hub-video-resume-seance-1`);
    await appReady(page);
    assert.equal(await page.locator('.resource').getAttribute('lang'), 'fr', 'screen readers read it in French');
    assert.equal(await text(page.locator('.resource .untranslated')), 'This resource is not in English yet: here it is in French.');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the note wraps: nothing scrolls sideways on a phone');

    const members = await context.request.get(`${BASE}/api/library/ggsn-fiche-groupes-sans-financement?lang=en`);
    assert.equal(members.status(), 404);
    await page.goto(`${BASE}/en/library/ggsn-fiche-groupes-sans-financement`);
    await appReady(page);
    assert.ok(await page.locator('.not-found').isVisible());
    assert.doesNotMatch(await page.locator('main').innerText(), /funding|financement/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('words with nothing to look for are refused by name, in the reader’s language, before anything is asked', async () => {
  const { context, page, errors } = await phone(browser);
  try {
    const asked = [];
    page.on('request', (r) => { if (r.url().includes('/api/library?') && r.url().includes('q=')) asked.push(r.url()); });
    for (const [lang, message] of [['fr', 'Écrivez au moins un mot de deux lettres ou plus.'], ['en', 'Write at least one word of two letters or more.']]) {
      await page.goto(`${BASE}/${lang}/library`);
      await appReady(page);
      const field = page.locator('#library-q');
      await field.fill('l’');
      await field.press('Enter');
      await page.waitForURL(/q=/);
      await appReady(page);
      assert.equal(await page.locator('#library-q-error').innerText(), message);
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.match(await field.getAttribute('aria-describedby'), /library-q-error/);
    }
    assert.deepEqual(asked, [], 'no search was sent');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the training’s page links to its library, which lists its resources, in the reader’s language else their own', async () => {
  const { context, page, errors } = await phone(browser);
  try {
    await page.goto(`${BASE}/fr/offerings/hub-mouvements-decentralises`);
    await appReady(page);
    const link = page.locator('.library-link a[href$="/library?offering=hub-mouvements-decentralises"]');
    assert.equal(await text(link), 'Ses ressources dans la bibliothèque');
    await link.click();
    await page.waitForURL(/\/fr\/library\?offering=hub-mouvements-decentralises$/);
    await appReady(page);
    assert.match(await text(page.locator('#library-results')), /^Les ressources de « .+ »$/);
    assert.equal(await page.locator('.library-results .card').count(), 4);
    await page.screenshot({ path: artifact('library-offering-fr-phone.png'), fullPage: true });

    await page.goto(`${BASE}/en/library?offering=hub-mouvements-decentralises`);
    await appReady(page);
    const languages = await page.locator('.library-results .card h3').evaluateAll((hs) => hs.map((h) => h.lang));
    assert.deepEqual([...languages].sort(), ['en', 'en', 'en', 'fr'], 'the French-only video is listed in French');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/**
 * Drops the device's other copies of the catalog's and library's answers, as a full device
 * would: the service worker's, and the browser's HTTP cache (public answers may be kept there
 * for minutes, and would answer even offline).
 */
async function evictData(page) {
  await page.evaluate(async () => {
    for (const name of await caches.keys()) if (name.startsWith('relais-data-')) await caches.delete(name);
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

test('« Garder sur cet appareil » keeps a resource to read with no network, until the reader lets it go', { timeout: 240_000 }, async () => {
  for (const lang of ['fr', 'en']) {
    const en = lang === 'en';
    const { context, page, errors } = await phone(browser, { locale: en ? 'en-CA' : 'fr-CA' });
    try {
      const url = `${BASE}/${lang}/library/hub-balado-strategie`;
      const title = en ? 'The Hub podcast: strategy seen from the ground' : 'Balado du Hub : la stratégie vue du terrain';
      await page.goto(url);
      await appReady(page);
      await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 60_000 });
      const keep = page.getByRole('button', { name: en ? 'Keep on this device' : 'Garder sur cet appareil' });
      assert.equal(await keep.getAttribute('aria-pressed'), 'false');
      // By keyboard: the toggle keeps its focus, and its state is said.
      await keep.focus();
      await page.keyboard.press('Enter');
      await page.locator('.keep [aria-pressed="true"]').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed')), 'true');
      assert.equal(await text(page.locator('.keep [role="status"]')),
        en ? 'Kept on this device: you can read it with no network.' : 'Gardée sur cet appareil : vous pourrez la lire sans réseau.');
      await page.screenshot({ path: artifact(`library-kept-${lang}-phone.png`), fullPage: true });

      // The device's other copies gone, and no network: the kept one is read.
      await evictData(page);
      await context.setOffline(true);
      await page.goto(url);
      await appReady(page);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      assert.equal(await keep.getAttribute('aria-pressed'), 'true', 'it says it is kept');
      // Found from the library's page, even offline.
      await page.goto(`${BASE}/${lang}/library`);
      await appReady(page);
      const here = page.getByRole('region', { name: en ? 'Kept on this device' : 'Gardées sur cet appareil' });
      await here.getByRole('link', { name: title }).click();
      await page.waitForURL(url);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();

      // Let go, online: offline again, it is not there any more.
      await context.setOffline(false);
      await keep.click();
      await page.locator('.keep [aria-pressed="false"]').waitFor();
      assert.equal(await text(page.locator('.keep [role="status"]')),
        en ? 'It is no longer kept on this device.' : 'Elle n’est plus gardée sur cet appareil.');
      await evictData(page);
      await context.setOffline(true);
      await page.goto(url);
      await appReady(page);
      assert.equal(await page.getByRole('heading', { level: 1, name: title }).count(), 0);
      await context.setOffline(false);
      assert.deepEqual(errors.filter((e) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|net::/.test(e)), []);
    } finally {
      await context.close();
    }
  }
});
