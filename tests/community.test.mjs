// A network's community of practice against the real local stack (workerd with D1 and KV):
// GGSN's application form in both languages; an application refused by name, in the caller's
// language; the same answer whoever the address belongs to, with the private link read from
// the message; a coordinator's decision, scoped to their network; members-only resources
// read through the link once accepted and never by the public; the network's members-only
// meeting, listed on the link and registered for through it, on no public read; leaving,
// which erases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { fetch } from './client.mjs';
import { sql, staffSql } from './state.mjs';
import { lastMessageId, sentMessage } from './accounts.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const DOMAIN = 'community-api.example.org';
const NETWORK = 'ggsn';
const MEMBERS_ONLY = 'ggsn-fiche-groupes-sans-financement';
const MEMBERS_MEETING = 'ggsn-rencontre-membres';
const COORDINATOR = { id: 'acc-community-api', email: `coordination@${DOMAIN}`, password: 'the community api passphrase' };
const ELSEWHERE = { id: 'acc-community-other', email: `other@${DOMAIN}`, password: 'the other network passphrase' };

async function call(method, path, { session, body, lang = 'en', from } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: {
      'CF-Connecting-IP': from ?? `10.66.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
      'Accept-Language': lang,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(session ? { Cookie: `__Host-relais_session=${session.token}`, 'X-CSRF-Token': session.csrf } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, type: res.headers.get('content-type') ?? '' };
}

async function login({ email, password }) {
  const res = await call('POST', '/api/auth/login', { body: { email, password } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(res.headers.get('set-cookie'))[1], csrf: res.body.csrf_token };
}

const application = (who, extra = {}) => ({
  name: `Person ${who}`,
  email: `${who}@${DOMAIN}`,
  lang: 'fr',
  zone: 'Africa/Dakar',
  region: 'Afrique de l’Ouest',
  languages: ['fr', 'wo'],
  on_behalf: 'organisation',
  organisation: 'Collectif des quartiers',
  criteria: [0, 2],
  consent: true,
  ...extra,
});

/** The member page's token in a message. */
function memberToken(message) {
  const found = /\/(fr|en)\/member\/([0-9a-f]{48})(\s|$)/.exec(message.body);
  assert.ok(found, `a member link in: ${message.body}`);
  return found[2];
}

before(() => {
  sql(`INSERT OR IGNORE INTO network (id, name, created_at) VALUES ('community-api-other', 'Other', '2026-01-01T00:00:00Z');`);
  sql(staffSql({ ...COORDINATOR, name: 'Coordination GGSN', networks: [NETWORK] }));
  sql(staffSql({ ...ELSEWHERE, name: 'Coordination ailleurs', networks: ['community-api-other'] }));
});
after(() => {
  sql(`DELETE FROM community_member WHERE email LIKE '%@${DOMAIN}';
       DELETE FROM membership WHERE account_id IN ('${COORDINATOR.id}', '${ELSEWHERE.id}');
       DELETE FROM account WHERE id IN ('${COORDINATOR.id}', '${ELSEWHERE.id}');`);
});

test('GGSN’s form gives its four criteria in the reader’s language; a network without a community has none', async () => {
  const fr = await call('GET', `/api/networks/${NETWORK}/community`, { lang: 'fr' });
  const en = await call('GET', `/api/networks/${NETWORK}/community`, { lang: 'en' });
  assert.equal(fr.status, 200);
  assert.equal(fr.body.rule, 'at_least_one');
  assert.equal(fr.body.criteria.length, 4);
  assert.equal(en.body.criteria.length, 4);
  assert.notDeepEqual(fr.body.criteria, en.body.criteria, 'translated');
  assert.deepEqual(fr.body.on_behalf.sort(), ['individual', 'organisation']);
  const none = await call('GET', '/api/networks/community-api-other/community');
  assert.equal(none.status, 404);
  assert.match(none.type, /^application\/problem\+json/);
});

test('an application is refused field by field, in the caller’s language, and nothing is stored', async () => {
  const refused = await call('POST', `/api/networks/${NETWORK}/community/applications`, {
    lang: 'fr',
    body: application('refused', { criteria: [], organisation: '', languages: ['not a tag!'], consent: false }),
  });
  assert.equal(refused.status, 400);
  assert.match(refused.type, /^application\/problem\+json/);
  const fields = Object.fromEntries(refused.body.errors.map((e) => [e.field, e.message]));
  for (const field of ['criteria', 'organisation', 'languages.0', 'consent']) assert.ok(fields[field], `${field} in ${JSON.stringify(fields)}`);
  assert.match(fields.criteria, /[a-zàéèê]/i);
  const english = await call('POST', `/api/networks/${NETWORK}/community/applications`, {
    lang: 'en',
    body: application('refused', { criteria: [9] }),
  });
  assert.equal(english.status, 400);
  assert.deepEqual(english.body.errors.map((e) => e.field), ['criteria']);
  assert.equal(sql(`SELECT count(*) AS n FROM community_member WHERE email = 'refused@${DOMAIN}'`)[0].n, 0);
});

test('applying, accepted by a coordinator, reading the members’ resources, leaving', async () => {
  const who = `applicant-${randomBytes(3).toString('hex')}`;
  const address = `${who}@${DOMAIN}`;
  let after = lastMessageId();
  const applied = await call('POST', `/api/networks/${NETWORK}/community/applications`, { body: application(who) });
  assert.equal(applied.status, 202, JSON.stringify(applied.body));
  assert.deepEqual(applied.body, { network_id: NETWORK, status: 'link_sent' });
  const first = await sentMessage(address, 'community_applied', after);
  assert.match(first.subject, /GGSN|Global Grassroots/);
  assert.match(first.body, /^Bonjour Person/);
  const token = memberToken(first);

  // Waiting: where they stand, and nothing members-only yet.
  const waiting = await call('GET', `/api/members/${token}`, { lang: 'fr' });
  assert.equal(waiting.status, 200);
  assert.match(waiting.headers.get('cache-control'), /no-store/);
  assert.equal(waiting.body.standing, 'applied');
  assert.equal(waiting.body.organisation, 'Collectif des quartiers');
  assert.equal(waiting.body.criteria.length, 2);
  assert.deepEqual(waiting.body.resources, []);
  assert.deepEqual(waiting.body.editions, []);
  assert.equal((await call('GET', `/api/members/${token}/editions/${MEMBERS_MEETING}/registration-form`)).status, 404);
  assert.equal((await call('GET', `/api/members/${token}/library/${MEMBERS_ONLY}`)).status, 404);

  // The same address again: the same answer, a new link, one application.
  after = lastMessageId();
  const again = await call('POST', `/api/networks/${NETWORK}/community/applications`, { body: application(who, { name: 'Someone else' }) });
  assert.equal(again.status, 202);
  assert.deepEqual(again.body, applied.body, 'a stranger learns nothing from the answer');
  const second = memberToken(await sentMessage(address, 'community_link', after));
  assert.notEqual(second, token);
  assert.equal(sql(`SELECT count(*) AS n FROM community_member WHERE email = '${address}'`)[0].n, 1);
  assert.equal((await call('GET', `/api/members/${second}`)).body.name, `Person ${who}`, 'not changed by the second request');

  // Another network's coordinator finds nothing; GGSN's accepts.
  const other = await login(ELSEWHERE);
  assert.equal((await call('GET', `/api/dashboard/networks/${NETWORK}/community`, { session: other })).status, 404);
  const coordinator = await login(COORDINATOR);
  const list = await call('GET', `/api/dashboard/networks/${NETWORK}/community`, { session: coordinator, lang: 'fr' });
  assert.equal(list.status, 200);
  assert.equal(list.body.criteria.length, 4);
  const row = list.body.items.find((i) => i.email === address);
  assert.equal(row.standing, 'applied');
  assert.deepEqual(row.criteria, [0, 2]);
  const elsewhere = await call('POST', `/api/dashboard/community-members/${row.id}/decision`, { session: other, body: { decision: 'accept' } });
  assert.equal(elsewhere.status, 404);
  after = lastMessageId();
  const accepted = await call('POST', `/api/dashboard/community-members/${row.id}/decision`, { session: coordinator, body: { decision: 'accept' } });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  assert.equal(accepted.body.standing, 'member');
  const welcome = await sentMessage(address, 'community_accepted', after);
  memberToken(welcome);
  const twice = await call('POST', `/api/dashboard/community-members/${row.id}/decision`, { session: coordinator, body: { decision: 'accept' }, lang: 'fr' });
  assert.equal(twice.status, 409);
  assert.match(twice.body.detail, /décision/);
  const audit = sql(`SELECT action FROM audit WHERE entity = 'community_member' AND entity_id = '${row.id}'`);
  assert.deepEqual(audit.map((a) => a.action), ['accepted']);

  // Members' zones feed the scheduling assistant of the network's meetings.
  const [{ id: edition }] = sql(`SELECT e.id FROM edition e JOIN offering o ON o.id = e.offering_id WHERE o.network_id = '${NETWORK}' ORDER BY e.id LIMIT 1`);
  const plan = await call('POST', `/api/dashboard/editions/${edition}/schedule/meeting`, {
    session: coordinator,
    body: { who: { source: 'members' }, zone: 'UTC', from: '2027-01-11', to: '2027-01-11', minutes: 90 },
  });
  assert.equal(plan.status, 200, JSON.stringify(plan.body));
  const dakar = plan.body.groups.find((g) => g.zone === 'Africa/Dakar');
  assert.ok(dakar && dakar.people >= 1, JSON.stringify(plan.body.groups));

  // A member reads the members-only sheet through any of their links; the public never.
  const member = await call('GET', `/api/members/${token}`, { lang: 'en' });
  assert.equal(member.body.standing, 'member');
  assert.ok(member.body.resources.some((r) => r.id === MEMBERS_ONLY), JSON.stringify(member.body.resources));
  const sheet = await call('GET', `/api/members/${second}/library/${MEMBERS_ONLY}`, { lang: 'fr' });
  assert.equal(sheet.status, 200);
  assert.match(sheet.headers.get('cache-control'), /no-store/);
  assert.equal(sheet.body.id, MEMBERS_ONLY);
  assert.equal((await call('GET', `/api/library/${MEMBERS_ONLY}`)).status, 404);
  const search = await call('GET', '/api/library?q=financement', { lang: 'fr' });
  assert.ok(!search.body.items.some((r) => r.id === MEMBERS_ONLY), 'not in the public search');

  // The members' meeting: on their link with its sessions, registered for through it; the
  // public neither sees it nor registers; another link reaches nothing.
  const listed = member.body.editions.find((e) => e.edition.id === MEMBERS_MEETING);
  assert.ok(listed, JSON.stringify(member.body.editions));
  assert.equal(listed.offering_id, 'ggsn-communaute-pratique');
  assert.equal(listed.edition.sessions.length, 1);
  assert.ok(!JSON.stringify(member.body).includes('meet.example.org'), 'the meeting link goes to registrants only');
  const person = { name: `Person ${who}`, email: address, lang: 'fr', zone: 'Africa/Dakar', consent: true };
  assert.equal((await call('GET', `/api/editions/${MEMBERS_MEETING}/registration-form`)).status, 404);
  assert.equal((await call('POST', `/api/editions/${MEMBERS_MEETING}/registrations`, { body: person })).status, 404);
  assert.equal((await call('GET', `/api/editions/${MEMBERS_MEETING}/calendar.ics`)).status, 404);
  const offering = await call('GET', '/api/offerings/ggsn-communaute-pratique', { lang: 'en' });
  assert.equal(offering.status, 200);
  assert.ok(!JSON.stringify(offering.body).includes(MEMBERS_MEETING), 'not on the offering\'s page');
  const feed = await fetch(`${BASE}/api/calendar.ics`);
  assert.ok(!(await feed.text()).includes('meet.example.org/ggsn-membres'));
  assert.equal((await call('GET', `/api/members/${'0'.repeat(48)}/editions/${MEMBERS_MEETING}/registration-form`)).status, 404);
  const form = await call('GET', `/api/members/${second}/editions/${MEMBERS_MEETING}/registration-form`, { lang: 'fr' });
  assert.equal(form.status, 200, JSON.stringify(form.body));
  assert.match(form.headers.get('cache-control'), /no-store/);
  assert.equal(form.body.edition.id, MEMBERS_MEETING);
  assert.equal(form.body.state, 'open');
  const registered = await call('POST', `/api/members/${token}/editions/${MEMBERS_MEETING}/registrations`, { body: person });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  assert.equal(registered.body.status, 'confirmed');
  const manage = registered.body.manage_url.split('/').at(-1);
  const seat = await call('GET', `/api/registrations/${manage}`, { lang: 'fr' });
  assert.equal(seat.status, 200);
  assert.match(JSON.stringify(seat.body), /meet\.example\.org\/ggsn-membres/, 'the meeting link, to the registrant');
  assert.equal((await call('DELETE', `/api/registrations/${manage}`)).status, 204);

  // Leaving: gone, links and all; the messages keep nothing of them.
  const left = await call('DELETE', `/api/members/${second}`);
  assert.equal(left.status, 204);
  assert.equal((await call('GET', `/api/members/${token}`)).status, 404);
  assert.equal((await call('GET', `/api/members/${token}/library/${MEMBERS_ONLY}`)).status, 404);
  assert.equal((await call('GET', `/api/members/${token}/editions/${MEMBERS_MEETING}/registration-form`)).status, 404);
  assert.equal(sql(`SELECT count(*) AS n FROM community_member WHERE email = '${address}'`)[0].n, 0);
  assert.equal(sql(`SELECT count(*) AS n FROM outbox WHERE recipient = '${address}' OR body LIKE '%${who}%'`)[0].n, 0);
});

test('a declined application reads nothing members-only; the hidden field stores nothing', async () => {
  const who = `declined-${randomBytes(3).toString('hex')}`;
  const address = `${who}@${DOMAIN}`;
  const after = lastMessageId();
  assert.equal((await call('POST', `/api/networks/${NETWORK}/community/applications`, { body: application(who, { on_behalf: 'individual', organisation: '' }) })).status, 202);
  const token = memberToken(await sentMessage(address, 'community_applied', after));
  const coordinator = await login(COORDINATOR);
  const [{ id }] = sql(`SELECT id FROM community_member WHERE email = '${address}'`);
  const declined = await call('POST', `/api/dashboard/community-members/${id}/decision`, { session: coordinator, body: { decision: 'decline' } });
  assert.equal(declined.status, 200);
  assert.equal(declined.body.standing, 'declined');
  const message = await sentMessage(address, 'community_declined', after);
  assert.doesNotMatch(message.body, /\/member\//, 'a refusal carries no new link');
  const view = await call('GET', `/api/members/${token}`);
  assert.equal(view.body.standing, 'declined');
  assert.deepEqual(view.body.resources, []);
  assert.deepEqual(view.body.editions, []);
  assert.equal((await call('GET', `/api/members/${token}/library/${MEMBERS_ONLY}`)).status, 404);

  const robot = await call('POST', `/api/networks/${NETWORK}/community/applications`, { body: application('robot', { website: 'https://spam.example' }) });
  assert.equal(robot.status, 202);
  assert.equal(sql(`SELECT count(*) AS n FROM community_member WHERE email = 'robot@${DOMAIN}'`)[0].n, 0);
  assert.equal((await call('GET', `/api/members/${'0'.repeat(48)}`)).status, 404);
  assert.equal((await call('GET', '/api/members/short')).status, 404);
});

test('a meeting’s summary sheet goes to its participants through their manage link, while they hold a place', async () => {
  // The demo links GGSN's sheets to its last meeting, one that has ended.
  const [demo] = sql(`SELECT count(*) AS n FROM resource_link l JOIN edition e ON e.id = l.edition_id
    WHERE l.resource_id = '${MEMBERS_ONLY}' AND (SELECT max(ends_at) FROM session WHERE edition_id = e.id) <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now')`);
  assert.equal(demo.n, 1);
  // Registering for the next meeting, whose sheet is shared with it.
  const [{ id: edition }] = sql(`SELECT e.id FROM edition e WHERE e.offering_id = 'ggsn-communaute-pratique' AND e.state = 'published' AND e.visibility = 'public'
    AND (SELECT min(starts_at) FROM session WHERE edition_id = e.id) > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    ORDER BY (SELECT min(starts_at) FROM session WHERE edition_id = e.id) LIMIT 1`);
  sql(`INSERT OR IGNORE INTO resource_link (resource_id, edition_id) VALUES ('${MEMBERS_ONLY}', '${edition}')`);
  try {
    const person = (who) => ({ name: `Participant ${who}`, email: `${who}@${DOMAIN}`, lang: 'fr', zone: 'Asia/Kolkata', consent: true });
    const registered = await call('POST', `/api/editions/${edition}/registrations`, { body: person('participant') });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    const token = registered.body.manage_url.split('/').at(-1);

    const view = await call('GET', `/api/registrations/${token}`);
    assert.equal(view.status, 200);
    assert.deepEqual(view.body.resources.map((r) => [r.id, r.lang]), [[MEMBERS_ONLY, 'fr']], 'the sheet, in their language');
    const sheet = await call('GET', `/api/registrations/${token}/library/${MEMBERS_ONLY}`, { lang: 'en' });
    assert.equal(sheet.status, 200);
    assert.match(sheet.headers.get('cache-control'), /no-store/);
    assert.equal(sheet.body.text.lang, 'en');
    assert.match(sheet.body.text.title, /no funding/);
    // A public resource reads through the link too; the public never reads the sheet; a
    // link that is not theirs reads nothing.
    assert.equal((await call('GET', `/api/registrations/${token}/library/ggsn-fiche-securite-numerique`)).status, 200);
    assert.equal((await call('GET', `/api/library/${MEMBERS_ONLY}`)).status, 404);
    assert.equal((await call('GET', `/api/registrations/${'0'.repeat(48)}/library/${MEMBERS_ONLY}`)).status, 404);
    assert.equal((await call('GET', `/api/registrations/${token}/library/not-a-resource`)).status, 404);

    // Once cancelled, no longer a participant: the sheet is neither listed nor read.
    assert.equal((await call('POST', `/api/registrations/${token}/cancel`)).status, 200);
    assert.deepEqual((await call('GET', `/api/registrations/${token}`)).body.resources, []);
    assert.equal((await call('GET', `/api/registrations/${token}/library/${MEMBERS_ONLY}`)).status, 404);
    assert.equal((await call('DELETE', `/api/registrations/${token}`)).status, 204);
  } finally {
    sql(`DELETE FROM resource_link WHERE resource_id = '${MEMBERS_ONLY}' AND edition_id = '${edition}'`);
  }
});
