// What every page says of the device and the network: offline, how old what it shows is,
// a new version ready, registrations waiting to be sent. Loaded by each build's page once
// its service worker is registered (app/*.html); bundled by scripts/build-sw.mjs into
// dist/offline.js with the messages of locales/*/offline.ftl (RELAIS_MESSAGES).
// Kept out of the app's wasm: the first visit's download stays as it was.
/* global RELAIS_MESSAGES, RELAIS_STYLE */

const lang = document.documentElement.lang === 'en' ? 'en' : 'fr';
const messages = RELAIS_MESSAGES[lang] ?? RELAIS_MESSAGES.fr;
const say = (id, args = {}) =>
  (messages[id] ?? id).replace(/\{\s*\$(\w+)\s*\}/g, (_, name) => String(args[name] ?? ''));

/** Older than this, what a page shows is said to be, even online. */
const STALE_MS = 10 * 60_000;
const state = { offline: !navigator.onLine, fetchedAt: null, update: null, pending: [], install: null };
/** Where a declined suggestion to install is remembered: never asked again for 90 days. */
const DECLINED = 'relais.install-declined';

// Its stylesheet comes with it (a constructed sheet, which the pages' CSP allows).
const sheet = new CSSStyleSheet();
sheet.replaceSync(RELAIS_STYLE);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

// One live region, there from the start so that what it says is read out.
const bar = document.createElement('div');
bar.className = 'connection';
bar.setAttribute('role', 'status');
bar.id = 'connection';
document.body.append(bar);

function age(at) {
  const seconds = Math.round((at - Date.now()) / 1000);
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
  if (Math.abs(seconds) < 60) return say('just-now');
  if (Math.abs(seconds) < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (Math.abs(seconds) < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

function line(text, className) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

function render() {
  const parts = [];
  const stale = state.fetchedAt && Date.now() - state.fetchedAt > STALE_MS;
  if (state.offline) {
    parts.push(
      line(state.fetchedAt ? say('offline-since', { age: age(state.fetchedAt) }) : say('offline-kept'), 'offline'),
    );
  } else if (stale) {
    parts.push(line(say('updated', { age: age(state.fetchedAt) }), 'stale'));
  }
  const waiting = state.pending.filter((p) => p.state === 'waiting' || p.state === 'sending').length;
  const arrived = state.pending.filter((p) => (p.state === 'sent' || p.state === 'refused') && !p.seen);
  // The registration page shows its own; elsewhere a line says where they stand.
  if (!/^\/[a-z]{2}\/register\//.test(location.pathname)) {
    if (waiting) parts.push(line(say(waiting === 1 ? 'pending-one' : 'pending-other', { count: waiting }), 'pending'));
    for (const record of arrived) {
      const p = line('', 'arrived');
      const a = document.createElement('a');
      a.href = `/${lang}/register/${encodeURIComponent(record.edition_id)}`;
      a.textContent = say('pending-arrived');
      p.append(a);
      parts.push(p);
    }
  }
  if (state.update) {
    const p = line(say('update-ready') + ' ', 'update');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button primary';
    button.textContent = say('update-reload');
    button.addEventListener('click', reload);
    p.append(button);
    parts.push(p);
  }
  if (state.install && !state.update) {
    const p = line(say('install-suggest') + ' ', 'install');
    const accept = document.createElement('button');
    accept.type = 'button';
    accept.className = 'button primary';
    accept.textContent = say('install-accept');
    accept.addEventListener('click', install);
    const decline = document.createElement('button');
    decline.type = 'button';
    decline.className = 'button';
    decline.textContent = say('install-decline');
    decline.addEventListener('click', declineInstall);
    p.append(accept, ' ', decline);
    parts.push(p);
  }
  bar.replaceChildren(...parts);
  bar.classList.toggle('shown', parts.length > 0);
}

// Installing: the browser's own prompt is held back, and offered only after a registration
// (a volunteer who will come back), never on a first visit, and never again once declined.
let installPrompt = null;
addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault();
  installPrompt = event;
});

function declinedLately() {
  try {
    return Date.now() - Number(localStorage.getItem(DECLINED) ?? 0) < 90 * 86_400_000;
  } catch {
    return true;
  }
}

function suggestInstall() {
  if (installPrompt && !declinedLately()) {
    state.install = installPrompt;
    render();
  }
}

async function install() {
  const prompt = state.install;
  state.install = null;
  render();
  prompt?.prompt();
  const choice = await prompt?.userChoice.catch(() => null);
  if (choice?.outcome === 'dismissed') declineInstall();
  installPrompt = null;
}

function declineInstall() {
  try {
    localStorage.setItem(DECLINED, String(Date.now()));
  } catch {}
  state.install = null;
  render();
}

let reloading = false;
function reload() {
  reloading = true;
  const waiting = state.update?.waiting;
  if (waiting) waiting.postMessage({ type: 'skip-waiting' });
  else location.reload();
}

async function watchUpdates() {
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration) return;
  const offer = () => {
    if (registration.waiting && navigator.serviceWorker.controller) {
      state.update = registration;
      render();
    }
  };
  const follow = (worker) => worker?.addEventListener('statechange', () => worker.state === 'installed' && offer());
  offer();
  // A new version may be installing already by the time this script runs.
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  navigator.serviceWorker.addEventListener('message', (event) => {
    const message = event.data ?? {};
    if (message.type === 'status') {
      state.fetchedAt = message.fetchedAt;
      state.pending = message.pending ?? [];
      if (message.apiChanged) state.update = registration;
    } else if (message.type === 'from-cache') {
      state.fetchedAt = message.fetchedAt;
    } else if (message.type === 'registered') {
      // After the answer is read out, not over it.
      setTimeout(suggestInstall, 4000);
      return;
    } else if (message.type === 'pending-changed') {
      ask();
      return;
    } else if (message.type === 'api-changed') {
      // The API is newer than this page: a waiting worker is offered, else a plain reload.
      state.update = registration;
      registration.update().then(offer, offer);
    }
    render();
  });
  // Check for a new version when the volunteer comes back to the tab.
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && registration.update().catch(() => {}));
}

function ask() {
  navigator.serviceWorker.controller?.postMessage({ type: 'status' });
}

addEventListener('online', () => {
  state.offline = false;
  navigator.serviceWorker.controller?.postMessage({ type: 'online' });
  render();
});
addEventListener('offline', () => {
  state.offline = true;
  render();
});
navigator.serviceWorker.addEventListener('controllerchange', ask);
setInterval(render, 60_000);

// Asked once the answer has somewhere to go.
watchUpdates().then(ask);
render();
