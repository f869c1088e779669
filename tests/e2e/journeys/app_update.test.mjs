// A new release reaches a phone that already has the app: it is offered as "Versi baru
// tersedia", never in the middle of a quiz, and taking it reloads into the new version with
// nothing lost. The server serves a copy of the built app; publishing a new version changes
// that copy's service worker the way a new build does (a new precache version).
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { screenshot } from "../lib/browser.mjs";
import { expectStable } from "../lib/layout_shift.mjs";
import { recordsOnServer, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { builtApp, makeNip } from "../lib/server.mjs";
import { Quiz, historyCount } from "../pages/app.mjs";

const published = mkdtempSync(join(tmpdir(), "resapi-dist-"));
cpSync(builtApp, published, { recursive: true });
const env = useServerAndBrowser({ dist: published });
const { server } = env;

/** Publishes a new version of the worker; returns its cache name. */
function publishNewVersion() {
  const path = join(published, "sw.js");
  const worker = readFileSync(path, "utf8");
  const version = "e2e0000000000002";
  const updated = worker.replace(/"version": "[0-9a-z]+"/, `"version": "${version}"`);
  assert.notEqual(updated, worker, "the built worker carries a precache version");
  writeFileSync(path, updated);
  return `resapi-${version}`;
}

async function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

test("a new version is offered after the quiz, and taking it loses nothing", async () => {
  const person = { nip: makeNip(), name: "Made Wirawan", unitQuery: "biro sdm", password: "versi-baru-2026" };
  const { context, page } = await signedUpPhone(env, person);
  const quiz = new Quiz(page);
  const [firstCache] = await cacheNames(page);
  assert.match(firstCache, /^resapi-[0-9a-f]{16}$/);

  // Mid-quiz, a new version is published and the phone notices it (the app checks for one
  // whenever it comes back to the foreground).
  await quiz.start("Loyal");
  for (let i = 0; i < 3; i++) {
    await quiz.answer(i % 4);
    await quiz.next();
  }
  const newCache = publishNewVersion();
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await page.waitForFunction(() => window.resapiPwa.waiting !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(300);
  assert.equal(await page.locator(".banner-update").count(), 0, "no update offer during the quiz");
  assert.equal(await quiz.progress(), "Soal 4 dari 10", "the quiz goes on where it was");

  for (let i = 3; i < 10; i++) {
    await quiz.answer(i % 4);
    await quiz.next();
  }
  await page.getByTestId("result").waitFor();
  const score = (await page.getByTestId("score").textContent()).trim();

  // Once the quiz is over, the offer shows.
  const banner = page.locator(".banner-update");
  await banner.waitFor();
  await expectStable(page, "result, with the update offer arriving");
  assert.match(await banner.textContent(), /Versi baru tersedia/);
  await screenshot(page, "40-update-offered", { fullPage: false });

  // Taking it reloads into the new version; the old cache is gone, the result stays.
  await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Muat ulang" }).click()]);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForFunction((name) => caches.keys().then((k) => k.length === 1 && k[0] === name), newCache);
  assert.equal(await banner.count(), 0, "the offer is gone once the new version runs");
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await page.getByRole("link", { name: "Riwayat latihan", exact: true }).click();
  await page.locator(".history-item").first().waitFor();
  assert.equal(await historyCount(page), 1);
  assert.match(await page.locator(".history-item").first().textContent(), new RegExp(`${score.match(/(\d+)%/)[1]}%`));

  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  const records = await recordsOnServer(server, person.nip, person.password);
  assert.equal(records.filter((r) => r.kind === "practice_answer").length, 10);
  assert.equal(records.filter((r) => r.kind === "practice_attempt").length, 1);
  await context.close();
});
