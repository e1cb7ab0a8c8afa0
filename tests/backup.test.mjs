// A backup of the D1 database (scripts/backup), taken from the test state while the local
// stack serves it, restored (scripts/restore) into an empty state of this test's own: every
// table's rows, the migrations applied and the id sequences come back the same, and so does
// the library's search, whose FTS5 index the backup leaves out and the restore rebuilds. A
// stack of this test's own on the restored state answers the search as the stack does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetch } from './client.mjs';
import { STATE, sql } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const ROOT = new URL('../', import.meta.url).pathname;
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler');
const CONFIG = process.env.RELAIS_WRANGLER_CONFIG;
// Other tests' stacks listen on the stack's port plus 1, 2 and 17.
const RESTORED_PORT = Number(new URL(BASE).port) + 23;

let dir;
let restored;
let backup;
let stack;

/** Runs SQL on a state no stack serves; the rows of every statement, in one list. */
function stateSql(state, command) {
  const out = execFileSync(WRANGLER, ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--json', '--command', command],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out).flatMap((r) => r.results ?? []);
}

const script = (name, ...args) => spawnSync('bash', [join(ROOT, 'scripts', name), ...args], { cwd: ROOT, encoding: 'utf8' });

// The base tables, named as the backup must save them: all but SQLite's and Cloudflare's own,
// the library's search index and its shadow tables.
const BASE_TABLES = `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
  AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'
  AND name NOT LIKE 'resource\\_search\\_%' ESCAPE '\\' ORDER BY name`;

/** Every base table's rows (as sorted JSON lines), the schema, and the id sequences. */
function snapshot(run) {
  const tables = run(BASE_TABLES).map((r) => r.name);
  const rows = Object.fromEntries(tables.map((t) => [t, []]));
  for (const { __table, ...row } of run(tables.map((t) => `SELECT '${t}' AS __table, * FROM "${t}";`).join('\n'))) {
    rows[__table].push(JSON.stringify(row));
  }
  for (const list of Object.values(rows)) list.sort();
  return {
    rows,
    schema: run(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE '\\_cf\\_%' ESCAPE '\\' ORDER BY type, name`),
    sequences: run('SELECT name, seq FROM sqlite_sequence ORDER BY name'),
    migrations: run('SELECT id, name, applied_at FROM d1_migrations ORDER BY id'),
  };
}

/** For each [FTS5 expression, language], the ids of the resources whose texts match it
 * through the search index, in one call. */
function found(run, searches) {
  const rows = run(searches.map(([match, lang], i) => `SELECT DISTINCT ${i} AS search, r.id FROM resource_search
    JOIN resource_text t ON t.id = resource_search.rowid JOIN resource r ON r.id = t.resource_id
    WHERE resource_search MATCH '${match}' AND t.lang = '${lang}' ORDER BY r.id;`).join('\n'));
  return searches.map((_, i) => rows.filter((r) => r.search === i).map((r) => r.id));
}

let source;

before(async () => {
  assert.ok(STATE && CONFIG, 'RELAIS_TEST_STATE and RELAIS_WRANGLER_CONFIG are set by scripts/test');
  // A translated guide and a French-only podcast that speaks of strategy in its body only, on
  // two lines; quotes and accents in the texts; the guide's attached file with a NUL and a
// byte no text has.
  sql(`INSERT OR IGNORE INTO network (id, name, created_at) VALUES ('hub', 'Le Hub', '2026-01-01T00:00:00Z');
       DELETE FROM resource WHERE id IN ('backup-strategie', 'backup-ecoute');
       INSERT INTO resource (id, network_id, kind, visibility, published_at, updated_at, state) VALUES
         ('backup-strategie', 'hub', 'guide', 'public', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published'),
         ('backup-ecoute', 'hub', 'podcast', 'public', '2026-02-02T00:00:00Z', '2026-02-02T00:00:00Z', 'published');
       INSERT INTO resource_text (resource_id, lang, title, summary, body, translator) VALUES
         ('backup-strategie', 'fr', 'Stratégie d''organisation décentralisée', 'Bâtir une campagne « qui dure »', 'Les étapes.', 'Élise'),
         ('backup-strategie', 'en', 'Decentralised organizing strategy', 'Building a campaign that lasts', 'The steps.', NULL),
         ('backup-ecoute', 'fr', 'Écoute active', 'Un balado', 'Première partie.
Parler de STRATÉGIE en réunion.', NULL);
       INSERT INTO resource_file (resource_id, name, media_type, size, sha256, body, uploaded_at) VALUES
         ('backup-strategie', 'Plan « d''action ».pdf', 'application/pdf', 13, 'digest', X'255044462D312E340A000102FF', '2026-02-01T00:00:00Z');`);
  dir = mkdtempSync(join(tmpdir(), 'relais-backup-'));
  backup = join(dir, 'relais.sql');
  restored = join(dir, 'restored');

  const saved = script('backup', '--persist-to', STATE, backup);
  assert.equal(saved.status, 0, saved.stderr);
  source = snapshot(sql);
  const loaded = script('restore', '--persist-to', restored, backup);
  assert.equal(loaded.status, 0, loaded.stderr);
});

after(() => {
  try { if (stack) process.kill(-stack.pid, 'SIGTERM'); } catch { /* already gone */ }
  sql(`DELETE FROM resource WHERE id IN ('backup-strategie', 'backup-ecoute')`);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('every table’s rows, the migrations applied and the id sequences come back the same', () => {
  const copy = snapshot((c) => stateSql(restored, c));
  assert.ok(Object.keys(source.rows).length >= 20 && source.rows.resource_text.length >= 3, Object.keys(source.rows).join(' '));
  assert.deepEqual(Object.keys(copy.rows), Object.keys(source.rows));
  for (const [table, rows] of Object.entries(source.rows)) {
    assert.equal(copy.rows[table].length, rows.length, `${table}: as many rows`);
    assert.deepEqual(copy.rows[table], rows, `${table}: the same rows`);
  }
  assert.ok(source.migrations.some((m) => m.name === '0013_library.sql'), JSON.stringify(source.migrations));
  const file = 'SELECT hex(body) AS body FROM resource_file WHERE resource_id = \'backup-strategie\'';
  assert.deepEqual(stateSql(restored, file), [{ body: '255044462D312E340A000102FF' }], 'a file’s bytes, each one');
  assert.deepEqual(copy.migrations, source.migrations);
  assert.deepEqual(copy.sequences, source.sequences);
  // The search index, its shadow tables, every index and trigger: the same schema.
  assert.deepEqual(copy.schema, source.schema);
  const pending = execFileSync(WRANGLER, ['d1', 'migrations', 'list', 'DB', '--local', '--persist-to', restored],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  assert.match(pending, /No migrations to apply/, 'no migration would run again');
});

test('the library’s search finds the same resources in the rebuilt index, accents and case aside', () => {
  const restoredSql = (c) => stateSql(restored, c);
  const searches = [['"strategie"*', 'fr'], ['"strategy"*', 'en'], ['"batir"* "dure"*', 'fr'], ['"reunion"*', 'fr'], ['"decentralised"*', 'fr']];
  const [strategie, strategy, batir, reunion, english] = found(restoredSql, searches);
  assert.deepEqual([strategie, strategy, batir, reunion, english], found(sql, searches));
  const ours = (ids) => ids.filter((id) => id.startsWith('backup-'));
  assert.deepEqual(ours(strategie), ['backup-ecoute', 'backup-strategie']);
  assert.deepEqual(ours(strategy), ['backup-strategie']);
  assert.deepEqual(ours(batir), ['backup-strategie']);
  assert.deepEqual(ours(reunion), ['backup-ecoute'], 'the second line of a text is indexed');
  assert.deepEqual(ours(english), [], 'the English text is not in the French answers');
  // The index agrees with the texts it was rebuilt from (FTS5 fails this statement otherwise).
  restoredSql(`INSERT INTO resource_search (resource_search, rank) VALUES ('integrity-check', 1)`);
});

test('a restore over a database that has tables is refused, and changes nothing', () => {
  const before = stateSql(restored, 'SELECT count(*) AS n FROM resource_text')[0].n;
  const refused = script('restore', '--persist-to', restored, backup);
  assert.equal(refused.status, 1, refused.stderr);
  assert.match(refused.stderr, /Not restoring: the database \(--local --persist-to .*\) already has \d+ tables \(/);
  assert.match(refused.stderr, /Restore into an empty database/);
  assert.equal(stateSql(restored, 'SELECT count(*) AS n FROM resource_text')[0].n, before);

  const foreign = join(dir, 'not-a-backup.sql');
  writeFileSync(foreign, 'DROP TABLE resource;\n');
  const unknown = script('restore', '--persist-to', join(dir, 'empty'), foreign);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /was not written by scripts\/backup/);
});

test('a stack on the restored state answers the library’s search as the stack does', { timeout: 180_000 }, async () => {
  const restoredBase = `http://127.0.0.1:${RESTORED_PORT}`;
  let log = '';
  let exited = false;
  stack = spawn(WRANGLER, ['dev', '--config', CONFIG, '--local', '--ip', '127.0.0.1', '--port', String(RESTORED_PORT),
    '--persist-to', restored, '--show-interactive-dev-session=false', '--var', 'RELAIS_ENV:local', '--var', 'MAIL_SENDER:dev'],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' } });
  stack.stdout.on('data', (d) => { log += d; });
  stack.stderr.on('data', (d) => { log += d; });
  stack.on('exit', () => { exited = true; });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${restoredBase}/api/health`)).ok) break;
    } catch { /* not up yet */ }
    assert.ok(!exited && Date.now() < deadline, `the stack on the restored state did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const [lang, q] of [['fr', 'strategie'], ['en', 'strategy'], ['fr', 'ÉCOUTE']]) {
    const path = `/api/library?lang=${lang}&q=${encodeURIComponent(q)}`;
    const [live, copy] = await Promise.all([fetch(BASE + path), fetch(restoredBase + path)]);
    assert.equal(copy.status, 200, log);
    assert.deepEqual(await copy.json(), await live.json(), path);
  }
  const french = await (await fetch(`${restoredBase}/api/library?lang=fr&q=strategie`)).json();
  assert.deepEqual(french.items.filter((r) => r.id.startsWith('backup-')).map((r) => [r.id, r.title]),
    [['backup-strategie', "Stratégie d'organisation décentralisée"], ['backup-ecoute', 'Écoute active']]);
});
