// Joining and leaving in the browser: a coordinator invites an address from the members page;
// the invitee follows the link from their message, chooses a password (the confirmation and
// the API's refusals shown under the fields) and lands signed in on the network's dashboard;
// the coordinator changes their role, is refused leaving as the last coordinator, and removes
// them. An address that has an account accepts with its password. A forgotten password, in
// English: the same words for any address, the link from the message, a new password, signed
// in with it. Links used, expired or made up say so and what to do next.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { BASE, appReady, launch, watchCsp } from './browser.mjs';
import { sql, staffSql } from '../tests/state.mjs';
import { lastMessageId, sentMessage, tokenIn } from '../tests/accounts.mjs';

const DOMAIN = 'e2e-joining.example.org';
const NETWORK = { id: 'joining-e2e', name: 'Réseau Joining' };
const DESKTOP = { width: 1280, height: 900 };
const COORDINATOR = { id: 'acc-joining-e2e', email: `coordination@${DOMAIN}`, password: 'a joining passphrase', name: 'Coordination Joining' };
const INVITEE = { email: `invitee@${DOMAIN}`, name: 'Invitee Joining', password: 'an invitee passphrase' };
const RESET = { id: 'acc-joining-reset', email: `reset@${DOMAIN}`, password: 'the old reset passphrase', name: 'Reset Joining' };
const sha256 = (s) => createHash('sha256').update(s).digest('hex');
let browser;
let usedInvitation;

before(async () => {
  sql(`INSERT OR IGNORE INTO network (id, name, description, created_at)
       VALUES ('${NETWORK.id}', '${NETWORK.name}', '{"fr": "Un réseau de test.", "en": "A test network."}', '2026-01-01T00:00:00Z');`);
  sql(staffSql({ ...COORDINATOR, networks: [NETWORK.id] }));
  sql(staffSql({ ...RESET, networks: [] }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  sql(`DELETE FROM membership WHERE account_id IN (SELECT id FROM account WHERE email LIKE '%@${DOMAIN}');
       DELETE FROM account WHERE email LIKE '%@${DOMAIN}';`);
});

/** A new browser context from its own client address (sign-in and reset limits count per address). */
async function open(options = {}) {
  const address = `10.88.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const context = await browser.newContext({ viewport: DESKTOP, extraHTTPHeaders: { 'CF-Connecting-IP': address }, ...options });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, csp, errors };
}

async function signIn(page, lang, { email, password }) {
  await page.goto(`${BASE}/${lang}/dashboard?network=${NETWORK.id}`);
  await appReady(page);
  await page.getByLabel(lang === 'fr' ? 'Courriel' : 'Email').fill(email);
  await page.getByLabel(lang === 'fr' ? 'Mot de passe' : 'Password').fill(password);
  await page.getByRole('button', { name: lang === 'fr' ? 'Me connecter' : 'Sign in' }).click();
  await page.locator('.dash-bar').waitFor();
  await appReady(page);
}

/** A member's line on the members page. */
const line = (page, name) => page.locator('li.member', { has: page.getByRole('heading', { level: 3, name }) });

test('a coordinator invites from the members page; the invitee chooses a password, lands on the network; the coordinator changes their role and removes them', async () => {
  const coordinator = await open({ locale: 'fr-CA', timezoneId: 'America/Toronto' });
  const page = coordinator.page;
  await signIn(page, 'fr', COORDINATOR);
  await page.locator('.dash-bar').getByRole('link', { name: 'Membres' }).click();
  await page.waitForURL(new RegExp(`/fr/dashboard/members\\?network=${NETWORK.id}$`));
  await page.getByRole('heading', { level: 1, name: 'Membres' }).waitFor();
  await appReady(page);
  assert.match(await line(page, /Coordination Joining/).textContent(), /\(vous\)/);

  // Refused by the API, by name, in French; then sent.
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await page.locator('#invite-summary').waitFor({ state: 'visible' });
  assert.equal(await page.getByLabel('Son adresse courriel').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#f-email-error').textContent(), /obligatoire/);
  const before = lastMessageId();
  await page.getByLabel('Son adresse courriel').fill(INVITEE.email);
  await page.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption('coordinator');
  await page.getByLabel('Langue de l’invitation').selectOption('en');
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await page.locator('#members-done', { hasText: `Invitation envoyée à ${INVITEE.email}.` }).waitFor();
  await page.locator('.invitations li', { hasText: INVITEE.email }).waitFor();
  assert.match(await page.locator('.invitations li', { hasText: INVITEE.email }).textContent(), /Coordination.*Invitation de Coordination Joining/s);

  // The invitee, in a browser of their own, from the link in their message (in English).
  const message = await sentMessage(INVITEE.email, 'invitation', before);
  const token = tokenIn(message, 'welcome');
  usedInvitation = token;
  const invitee = await open({ locale: 'en-GB', timezoneId: 'Africa/Lagos' });
  const welcome = invitee.page;
  await welcome.goto(`${BASE}/en/welcome/${token}`);
  await welcome.getByRole('heading', { level: 1, name: 'Welcome to Relais' }).waitFor();
  await appReady(welcome);
  assert.equal(await welcome.locator('.lead').textContent(),
    `Coordination Joining invites you to join the network “${NETWORK.name}” on Relais, as coordinator.`);
  assert.match(await welcome.locator('article').textContent(), new RegExp(`For ${INVITEE.email}\\. This link works until .+, once\\.`));
  await welcome.getByLabel('Your name').fill(INVITEE.name);
  await welcome.getByLabel('Choose a password').fill(INVITEE.password);
  await welcome.getByLabel('The same password again').fill('another passphrase');
  const join = welcome.getByRole('button', { name: 'Create my account and join' });
  await join.click();
  assert.equal(await welcome.locator('#f-confirmation-error').textContent(), 'The two passwords differ: type the same one twice.');
  await welcome.waitForFunction(() => document.activeElement?.id === 'form-summary');
  // The domain's rule, said by the API under the field, in the page's language.
  await welcome.getByLabel('Choose a password').fill('short');
  await welcome.getByLabel('The same password again').fill('short');
  await join.click();
  await welcome.locator('#f-password-error', { hasText: /^Password too short/ }).waitFor();
  assert.equal(await welcome.getByLabel('Choose a password').getAttribute('aria-invalid'), 'true');
  await welcome.getByLabel('Choose a password').fill(INVITEE.password);
  await welcome.getByLabel('The same password again').fill(INVITEE.password);
  await join.click();
  await welcome.waitForURL(new RegExp(`/en/dashboard\\?network=${NETWORK.id}$`));
  await welcome.getByRole('heading', { level: 2, name: NETWORK.name }).waitFor();
  assert.match(await welcome.locator('.signed-in').textContent(), /Invitee Joining \(coordinator, Réseau Joining\)/);

  // The coordinator sees them, changes their role, is refused leaving, and removes them.
  await page.reload();
  await appReady(page);
  const theirs = line(page, INVITEE.name);
  await theirs.waitFor();
  assert.match(await theirs.textContent(), /Coordination/);
  await theirs.getByLabel(`Rôle de ${INVITEE.name}`).selectOption('facilitator');
  await theirs.getByRole('button', { name: 'Changer le rôle' }).click();
  await page.locator('#members-done', { hasText: new RegExp(`Nouveau rôle de ${INVITEE.name}\\s*: Animation\\.`) }).waitFor();
  await appReady(page);
  assert.match(await line(page, INVITEE.name).locator('.badge').first().textContent(), /Animation/);

  await page.getByRole('button', { name: new RegExp(`^Quitter «\\s*${NETWORK.name}\\s*»$`) }).click();
  await page.getByRole('button', { name: 'Oui, quitter' }).click();
  const refused = page.locator('#leave-summary');
  await refused.waitFor({ state: 'visible' });
  assert.match(await refused.textContent(), /C’est la dernière personne qui coordonne ce réseau/);
  await page.waitForFunction(() => document.activeElement?.id === 'leave-summary');

  await line(page, INVITEE.name).getByRole('button', { name: 'Retirer du réseau' }).click();
  await line(page, INVITEE.name).getByRole('button', { name: 'Oui, retirer' }).click();
  await page.locator('#members-done', { hasText: `${INVITEE.name} ne fait plus partie du réseau` }).waitFor();
  await appReady(page);
  assert.equal(await line(page, INVITEE.name).count(), 0);

  // Their access ended with the removal.
  await welcome.reload();
  await appReady(welcome);
  await welcome.getByText('Your account coordinates no network').waitFor();
  for (const who of [coordinator, invitee]) {
    assert.deepEqual(who.errors, []);
    assert.deepEqual(who.csp, [], 'no CSP violation');
    await who.context.close();
  }
});

test('an address that has an account accepts an invitation with its password', async () => {
  const { context, page, csp, errors } = await open({ locale: 'en-GB' });
  await signIn(page, 'en', COORDINATOR);
  await page.goto(`${BASE}/en/dashboard/members?network=${NETWORK.id}`);
  await appReady(page);
  const before = lastMessageId();
  await page.getByLabel('Their email address').fill(RESET.email);
  await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption('facilitator');
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await page.locator('#members-done', { hasText: `Invitation sent to ${RESET.email}.` }).waitFor();
  const token = tokenIn(await sentMessage(RESET.email, 'invitation', before), 'welcome');

  const other = await open({ locale: 'fr-FR' });
  await other.page.goto(`${BASE}/fr/welcome/${token}`);
  await other.page.getByRole('heading', { level: 1, name: 'Bienvenue sur Relais' }).waitFor();
  await appReady(other.page);
  assert.match(await other.page.locator('article').textContent(), /Un compte existe déjà avec cette adresse/);
  assert.equal(await other.page.getByLabel('Votre nom').count(), 0, 'no name asked');
  await other.page.getByLabel(/^Mot de passe/).fill('not the password at all');
  await other.page.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await other.page.locator('#f-password-error', { hasText: /pas le mot de passe/ }).waitFor();
  await other.page.getByLabel(/^Mot de passe/).fill(RESET.password);
  await other.page.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await other.page.waitForURL(new RegExp(`/fr/dashboard\\?network=${NETWORK.id}$`));
  await other.page.locator('.dash-bar').waitFor();
  await appReady(other.page);
  // A facilitator: the catalog is the coordinators' to write.
  await other.page.getByText('Vous faites partie de vos réseaux comme personne animatrice').waitFor();
  for (const who of [{ context, csp, errors }, other]) {
    assert.deepEqual(who.errors, []);
    assert.deepEqual(who.csp, [], 'no CSP violation');
    await who.context.close();
  }
});

test('a forgotten password, in English: the same answer for any address, the link, a new password, signed in with it', async () => {
  const { context, page, csp, errors } = await open({ locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
  const ask = async (email) => {
    await page.goto(`${BASE}/en/dashboard`);
    await appReady(page);
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 2, name: 'Choose a new password' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'forgotten-title');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    const sent = page.locator('#forgotten-sent');
    await sent.waitFor();
    return sent.textContent();
  };
  const stranger = await ask(`nobody@${DOMAIN}`);
  const before = lastMessageId();
  const owner = await ask(RESET.email);
  assert.equal(owner, stranger, 'the same words whatever the address');
  assert.match(owner, /^Thank you\. If this address has an account on Relais, a message with a link/);
  await page.getByRole('button', { name: 'Back to sign-in' }).click();
  await page.getByLabel('Password').waitFor();

  const token = tokenIn(await sentMessage(RESET.email, 'password_reset', before), 'new-password');
  await page.goto(`${BASE}/en/new-password/${token}`);
  await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
  await appReady(page);
  assert.match(await page.locator('article').textContent(), new RegExp(`For ${RESET.email}\\.`));
  const fresh = 'a brand new reset passphrase';
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(fresh);
  await page.getByLabel('The same password again').fill(fresh);
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await page.waitForURL(/\/en\/dashboard$/);
  await page.locator('.dash-bar').waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email').fill(RESET.email);
  await page.getByLabel('Password').fill(fresh);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.dash-bar').waitFor();

  // Used: it says so, and asks for a new one right there.
  await page.goto(`${BASE}/en/new-password/${token}`);
  await page.getByRole('alert').filter({ hasText: 'This link to choose a new password does not work: it works once, for 60 minutes' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Ask for a new link' }).waitFor();
  await page.getByRole('button', { name: 'Send me a link' }).waitFor();
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, [], 'no CSP violation');
  await context.close();
});

test('an invitation used, expired or made up says so and what to do next', async () => {
  assert.ok(usedInvitation, 'the invitation of the first test');
  const expired = randomBytes(32).toString('hex');
  sql(`INSERT INTO account_link (token_hash, purpose, email, network_id, role, created_by, created_at, expires_at)
       VALUES ('${sha256(expired)}', 'invitation', 'late@${DOMAIN}', '${NETWORK.id}', 'facilitator', '${COORDINATOR.id}',
               '2026-01-01T00:00:00Z', '2026-01-08T00:00:00Z');`);
  const { context, page, csp, errors } = await open({ locale: 'fr-FR' });
  for (const token of [usedInvitation, expired, 'not-a-token']) {
    await page.goto(`${BASE}/fr/welcome/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Bienvenue sur Relais' }).waitFor();
    await page.getByRole('alert').filter({ hasText: /Ce lien d’invitation ne fonctionne pas/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Se connecter au tableau de bord' }).getAttribute('href'), '/fr/dashboard');
    assert.match(await page.locator('article').textContent(), /demandez à la personne qui vous a invité·e/);
    assert.equal(await page.locator('input[type=password]').count(), 0, `${token}: no form`);
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(csp, [], 'no CSP violation');
  await context.close();
});
