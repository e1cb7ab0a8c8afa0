// After every build: `node scripts/build-sw.mjs DIST` writes DIST/sw.js, the service worker
// (app/offline/sw.js with Workbox and idb, bundled by esbuild), and DIST/offline.js, the
// pages' script that says what the device and the network are doing (app/offline/page.js),
// with its messages (locales/*/offline.ftl) and its stylesheet (style/offline.css).
// Run by scripts/build.
//
// The service worker is told here what it cannot know by itself:
// - the files to precache: the browsing and forms builds' files (not the dashboard's, which
//   volunteers never open), offline.js and the icons, each with its revision, and the pages
//   that serve as each language's shells (its catalog page, and its privacy notice for the
//   forms build's pages);
// - the build's version, a digest of all of them, which names its caches;
// - the languages (locales/), the forms and dashboard builds' pages (relais_domain::pages)
//   and the API's version (relais_domain::API_VERSION), read from their one source.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, transformSync } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const dist = resolve(process.argv[2] ?? 'dist');

/** Trunk names a build's files by their content (`app-1a2b3c4d5e6f7a8b_bg.wasm`). */
const HASHED = /-[0-9a-f]{16}(_bg)?\.\w+$/;
/** Files never precached: the pages the Worker writes, its headers, what this script writes. */
const SKIPPED = /(^|\/)(index\.html|_headers|robots\.txt|sw\.js|precache\.json)$|\.map$|^dashboard\//;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const digest = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** `pub const NAME: &[&str] = &["a", "b"];` in a Rust file, as ["a", "b"]. */
function rustStrings(file, name) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found = new RegExp(`pub const ${name}: &\\[&str\\] = &\\[([^\\]]*)\\]`).exec(text);
  if (!found) throw new Error(`${file}: no ${name}`);
  return [...found[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

function apiVersion() {
  const found = /pub const API_VERSION: u32 = (\d+);/.exec(readFileSync(join(ROOT, 'domain/src/lib.rs'), 'utf8'));
  if (!found) throw new Error('domain/src/lib.rs: no API_VERSION');
  return Number(found[1]);
}

/** locales/<code>/offline.ftl as { code: { id: text } }, the same ids in every language. */
function messages(languages) {
  const all = {};
  for (const code of languages) {
    const text = readFileSync(join(ROOT, 'locales', code, 'offline.ftl'), 'utf8');
    all[code] = Object.fromEntries(
      text
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('#'))
        .map((l) => {
          const at = l.indexOf(' = ');
          if (at < 0) throw new Error(`locales/${code}/offline.ftl: not "id = text": ${l}`);
          return [l.slice(0, at).trim(), l.slice(at + 3).trim()];
        }),
    );
  }
  const ids = (code) => Object.keys(all[code]).sort().join(' ');
  for (const code of languages) {
    if (ids(code) !== ids(languages[0])) throw new Error(`locales/${code}/offline.ftl: not the same messages as ${languages[0]}`);
  }
  return all;
}

const languages = readdirSync(join(ROOT, 'locales')).filter((n) => statSync(join(ROOT, 'locales', n)).isDirectory()).sort();

// The pages' script first: it is precached too.
await build({
  entryPoints: [join(ROOT, 'app/offline/page.js')],
  outfile: join(dist, 'offline.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  define: {
    RELAIS_MESSAGES: JSON.stringify(messages(languages)),
    RELAIS_STYLE: JSON.stringify(transformSync(readFileSync(join(ROOT, 'style/offline.css'), 'utf8'), { loader: 'css', minify: true }).code),
  },
  logLevel: 'warning',
});

const entries = files(dist)
  .map((path) => relative(dist, path).split('\\').join('/'))
  .filter((name) => !SKIPPED.test(name))
  .sort()
  .map((name) => ({
    url: `/${name}`,
    revision: HASHED.test(name) ? null : digest(readFileSync(join(dist, name))),
    bytes: statSync(join(dist, name)).size,
  }));
const version = digest(entries.map((e) => `${e.url} ${e.revision ?? ''}`).join('\n') + readFileSync(join(ROOT, 'app/offline/sw.js')) + readFileSync(join(ROOT, 'app/offline/outbox.js')));
const shells = languages.flatMap((code) => [`/${code}`, `/${code}/privacy`]).map((url) => ({ url, revision: version }));
const precache = [...entries.map(({ url, revision }) => ({ url, revision })), ...shells];

await build({
  entryPoints: [join(ROOT, 'app/offline/sw.js')],
  outfile: join(dist, 'sw.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  define: {
    'process.env.NODE_ENV': '"production"',
    RELAIS_VERSION: JSON.stringify(version),
    RELAIS_PRECACHE: JSON.stringify(precache),
    RELAIS_LANGS: JSON.stringify(languages),
    RELAIS_FORM_PAGES: JSON.stringify(rustStrings('domain/src/pages.rs', 'FORM_PAGES')),
    RELAIS_DASHBOARD_PAGES: JSON.stringify(rustStrings('domain/src/pages.rs', 'DASHBOARD_PAGES')),
    RELAIS_API_VERSION: String(apiVersion()),
  },
  logLevel: 'warning',
});
const bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
writeFileSync(join(dist, 'precache.json'), JSON.stringify({ version, files: entries, shells: shells.map((s) => s.url), bytes }, null, 2));
console.log(`sw.js: version ${version}, ${precache.length} entries, ${bytes} bytes of files precached`);
