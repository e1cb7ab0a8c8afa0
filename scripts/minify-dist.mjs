// Minifies the app's JavaScript glue and stylesheet in dist/ after Trunk, whose own JS
// minifier fails on wasm-bindgen's glue (../shared/TOOLCHAIN.md), and rewrites the
// `integrity` hashes index.html carries for them. Run by scripts/build.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dist = process.argv[2] ?? 'dist';
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');

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
  index = index.replaceAll(sri(before), sri(Buffer.from(code)));
  console.log(`${name}: ${before.length} → ${Buffer.byteLength(code)} bytes`);
}
writeFileSync(indexPath, index);
