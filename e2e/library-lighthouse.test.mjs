// Lighthouse's accessibility and best-practices gates on the knowledge library (its search,
// a resource) and on a community's application form, at a phone's and a desktop's size, in
// both languages, with no Content-Security-Policy violation. Apart from the other forms
// pages (forms-lighthouse.test.mjs), so that no file outlasts the runner's ten minutes.
import { test } from 'node:test';
import { BASE, artifact, assertLighthouseGates, lighthouse } from './browser.mjs';

const PAGES = {
  library: '/library',
  resource: '/library/hub-balado-strategie',
  community: '/community/ggsn',
};
for (const [name, path] of Object.entries(PAGES)) {
  for (const [form, lang] of [['mobile', 'fr'], ['mobile', 'en'], ['desktop', 'fr'], ['desktop', 'en']]) {
    test(`Lighthouse on the ${name} page (${form}, ${lang}): accessibility and best practices score at least 95, no CSP violation`, { timeout: 120_000 }, async () => {
      const report = await lighthouse(`${BASE}/${lang}${path}`, artifact(`lighthouse-${name}-${form}-${lang}.json`), {
        desktop: form === 'desktop', categories: ['accessibility', 'best-practices'],
      });
      assertLighthouseGates(report);
    });
  }
}
