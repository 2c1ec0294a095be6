// Gangmu's service worker: the app works offline after the first visit.
//
// This file is a template: the post-build hook (scripts/postbuild.py) writes the list of
// files of the build and a hash of their contents into dist/sw.js, so every build has its
// own cache and a new deployment replaces the old one cleanly.
//
// - install: precache the app shell (index.html, the hashed JS/wasm/CSS, the worker, the
//   manifest, icons); take over at once.
// - activate: delete the caches of other builds.
// - fetch, same-origin GETs only (the app makes no other requests): files whose name
//   carries a content hash (app-<hash>.js, _bg.wasm, style-<hash>.css, boot-<hash>.js) and
//   the icons cache-first; everything else (the page, worker.js, worker_bg.wasm, the
//   manifest: same name in every build) network-first, so a new deployment never pairs a
//   new page with an old worker; offline, the cached copy.
'use strict';

const BUILD = '__GANGMU_BUILD__';
const PRECACHE = __GANGMU_PRECACHE__;
const CACHE = `gangmu-${BUILD}`;
const INDEX = new URL('./index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((p) => new Request(p, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('gangmu-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

const IMMUTABLE = /(-[0-9a-f]{16}(_bg)?\.(js|wasm|css)|\/assets\/[^/]+)$/;

function isPage(request, url) {
  return request.mode === 'navigate' || url.href === INDEX || url.href === self.registration.scope;
}

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(key, { ignoreSearch: true });
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isPage(request, url)) event.respondWith(networkFirst(request, INDEX));
  else if (IMMUTABLE.test(url.pathname)) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request, request));
});
