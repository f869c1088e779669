// The app opens whatever the network does, and never waits on it forever.
// - The server's address answers 502 to everything (a gateway whose server is gone): the app
//   opens from the service worker's cache and practice works.
// - Lie-fi (connections accepted, nothing ever sent): home's main action is usable at once;
//   the sync round gives up after its timeout and the answers keep waiting.
// - A sync whose answer never comes (the server stored the batch, the answer is lost): the
//   phone stops "syncing" after the timeout, keeps the records, and when the server is back
//   every record is on it exactly once.
// - The app's own code after the first screen (a wasm chunk, `start`: the router, sign-in,
//   registration, home's signed-in part and the sync round) cannot be fetched: home stays,
//   says so with "Coba lagi", and the person registers and syncs once the chunk arrives.
import assert from "node:assert/strict";
import { test } from "node:test";
import { answer502, holdConnections, withholdSyncAnswers } from "../lib/bad_network.mjs";
import { phone, screenshot } from "../lib/browser.mjs";
import {
  loseSignal,
  recordsOnServer,
  rowsInDatabase as rowsInServerDatabase,
  signedUpPhone,
  useServerAndBrowser,
} from "../lib/journey.mjs";
import { makeNip, TestServer } from "../lib/server.mjs";
import { App, Quiz } from "../pages/app.mjs";

const env = useServerAndBrowser();
const { server } = env;

const rowsInDatabase = () => rowsInServerDatabase(server);

/** Answers `n` questions of a new session and stops it: `n` answers and one session wait. */
async function practise(page, value, n) {
  const quiz = new Quiz(page);
  await quiz.start(value);
  for (let i = 0; i < n; i++) {
    await quiz.answer(i % 4);
    if (i < n - 1) await quiz.next();
  }
  await quiz.quit();
}

const home = (page) => page.getByRole("link", { name: "Beranda", exact: true }).click();
const syncButton = (page) => page.getByTestId("sync-now");

test("with every request answered 502, the app opens from its cache and practice works", async () => {
  await server.start(); // a no-op unless an earlier test failed with it stopped
  const person = { nip: makeNip(), name: "Dewi Lestari", unitQuery: "biro sdm", password: "gerbang-502-rusak" };
  const { context, page, app } = await signedUpPhone(env, person);

  await server.stop();
  const gateway = await answer502(server.port);
  try {
    // A reload and a new tab opened on a deep link: both are the app, not the 502 page.
    await page.reload();
    await page.getByRole("heading", { name: `Halo, ${person.name}` }).waitFor();
    const tab = await context.newPage();
    await tab.goto(`${server.url}/latihan`);
    await tab.getByRole("heading", { level: 1 }).first().waitFor();
    assert.doesNotMatch(await tab.textContent("body"), /Bad Gateway|502/);
    await tab.close();

    await practise(page, "Loyal", 3);
    await home(page);
    assert.equal(await app.pendingText(), "3 jawaban menunggu dikirim");
    assert.doesNotMatch(await page.textContent("body"), /Bad Gateway/);
    await screenshot(page, "60-app-open-behind-502");
    assert.ok(gateway.seen.length > 0, `the gateway really answered the phone (${gateway.seen.length} requests)`);
  } finally {
    await gateway.close();
  }

  await server.start();
  await app.syncNow();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  const records = await recordsOnServer(server, person.nip, person.password);
  assert.equal(records.filter((r) => r.kind === "practice_answer").length, 3);
  await context.close();
});

test("on lie-fi, home is usable at once and the sync round gives up on its own", async () => {
  await server.start(); // a no-op unless an earlier test failed with it stopped
  const person = { nip: makeNip(), name: "Yohanes Tanu", unitQuery: "biro sdm", password: "sinyal-palsu-2026" };
  const { context, page, app } = await signedUpPhone(env, person);
  await loseSignal(env, context);
  await practise(page, "Adaptif", 2);
  await context.setOffline(false);

  const lieFi = await holdConnections(server.port);
  try {
    const started = performance.now();
    await page.goto(`${server.url}/`, { waitUntil: "commit" });
    const start = page.getByTestId("start-practice");
    await start.waitFor({ state: "visible" });
    assert.ok(await start.isEnabled());
    const usableMs = performance.now() - started;
    console.log(`lie-fi: home's "Mulai latihan" usable ${usableMs.toFixed(0)} ms after the navigation began (target < 1000 ms)`);
    // The target: usable in under 1 s (measured about 200 ms here, even on a loaded
    // machine). A shell that waited on the network would take the old 4 s timeout or forever.
    assert.ok(usableMs < 1000, `home usable after ${usableMs.toFixed(0)} ms`);
    await screenshot(page, "61-home-on-lie-fi", { fullPage: false });

    // The sync round that started with the app waits on a network that never answers, and
    // gives up after its timeout: the indicator leaves "syncing", the answers still wait.
    await syncButton(page).filter({ hasText: "Menyinkronkan…" }).waitFor({ timeout: 5_000 });
    const syncingSince = performance.now();
    await syncButton(page).filter({ hasText: "Sinkronkan sekarang" }).waitFor({ timeout: 30_000 });
    console.log(`lie-fi: "Menyinkronkan…" ended after ${((performance.now() - syncingSince) / 1000).toFixed(1)} s`);
    assert.ok(await syncButton(page).isEnabled());
    assert.equal(await app.pendingText(), "2 jawaban menunggu dikirim");
    assert.match(await page.getByTestId("online-state").textContent(), /^Luring/);
    assert.ok(lieFi.connections() > 0, "the phone really was connected to the silent network");
  } finally {
    await lieFi.close();
  }

  await server.start();
  await app.syncNow();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  const records = await recordsOnServer(server, person.nip, person.password);
  assert.equal(records.filter((r) => r.kind === "practice_answer").length, 2);
  await context.close();
});

test("a sync whose answer never comes times out; every record reaches the server once", async () => {
  await server.start(); // a no-op unless an earlier test failed with it stopped
  const person = { nip: makeNip(), name: "Ketut Arsana", unitQuery: "biro sdm", password: "jawaban-hilang-2026" };
  const { context, page, app } = await signedUpPhone(env, person);
  await loseSignal(env, context);
  await practise(page, "Harmonis", 3);
  await home(page);
  assert.equal(await app.pendingText(), "3 jawaban menunggu dikirim");
  const before = rowsInDatabase();

  // The server runs behind a proxy on the app's address that loses the answers to syncs.
  const backend = new TestServer();
  backend.dir = server.dir;
  backend.db = server.db;
  await backend.start();
  const proxy = await withholdSyncAnswers(server.port, backend.port);
  try {
    await context.setOffline(false);
    await app.syncNow();
    await syncButton(page).filter({ hasText: "Menyinkronkan…" }).waitFor();
    const syncingSince = performance.now();
    await syncButton(page).filter({ hasText: "Sinkronkan sekarang" }).waitFor({ timeout: 30_000 });
    const seconds = (performance.now() - syncingSince) / 1000;
    console.log(`withheld sync answer: "Menyinkronkan…" ended after ${seconds.toFixed(1)} s`);
    assert.ok(proxy.withheld.length >= 1, "the server answered the sync; the phone never got it");
    assert.equal(await app.pendingText(), "3 jawaban menunggu dikirim", "the records still wait");
  } finally {
    await proxy.close();
    await backend.stop();
  }
  // The server stored the batch it never got to acknowledge.
  const [beforeRows] = before.match(/\d+/);
  assert.equal(rowsInDatabase(), `(${Number(beforeRows) + 4}, ${Number(beforeRows) + 4})`);

  await server.start();
  await app.syncNow();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  const records = await recordsOnServer(server, person.nip, person.password);
  assert.equal(records.filter((r) => r.kind === "practice_answer").length, 3);
  assert.equal(records.filter((r) => r.kind === "practice_attempt").length, 1);
  assert.equal(rowsInDatabase(), `(${Number(beforeRows) + 4}, ${Number(beforeRows) + 4})`, "the resend stored nothing twice");
  await context.close();
});

test("when the app's own code cannot be fetched, home says so and tries again; then everything syncs", async () => {
  await server.start(); // a no-op unless an earlier test failed with it stopped
  const person = { nip: makeNip(), name: "Rina Marpaung", unitQuery: "biro sdm", password: "potongan-hilang-2026" };
  // A first visit whose link drops right after the main download: the chunk with the app
  // itself, sign-in, registration and the sync round (docs/lazy-routes.md) does not arrive.
  const context = await phone(env.browser);
  const startChunk = /\/split_start-[0-9a-f]+\.wasm$/;
  let refused = 0;
  await context.route(startChunk, (route) => {
    refused += 1;
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  const app = new App(page);
  await app.open(server.url);
  // Home (the first screen) stays and says what is missing and what to do.
  const missing = page.getByRole("alert").filter({ hasText: "Sambungkan ke internet, lalu coba lagi" });
  await missing.waitFor();
  assert.ok(refused > 0, "the phone asked for the chunk");
  // "Daftar" then is the browser's own navigation, which asks again, and says the same.
  const asked = refused;
  await page.getByRole("link", { name: "Daftar", exact: true }).first().click();
  await page.waitForURL(/\/daftar$/);
  await missing.waitFor();
  assert.ok(refused > asked, "the navigation asked for the chunk again");
  await screenshot(page, "63-start-chunk-not-fetched");

  // The link is back: "Coba lagi" fetches the app again, at the registration screen; the
  // person registers, the content arrives, and the answers given then reach the server.
  await context.unroute(startChunk);
  await page.getByRole("button", { name: "Coba lagi" }).click();
  await app.completeRegistration(person);
  await page.locator(".value-card").first().waitFor({ timeout: 20_000 });
  await practise(page, "Loyal", 2);
  await home(page);
  await app.syncNow();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  const records = await recordsOnServer(server, person.nip, person.password);
  assert.equal(records.filter((r) => r.kind === "practice_answer").length, 2);
  await context.close();
});
