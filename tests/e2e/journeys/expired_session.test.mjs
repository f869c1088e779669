// A phone kept offline for weeks: its session expires on the server. Practice goes on; the
// next sync says plainly to log in again (nothing is dropped), and after the login every
// waiting answer goes up once.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { assertAccessible } from "../lib/audit.mjs";
import { screenshot } from "../lib/browser.mjs";
import { loseSignal, recordsOnServer, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { Quiz } from "../pages/app.mjs";

const env = useServerAndBrowser();
const { server } = env;

/** Weeks pass on the server: every session's 30 days are over. */
function expireSessions() {
  execFileSync("python3", [
    "-c",
    "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('update sessions set expires_at = 0'); c.commit()",
    server.db,
  ]);
}

async function practise(page, quiz, answers) {
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await quiz.start("Kompeten");
  for (let i = 0; i < answers; i++) {
    await quiz.answer(i % 4);
    if (i < answers - 1) await quiz.next();
  }
  await quiz.quit();
}

test("an expired session never blocks practice and loses nothing", async () => {
  const person = { nip: makeNip(), name: "Theresia Kambu", unitQuery: "biro sdm", password: "sesi-berakhir-1" };
  const { context, page, app } = await signedUpPhone(env, person);
  const quiz = new Quiz(page);

  await loseSignal(env, context);
  await practise(page, quiz, 3);
  await server.stop();
  expireSessions();

  // The signal is back, but the session is not.
  await server.start();
  await context.setOffline(false);
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await app.syncNow();
  const notice = page.getByText("Sesi berakhir. Masuk lagi agar jawaban bisa dikirim");
  await notice.waitFor({ timeout: 20_000 });
  assert.equal(await app.pendingText(), "3 jawaban menunggu dikirim");
  await screenshot(page, "60-session-ended", { fullPage: false });
  await assertAccessible(page, "session ended: the notice and its button");

  // Practice still works, and its answers wait too.
  await practise(page, quiz, 2);
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await page.getByTestId("pending").filter({ hasText: "5 jawaban menunggu dikirim" }).waitFor({ timeout: 5_000 });
  assert.deepEqual(await recordsOnServer(server, person.nip, person.password), []);

  // Logging in again sends everything, once.
  await page.getByRole("link", { name: "Masuk lagi", exact: true }).click();
  assert.equal(await page.getByLabel("NIP").inputValue(), person.nip.replace(/\s/g, ""), "the NIP is filled in");
  await page.getByLabel("Kata sandi", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.getByRole("heading", { name: `Halo, ${person.name}` }).waitFor();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  assert.equal(await notice.count(), 0);
  const records = await recordsOnServer(server, person.nip, person.password);
  assert.equal(records.filter((r) => r.kind === "practice_answer").length, 5);
  assert.equal(records.filter((r) => r.kind === "practice_attempt").length, 2);
  assert.equal(new Set(records.map((r) => r.id)).size, 7);
  await context.close();
});
