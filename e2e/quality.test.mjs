// Browser quality gates: WCAG 2.2 A/AA (axe-core) on every page in both languages at a
// phone and a desktop size; every page's messages; every control reachable and operable by
// keyboard with a visible focus; no page logs a Content-Security-Policy violation. The
// dashboard's pages signed in are in quality-dashboard.test.mjs and Lighthouse's scores in
// quality-lighthouse.test.mjs (the catalog and a network's page) and
// dashboard-lighthouse.test.mjs (the dashboard's), so that no file outlasts the runner's ten
// minutes a file. What they open pages on is set up by quality-pages.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { BASE, PHONE } from './browser.mjs';
import {
  setUp,
  tearDown,
  COMMUNITY,
  DESKTOP,
  WCAG,
  dash,
  editions,
  followToken,
  forEveryPage,
  links,
  manageToken,
  memberLinks,
  messageIds,
  networkId,
  open,
  pageText,
  run,
  settle,
  signInDashboard,
} from './quality-pages.mjs';

before(setUp);
after(tearDown);

test('no WCAG 2.2 A/AA violation in the catalog as the Worker writes it (before the app, or without it)', async () => {
  // No service worker either: it would bring the app from its precache.
  const { context, violations } = await open({ viewport: PHONE, locale: 'fr-CA', timezoneId: 'Europe/Paris', serviceWorkers: 'block' });
  const page = await context.newPage();
  // The app never arrives: what a reader sees while it downloads, or if it cannot run.
  await page.route(/\/app-[0-9a-f]+(_bg\.wasm|\.js)$/, (route) => route.abort());
  const found = [];
  for (const lang of ['fr', 'en']) {
    await page.goto(`${BASE}/${lang}`);
    assert.ok(await page.locator('#shell-page .card').count() > 0, `${lang}: the page holds the catalog`);
    const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    for (const v of result.violations) found.push(`${lang}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  await context.close();
  assert.deepEqual(found, []);
  assert.deepEqual(violations, [], 'no CSP violation');
});

// One visit of each page serves both checks: axe at each size, and at phone size the page's
// messages (no raw message id, no blank text), as the dashboard's sweep does.
const ids = [...messageIds()].filter((id) => id.includes('-'));
for (const [sizeName, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  const withMessages = sizeName === 'phone';
  test(`no WCAG 2.2 A/AA violation on any page, both languages, ${sizeName}${withMessages ? '; every page shows its messages: no raw message id, no blank text' : ''}`, async () => {
    assert.ok(ids.length > 50, `${ids.length} message ids`);
    const { context, violations } = await open({ viewport, locale: 'fr-CA', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const found = [];
    await forEveryPage(page, async (lang, path) => {
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      for (const v of result.violations) {
        found.push(`${lang}${path} [${sizeName}] ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
      assert.ok(result.passes.length > 10, `axe ran real checks on ${lang}${path}`);
      if (!withMessages) return;
      const { text, blanks } = await pageText(page);
      const words = new Set(text.split(/[^a-z0-9-]+/));
      for (const id of ids) if (words.has(id)) found.push(`${lang}${path}: raw id ${id}`);
      for (const b of blanks) found.push(`${lang}${path}: blank ${b}`);
    });
    assert.deepEqual(found, []);
    assert.deepEqual(violations, [], 'no CSP violation');
    await context.close();
  });
}


test('every control is reachable by Tab, shows its focus, and works from the keyboard', async () => {
  const { context, violations } = await open({ viewport: PHONE, locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
  const page = await context.newPage();
  await signInDashboard(page, 'en');
  for (const path of ['/en', '/en/offerings/emancipasso-formation', `/en/networks/${networkId}`, `/en/register/${editions[1]}`, `/en/manage/${manageToken}`,
    '/en/library?q=strategy', '/fr/library/hub-structure-decentralisee',
    `/en/community/${COMMUNITY}`, `/en/member/${memberLinks.member.token}`, `/en/dashboard/community?network=${COMMUNITY}`,
    '/fr/follow?offering=emancipasso-formation', `/en/follow/${followToken}`,
    `/en/dashboard?network=${dash.network}`, `/en/dashboard/offerings/${dash.offering}`, `/en/dashboard/editions/${dash.edition}`,
    `/en/dashboard/editions/${dash.edition}/schedule`,
    `/en/dashboard/members?network=${dash.network}`, `/en/welcome/${links.newAccount}`, `/en/new-password/${links.reset}`,
    `/en/dashboard/people/${dash.person}`, `/en/dashboard/partners/${dash.partner}`,
    `/en/dashboard/editions/${dash.edition}/message`, `/en/dashboard/outbox?network=${dash.network}`,
    `/fr/dashboard/editions/${dash.edition}/message`, `/fr/dashboard/outbox?network=${dash.network}`,
    `/en/dashboard/editions/${dash.edition}/people`, `/en/dashboard/editions/${dash.edition}/sessions/${dash.session}/attendance`]) {
    await page.goto(BASE + path);
    await settle(page);
    // Open every disclosure: what they hold (zone picker, filters) must be reachable too.
    for (const details of await page.locator('details').all()) await details.evaluate((d) => { d.open = true; });
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], button, summary, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
        // checkVisibility: the content of a closed <details> keeps its boxes but is hidden.
        .filter((el) => !el.disabled && el.checkVisibility() || el.classList.contains('skip'))
        // Hidden from people on purpose (the field only robots fill): axe checks it is out of
        // the keyboard's way too (aria-hidden-focus).
        .filter((el) => !el.closest('[aria-hidden="true"]'))
        // A radio group is one Tab stop (arrows move within it): its checked radio, else its
        // first, stands for it.
        .filter((el) => el.type !== 'radio' || el === (document.querySelector(`input[type=radio][name="${el.name}"]:checked`)
          ?? document.querySelector(`input[type=radio][name="${el.name}"]`)))
        .map((el, i) => { el.dataset.kb = String(i); return String(i); }));
    assert.ok(controls.length >= 5, `${path} has controls`);
    const reached = new Set();
    const unfocusedLook = [];
    // A date input takes a Tab per field (day, month, year): room for more stops than controls.
    for (let i = 0; i < controls.length * 2 + 10; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        return { kb: el.dataset.kb ?? null, visible, label: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40) };
      });
      if (!state) continue;
      if (state.kb) reached.add(state.kb);
      if (!state.visible) unfocusedLook.push(state.label);
    }
    const missed = controls.filter((c) => !reached.has(c));
    assert.deepEqual(missed, [], `${path}: controls never reached by Tab`);
    assert.deepEqual(unfocusedLook, [], `${path}: focus not visible on`);
  }

  // Operable: the skip link moves focus to the content; Enter follows a link; Enter opens a disclosure.
  await page.goto(BASE + '/en');
  await settle(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  const link = page.getByRole('link', { name: /decentralized movements/i });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/offerings\/hub-mouvements-decentralises$/);
  await page.goto(BASE + '/en/offerings/emancipasso-formation');
  await settle(page);
  const summary = page.locator('details.past summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details.past').evaluate((d) => d.open), true);
  await page.getByRole('link', { name: 'Français' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/fr\/offerings\/emancipasso-formation$/);
  assert.deepEqual(violations, [], 'no CSP violation');
  await context.close();
});

