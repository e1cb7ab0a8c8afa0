// What the API tests share: SQL on the test state the local stack serves (scripts/test).
import { execFileSync } from 'node:child_process';

export const STATE = process.env.RELAIS_TEST_STATE;

/**
 * Runs SQL on the test state with wrangler (the same SQLite file the local stack serves,
 * from a second process): while the Worker writes, the file may be busy for a moment.
 */
export function sql(command) {
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
