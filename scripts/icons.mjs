import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
// Draws the PNG icons of the manifests from the SVGs in public/icons/ with Chromium. Run by
// hand after changing an SVG: `node scripts/icons.mjs`.
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
for (const [svg, size, out] of [['icon.svg',192,'icon-192.png'],['icon.svg',512,'icon-512.png'],['maskable.svg',512,'maskable-512.png'],['maskable.svg',192,'maskable-192.png']]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const data = readFileSync('public/icons/' + svg, 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${data.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: 'public/icons/' + out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
}
await browser.close();
