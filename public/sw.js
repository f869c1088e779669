/* Resapi service worker: precaches this build's files so the app opens with no network.
 * Navigations: network first (short timeout), then the cached index.html.
 * Hashed assets: cache first. /api/*: never cached (answers go through the app's outbox).
 * The list below is filled in by scripts/precache.py after each build. */
self.__PRECACHE = null;

const PRECACHE = self.__PRECACHE || { version: "dev", files: [] };
const CACHE = "resapi-" + PRECACHE.version;
const NAV_TIMEOUT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.files.map((f) => new Request(f, { cache: "reload" })))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("resapi-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// The page asks for the new version only when the person chose to reload (never mid-quiz).
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then((r) => { clearTimeout(timer); resolve(r); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;

  if (request.mode === "navigate") {
    event.respondWith(
      withTimeout(fetch(request), NAV_TIMEOUT_MS).catch(() =>
        caches.match("/index.html", { cacheName: CACHE }).then((r) => r || Response.error())
      )
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request))
  );
});
