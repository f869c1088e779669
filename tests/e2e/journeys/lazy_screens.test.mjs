// Screens a first visit does not need are wasm chunks of their own (docs/lazy-routes.md):
// a practice result, home's review card and the logout dialog's erase section among them
// (the card's chunk comes with a signed-in person's home). Registration is not: a first
// visit is usually a new person registering. A screen whose chunk is still on its way says
// "Memuat…" (a polite status) and moves nothing when it arrives. Offline, each opens from
// the service worker's cache.
import assert from "node:assert/strict";
import { test } from "node:test";
import { phone, screenshot } from "../lib/browser.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { App, Quiz } from "../pages/app.mjs";
import { expectStable } from "../lib/layout_shift.mjs";

const env = useServerAndBrowser();
const { server } = env;

/** The lazy chunk a request fetches (`result_route`, `review_card`, …), or null. */
const chunkOf = (url) => url.match(/\/split_+([a-z_]+?)_view_\d+-[0-9a-f]+\.wasm$/)?.[1] ?? null;

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

/** A whole practice session; the last "next" opens its result (not waited for: the quiz
 * stays on screen until the result's chunk is in). */
async function practise(page, quiz) {
  await quiz.start("Campuran");
  for (let i = 0; i < 10; i++) {
    await quiz.answer(i % 3);
    if (i < 9) await quiz.next();
  }
  await page.getByTestId("next").click();
}

test("a lazy screen says Memuat… while its chunk arrives, and nothing moves when it does", async () => {
  // No service worker here: the chunk requests go to the network, where the test holds one.
  const context = await phone(env.browser, undefined, { serviceWorkers: "block" });
  const page = await context.newPage();
  const chunks = watchChunks(page);
  const app = new App(page);
  const quiz = new Quiz(page);

  await app.open(server.url);
  await app.register({ nip: makeNip(), name: "Rahmat Hidayat", unitQuery: "biro sdm", password: "memuat-dulu-2026" });
  await fetched(chunks, "review_card");
  assert.ok(!chunks.includes("result_route"), "a result's chunk is not fetched before a result opens");

  let release;
  const held = new Promise((r) => (release = r));
  await page.route((url) => chunkOf(url.href) === "result_route", async (route) => {
    await held;
    await route.continue();
  });
  const loading = page.getByTestId("route-loading");
  assert.equal((await loading.textContent()).trim(), "", "no loading line while nothing loads");
  await practise(page, quiz);
  await loading.filter({ hasText: "Memuat…" }).waitFor();
  assert.equal(await loading.getAttribute("role"), "status");
  await screenshot(page, "lazy-result-loading", { fullPage: false });
  release();
  await page.getByTestId("score").waitFor();
  await page.waitForFunction(() => document.querySelector("[data-testid=route-loading]").textContent.trim() === "");
  await expectStable(page, "result (its chunk arrived late)");
  await context.close();
});

test("a result, the review card and the erase section open offline, and so does registration", async () => {
  const context = await phone(env.browser);
  const page = await context.newPage();
  const chunks = watchChunks(page);
  const app = new App(page);
  const quiz = new Quiz(page);
  await app.open(server.url);
  await app.register({ nip: makeNip(), name: "Lestari Wulandari", unitQuery: "biro keuangan", password: "lazy-offline-2026" });
  await app.waitOfflineReady();
  for (const c of ["result_route", "erase_local"]) {
    assert.ok(!chunks.includes(c), `${c}: not fetched before it is needed`);
  }
  // Home's review card: fetched when home first shows for a signed-in person.
  assert.equal(chunks.filter((c) => c === "review_card").length, 1);

  await server.stop();
  await context.setOffline(true);
  chunks.length = 0;
  await page.reload();
  // Home shows what is below the greeting once its review card (a chunk) has looked for
  // questions due (journeys/layout_shift.test.mjs sees the card itself); then a result.
  await page.getByTestId("start-practice").waitFor();
  await expectStable(page, "home (offline)");
  await practise(page, quiz);
  await page.getByTestId("score").waitFor();
  // The logout dialog, with its erase section.
  await page.getByTestId("logout").click();
  await page.getByTestId("erase-local-box").waitFor();
  await expectStable(page, "logout dialog (offline)");
  await page.getByTestId("logout-confirm").click();
  // Registration, from the sign-in screen.
  await page.getByRole("link", { name: "Daftar", exact: true }).first().click();
  await page.getByLabel("Nama lengkap").waitFor();
  for (const c of ["result_route", "review_card", "erase_local"]) {
    assert.equal(chunks.filter((x) => x === c).length, 1, `${c}: loaded once, offline from the cache`);
  }
  await screenshot(page, "lazy-register-offline");
  await context.close();
});
