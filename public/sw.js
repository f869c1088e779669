/* Resapi service worker: precaches this build's files so the app opens with no network.
 * Navigations: the cached app shell (index.html) first, so the app opens at once with the
 * server down, behind a proxy answering 502, or on a network that connects but sends
 * nothing. A new release still arrives: the browser checks sw.js itself, the new worker
 * waits, and the page offers "Versi baru tersedia" (never during a quiz). Only a first
 * visit (nothing cached yet) goes to the network.
 * Hashed assets: cache first. /api/*: never cached (answers go through the app's outbox).
 * /gabung/<code>: the live quiz's join page (web/gabung/), from the cache like the shell.
 * /konsol/*: the console's, left to the network.
 * The list below is filled in by scripts/precache.py after each build. */
self.__PRECACHE = null;

const PRECACHE = self.__PRECACHE || { version: "dev", files: [] };
const CACHE = "resapi-" + PRECACHE.version;

// A name with its content's hash in it (the server's rule, `static_files::is_hashed`) is the
// same bytes wherever it comes from: it may come from the browser's HTTP cache, where a
// first visit has just put the wasm, JS, CSS and the chunks it loaded, instead of being
// downloaded a second time. Every other file is fetched anew.
const HASHED = /-[0-9a-f]{8,16}[._][^/]*$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.files.map((f) => new Request(f, { cache: HASHED.test(f) ? "default" : "reload" })))
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

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  // The console (/konsol/) is another app, used online on a laptop: its pages and files
  // go to the network untouched, never answered with this app's shell or cache.
  if (url.pathname === "/konsol" || url.pathname.startsWith("/konsol/")) return;

  if (request.mode === "navigate") {
    // A path naming a file (a dot in its last segment) is that file; any other path is a
    // route of the app, answered by the shell.
    const isFile = url.pathname.split("/").pop().includes(".");
    // /gabung/<code>: the live quiz's light join page (precached with its script and style),
    // so a phone with the app plays the same page, and can reload it mid-game with no signal.
    const isJoin = url.pathname === "/gabung" || url.pathname.startsWith("/gabung/");
    const shell = isJoin ? "/gabung/index.html" : "/index.html";
    const cached = isFile ? caches.match(request, { cacheName: CACHE }) : caches.match(shell, { cacheName: CACHE });
    event.respondWith(cached.then((r) => r || fetch(request)));
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request))
  );
});
