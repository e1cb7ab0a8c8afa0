// A network's news, sent by a coordinator from the dashboard on a phone, in French and in
// English: the page says how many confirmed followers it would reach (as the API counts them)
// and lists what is coming; a note written in one language only is refused by name, the
// summary taking the focus; written in both, the last look asks « Envoyer à N personnes ? », a
// double click sends once, and the answer says how many messages are on their way. Each
// confirmed follower gets exactly one message, in their own language, with the note in it, a
// coming activity and its page, and a link that stops the next in one click; the unconfirmed
// follower gets nothing. The page passes axe at a phone's size, before and after sending, and
// is never wider than the phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { BASE, appReady, launch, phone, takesFocus } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';
import { lastMessageId, sentMessage } from '../tests/accounts.mjs';
import { fetch } from '../tests/client.mjs';

const RUN = randomBytes(3).toString('hex');
const DOMAIN = 'e2e-digest.example.org';
const NETWORK = 'ggsn';
const COORDINATOR = { id: `acc-digest-e2e-${RUN}`, email: `coordination.${RUN}@${DOMAIN}`, password: 'a digest e2e passphrase', name: 'Coordination Nouvelles', networks: [NETWORK] };
// Followers of GGSN, consented before anyone else could have: the first of every digest, so
// all in its first round (20 due at once), whatever other followers the state holds.
const FOLLOWERS = [
  { id: `e2e-dg-${RUN}-fr`, email: `awa.${RUN}@${DOMAIN}`, lang: 'fr', zone: 'Africa/Dakar', confirmed: true },
  { id: `e2e-dg-${RUN}-en`, email: `priya.${RUN}@${DOMAIN}`, lang: 'en', zone: 'Asia/Kolkata', confirmed: true },
  { id: `e2e-dg-${RUN}-fr2`, email: `leon.${RUN}@${DOMAIN}`, lang: 'fr', zone: 'America/Toronto', confirmed: true },
  { id: `e2e-dg-${RUN}-no`, email: `unconfirmed.${RUN}@${DOMAIN}`, lang: 'en', zone: 'Europe/London', confirmed: false },
];
const CONFIRMED = FOLLOWERS.filter((f) => f.confirmed);
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
const ours = FOLLOWERS.map((f) => q(f.id)).join(', ');
// What the page writes with no-break spaces, as read.
const plain = (t) => (t ?? '').replace(/[\u2068\u2069]/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
let browser;

before(async () => {
  const [ggsn] = sql(`SELECT id FROM network WHERE id = ${q(NETWORK)}`);
  assert.ok(ggsn, 'the demo has the GGSN network');
  sql(staffSql(COORDINATOR));
  sql(FOLLOWERS.map((f, i) => `INSERT INTO follow (id, email, lang, zone, purpose, network_id, consented_at, confirmed_at)
    VALUES (${q(f.id)}, ${q(f.email)}, ${q(f.lang)}, ${q(f.zone)}, 'network_news', ${q(NETWORK)}, '1999-12-31T00:00:0${i}Z',
            ${f.confirmed ? "'1999-12-31T12:00:00Z'" : 'NULL'});`).join('\n'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  sql(`DELETE FROM outbox WHERE follow_id IN (${ours});
       DELETE FROM follow_token WHERE follow_id IN (${ours});
       DELETE FROM follow WHERE id IN (${ours});
       DELETE FROM membership WHERE account_id = ${q(COORDINATOR.id)};
       DELETE FROM account WHERE id = ${q(COORDINATOR.id)};`);
});

/** The dashboard's API as the coordinator (a session of its own): `GET path` read as JSON. */
async function apiGet(path) {
  const address = `10.91.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': address },
    body: JSON.stringify({ email: COORDINATOR.email, password: COORDINATOR.password }),
  });
  assert.equal(login.status, 200);
  const cookie = /^(__Host-relais_session=[0-9a-f]{64});/.exec(login.headers.get('set-cookie'))[1];
  const res = await fetch(BASE + path, { headers: { Cookie: cookie, 'CF-Connecting-IP': address } });
  const text = await res.text();
  assert.equal(res.status, 200, `GET ${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

/** axe's WCAG 2.2 A/AA violations on the page as it is. */
async function axe(page, where) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  assert.ok(result.passes.length > 10, `axe ran real checks on ${where}`);
  return result.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const WORDS = {
  fr: {
    locale: 'fr-CA', email: 'Courriel', password: 'Mot de passe', signIn: 'Me connecter', bar: 'Nouvelles', heading: 'Nouvelles du réseau',
    reach: (n) => new RegExp(`^${n} personnes suivent les nouvelles du réseau`),
    note: (l) => `Mot d’introduction — ${l === 'fr' ? 'français' : 'anglais'}`,
    review: 'Relire avant l’envoi', confirm: (n) => new RegExp(`^Envoyer à ${n} personnes ?\\?$`), send: 'Envoyer maintenant',
    queued: (n) => new RegExp(`^${n} messages sont en route\\.`),
    // The coordinator writes French first; English is missing.
    first: 'fr', missing: 'en',
  },
  en: {
    locale: 'en-GB', email: 'Email', password: 'Password', signIn: 'Sign in', bar: 'News', heading: 'Network news',
    reach: (n) => new RegExp(`^${n} people follow the network’s news`),
    note: (l) => `Note — ${l === 'fr' ? 'French' : 'English'}`,
    review: 'Review before sending', confirm: (n) => new RegExp(`^Send to ${n} people\\?$`), send: 'Send now',
    queued: (n) => new RegExp(`^${n} messages are on their way\\.`),
    first: 'en', missing: 'fr',
  },
};

for (const lang of ['fr', 'en']) {
  const w = WORDS[lang];
  test(`${lang.toUpperCase()}: a GGSN coordinator sends the network's news on a phone: counted, refused by name in one language, sent once in both, one message to each confirmed follower in their language`, async () => {
    // What the page should show, as the API counts it now (the state may hold other followers).
    const preview = await apiGet(`/api/dashboard/networks/${NETWORK}/digest?lang=${lang}`);
    const titles = { [lang]: preview.coming };
    for (const other of ['fr', 'en'].filter((l) => l !== lang)) {
      titles[other] = (await apiGet(`/api/dashboard/networks/${NETWORK}/digest?lang=${other}`)).coming;
    }
    assert.ok(preview.coming.length > 0, 'GGSN has something published to come (its community of practice meets every two months)');
    assert.ok(preview.followers >= CONFIRMED.length, `our ${CONFIRMED.length} confirmed followers at least: ${preview.followers}`);
    const expected = preview.followers;
    const [{ name: networkName }] = sql(`SELECT name FROM network WHERE id = ${q(NETWORK)}`);

    const { context, page, errors } = await phone(browser, {
      locale: w.locale, timezoneId: 'America/Toronto',
      extraHTTPHeaders: { 'CF-Connecting-IP': `10.92.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
    });
    await page.goto(`${BASE}/${lang}/dashboard?network=${NETWORK}`);
    await appReady(page);
    await page.getByLabel(w.email).fill(COORDINATOR.email);
    await page.getByLabel(w.password).fill(COORDINATOR.password);
    await page.getByRole('button', { name: w.signIn }).click();
    await page.locator('.dash-bar').waitFor();
    await appReady(page);

    // From the bar to the news page.
    await page.locator('.dash-bar').getByRole('link', { name: w.bar, exact: true }).click();
    await page.waitForURL(new RegExp(`/${lang}/dashboard/news\\?network=${NETWORK}$`));
    await page.getByRole('heading', { level: 1, name: w.heading }).waitFor();
    await appReady(page);

    // Whom it reaches and what it lists, as the API says; where people sign up.
    const network = page.getByRole('region', { name: networkName });
    await network.waitFor();
    assert.match(plain(await network.locator('.count').innerText()), w.reach(expected));
    assert.deepEqual((await network.getByRole('listitem').allInnerTexts()).map(plain), preview.coming.map(plain));
    assert.equal(await network.locator('a[rel="external"]').getAttribute('href'), `/${lang}/follow?network=${NETWORK}`);
    const found = await axe(page, `${lang} news page`);
    assert.equal(await fits(page), true, 'the page fits the phone');

    // The note in one language only: refused by name, the summary taking the focus.
    const note = { fr: `Deux rencontres avant l’été ${RUN}.`, en: `Two meetings before summer ${RUN}.` };
    await page.getByLabel(w.note(w.first), { exact: true }).fill(note[w.first]);
    const beforeRefusal = lastMessageId();
    await page.getByRole('button', { name: w.review }).click();
    const confirm = page.locator('#digest-confirm');
    await confirm.waitFor({ state: 'visible' });
    assert.ok(await takesFocus(confirm), 'the last look takes the focus');
    assert.match(plain(await confirm.getByRole('heading', { level: 2 }).innerText()), w.confirm(expected));
    await confirm.getByRole('button', { name: w.send }).click();
    const summary = page.locator('#digest-summary');
    await summary.waitFor({ state: 'visible' });
    assert.ok(await takesFocus(summary), 'the refusal takes the focus');
    const named = (await summary.getByRole('link').allInnerTexts()).map(plain);
    assert.equal(named.length, 1, named.join(' | '));
    assert.ok(named[0].startsWith(w.note(w.missing)), named.join(' | '));
    assert.equal(await page.getByLabel(w.note(w.missing), { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.equal(sql(`SELECT count(*) AS n FROM outbox WHERE follow_id IN (${ours}) AND kind = 'news_digest' AND id > ${beforeRefusal}`)[0].n, 0,
      'nothing queued by a refusal');

    // Both languages: the last look, a double click, one digest.
    await page.getByLabel(w.note(w.missing), { exact: true }).fill(note[w.missing]);
    await page.getByRole('button', { name: w.review }).click();
    await confirm.waitFor({ state: 'visible' });
    const sentFrom = lastMessageId();
    await confirm.getByRole('button', { name: w.send }).dblclick();
    const sent = page.locator('#digest-sent');
    await sent.waitFor({ state: 'visible' });
    assert.match(plain(await sent.innerText()), w.queued(expected));
    assert.ok(await takesFocus(sent), 'the answer takes the focus');

    // Exactly one message per confirmed follower, none for the unconfirmed, the first round due now.
    const rows = sql(`SELECT follow_id, next_attempt_at FROM outbox WHERE kind = 'news_digest' AND follow_id IN (${ours}) AND id > ${sentFrom} ORDER BY follow_id`);
    assert.deepEqual(rows.map((r) => r.follow_id), CONFIRMED.map((f) => f.id).sort(), 'once each, nobody unconfirmed');
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    assert.ok(rows.every((r) => r.next_attempt_at <= now), `our followers are in the first round: ${JSON.stringify(rows)}`);
    assert.equal(sql(`SELECT count(*) AS n FROM outbox WHERE kind = 'news_digest' AND id > ${sentFrom}
      AND dedupe LIKE ${q(`digest:${NETWORK}:%`)}`)[0].n, expected, 'one digest, however many clicks');

    // What one French and one English follower read: their language, the note in it, a coming
    // activity with its page, and the link that stops the next.
    for (const follower of CONFIRMED.slice(0, 2)) {
      const other = follower.lang === 'fr' ? 'en' : 'fr';
      const message = await sentMessage(follower.email, 'news_digest', sentFrom);
      assert.ok(message.body.includes(note[follower.lang]), message.body);
      assert.ok(!message.body.includes(note[other]), `only the ${follower.lang} note: ${message.body}`);
      // The preview names each with its day on the organiser's clock; the message gives the
      // follower's own: the title is what they share.
      assert.ok(titles[follower.lang].some((t) => message.body.includes(t.split(' — ')[0])), `a coming activity in ${follower.lang}: ${message.body}`);
      assert.match(message.body, new RegExp(`/${follower.lang}/offerings/[^\\s/]+`), 'its page');
      assert.match(message.body, new RegExp(`/${follower.lang}/follow/[0-9a-f]{48}\\?stop`), 'a link to stop');
    }

    // After sending, the page still passes axe and fits the phone.
    found.push(...await axe(page, `${lang} news page, sent`));
    assert.equal(await fits(page), true, 'the page fits the phone after sending');
    assert.deepEqual(found, []);
    assert.deepEqual(errors, [], 'no page error, no CSP violation');
    await context.close();
  });
}
