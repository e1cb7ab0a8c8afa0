// A network's librarian curates its library from the dashboard, in Chromium, in both
// languages: a librarian of Hub (who coordinates nowhere) signs in and is pointed to the
// library, the only page of the dashboard they reach; writes a guide in French with its
// English title, is told by name, before publishing and when trying to, that the English
// summary and its translator are missing, reaches the first by keyboard from the refusal,
// fills both, publishes, attaches a PDF, and the guide is then read on the public library
// page, its file downloaded under its name, and found by the public search without accents. The library's list and editor pass axe at a phone's
// size. Through the API, the librarian is refused another network's library and the
// coordinators' desk of their own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { BASE, PHONE, appReady, launch, takesFocus, watchCsp } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';
import { fetch } from '../tests/client.mjs';

// Letters only, so the run's word is one word to the library's search.
const RUN = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
const DOMAIN = 'e2e-library-curation.example.org';
const LIBRARIAN = { id: `acc-librarian-e2e-${RUN}`, email: `bibliotheque.${RUN}@${DOMAIN}`, password: 'a library curation passphrase', name: 'Bibliothèque Hub', role: 'librarian', networks: ['hub'] };
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
// What the page writes with no-break spaces and isolation marks, as read.
const plain = (t) => (t ?? '').replace(/[\u2068\u2069]/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const made = [];
let browser;

before(async () => {
  const [hub] = sql("SELECT id FROM network WHERE id = 'hub'");
  assert.ok(hub, 'the demo has the Hub network');
  sql(staffSql(LIBRARIAN));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  const ids = [...made, ...sql(`SELECT resource_id AS id FROM resource_text WHERE title LIKE '%${RUN}%'`).map((r) => r.id)];
  const list = [...new Set(ids)].map(q).join(', ') || 'NULL';
  sql(`DELETE FROM resource_file WHERE resource_id IN (${list});
       DELETE FROM resource_link WHERE resource_id IN (${list});
       DELETE FROM resource_text WHERE resource_id IN (${list});
       DELETE FROM resource WHERE id IN (${list});
       DELETE FROM membership WHERE account_id = ${q(LIBRARIAN.id)};
       DELETE FROM account WHERE id = ${q(LIBRARIAN.id)};`);
});

const WORDS = {
  fr: {
    email: 'Courriel', password: 'Mot de passe', signIn: 'Me connecter', library: 'Bibliothèque', libraryOf: /^Bibliothèque de/,
    heading: 'Bibliothèque du réseau', new: 'Nouvelle ressource', kind: 'Type de ressource', original: 'Langue d’origine',
    title: (l) => `Titre — ${l === 'fr' ? 'français' : 'anglais'}`, summary: (l) => `Résumé — ${l === 'fr' ? 'français' : 'anglais'}`,
    translator: 'Traduction par — anglais', url: 'Lien vers la ressource', save: 'Enregistrer', publish: 'Publier', guide: 'Guide',
    file: 'Fichier joint', attach: 'Joindre ce fichier', attached: 'Fichier joint.', current: (name) => `Joint : ${name} (PDF, 5 ko)`,
    download: 'Télécharger le fichier (PDF, 5 ko)',
  },
  en: {
    email: 'Email', password: 'Password', signIn: 'Sign in', library: 'Library', libraryOf: /^Library of/,
    heading: 'Network library', new: 'New resource', kind: 'Kind of resource', original: 'Original language',
    title: (l) => `Title — ${l === 'fr' ? 'French' : 'English'}`, summary: (l) => `Summary — ${l === 'fr' ? 'French' : 'English'}`,
    translator: 'Translated by — English', url: 'Link to the resource', save: 'Save', publish: 'Publish', guide: 'Guide',
    file: 'Attached file', attach: 'Attach this file', attached: 'File attached.', current: (name) => `Attached: ${name} (PDF, 5 KB)`,
    download: 'Download the file (PDF, 5 KB)',
  },
};

/** The librarian signed in on the dashboard, on a desktop. */
async function librarianPage(lang) {
  const w = WORDS[lang];
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 }, locale: lang === 'fr' ? 'fr-CA' : 'en-CA', timezoneId: 'America/Toronto',
    extraHTTPHeaders: { 'CF-Connecting-IP': `10.93.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
  });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE}/${lang}/dashboard`);
  await appReady(page);
  await page.getByLabel(w.email).fill(LIBRARIAN.email);
  await page.getByLabel(w.password).fill(LIBRARIAN.password);
  await page.getByRole('button', { name: w.signIn }).click();
  await page.locator('.dash-bar').waitFor();
  await appReady(page);
  return { context, page, errors, csp };
}

/** axe's WCAG 2.2 A/AA violations on the page as it is. */
async function axe(page, where) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  assert.ok(result.passes.length > 10, `axe ran real checks on ${where}`);
  return result.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const lang of ['fr', 'en']) {
  const w = WORDS[lang];
  const word = `${RUN}${lang}`;
  const TITLE = { fr: `Écoute et sécurité émotionnelle en réunion ${word}`, en: `Listening and emotional safety in meetings ${word}` };

  test(`${lang.toUpperCase()}: a Hub librarian writes a guide in French and English, is told what stops publication, publishes, and the public library shows and finds it`, async () => {
    const { context, page, errors, csp } = await librarianPage(lang);

    // Landed on the dashboard: the library is offered, and it is all the bar links to.
    const nav = page.locator('.dash-bar nav');
    assert.deepEqual((await nav.getByRole('link').allInnerTexts()).map(plain), [w.library]);
    const toLibrary = page.locator('main').getByRole('link', { name: w.libraryOf });
    assert.equal(await toLibrary.getAttribute('href'), `/${lang}/dashboard/library?network=hub`);
    await toLibrary.click();
    await page.waitForURL(new RegExp(`/${lang}/dashboard/library\\?network=hub$`));
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: w.heading }).waitFor();
    assert.ok(await page.locator('.dash-list > li').count() > 0, 'Hub’s library lists its resources, drafts included');

    // A new guide, written in French, with an English title and nothing else in English.
    await page.getByRole('link', { name: w.new }).click();
    await page.waitForURL(new RegExp(`/${lang}/dashboard/library/new\\?network=hub$`));
    await appReady(page);
    await page.getByLabel(w.kind).selectOption('guide');
    await page.getByLabel(w.original).selectOption('fr');
    await page.getByLabel(w.title('fr'), { exact: true }).fill(TITLE.fr);
    await page.getByLabel(w.summary('fr'), { exact: true }).fill('Des repères pour que chaque personne ose prendre la parole, et soit écoutée.');
    await page.getByLabel(w.title('en'), { exact: true }).fill(TITLE.en);
    await page.getByLabel(w.url).fill(`https://example.org/guides/${word}`);
    await page.getByRole('button', { name: w.save, exact: true }).click();
    await page.waitForURL(new RegExp(`/${lang}/dashboard/library/(?!new)[^/?]+$`));
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1));
    made.push(id);
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: TITLE[lang] }).waitFor();

    // What stops publication, by name: the English summary and who translated it.
    const refusals = page.locator('section.refusals');
    await refusals.locator('a[href="#f-summary-en"]').waitFor();
    await refusals.locator('a[href="#f-translator-en"]').waitFor();
    assert.equal(await page.locator('.status-line .badge').getAttribute('data-state'), 'draft');

    // Publishing anyway is refused the same way; the summary takes the focus, and its link
    // to the English summary brings the focus there, by keyboard.
    await page.getByRole('button', { name: w.publish, exact: true }).click();
    const summary = page.locator('#resource-summary');
    await summary.locator('a[href="#f-summary-en"]').waitFor();
    assert.ok(await takesFocus(summary), 'the refusal takes the focus');
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('href') === '#f-summary-en')) break;
    }
    await page.keyboard.press('Enter');
    assert.ok(await takesFocus(page.locator('#f-summary-en')), 'the link focuses the English summary');
    await page.keyboard.type('Landmarks so that everyone dares to speak, and is listened to.');
    await page.getByLabel(w.translator, { exact: true }).fill(`Équipe de traduction ${word}`);

    // Publishing saves first, then publishes: nothing stops it now.
    await page.getByRole('button', { name: w.publish, exact: true }).click();
    await page.locator('.status-line .badge[data-state="published"]').waitFor();
    assert.equal(await refusals.count(), 0);
    assert.equal(sql(`SELECT state FROM resource WHERE id = ${q(id)}`)[0].state, 'published');

    // A PDF attached to it, sent at once; the editor says what is attached.
    const fileName = `Écoute ${word}.pdf`;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(4980), Buffer.from('\n%%EOF\n')]);
    await page.getByLabel(w.file).setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: w.attach }).click();
    await page.locator('.attached-file [role="status"]', { hasText: w.attached }).waitFor();
    assert.equal(plain(await page.locator('.attached-file .attached').innerText()), w.current(fileName));

    // The library lists it, published, a guide, public, in both languages.
    await page.getByRole('link', { name: w.heading }).click();
    await page.waitForURL(new RegExp(`/${lang}/dashboard/library\\?network=hub$`));
    await appReady(page);
    const card = page.locator('.dash-list > li', { has: page.getByRole('link', { name: TITLE[lang] }) });
    assert.equal(await card.locator('.badge').getAttribute('data-state'), 'published');
    assert.match(plain(await card.locator('.facts-line').innerText()), new RegExp(`^${w.guide} · `));
    assert.equal(await card.getAttribute('data-visibility'), 'public');

    // At a phone's size: the list and the editor pass axe, and nothing is wider than the phone.
    await page.setViewportSize(PHONE);
    const found = await axe(page, `${lang} library list`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'the list fits the phone');
    await page.goto(`${BASE}/${lang}/dashboard/library/${encodeURIComponent(id)}`);
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: TITLE[lang] }).waitFor();
    found.push(...await axe(page, `${lang} resource editor`));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'the editor fits the phone');
    await page.goto(`${BASE}/${lang}/dashboard/library/new?network=hub`);
    await appReady(page);
    found.push(...await axe(page, `${lang} new resource`));
    assert.deepEqual(found, []);

    // The public library: the guide in the reader's language, found without accents.
    await page.goto(`${BASE}/${lang}/library/${encodeURIComponent(id)}`);
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: TITLE[lang] }).waitFor();
    // Its file is offered for download under its name: the link the page draws serves the
    // very bytes attached, as an attachment named as it was.
    const link = page.locator('article.resource a[download]');
    assert.equal(plain(await link.innerText()), w.download);
    assert.equal(await link.getAttribute('download'), fileName);
    const served = await page.evaluate(async (href) => {
      const res = await fetch(href);
      return { disposition: res.headers.get('content-disposition'), bytes: [...new Uint8Array(await res.arrayBuffer())] };
    }, await link.getAttribute('href'));
    assert.match(served.disposition, new RegExp(`^attachment; .*filename\\*=UTF-8''${encodeURIComponent(fileName)}$`));
    assert.ok(Buffer.from(served.bytes).equals(pdf), 'the bytes attached');
    await page.goto(`${BASE}/fr/library?q=${encodeURIComponent(`securite emotionnelle ${word}`)}`);
    await appReady(page);
    assert.deepEqual((await page.locator('.library-results .card h3').allInnerTexts()).map(plain), [TITLE.fr]);
    if (lang === 'en') {
      await page.goto(`${BASE}/en/library?q=${encodeURIComponent(`emotional safety ${word}`)}`);
      await appReady(page);
      assert.deepEqual((await page.locator('.library-results .card h3').allInnerTexts()).map(plain), [TITLE.en]);
    }

    assert.deepEqual(errors, []);
    assert.deepEqual(csp, []);
    await context.close();
  });
}

test('through the API, the librarian is refused another network’s library and the coordinators’ desk of their own', async () => {
  const address = `10.94.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': address },
    body: JSON.stringify({ email: LIBRARIAN.email, password: LIBRARIAN.password }),
  });
  assert.equal(login.status, 200);
  const cookie = /^(__Host-relais_session=[0-9a-f]{64});/.exec(login.headers.get('set-cookie'))[1];
  const get = (path) => fetch(BASE + path, { headers: { Accept: 'application/json', Cookie: cookie, 'CF-Connecting-IP': address } });

  const own = await get('/api/dashboard/networks/hub/library?lang=fr');
  assert.equal(own.status, 200, 'their own network’s library');
  const shelf = await own.json();
  assert.equal(shelf.network.id, 'hub');

  const other = await get('/api/dashboard/networks/ggsn/library?lang=fr');
  assert.equal(other.status, 404, 'another network’s library is not found');
  await other.arrayBuffer();

  const desk = await get('/api/dashboard/networks/hub?lang=fr');
  assert.equal(desk.status, 403, 'the coordinators’ desk is refused');
  await desk.arrayBuffer();
});
