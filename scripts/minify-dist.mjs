// After Trunk: `node scripts/minify-dist.mjs DIST` minifies the app's JavaScript glue and
// stylesheet in DIST, since Trunk's own JS minifier fails on wasm-bindgen's glue
// (../shared/TOOLCHAIN.md), and the page that loads them. The pages carry no `integrity`
// hashes for their own origin's files (`data-integrity="none"`: bench/decisions.md).
// `node scripts/minify-dist.mjs --headers DIST PAGE…`, once every build is done, writes
// DIST/_headers with the sha256 of every inline script of the PAGEs as built (Trunk adds its
// own) in the Content-Security-Policy, in place of INLINE-SCRIPT-HASHES. Run by scripts/build.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';

const PLACEHOLDER = 'INLINE-SCRIPT-HASHES';

/** The CSP source of each script element in `html` that runs from inline text. */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const [, attributes, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    // Data blocks (the catalog's JSON) never run: CSP does not apply to them.
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

function writeHeaders(dist, pages) {
  const hashes = new Set();
  for (const page of pages) {
    const found = inlineScriptHashes(readFileSync(page, 'utf8'));
    if (found.length === 0) throw new Error(`${page}: no inline script (Trunk's loader is one)`);
    found.forEach((h) => hashes.add(h));
  }
  const path = join(dist, '_headers');
  const template = readFileSync(path, 'utf8');
  if (!template.includes(PLACEHOLDER)) throw new Error(`${path}: no ${PLACEHOLDER} to replace`);
  writeFileSync(path, template.replaceAll(PLACEHOLDER, [...hashes].join(' ')));
  console.log(`_headers: ${hashes.size} inline script hashes from ${pages.length} pages`);
}

function minify(dist) {
  const indexPath = join(dist, 'index.html');
  const index = readFileSync(indexPath, 'utf8');
  for (const name of readdirSync(dist)) {
    const loader = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
    if (!loader) continue;
    const path = join(dist, name);
    const before = readFileSync(path);
    const { code } = transformSync(before.toString('utf8'), {
      loader,
      minify: true,
      ...(loader === 'js' ? { format: 'esm', target: 'es2020' } : {}),
    });
    writeFileSync(path, code);
    console.log(`${name}: ${before.length} → ${Buffer.byteLength(code)} bytes`);
  }
  writeFileSync(indexPath, minifyPage(index));
}

/**
 * The page's comments dropped and its inline scripts minified: every first visit downloads
 * them. Their CSP hashes are taken afterwards (`--headers`), from the page as written here.
 */
export function minifyPage(html) {
  return html
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    // What Trunk was told (no integrity hash), left on the stylesheet's link.
    .replaceAll(' data-integrity="none"', '')
    .replace(/(<script\b([^>]*)>)([\s\S]*?)(<\/script\s*>)/gi, (whole, open, attributes, text, close) => {
      if (/\bsrc\s*=/i.test(attributes) || /\btype\s*=\s*["']?application\/json/i.test(attributes) || !text.trim()) return whole;
      // Trunk's loader is a module with a top-level await.
      const module = /\btype\s*=\s*["']?module/i.test(attributes);
      const options = module ? { format: 'esm', target: 'es2022' } : { target: 'es2015' };
      return open + transformSync(text, { loader: 'js', minify: true, ...options }).code.trim() + close;
    });
}

// Run as a script (imported, by tests, it only lends inlineScriptHashes).
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  if (process.argv[2] === '--headers') {
    writeHeaders(process.argv[3], process.argv.slice(4));
  } else {
    minify(process.argv[2] ?? 'dist');
  }
}
