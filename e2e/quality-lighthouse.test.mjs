// Lighthouse's accessibility and best-practices gates on the catalog and on a network's page,
// at a phone's and a desktop's size, in both languages, with no Content-Security-Policy
// violation. The catalog's French phone report is kept with the bench; the others go with the
// screenshots. Apart from quality.test.mjs (axe and the keyboard) and from the dashboard's
// (dashboard-lighthouse.test.mjs), so that no file outlasts the runner's ten minutes a file.
import { test, before } from 'node:test';
import { BASE, artifact, assertLighthouseGates, lighthouse, networkOf } from './browser.mjs';

let networkId;
before(() => {
  // The network of the free training, as quality.test.mjs opens it.
  networkId = networkOf('hub-mouvements-decentralises').id;
});

// The network's page first: the kept report is not the one whose browser has just started.
const LIGHTHOUSE_PAGES = ['network', 'catalog'].flatMap((name) =>
  [['mobile', 'fr'], ['mobile', 'en'], ['desktop', 'fr'], ['desktop', 'en']].map(([form, lang]) => [name, form, lang]));
for (const [name, form, lang] of LIGHTHOUSE_PAGES) {
  test(`Lighthouse on the ${name} (${form}, ${lang}): accessibility and best practices score at least 95, no CSP violation`, { timeout: 240_000 }, async () => {
    const kept = name === 'catalog' && form === 'mobile' && lang === 'fr';
    const out = kept ? new URL('../bench/lighthouse-catalog.json', import.meta.url).pathname
      : name === 'catalog' ? artifact(`lighthouse-${form}-${lang}.json`) : artifact(`lighthouse-${name}-${form}-${lang}.json`);
    const path = { catalog: '', network: `/networks/${networkId}` }[name];
    const report = await lighthouse(`${BASE}/${lang}${path}`, out, {
      desktop: form === 'desktop', categories: ['accessibility', 'best-practices', 'performance', 'seo'],
    });
    assertLighthouseGates(report);
  });
}
