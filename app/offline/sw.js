// Relais's service worker: once a volunteer has visited, Relais opens with no network.
//
// scripts/build-sw.mjs bundles this file (with Workbox and idb from npm) into dist/sw.js and
// defines what it cannot know by itself: the build's version, the files to precache, the
// pages of each build (relais_domain::pages) and the API version (relais_domain::API_VERSION).
//
// - The browsing and forms builds' files, and each language's catalog page and forms page
//   (the shells), are precached in a cache named by the build's version; an update removes
//   every cache of another version.
// - Pages and the catalog's data are served stale-while-revalidate: a repeat visit shows
//   what the device has at once and refreshes it behind. The forms' pages, a registration
//   form and a manage link's data are asked of the network first, and read from the device
//   when the network does not answer within seconds. The archive and the dashboard are not
//   kept.
// - Everything kept carries the time it was fetched (X-Relais-Fetched-At); the pages' script
//   (page.js) asks what this page was served from the device, to say how old it is.
// - A registration that cannot be sent is kept (outbox.js) and sent when the network returns:
//   Background Sync where the browser has it, and whenever Relais is open.
/* global RELAIS_VERSION, RELAIS_PRECACHE, RELAIS_LANGS, RELAIS_FORM_PAGES, RELAIS_DASHBOARD_PAGES, RELAIS_API_VERSION */

import { ExpirationPlugin } from 'workbox-expiration';
import { addRoute, matchPrecache, precache } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';
import { setCacheNameDetails } from 'workbox-core';
import * as outbox from './outbox.js';

setCacheNameDetails({ prefix: 'relais', precache: 'shell', runtime: 'runtime', suffix: RELAIS_VERSION });
/** Pages as last served: a new build's pages name new files, so they go with the build. */
const PAGES = `relais-pages-${RELAIS_VERSION}`;
/** Public data (the catalog, offerings, profiles, forms): kept across builds of one API. */
const DATA = `relais-data-api${RELAIS_API_VERSION}`;
/** The volunteer's own registrations, read through their manage links. */
const MINE = `relais-mine-api${RELAIS_API_VERSION}`;
/**
 * Library resources a reader chose to keep (« Garder sur cet appareil »): written and
 * deleted by the page (`app/src/library.rs`, `kept_cache`), never evicted here, and answered
 * from when the network does not.
 */
const KEPT_BY_HAND = `relais-kept-api${RELAIS_API_VERSION}`;
const KEPT = new Set([PAGES, DATA, MINE, KEPT_BY_HAND]);
const FETCHED_AT = 'X-Relais-Fetched-At';

// ---- Install, update, clean up ------------------------------------------------------------

precache(RELAIS_PRECACHE);

self.addEventListener('message', (event) => {
  const message = event.data ?? {};
  if (message.type === 'skip-waiting') self.skipWaiting();
  if (message.type === 'status') event.waitUntil(tellStatus(event.source));
  if (message.type === 'online') event.waitUntil(flush({ evenEarly: true }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = (await caches.keys()).filter((name) => name.startsWith('relais-'));
      const precacheName = current.find((name) => name.startsWith('relais-shell-') && name.endsWith(RELAIS_VERSION));
      await Promise.all(
        current.filter((name) => !KEPT.has(name) && name !== precacheName).map((name) => caches.delete(name)),
      );
      // Pages open since before take this worker once the old caches are gone.
      await self.clients.claim();
      await outbox.prune();
      await flush();
    })(),
  );
});

// ---- What each page was served from the device --------------------------------------------

/** Per page (client id), the oldest fetch time of what it was served from a cache. */
const servedFromCache = new Map();

async function tellStatus(client) {
  if (!client) return;
  client.postMessage({
    type: 'status',
    fetchedAt: servedFromCache.get(client.id) ?? null,
    apiChanged,
    pending: (await outbox.all()).map(outbox.publicRecord),
  });
}

/** Stamps what goes into a cache with the time it was fetched. */
const stamp = {
  cacheWillUpdate: async ({ response }) => {
    if (!response || response.status !== 200) return null;
    const headers = new Headers(response.headers);
    headers.set(FETCHED_AT, String(Date.now()));
    return new Response(await response.blob(), { status: 200, statusText: response.statusText, headers });
  },
  cachedResponseWillBeUsed: async ({ event, cachedResponse }) => {
    const at = Number(cachedResponse?.headers.get(FETCHED_AT));
    // A navigation's answer is for the page it makes, not the one it leaves.
    const clientId = event?.resultingClientId || event?.clientId;
    if (at && clientId) {
      const known = servedFromCache.get(clientId);
      servedFromCache.set(clientId, known ? Math.min(known, at) : at);
      // Not awaited: for a navigation, the page it makes exists only once this answer is given.
      self.clients.get(clientId).then((client) => client?.postMessage({ type: 'from-cache', fetchedAt: servedFromCache.get(clientId) }));
    }
    return cachedResponse;
  },
};

/** An API answer from a newer API than this build was made for: offer the new version. */
const apiVersion = {
  fetchDidSucceed: async ({ response }) => {
    noticeApiVersion(response);
    return response;
  },
};

/** Set once an answer came from another API version: told to every page that asks. */
let apiChanged = false;

function noticeApiVersion(response) {
  const version = response.headers.get('X-Relais-Api');
  if (version && version !== String(RELAIS_API_VERSION)) {
    apiChanged = true;
    self.registration.update().catch(() => {});
    self.clients.matchAll().then((clients) => clients.forEach((c) => c.postMessage({ type: 'api-changed' })));
  }
}

/**
 * A request's address as the page keeps it: the app's HTTP client sends `?lang=fr&`, an empty
 * pair the page's own `cache.add` does not have.
 */
function keptKey(request) {
  const url = new URL(request.url);
  const search = url.searchParams.toString();
  url.search = search ? `?${search}` : '';
  return url.href;
}

/** With no network, a resource the reader kept by hand (whatever else was evicted). */
const keptByHand = {
  handlerDidError: async ({ request }) => (await caches.open(KEPT_BY_HAND)).match(keptKey(request), { ignoreVary: true }),
};

const expiry = (maxEntries) => new ExpirationPlugin({ maxEntries, maxAgeSeconds: 60 * 24 * 3600, purgeOnQuotaError: true });

// ---- Routes: first match wins --------------------------------------------------------------

const sameOrigin = (url) => url.origin === self.location.origin;
/** `/fr/register/x` → { lang: 'fr', page: 'register' }, for the app's languages. */
function pageOf(url) {
  const [, lang, page = ''] = url.pathname.split('/');
  return RELAIS_LANGS.includes(lang) ? { lang, page } : null;
}

// Kept registrations: answered here, never by the API.
const PENDING = /^\/api\/offline\/registrations(?:\/([^/]+))?$/;
registerRoute(({ url }) => sameOrigin(url) && PENDING.test(url.pathname), pendingRead, 'GET');
registerRoute(({ url }) => sameOrigin(url) && PENDING.test(url.pathname), pendingCancel, 'DELETE');

// Registering: sent now, else kept and sent later.
const REGISTER = /^\/api\/editions\/([^/]+)\/registrations$/;
registerRoute(({ url }) => sameOrigin(url) && REGISTER.test(url.pathname), register, 'POST');

// The catalog and what it links to.
const PUBLIC_DATA = [
  /^\/api\/offerings$/,
  /^\/api\/offerings\/[^/]+$/,
  /^\/api\/people\/[^/]+$/,
  /^\/api\/partners\/[^/]+$/,
  /^\/api\/networks$/,
  /^\/api\/networks\/[^/]+$/,
  // The library's searches and the resources read: read again offline.
  /^\/api\/library$/,
  /^\/api\/library\/[^/]+$/,
];
registerRoute(
  ({ url }) => sameOrigin(url) && PUBLIC_DATA.some((p) => p.test(url.pathname)),
  new StaleWhileRevalidate({ cacheName: DATA, plugins: [stamp, apiVersion, expiry(300), keptByHand] }),
);
// A resource read through a community member's link: private, so kept only by hand.
registerRoute(
  ({ url }) => sameOrigin(url) && /^\/api\/members\/[^/]+\/library\/[^/]+$/.test(url.pathname),
  new NetworkOnly({ plugins: [apiVersion, keptByHand] }),
);
// A registration form: its places left matter, so the network first.
registerRoute(
  ({ url }) => sameOrigin(url) && /^\/api\/editions\/[^/]+\/registration-form$/.test(url.pathname),
  new NetworkFirst({ cacheName: DATA, networkTimeoutSeconds: 4, plugins: [stamp, apiVersion, expiry(300)] }),
);
// A manage link's registration and the resources of its edition: the volunteer's own, read
// again offline.
registerRoute(
  ({ url }) => sameOrigin(url) && /^\/api\/registrations\/[^/]+(\/library\/[^/]+)?$/.test(url.pathname),
  new NetworkFirst({ cacheName: MINE, networkTimeoutSeconds: 4, plugins: [stamp, apiVersion, expiry(50), keptByHand] }),
);

// A resource's attached file, through any reader's address: too large for the caches that
// evict, so kept only by hand, with the resource.
registerRoute(
  ({ url }) => sameOrigin(url) && /^\/api\/(?:library|(?:members|registrations)\/[^/]+\/library)\/[^/]+\/file$/.test(url.pathname),
  new NetworkOnly({ plugins: [apiVersion, keptByHand] }),
);

// Pages.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && sameOrigin(url) && RELAIS_DASHBOARD_PAGES.includes(pageOf(url)?.page),
  new NetworkOnly(),
);
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && sameOrigin(url) && RELAIS_FORM_PAGES.includes(pageOf(url)?.page),
  new NetworkFirst({ cacheName: PAGES, networkTimeoutSeconds: 4, plugins: [stamp, expiry(50)] }),
);
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && sameOrigin(url) && pageOf(url) && pageOf(url).page !== 'archive',
  new StaleWhileRevalidate({ cacheName: PAGES, plugins: [stamp, expiry(100)] }),
);

// The builds' files, cache first (their names change with their content).
addRoute();

// A page the device never kept, opened offline: the shell of its build in its language.
setCatchHandler(async ({ request, url }) => {
  const page = request.mode === 'navigate' && pageOf(url);
  if (!page) return Response.error();
  const shell = RELAIS_FORM_PAGES.includes(page.page) ? `/${page.lang}/privacy` : `/${page.lang}`;
  return (await matchPrecache(shell)) ?? Response.error();
});

// ---- Registrations kept on the device -----------------------------------------------------

function json(status, value, headers = {}) {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

async function register({ request, event }) {
  const key = request.headers.get('Idempotency-Key');
  if (!key) return fetch(request);
  const body = await request.text();
  const known = await outbox.get(key);
  if (known) {
    // Sent again (a second press, another tab): never twice; its state as it stands.
    event.waitUntil(flush());
    return json(202, outbox.publicRecord(known));
  }
  let response = null;
  try {
    response = await outbox.post(request.url, body, key);
    noticeApiVersion(response);
    if (response.ok) tell(event.clientId, { type: 'registered' });
    if (!outbox.retryable(response)) return response;
  } catch {
    // No network, or it dropped: kept, and sent again with the same key.
  }
  const record = await outbox.keep({
    key,
    url: request.url,
    body,
    editionId: decodeURIComponent(REGISTER.exec(new URL(request.url).pathname)[1]),
    attempts: 1,
    retryAt: outbox.retryAt(1, response),
  });
  event.waitUntil(askForSync().then(() => scheduleFlush()));
  return json(202, outbox.publicRecord(record));
}

async function pendingRead({ url, event }) {
  event.waitUntil(flush());
  const key = PENDING.exec(url.pathname)[1];
  if (key) {
    // Asked with `seen`: its outcome was shown, and is not offered again.
    const record = url.searchParams.has('seen') ? await outbox.markSeen(decodeURIComponent(key)) : await outbox.get(decodeURIComponent(key));
    if (url.searchParams.has('seen')) tellEveryone({ type: 'pending-changed' });
    return record ? json(200, outbox.publicRecord(record)) : json(404, null);
  }
  const edition = url.searchParams.get('edition');
  const records = edition ? await outbox.ofEdition(edition) : await outbox.all();
  return json(200, records.map(outbox.publicRecord));
}

async function pendingCancel({ url }) {
  const key = PENDING.exec(url.pathname)[1];
  if (!key) return json(405, null);
  const { cancelled, record } = await outbox.cancel(decodeURIComponent(key));
  if (cancelled) {
    tellEveryone({ type: 'pending-changed' });
    return new Response(null, { status: 204 });
  }
  return record ? json(409, outbox.publicRecord(record)) : json(404, null);
}

// ---- Sending what waits -------------------------------------------------------------------

let flushing = null;
let timer = null;

/** Sends what is due; one flush at a time in this worker (IndexedDB guards the rest). */
function flush(options = {}) {
  flushing ??= outbox
    .sendDue({
      ...options,
      onAnswer: noticeApiVersion,
      onChange: (record) => {
        tellEveryone({ type: 'pending-changed', record: outbox.publicRecord(record) });
        if (record.state === 'sent') tellEveryone({ type: 'registered' });
      },
    })
    .catch(() => true)
    .finally(() => {
      flushing = null;
      scheduleFlush();
    });
  return flushing;
}

/** While the worker lives, the next backoff is kept by a timer; else by sync or a visit. */
async function scheduleFlush() {
  const next = await outbox.nextDue();
  clearTimeout(timer);
  if (next !== null) timer = setTimeout(() => flush(), Math.max(next - Date.now(), 500));
}

async function askForSync() {
  try {
    await self.registration.sync?.register('relais-registrations');
  } catch {
    // No Background Sync here: sent when Relais is next open.
  }
}

self.addEventListener('sync', (event) => {
  if (event.tag !== 'relais-registrations') return;
  event.waitUntil(
    flush({ evenEarly: true }).then((stillWaiting) => {
      // The browser tries a failed sync again later.
      if (stillWaiting) throw new Error('registrations still waiting');
    }),
  );
});

// Relais opened: anything due goes now.
self.addEventListener('fetch', (event) => {
  if (event.request.mode === 'navigate') event.waitUntil(flush());
});

async function tell(clientId, message) {
  (await self.clients.get(clientId))?.postMessage(message);
}

function tellEveryone(message) {
  self.clients.matchAll().then((clients) => clients.forEach((c) => c.postMessage(message)));
}
