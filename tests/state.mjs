// What the API tests share: SQL on the test state the local stack serves (scripts/test).
import { execFileSync } from 'node:child_process';
import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';

export const STATE = process.env.RELAIS_TEST_STATE;

const LOCAL_STATE = new URL('./local_state.py', import.meta.url).pathname;
// The interpreter itself, not a launcher's shim in front of it: called hundreds of times a run.
const PYTHON = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();

/**
 * Runs SQL on the test state: the same SQLite file the local stack serves, from a second
 * process. Every statement's rows, in order. Reads go through tests/local_state.py, in
 * milliseconds; a command that writes goes through wrangler, whose workerd writes as the
 * Worker's does (while the Worker writes, the file may be busy for a moment).
 */
export function sql(command) {
  try {
    return JSON.parse(execFileSync(PYTHON, ['-S', LOCAL_STATE, 'sql', STATE], { input: command, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }));
  } catch (error) {
    if (error.status !== 4) throw error;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const out = execFileSync('wrangler', ['d1', 'execute', 'DB', '--local', '--persist-to', STATE, '--json', '--command', command],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return JSON.parse(out).flatMap((r) => r.results ?? []);
    } catch (error) {
      if (attempt >= 10 || !/SQLITE_BUSY|database is locked/.test(`${error.stdout}${error.stderr}${error.message}`)) throw error;
      execFileSync('sleep', ['0.5']);
    }
  }
}

/** The value of `key` in the test state's KV, or null when it has none. */
export function kvGet(key) {
  try {
    return execFileSync(PYTHON, ['-S', LOCAL_STATE, 'kv-get', STATE, key], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if (error.status === 3) return null;
    throw error;
  }
}

/** A password hashed as the Worker hashes it (edge/src/auth.rs: PBKDF2-SHA256). */
export function passwordHash(password) {
  const salt = randomBytes(16);
  const key = pbkdf2Sync(password, salt, 100_000, 32, 'sha256');
  return `pbkdf2-sha256$100000$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * SQL that (re)creates a back-office account with `password`: an administrator of the site,
 * or holding `role` in each of `networks` (network ids, or 'all' for every network there is).
 */
export function staffSql({ id, email, name = 'Test staff', password, administrator = false, role = 'coordinator', networks = [] }) {
  const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
  const inNetworks = networks === 'all' ? 'SELECT id FROM network' : `SELECT id FROM network WHERE id IN (${networks.map(q).join(', ') || 'NULL'})`;
  return `DELETE FROM account WHERE id = ${q(id)} OR email = ${q(email)};
    INSERT INTO account (id, email, name, administrator, password_hash, created_at)
    VALUES (${q(id)}, ${q(email)}, ${q(name)}, ${administrator ? 1 : 0}, ${q(passwordHash(password))}, '2026-01-01T00:00:00Z');
    INSERT INTO membership (account_id, network_id, role, created_at)
    SELECT ${q(id)}, id, ${q(role)}, '2026-01-01T00:00:00Z' FROM network WHERE id IN (${inNetworks});`;
}

/** An Idempotency-Key's digest, as the Worker stores it in its place (SHA-256, hex). */
export const keyHash = (key) => createHash('sha256').update(key).digest('hex');
