// What the browser quality gates share (`quality.test.mjs`, `quality-dashboard.test.mjs`): the
// state they open pages on — a registration and its manage link, a coordinator signed in,
// the dashboard's items, one-time links, GGSN members' and a follower's links —, every page
// of each build, and the ways of opening, signing in and reading them.
import assert from 'node:assert/strict';
import { fetch } from '../tests/client.mjs';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { BASE, launch, networkOf, watchCsp } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';

export const DESKTOP = { width: 1280, height: 900 };
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
export const REGISTRANT = 'quality@e2e-quality.example.org';
export const COORDINATOR = { id: 'acc-quality', email: 'coordination@e2e-quality.example.org', password: 'a quality passphrase' };
export let browser;
export let offeringIds;
export let editions;
export let manageToken;
export let networkId;
// The dashboard's items the coordinator opens: an offering of the `hub` network, and an edition.
export let dash;
// The coordinator's session cookie, to read the dashboard's items through the API.
export let sessionCookie;
// One-time links, opened (never accepted): an invitation for a new account, one for an
// existing account, a password reset; and a made-up token, for the "does not work" state.
export const links = {
  newAccount: randomBytes(32).toString('hex'),
  existingAccount: randomBytes(32).toString('hex'),
  reset: randomBytes(32).toString('hex'),
  madeUp: randomBytes(32).toString('hex'),
};
export const LINK_EMAIL = 'invitee@e2e-quality.example.org';
// GGSN's community: a member's private links, one waiting for the coordinators' decision and
// one accepted (which lists the members-only resources), for addresses of this run (the API
// counts applications per address and hour).
export const COMMUNITY = 'ggsn';
export const MEMBERS_ONLY = 'ggsn-fiche-groupes-sans-financement';
export const run = randomBytes(4).toString('hex');
// Someone waiting for an offering's dates, not yet confirmed: their emailed link.
export const followToken = randomBytes(24).toString('hex');
// A neighbourhood of PIC's, for its private link to coaching on request.
export const organisationToken = randomBytes(24).toString('hex');
export const memberLinks = {
  applied: { token: randomBytes(24).toString('hex'), email: `applied-${run}@e2e-quality.example.org`, standing: 'applied' },
  member: { token: randomBytes(24).toString('hex'), email: `member-${run}@e2e-quality.example.org`, standing: 'member' },
};

export async function setUp() {
  browser = await launch();
  const page = await (await fetch(`${BASE}/api/offerings?lang=fr&limit=50`)).json();
  // An offering with upcoming sessions and facilitators, one with past editions, one with none.
  offeringIds = ['hub-mouvements-decentralises', 'emancipasso-formation', 'hub-connaissances'];
  for (const id of offeringIds) assert.ok(page.items.some((o) => o.id === id), `${id} is in the demo catalog`);
  networkId = networkOf(offeringIds[0]).id;
  // The registration forms of an open edition and of an application, and a manage link.
  editions = [];
  for (const id of offeringIds.slice(0, 2)) {
    editions.push((await (await fetch(`${BASE}/api/offerings/${id}?lang=fr`)).json()).upcoming_editions[0].id);
  }
  const registered = await fetch(`${BASE}/api/editions/${editions[0]}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Quality Check', email: REGISTRANT, lang: 'fr', zone: 'Europe/Paris', consent: true }),
  });
  assert.equal(registered.status, 201);
  manageToken = /manage\/([0-9a-f]{48})$/.exec((await registered.json()).manage_url)[1];
  // A coordinator, to check the desk signed in (hashed as edge/src/auth.rs hashes).
  sql(staffSql({ ...COORDINATOR, name: 'Coordination Qualité', networks: 'all' }));
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: COORDINATOR.email, password: COORDINATOR.password }),
  });
  assert.equal(login.status, 200);
  sessionCookie = login.headers.get('set-cookie').split(';')[0];
  const desk = await (await fetch(`${BASE}/api/dashboard/networks/hub?lang=fr`, { headers: { cookie: sessionCookie } })).json();
  const offering = desk.offerings.find((o) => o.editions.length > 0);
  assert.ok(offering, 'the hub network has an offering with an edition');
  assert.ok(desk.people.length > 0 && desk.partners.length > 0, 'the hub network has facilitators and partners');
  dash = { network: 'hub', offering: offering.id, edition: offering.editions[0].id, person: desk.people[0].id, partner: desk.partners[0].id };
  // A session of that edition, for its attendance list.
  const authored = await (await fetch(`${BASE}/api/dashboard/editions/${dash.edition}?lang=fr`, { headers: { cookie: sessionCookie } })).json();
  assert.ok(authored.sessions.length > 0, 'the edition has sessions');
  dash.session = authored.sessions[0].id;
  const sha256 = (s) => createHash('sha256').update(s).digest('hex');
  const link = (token, purpose, email, role) => `INSERT INTO account_link (token_hash, purpose, email, network_id, role, created_by, created_at, expires_at)
    VALUES ('${sha256(token)}', '${purpose}', '${email}', ${role ? "'hub'" : 'NULL'}, ${role ? `'${role}'` : 'NULL'},
            ${role ? `'${COORDINATOR.id}'` : 'NULL'}, '2026-01-01T00:00:00Z', '2999-01-01T00:00:00Z');`;
  sql(link(links.newAccount, 'invitation', LINK_EMAIL, 'facilitator') + link(links.existingAccount, 'invitation', COORDINATOR.email, 'coordinator')
    + link(links.reset, 'password_reset', COORDINATOR.email, null));
  // Applied through the API; the links the messages carry are replaced by tokens of ours.
  for (const [who, { email }] of Object.entries(memberLinks)) {
    const applied = await fetch(`${BASE}/api/networks/${COMMUNITY}/community/applications?lang=fr`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: `Qualité ${who}`, email, lang: 'fr', zone: 'Africa/Dakar', region: 'Sénégal', languages: ['fr', 'wo'],
        on_behalf: 'organisation', organisation: 'Collectif qualité', criteria: [0, 2], consent: true,
      }),
    });
    assert.equal(applied.status, 202, await applied.text());
  }
  sql(Object.values(memberLinks).map(({ token, email, standing }) => `
    UPDATE community_member SET standing = '${standing}', decided_at = ${standing === 'applied' ? 'NULL' : "'2026-01-02T00:00:00Z'"}
      WHERE network_id = '${COMMUNITY}' AND email = '${email}';
    INSERT INTO community_token (token_hash, member_id, created_at)
      SELECT '${sha256(token)}', id, '2026-01-01T00:00:00Z' FROM community_member WHERE network_id = '${COMMUNITY}' AND email = '${email}';`).join(''));
  sql(`INSERT INTO follow (id, email, lang, zone, purpose, offering_id, consented_at)
         VALUES ('quality-follow-${run}', 'follow-${run}@e2e-quality.example.org', 'fr', 'Africa/Dakar', 'offering_dates', 'emancipasso-formation', '2026-01-01T00:00:00Z');
       INSERT INTO follow_token (token_hash, follow_id, created_at) VALUES ('${sha256(followToken)}', 'quality-follow-${run}', '2026-01-01T00:00:00Z');`);
  sql(`INSERT INTO organisation (id, network_id, name, kind, area, created_at)
         VALUES ('quality-organisation-${run}', 'pic', 'Table de quartier qualité', 'neighbourhood', 'Saint-Michel', '2026-01-01T00:00:00Z');
       INSERT INTO organisation_contact (id, organisation_id, name, email, lang, created_at)
         VALUES ('quality-contact-${run}', 'quality-organisation-${run}', 'Contact qualité', 'organisation-${run}@e2e-quality.example.org', 'fr', '2026-01-01T00:00:00Z');
       INSERT INTO organisation_token (token_hash, organisation_id, created_at)
         VALUES ('${sha256(organisationToken)}', 'quality-organisation-${run}', '2026-01-01T00:00:00Z');`);
}

export async function tearDown() {
  await browser?.close();
  const ours = `SELECT id FROM registration WHERE email = '${REGISTRANT}'`;
  sql(`DELETE FROM outbox WHERE registration_id IN (${ours}); DELETE FROM registration_event WHERE registration_id IN (${ours});
       DELETE FROM manage_token WHERE registration_id IN (${ours}); DELETE FROM registration WHERE email = '${REGISTRANT}';
       DELETE FROM account_link WHERE email IN ('${LINK_EMAIL}', '${COORDINATOR.email}');
       DELETE FROM account WHERE id = '${COORDINATOR.id}';`);
  const members = `SELECT id FROM community_member WHERE email LIKE '%-${run}@e2e-quality.example.org'`;
  sql(`DELETE FROM outbox WHERE member_id IN (${members}); DELETE FROM community_member WHERE id IN (${members});
       DELETE FROM follow WHERE id = 'quality-follow-${run}';`);
  sql(`DELETE FROM organisation WHERE id = 'quality-organisation-${run}';`);
}

/** A new context of the browser, with the CSP violations its pages log. */
export async function open(options) {
  const context = await browser.newContext(options);
  return { context, violations: await watchCsp(context) };
}

/** Every page of the app, as paths without the language. */
export function pages() {
  return [
    '', ...offeringIds.map((id) => `/offerings/${id}`), '/offerings/no-such-offering',
    '/people/louis-ramirez', '/partners/framasoft', '/partners/no-such-partner', `/networks/${networkId}`, '/archive',
    // The forms build's pages.
    ...editions.map((id) => `/register/${id}`), `/manage/${manageToken}`, '/manage', '/privacy', '/coordinator',
    // The library: newest, found, refused words, a resource, one shown in another language.
    '/library', '/library?q=strategie', '/library?q=l%E2%80%99', '/library/hub-balado-strategie', '/library/hub-video-resume-seance-1',
    // A network's community: its application form, a member's link waiting and accepted, and
    // a members-only resource read through it.
    `/community/${COMMUNITY}`, `/member/${memberLinks.applied.token}`, `/member/${memberLinks.member.token}`,
    `/member/${memberLinks.member.token}/library/${MEMBERS_ONLY}`,
    // Asking to be told of an offering's dates, and the emailed link to confirm.
    '/follow?offering=emancipasso-formation', `/follow/${followToken}`,
    // Coaching on request: an offering's page, the organisation's form, its poster, and its link.
    '/offerings/pic-accompagnement-apprentissage', '/coaching/pic?offering=pic-accompagnement-apprentissage',
    '/coaching/pic/poster?offering=pic-accompagnement-apprentissage',
    `/organisations/${organisationToken}`,
    // The dashboard build's, signed out: its sign-in form (and "forgot your password?"), and
    // the pages of one-time links: an invitation (for a new account, for an existing one), a
    // reset, a link that does not work.
    '/dashboard', `/welcome/${links.newAccount}`, `/welcome/${links.existingAccount}`, `/new-password/${links.reset}`,
    `/welcome/${links.madeUp}`, `/new-password/${links.madeUp}`,
  ];
}

/** The dashboard's pages, signed in, as paths without the language. */
export function dashboardPages() {
  return [
    '/dashboard', `/dashboard?network=${dash.network}`, `/dashboard/offerings/new?network=${dash.network}`,
    `/dashboard/offerings/${dash.offering}`, `/dashboard/editions/${dash.edition}`, `/dashboard/editions/${dash.edition}/schedule`,
    `/dashboard/audit?network=${dash.network}`,
    `/dashboard/members?network=${dash.network}`, `/dashboard/community?network=${COMMUNITY}`,
    `/dashboard/editions/${dash.edition}/message`, `/dashboard/outbox?network=${dash.network}`,
    `/dashboard/news?network=${COMMUNITY}`,
    // Coaching on request: the requests and hours, and the yearly report.
    '/dashboard/coaching?network=pic', '/dashboard/coaching/report?network=pic',
    `/dashboard/people/new?network=${dash.network}`, `/dashboard/people/${dash.person}`,
    `/dashboard/partners/new?network=${dash.network}`, `/dashboard/partners/${dash.partner}`,
    // The people behind an edition, filtered too, and a session's attendance list.
    `/dashboard/editions/${dash.edition}/people`, `/dashboard/editions/${dash.edition}/people?status=confirmed&q=a`,
    `/dashboard/editions/${dash.edition}/sessions/${dash.session}/attendance`,
  ];
}

/** Signs in on the dashboard (once per browser context). */
export async function signInDashboard(page, lang) {
  await page.goto(`${BASE}/${lang}/dashboard`);
  await settle(page);
  if (await page.locator('input[type=password]').count()) {
    await page.locator('input[type=email]').fill(COORDINATOR.email);
    await page.locator('input[type=password]').fill(COORDINATOR.password);
    await page.locator('form button[type=submit]').click();
    await page.locator('.dash-bar').waitFor();
    await settle(page);
  }
}

/**
 * Opens every dashboard page signed in, in both languages, with its disclosures open, then
 * runs `check(lang, path)`; on the edition page also with a rule refused before sending and
 * with a rule's preview.
 */
export async function forEveryDashboardPage(page, check) {
  await signInDashboard(page, 'fr');
  for (const lang of ['fr', 'en']) {
    for (const path of dashboardPages()) {
      await page.goto(`${BASE}/${lang}${path}`);
      await settle(page);
      for (const details of await page.locator('details').all()) await details.evaluate((d) => { d.open = true; });
      await check(lang, path);
      if (path.startsWith('/dashboard/members')) {
        // Leaving, asked to confirm.
        await page.locator('section.leave button').click();
        await page.locator('section.leave .confirm').waitFor();
        await check(lang, `${path} (leaving)`);
      }
      if (path.endsWith('/schedule')) {
        // The assistant's answers: a series' burden table and sessions, one meeting's day.
        await page.locator('#who-typed').check();
        await page.locator('#f-who-typed').fill('Africa/Lagos, 2\nAsia/Kolkata, 1\nPacific/Auckland, 1');
        const series = page.locator('section.schedule-series form');
        await series.locator('input[type=date]').fill('2027-01-12');
        await series.locator('button[type=submit]').click();
        await page.locator('table.burden').waitFor();
        const meeting = page.locator('section.schedule-meeting form');
        await meeting.locator('input[type=date]').first().fill('2027-03-14');
        await meeting.locator('button[type=submit]').click();
        await page.locator('table.day-grid').waitFor();
        await check(lang, `${path} (answers)`);
        continue;
      }
      if (path.endsWith('/message')) {
        // The last look before sending, then the refusals of an empty message.
        await page.locator('form.dash-form button[type=submit]').click();
        await page.locator('#message-confirm').waitFor({ state: 'visible' });
        await check(lang, `${path} (confirm)`);
        await page.locator('#message-confirm button.primary').click();
        await page.locator('#message-summary').waitFor({ state: 'visible' });
        await check(lang, `${path} (refused)`);
        continue;
      }
      if (/^\/dashboard\/editions\/[^/]+$/.test(path)) {
        const rule = page.locator('form.rule-form');
        await rule.locator('button[type=submit]').click();
        await page.locator('#rule-summary').waitFor({ state: 'visible' });
        await check(lang, `${path} (rule refused)`);
        await rule.locator('input[type=date]').first().fill('2027-03-02');
        await rule.locator('button[type=submit]').click();
        await page.locator('section.preview').waitFor();
        await check(lang, `${path} (preview)`);
      }
    }
  }
}

/**
 * Opens every page in both languages, waits until it has what it shows, opens every
 * disclosure (what it hides is checked too), then runs `check(lang, path)`.
 */
export async function forEveryPage(page, check) {
  for (const lang of ['fr', 'en']) {
    for (const path of pages()) {
      await page.goto(`${BASE}/${lang}${path}`);
      await settle(page);
      for (const details of await page.locator('details').all()) await details.evaluate((d) => { d.open = true; });
      await check(lang, path);
      if (path === '/dashboard') {
        // The sign-in form's "forgot your password?", asked then answered.
        await page.locator('p.forgotten button').click();
        await page.locator('#forgotten-title').waitFor();
        await check(lang, `${path} (forgotten password)`);
        await page.locator('section.forgotten-password input[type=email]').fill(`nobody-${randomBytes(4).toString('hex')}@e2e-quality.example.org`);
        await page.locator('section.forgotten-password button[type=submit]').click();
        await page.locator('#forgotten-sent').waitFor();
        await check(lang, `${path} (link asked)`);
      }
    }
  }
}

/** Waits until the page has fetched what it shows: no request in flight, no loading state. */
export async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.getElementById('shell') && !document.querySelector('.loading'));
}

export function messageIds() {
  const root = new URL('../locales/', import.meta.url).pathname;
  const ids = new Set();
  for (const lang of readdirSync(root)) {
    for (const file of readdirSync(root + lang).filter((f) => f.endsWith('.ftl'))) {
      for (const m of readFileSync(`${root}${lang}/${file}`, 'utf8').matchAll(/^([a-z][a-z0-9-]*) =/gm)) ids.add(m[1]);
    }
  }
  return ids;
}


export function pageText(page) {
  return page.evaluate(() => ({
      // Text as written, not as styled (`.kind` is shown in capitals), scripts left out.
      text: (() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const parts = [];
        while (walker.nextNode()) {
          if (!walker.currentNode.parentElement.closest('script, style, noscript')) parts.push(walker.currentNode.data);
        }
        return parts.join(' ');
      })(),
      blanks: [...document.querySelectorAll('h1, h2, h3, p, li, a, button, label, summary, option, dt, dd')]
        .filter((el) => el.checkVisibility() && el.textContent.trim() === '' && !el.querySelector('img, svg, input, select'))
        .map((el) => el.outerHTML.slice(0, 80)),
  }));
}

/** Signs in on the coordinators' page and opens the desk of the open edition. */
export async function openDesk(page, lang) {
  await page.goto(`${BASE}/${lang}/coordinator`);
  await settle(page);
  if (await page.locator('input[type=password]').count()) {
    await page.locator('input[type=email]').fill(COORDINATOR.email);
    await page.locator('input[type=password]').fill(COORDINATOR.password);
    await page.locator('form button[type=submit]').click();
  }
  await page.locator(`.editions a[href$="edition=${editions[0]}"]`).click();
  await page.locator('.registrations > li', { hasText: 'Quality Check' }).waitFor();
  await page.locator('form.capacity').waitFor();
  await settle(page);
  for (const details of await page.locator('details').all()) await details.evaluate((d) => { d.open = true; });
}

