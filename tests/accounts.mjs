// What the account tests share: reading the messages the local stack "sent", and joining by
// invitation as a person does, from the link in their message.
//
// Locally the dev sender keeps each message it would have sent in KV for an hour
// (`dev-mail:<outbox id>`: to, subject, body; edge/src/outbox.rs). The tests read the link
// where the invitee would: in the message's body, as it was written for them.
import assert from 'node:assert/strict';
import { kvGet, sql } from './state.mjs';

const q = (s) => `'${String(s).replaceAll("'", "''")}'`;

/** The highest outbox id now: messages queued later have higher ones. */
export const lastMessageId = () => sql('SELECT coalesce(max(id), 0) AS id FROM outbox')[0].id;

function kept(id) {
  const value = kvGet(`dev-mail:${id}`);
  return value === null ? null : JSON.parse(value); // null: not sent yet
}

/**
 * The last message of `kind` queued to `address` after message `after`, once the dev sender
 * has sent it: {id, to, subject, body}. The sender runs after the answer that queued it.
 */
export async function sentMessage(address, kind, after = 0) {
  const [row] = sql(`SELECT id FROM outbox WHERE recipient = ${q(address)} AND kind = ${q(kind)} AND id > ${Number(after)} ORDER BY id DESC LIMIT 1`);
  assert.ok(row, `a ${kind} message to ${address} is queued`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const message = kept(row.id);
    if (message) return { id: row.id, ...message };
    assert.ok(Date.now() < deadline, `message ${row.id} was sent`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The token of the one-time link to `page` (`welcome`, `new-password`) in a message. */
export function tokenIn(message, page) {
  const found = new RegExp(`/(fr|en)/${page}/([0-9a-f]{64})(\\s|$)`).exec(message.body);
  assert.ok(found, `a ${page} link in: ${message.body}`);
  return found[2];
}

/**
 * Invites `email` to `role` (for a partner's role, for `partner`) in `network` as `inviter` (`call(method, path, options)` is the
 * test's own client), then accepts the link from the message as the invitee does: the
 * session it opens, and the invitation's answer.
 */
export async function inviteAndJoin(call, inviter, network, { email, role, partner, name = email, password, lang = 'en' }) {
  const after = lastMessageId();
  const invited = await call('POST', `/api/networks/${network}/invitations`, { session: inviter, body: { email, role, partner, lang } });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const token = tokenIn(await sentMessage(email, 'invitation', after), 'welcome');
  return { session: await accept(call, token, { name, password }), invited };
}

/** Accepts the link `token` with `body`: the session it opens. */
export async function accept(call, token, body) {
  const res = await call('POST', `/api/account-links/${token}`, { body });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const cookie = res.headers.get('set-cookie');
  return { token: /^__Host-relais_session=([0-9a-f]{64});/.exec(cookie)[1], csrf: res.body.csrf_token, cookie, account: res.body.account };
}
