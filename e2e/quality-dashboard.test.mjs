// Browser quality gates signed in: WCAG 2.2 A/AA (axe-core) and no raw message id on the
// coordinators' desk and every page of the dashboard, in both languages, at a phone and a
// desktop size, and no Content-Security-Policy violation. Apart from quality.test.mjs, so that
// neither file outlasts the runner's ten minutes a file; quality-pages.mjs sets up both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { PHONE } from './browser.mjs';
import {
  setUp,
  tearDown,
  DESKTOP,
  WCAG,
  forEveryDashboardPage,
  messageIds,
  open,
  openDesk,
  pageText,
} from './quality-pages.mjs';

before(setUp);
after(tearDown);

for (const [sizeName, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  test(`the coordinators' desk, signed in: no WCAG 2.2 A/AA violation, both languages, ${sizeName}`, async () => {
    const { context, violations } = await open({ viewport, locale: 'fr-CA', timezoneId: 'America/Toronto' });
    const page = await context.newPage();
    const found = [];
    for (const lang of ['fr', 'en']) {
      await openDesk(page, lang);
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      for (const v of result.violations) {
        found.push(`${lang} desk [${sizeName}] ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
      assert.ok(result.passes.length > 10, 'axe ran real checks');
    }
    assert.deepEqual(found, []);
    assert.deepEqual(violations, [], 'no CSP violation');
    await context.close();
  });
}

for (const [sizeName, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  test(`the dashboard, signed in: no WCAG 2.2 A/AA violation, no raw message id, both languages, ${sizeName}`, async () => {
    const { context, violations } = await open({ viewport, locale: 'fr-CA', timezoneId: 'America/Toronto' });
    const page = await context.newPage();
    const ids = [...messageIds()].filter((id) => id.includes('-'));
    const found = [];
    await forEveryDashboardPage(page, async (lang, path) => {
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      for (const v of result.violations) {
        found.push(`${lang}${path} [${sizeName}] ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
      assert.ok(result.passes.length > 10, `axe ran real checks on ${lang}${path}`);
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
