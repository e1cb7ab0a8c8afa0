// Lighthouse's accessibility and best-practices gates on the forms build's pages a volunteer
// fills in — an edition's registration form, a manage link, asking to be told of the next
// dates — at a phone's and a desktop's size, in both languages, with no
// Content-Security-Policy violation. The library's and the community's pages are in
// library-lighthouse.test.mjs: apart, so that no file outlasts the runner's ten minutes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, artifact, assertLighthouseGates, lighthouse } from './browser.mjs';
import { fetch } from '../tests/client.mjs';

const OFFERING = 'hub-mouvements-decentralises';
let edition;
let manage;

before(async () => {
  edition = (await (await fetch(`${BASE}/api/offerings/${OFFERING}?lang=fr`)).json()).upcoming_editions[0].id;
  const registered = await fetch(`${BASE}/api/editions/${edition}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '10.93.0.1' },
    body: JSON.stringify({ name: 'Lighthouse', email: 'lighthouse@forms-lighthouse.example.org', lang: 'fr', zone: 'America/Toronto', consent: true }),
  });
  assert.equal(registered.status, 201);
  manage = new URL((await registered.json()).manage_url).pathname.split('/').at(-1);
});
after(async () => {
  if (manage) assert.equal((await fetch(`${BASE}/api/registrations/${manage}`, { method: 'DELETE' })).status, 204);
});

const PAGES = {
  register: () => `/register/${edition}`,
  manage: () => `/manage/${manage}`,
  follow: () => '/follow?offering=hub-ateliers-coaching',
};
for (const name of Object.keys(PAGES)) {
  for (const [form, lang] of [['mobile', 'fr'], ['mobile', 'en'], ['desktop', 'fr'], ['desktop', 'en']]) {
    test(`Lighthouse on the ${name} page (${form}, ${lang}): accessibility and best practices score at least 95, no CSP violation`, { timeout: 120_000 }, async () => {
      const report = await lighthouse(`${BASE}/${lang}${PAGES[name]()}`, artifact(`lighthouse-${name}-${form}-${lang}.json`), {
        desktop: form === 'desktop', categories: ['accessibility', 'best-practices'],
      });
      assertLighthouseGates(report);
    });
  }
}
