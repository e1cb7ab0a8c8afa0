// Lighthouse on the dashboard's pages, signed in as a coordinator, at a phone's and a
// desktop's size, in both languages: accessibility and best practices score at least 95 and
// no Content-Security-Policy violation — the desk, the network's members, an edition's
// editor, its people, a session's attendance, the scheduling assistant, writing to an
// edition's people and the network's messages. Each page names the answers it must have
// read before Lighthouse looks at it: it is audited with its content, not its loading state
// nor the sign-in form. Reports go with the screenshots (not kept). Apart from
// quality.test.mjs, whose axe and keyboard gates open the same pages: together they would
// outlast the runner's ten minutes a file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetch } from '../tests/client.mjs';
import { BASE, artifact, assertLighthouseGates, lighthouse } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';

const COORDINATOR = { id: 'acc-lighthouse', email: 'coordination@e2e-lighthouse.example.org', password: 'a lighthouse passphrase' };
// The coordinator's session cookie, sent by Lighthouse's own browser with every request.
let cookie;
// The items the pages show: the `hub` network, an edition of one of its offerings, a session.
let dash;

before(async () => {
  sql(staffSql({ ...COORDINATOR, name: 'Coordination Phare', networks: 'all' }));
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: COORDINATOR.email, password: COORDINATOR.password }),
  });
  assert.equal(login.status, 200);
  cookie = login.headers.get('set-cookie').split(';')[0];
  const desk = await (await fetch(`${BASE}/api/dashboard/networks/hub?lang=fr`, { headers: { cookie } })).json();
  const offering = desk.offerings.find((o) => o.editions.length > 0);
  assert.ok(offering, 'the hub network has an offering with an edition');
  dash = { network: 'hub', edition: offering.editions[0].id };
  const authored = await (await fetch(`${BASE}/api/dashboard/editions/${dash.edition}?lang=fr`, { headers: { cookie } })).json();
  assert.ok(authored.sessions.length > 0, 'the edition has sessions');
  dash.session = authored.sessions[0].id;
});
after(() => {
  sql(`DELETE FROM account WHERE id = '${COORDINATOR.id}';`);
});

// Each page: its address without the language, and the answers it reads (parts of their URLs).
const PAGES = {
  desk: {
    label: 'desk', path: () => `/dashboard?network=${dash.network}`,
    reads: () => [`/api/dashboard/networks/${dash.network}?`, `/api/dashboard/networks/${dash.network}/summary?`],
  },
  members: {
    label: 'network\'s members', path: () => `/dashboard/members?network=${dash.network}`,
    reads: () => [`/api/networks/${dash.network}/members?`],
  },
  // Its name stays the one the edition editor's reports had when they were the dashboard's only ones.
  dashboard: {
    label: 'edition editor', path: () => `/dashboard/editions/${dash.edition}`,
    reads: () => [`/api/dashboard/editions/${dash.edition}?`],
  },
  people: {
    label: 'edition\'s people', path: () => `/dashboard/editions/${dash.edition}/people`,
    reads: () => [`/api/dashboard/editions/${dash.edition}/registrations?`],
  },
  attendance: {
    label: 'session\'s attendance', path: () => `/dashboard/editions/${dash.edition}/sessions/${dash.session}/attendance`,
    reads: () => [`/api/dashboard/sessions/${dash.session}/attendance?`],
  },
  schedule: {
    label: 'scheduling assistant', path: () => `/dashboard/editions/${dash.edition}/schedule`,
    reads: () => [`/api/dashboard/editions/${dash.edition}?`],
  },
  message: {
    label: 'message to an edition\'s people', path: () => `/dashboard/editions/${dash.edition}/message`,
    reads: () => [`/api/dashboard/editions/${dash.edition}?`, `/api/dashboard/editions/${dash.edition}/recipients?`],
  },
  outbox: {
    label: 'network\'s messages', path: () => `/dashboard/outbox?network=${dash.network}`,
    reads: () => [`/api/dashboard/networks/${dash.network}/outbox?`],
  },
  coaching: {
    label: 'coaching requests', path: () => '/dashboard/coaching?network=pic',
    reads: () => ['/api/dashboard/networks/pic/coaching?'],
  },
  'coaching-report': {
    label: 'coaching report', path: () => '/dashboard/coaching/report?network=pic',
    reads: () => ['/api/dashboard/networks/pic/coaching/report?'],
  },
};

for (const [name, page] of Object.entries(PAGES)) {
  for (const [form, lang] of [['mobile', 'fr'], ['mobile', 'en'], ['desktop', 'fr'], ['desktop', 'en']]) {
    test(`Lighthouse on the dashboard's ${page.label} (${form}, ${lang}): accessibility and best practices score at least 95, no CSP violation`, { timeout: 240_000 }, async () => {
      // The gates, and what the page fetched (speed and findability are the public pages' concern).
      const report = await lighthouse(`${BASE}/${lang}${page.path()}`, artifact(`lighthouse-${name}-${form}-${lang}.json`), {
        desktop: form === 'desktop', cookie, categories: ['accessibility', 'best-practices'], audits: ['network-requests'],
      });
      assertLighthouseGates(report);
      // Signed in indeed, and loaded: the page read what it shows before the audit (Lighthouse
      // waits for the network and the processor to be quiet), and nothing was refused.
      const requests = (report.audits['network-requests'].details?.items ?? []).filter((r) => r.url.includes('/api/'));
      const seen = requests.map((r) => `${r.url} ${r.statusCode}`).join(', ');
      for (const read of page.reads()) {
        assert.ok(requests.some((r) => r.url.includes(read) && r.statusCode === 200 && r.finished), `the page read ${read}: ${seen}`);
      }
      assert.deepEqual(requests.filter((r) => r.statusCode >= 400).map((r) => `${r.url} ${r.statusCode}`), [], 'nothing refused');
    });
  }
}
