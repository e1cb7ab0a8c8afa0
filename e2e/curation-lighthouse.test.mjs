// Lighthouse on the dashboard's library pages, signed in as a librarian of the Hub, at a
// phone's and a desktop's size, in both languages: accessibility and best practices score at
// least 95 and no Content-Security-Policy violation — the network's library and a resource's
// editor, each audited once it has read what it shows. Apart from dashboard-lighthouse.test.mjs
// so that neither file outlasts the runner's ten minutes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetch } from '../tests/client.mjs';
import { BASE, artifact, assertLighthouseGates, lighthouse } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';

const LIBRARIAN = { id: 'acc-lighthouse-library', email: 'bibliotheque@e2e-lighthouse.example.org', password: 'a library lighthouse passphrase', role: 'librarian' };
const NETWORK = 'hub';
let cookie;
let resource;

before(async () => {
  sql(staffSql({ ...LIBRARIAN, name: 'Bibliothèque Phare', networks: [NETWORK] }));
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: LIBRARIAN.email, password: LIBRARIAN.password }),
  });
  assert.equal(login.status, 200);
  cookie = login.headers.get('set-cookie').split(';')[0];
  const shelf = await (await fetch(`${BASE}/api/dashboard/networks/${NETWORK}/library?lang=fr`, { headers: { cookie } })).json();
  assert.ok(shelf.resources.length > 0, 'the Hub has resources');
  resource = shelf.resources[0].id;
});
after(() => {
  sql(`DELETE FROM account WHERE id = '${LIBRARIAN.id}';`);
});

const PAGES = {
  'library-shelf': {
    label: 'library', path: () => `/dashboard/library?network=${NETWORK}`,
    reads: () => [`/api/dashboard/networks/${NETWORK}/library?`],
  },
  'resource-editor': {
    label: 'resource editor', path: () => `/dashboard/library/${resource}`,
    reads: () => [`/api/dashboard/library/${resource}?`, `/api/dashboard/networks/${NETWORK}/library?`],
  },
};

for (const [name, page] of Object.entries(PAGES)) {
  for (const [form, lang] of [['mobile', 'fr'], ['mobile', 'en'], ['desktop', 'fr'], ['desktop', 'en']]) {
    test(`Lighthouse on the dashboard's ${page.label} (${form}, ${lang}): accessibility and best practices score at least 95, no CSP violation`, { timeout: 240_000 }, async () => {
      const report = await lighthouse(`${BASE}/${lang}${page.path()}`, artifact(`lighthouse-${name}-${form}-${lang}.json`), {
        desktop: form === 'desktop', cookie, categories: ['accessibility', 'best-practices'], audits: ['network-requests'],
      });
      assertLighthouseGates(report);
      const requests = (report.audits['network-requests'].details?.items ?? []).filter((r) => r.url.includes('/api/'));
      const seen = requests.map((r) => `${r.url} ${r.statusCode}`).join(', ');
      for (const read of page.reads()) {
        assert.ok(requests.some((r) => r.url.includes(read) && r.statusCode === 200 && r.finished), `the page read ${read}: ${seen}`);
      }
      assert.deepEqual(requests.filter((r) => r.statusCode >= 400).map((r) => `${r.url} ${r.statusCode}`), [], 'nothing refused');
    });
  }
}
