// An edition given in English only, taught in English, for a fee: the demo has none, so the
// API and browser tests that read one publish it through the dashboard's API, as a network's
// coordinator would, and remove it after.
import assert from 'node:assert/strict';
import { fetch } from './client.mjs';
import { sql, staffSql } from './state.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8799';
const STAFF = { id: 'acc-test-one-language', email: 'one.language@example.org', name: 'Coordinatrice GGSN', password: 'one language passphrase' };
export const OFFERING = 'ggsn-communaute-pratique';
export const TITLE = 'GGSN open evening for newcomers';

async function call(method, path, { token, csrf, body } = {}) {
  const res = await fetch(BASE + path, {
    method,
    headers: {
      'CF-Connecting-IP': '172.19.0.7',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Cookie: `__Host-relais_session=${token}` } : {}),
      ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : null };
}

/**
 * Publishes, in the GGSN's community of practice, an edition written in English only, taught
 * in English, at $150 with a note, whose one session starts in three weeks. Returns its id
 * and a function that removes it (and the coordinator who wrote it).
 */
export async function publishOneLanguageEdition() {
  sql(staffSql({ ...STAFF, networks: ['ggsn'] }));
  const login = await call('POST', '/api/auth/login', { body: { email: STAFF.email, password: STAFF.password } });
  assert.equal(login.status, 200, login.text);
  const as = { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(login.headers.get('set-cookie'))[1], csrf: login.body.csrf_token };
  const created = await call('POST', `/api/dashboard/offerings/${OFFERING}/editions`, {
    ...as,
    body: {
      title: { en: TITLE },
      registration_mode: 'open',
      format: 'online',
      written_in: 'en',
      instruction_languages: ['en'],
      cost: { kind: 'fee', fee_cents: 15000, fee_currency: 'CAD', note: { en: 'Pay what you can at the door.' } },
    },
  });
  assert.equal(created.status, 201, created.text);
  const id = created.body.id;
  const start = new Date(Date.now() + 21 * 86_400_000);
  start.setUTCHours(15, 0, 0, 0);
  const session = await call('POST', `/api/dashboard/editions/${id}/sessions`, {
    ...as,
    body: { starts_at: start.toISOString().replace('.000', ''), ends_at: new Date(start.getTime() + 90 * 60_000).toISOString().replace('.000', ''), zone: 'America/Toronto', title: { en: 'Welcome and introductions' } },
  });
  assert.equal(session.status, 201, session.text);
  const published = await call('POST', `/api/dashboard/editions/${id}/state`, { ...as, body: { action: 'publish' } });
  assert.equal(published.status, 200, published.text);
  const cleanUp = () => sql(`DELETE FROM session WHERE edition_id = '${id}'; DELETE FROM edition WHERE id = '${id}';
    DELETE FROM account WHERE id = '${STAFF.id}';`);
  return { id, cleanUp };
}
