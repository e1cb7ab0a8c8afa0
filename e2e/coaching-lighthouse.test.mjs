// Lighthouse's accessibility and best-practices gates on coaching on request's pages — the
// form an organisation registers with to ask (reached from an offering's page or its QR
// code), the poster with that QR code, and the organisation's own page from its link, with
// its hours and the request form, and a training's form reached from it to register on the
// organisation's behalf — at a phone's and a desktop's size, in both languages,
// with no Content-Security-Policy violation.
import { test, before, after } from 'node:test';
import { createHash, randomBytes } from 'node:crypto';
import { BASE, artifact, assertLighthouseGates, lighthouse } from './browser.mjs';
import { sql } from '../tests/state.mjs';

const RUN = randomBytes(3).toString('hex');
const TOKEN = randomBytes(24).toString('hex');
const ORGANISATION = `lighthouse-organisation-${RUN}`;

before(() => {
  sql(`INSERT INTO organisation (id, network_id, name, kind, area, created_at)
         VALUES ('${ORGANISATION}', 'pic', 'Table de quartier Lighthouse', 'neighbourhood', 'Villeray', '2026-01-01T00:00:00Z');
       INSERT INTO organisation_contact (id, organisation_id, name, email, lang, created_at)
         VALUES ('${ORGANISATION}-contact', '${ORGANISATION}', 'Contact Lighthouse', 'contact-${RUN}@coaching-lighthouse.example.org', 'fr', '2026-01-01T00:00:00Z');
       INSERT INTO organisation_token (token_hash, organisation_id, created_at)
         VALUES ('${createHash('sha256').update(TOKEN).digest('hex')}', '${ORGANISATION}', '2026-01-01T00:00:00Z');`);
});
after(() => sql(`DELETE FROM organisation WHERE id = '${ORGANISATION}';`));

const PAGES = {
  'coaching request': '/coaching/pic?offering=pic-accompagnement-apprentissage',
  'coaching poster': '/coaching/pic/poster?offering=pic-accompagnement-apprentissage',
  organisation: `/organisations/${TOKEN}`,
  'on-behalf registration': `/organisations/${TOKEN}/register/emancipasso-2023-upcoming`,
};
for (const [name, path] of Object.entries(PAGES)) {
  for (const [form, lang] of [['mobile', 'fr'], ['mobile', 'en'], ['desktop', 'fr'], ['desktop', 'en']]) {
    test(`Lighthouse on the ${name} page (${form}, ${lang}): accessibility and best practices score at least 95, no CSP violation`, { timeout: 120_000 }, async () => {
      const report = await lighthouse(`${BASE}/${lang}${path}`, artifact(`lighthouse-${name.replaceAll(' ', '-')}-${form}-${lang}.json`), {
        desktop: form === 'desktop', categories: ['accessibility', 'best-practices'],
      });
      assertLighthouseGates(report);
    });
  }
}
