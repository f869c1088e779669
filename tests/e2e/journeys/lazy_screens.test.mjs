// Screens a first visit does not need are in three wasm chunks (docs/lazy-routes.md): `start`
// (sign-in, registration, home's signed-in part and the sync round, fetched once the first
// screen is up), `daily` (practice, its result, history, settings and the logout dialog's
// erase section) and `occasional` (questionnaires, modules, progress, competitions). A screen
// whose chunk is still on its way says "Memuat…" (a polite status) and moves nothing when it
// arrives; one whose chunk cannot be fetched says so and offers to try again, and the app
// goes on. Offline, each opens from the service worker's cache. On a first visit home shows
// before the app's own code (the `start` chunk) and while the phone's store is still opening;
// a screen that needs either waits for it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { phone, screenshot } from "../lib/browser.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { App, Quiz } from "../pages/app.mjs";
import { expectStable } from "../lib/layout_shift.mjs";

const env = useServerAndBrowser();
const { server } = env;

/** The lazy chunk a request fetches (`start`, `daily`, `occasional`), or null. */
const chunkOf = (url) => url.match(/\/split_([a-z_]+)-[0-9a-f]+\.wasm$/)?.[1] ?? null;

/** Waits until `chunk` is among the `seen` ones (fails after 15 s). */
async function fetched(seen, chunk) {
  for (const end = Date.now() + 15_000; !seen.includes(chunk); ) {
    if (Date.now() > end) assert.fail(`${chunk}: its chunk was not fetched (seen: ${seen.join(", ")})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function watchChunks(page) {
  const seen = [];
  page.on("request", (r) => {
    const chunk = chunkOf(r.url());
    if (chunk) seen.push(chunk);
  });
  return seen;
}

/** A whole practice session, to its result. */
async function practise(page, quiz) {
  await quiz.start("Campuran");
  for (let i = 0; i < 10; i++) {
    await quiz.answer(i % 3);
    if (i < 9) await quiz.next();
  }
  await page.getByTestId("next").click();
  await page.getByTestId("score").waitFor();
}

const occasional = (url) => chunkOf(url.href) === "occasional";
const questionnairesLink = (page) => page.getByRole("link", { name: "Kuesioner", exact: true }).first();
const questionnairesHeading = (page) => page.getByRole("heading", { level: 1, name: "Kuesioner" });

test("a lazy screen says Memuat… while its chunk arrives, says so when it cannot, and nothing moves", async () => {
  // No service worker here: the chunk requests go to the network, where the test holds one.
  const context = await phone(env.browser, undefined, { serviceWorkers: "block" });
  const page = await context.newPage();
  const chunks = watchChunks(page);
  const app = new App(page);

  await app.open(server.url);
  // A guest's first screen fetches the `start` chunk at once: the sign-in and registration
  // screens are there before a tap.
  await fetched(chunks, "start");
  await app.register({ nip: makeNip(), name: "Rahmat Hidayat", unitQuery: "biro sdm", password: "memuat-dulu-2026" });
  await page.getByTestId("start-practice").waitFor();
  assert.ok(!chunks.includes("occasional"), "the questionnaires' chunk is not fetched before they open");

  // The link drops while the questionnaires' chunk is fetched: the screen says so, and the
  // app is still there.
  await page.route(occasional, (route) => route.abort("internetdisconnected"));
  await questionnairesLink(page).click();
  await page.getByRole("heading", { level: 1, name: "Layar belum terunduh" }).waitFor();
  await page.getByRole("alert").filter({ hasText: "Sambungkan ke internet, lalu coba lagi" }).waitFor();
  await screenshot(page, "lazy-chunk-missing", { fullPage: false });
  await page.getByRole("link", { name: "Beranda" }).first().click();
  await page.getByTestId("start-practice").waitFor();
  await page.unroute(occasional);

  // Held, it says "Memuat…" until it arrives: a new visit to the screen fetches again.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(occasional, async (route) => {
    await held;
    await route.continue();
  });
  const loading = page.getByTestId("route-loading");
  await questionnairesLink(page).click();
  await loading.filter({ hasText: "Memuat…" }).waitFor();
  assert.equal(await loading.getAttribute("role"), "status");
  await screenshot(page, "lazy-loading", { fullPage: false });
  release();
  await questionnairesHeading(page).waitFor();
  await page.waitForFunction(() => document.querySelector("[data-testid=route-loading]").textContent.trim() === "");
  await expectStable(page, "questionnaires (their chunk arrived late)");
  await context.close();
});

test("a first visit shows home while the phone's store is still opening; other screens wait for it", async () => {
  const context = await phone(env.browser);
  // Holds the store closed: a connection to the app's database at version 1 that ignores the
  // app's upgrade keeps the app's open request blocked until `__releaseStore()`.
  await context.addInitScript(() => {
    const held = indexedDB.open("resapi", 1);
    held.onsuccess = () => {
      window.__releaseStore = () => held.result.close();
    };
  });
  const page = await context.newPage();
  const storeOpened = () => page.evaluate(() => localStorage.getItem("resapi.store_opened"));
  await page.goto(server.url);
  await page.getByRole("heading", { level: 1, name: "Resapi" }).waitFor();
  await page.getByRole("link", { name: "Masuk" }).first().waitFor();
  assert.equal(await storeOpened(), null, "home showed before the store opened");

  // Sign-in would save a session: it waits for the store, saying so.
  await page.getByRole("link", { name: "Masuk" }).first().click();
  await page.locator("main .loading[role=status]").filter({ hasText: "Memuat" }).waitFor();
  assert.equal(await page.getByLabel("NIP").count(), 0, "no sign-in form before the store opens");

  await page.waitForFunction(() => typeof window.__releaseStore === "function");
  await page.evaluate(() => window.__releaseStore());
  await page.getByLabel("NIP").waitFor();
  assert.equal(await storeOpened(), "true", "a later visit waits for the session instead");
  await context.close();
});

/** Holds every request for `chunk` until the returned function is called. */
async function holdChunk(page, chunk) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route((url) => chunkOf(url.href) === chunk, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The app's own code has taken over from the first screen: its sync status shows. */
const appIn = (page) => page.getByTestId("sync-indicator").waitFor();

test("a first visit shows home before the app's code arrives, and the hand-over keeps what was typed", async () => {
  // The main module holds only the first screen; the router, the store and sign-in are in the
  // `start` chunk, held here. No service worker, so the held request is the page's own.
  const context = await phone(env.browser, undefined, { serviceWorkers: "block" });
  const page = await context.newPage();
  const release = await holdChunk(page, "start");
  await page.goto(server.url);
  await page.getByRole("heading", { level: 1, name: "Resapi" }).waitFor();
  await page.getByRole("link", { name: "Daftar" }).waitFor();
  assert.equal(await page.getByTestId("sync-indicator").count(), 0, "the app's own code is not here yet");

  // "Gabung kuis" works on the first screen: a code half typed when the app arrives stays,
  // and so does the focus.
  await page.getByTestId("join-quiz").click();
  const code = page.getByLabel("Kode kuis");
  await code.fill("482 9");
  release();
  await appIn(page);
  assert.equal(await code.inputValue(), "482 9", "the code being typed survived the hand-over");
  assert.ok(await code.evaluate((el) => el === document.activeElement), "the focus stayed in the code field");
  assert.equal(await page.locator("h1").count(), 1, "one page, not the first screen and the app's");
  assert.equal(await page.locator("header").count(), 1);
  await code.pressSequentially("13");
  await page.getByRole("button", { name: "Gabung", exact: true }).click();
  await page.waitForURL(/\/gabung\/482913$/);
  await context.close();
});

test("a tap on the first screen waits for the app's code, then opens; a code that cannot come is said", async () => {
  const context = await phone(env.browser, undefined, { serviceWorkers: "block" });
  let page = await context.newPage();
  const release = await holdChunk(page, "start");
  await page.goto(server.url);
  await page.getByRole("link", { name: "Masuk" }).first().click();
  await page.waitForURL(/\/masuk$/);
  await page.getByTestId("route-loading").filter({ hasText: "Memuat…" }).waitFor();
  assert.equal(await page.getByLabel("NIP").count(), 0, "no sign-in form before its code");
  release();
  await page.getByLabel("NIP").waitFor();
  await page.close();

  // The link drops before the app's code came: home stays, and says what to do.
  const other = await phone(env.browser, undefined, { serviceWorkers: "block" });
  page = await other.newPage();
  const start = (url) => chunkOf(url.href) === "start";
  await page.route(start, (route) => route.abort("internetdisconnected"));
  await page.goto(server.url);
  await page.getByRole("alert").filter({ hasText: "Sambungkan ke internet, lalu coba lagi" }).waitFor();
  await page.getByRole("link", { name: "Daftar" }).waitFor();
  await screenshot(page, "first-screen-app-missing", { fullPage: false });
  await page.unroute(start);
  await page.getByRole("button", { name: "Coba lagi" }).click();
  await appIn(page);
  // The app took over from the first screen by itself: nothing moved.
  await expectStable(page, "home, the app taking over from the first screen");
  assert.equal(await page.getByRole("alert").filter({ hasText: "Sambungkan ke internet" }).count(), 0);
  await context.close();
  await other.close();
});

test("every chunk opens offline from the cache, each fetched once", async () => {
  const context = await phone(env.browser);
  const page = await context.newPage();
  const chunks = watchChunks(page);
  const app = new App(page);
  const quiz = new Quiz(page);
  await app.open(server.url);
  await app.register({ nip: makeNip(), name: "Lestari Wulandari", unitQuery: "biro keuangan", password: "lazy-offline-2026" });
  await app.waitOfflineReady();
  // The page itself fetched only the first screens' chunk; the service worker has the rest.
  assert.deepEqual(chunks, ["start"]);

  await server.stop();
  await context.setOffline(true);
  chunks.length = 0;
  await page.reload();
  // Home shows what is below the greeting once its signed-in part (in `start`) has read the
  // store; then practice and its result (`daily`).
  await page.getByTestId("start-practice").waitFor();
  await expectStable(page, "home (offline)");
  await practise(page, quiz);
  // The questionnaires (`occasional`).
  await questionnairesLink(page).click();
  await questionnairesHeading(page).waitFor();
  // The logout dialog, with its erase section (`daily`).
  await page.getByTestId("logout").click();
  await page.getByTestId("erase-local-box").waitFor();
  await expectStable(page, "logout dialog (offline)");
  await page.getByTestId("logout-confirm").click();
  // Registration, from the sign-in screen (`start`), where the logout left the person.
  await page.getByRole("link", { name: "Belum punya akun? Daftar" }).click();
  await page.getByLabel("Nama lengkap").waitFor();
  await screenshot(page, "lazy-register-offline");
  assert.deepEqual(chunks.sort(), ["daily", "occasional", "start"], "each chunk loaded once, offline from the cache");
  await context.close();
});
