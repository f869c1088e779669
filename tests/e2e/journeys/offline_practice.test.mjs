// The foundation journey: an employee signs up, logs in, loses the signal, practises a full
// quiz (reloading the app twice with no server), and once the signal is back every answer
// reaches the server exactly once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { phone, screenshot } from "../lib/browser.mjs";
import { useServerAndBrowser, recordsOnServer, rowsInDatabase as rowsInServerDatabase } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { App, Quiz, historyCount } from "../pages/app.mjs";
import { expectStable } from "../lib/layout_shift.mjs";

const env = useServerAndBrowser();
const { server } = env;

const rowsInDatabase = () => rowsInServerDatabase(server);

test("offline practice reaches the server exactly once", async () => {
  const context = await phone(env.browser);
  const page = await context.newPage();
  const historyDownloads = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v1/me/records")) historyDownloads.push(r.url());
  });
  const app = new App(page);
  const quiz = new Quiz(page);
  const person = { nip: makeNip(), name: "Siti Rahmawati", unitQuery: "kanreg yogya", password: "rahasia-apel-senin" };

  await app.open(server.url);
  await app.register(person);
  await app.logout();
  await app.login(person);
  await app.waitOfflineReady();
  await expectStable(page, "home");
  // Home says where the values stand in law.
  assert.match(await page.getByTestId("values-basis").textContent(), /UU 20\/2023 tentang ASN \(Pasal 4\)/);
  await screenshot(page, "01-home-online");

  // The signal goes: the server stops and the browser is offline.
  await server.stop();
  await context.setOffline(true);

  await quiz.start("Adaptif");
  const answered = [];
  for (let i = 0; i < 10; i++) {
    assert.equal(await quiz.progress(), `Soal ${i + 1} dari 10`);
    answered.push(await quiz.answer(i % 4));
    if (i === 4) {
      // Reload mid-quiz with no server: the app opens from the worker's cache and resumes
      // at the same question, answered, with the options in the same order.
      const options = await quiz.options();
      await page.reload();
      await page.getByTestId("quiz").waitFor();
      assert.equal(await quiz.progress(), "Soal 5 dari 10");
      assert.equal(await quiz.questionId(), answered[4].questionId);
      assert.deepEqual(await quiz.options(), options);
      await quiz.assertFeedbackShown();
      await expectStable(page, "quiz (reloaded offline)");
      await screenshot(page, "02-quiz-resumed-offline");
    }
    await quiz.next();
  }
  await page.getByTestId("result").waitFor();
  const score = (await page.getByTestId("score").textContent()).trim();
  await screenshot(page, "03-result-offline");

  // Reload again, still offline: the result and the pending count are still there.
  await page.reload();
  await page.getByTestId("score").waitFor();
  await expectStable(page, "result (reloaded offline)");
  assert.equal((await page.getByTestId("score").textContent()).trim(), score);
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  assert.equal(await app.pendingText(), "10 jawaban menunggu dikirim");
  await page.getByRole("link", { name: "Riwayat latihan", exact: true }).click();
  assert.equal(await historyCount(page), 1);
  await expectStable(page, "history");
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await expectStable(page, "home (offline, answers waiting)");
  await screenshot(page, "04-home-offline-pending");

  // The signal returns.
  await server.start();
  await context.setOffline(false);
  await app.syncNow();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  await screenshot(page, "05-home-synced");

  const records = await recordsOnServer(server, person.nip, person.password);
  const answers = records.filter((r) => r.kind === "practice_answer");
  const attempts = records.filter((r) => r.kind === "practice_attempt");
  assert.equal(answers.length, 10, "exactly the ten answers");
  assert.equal(attempts.length, 1, "one finished session");
  assert.equal(new Set(records.map((r) => r.id)).size, 11, "no record twice");
  assert.deepEqual(
    answers.map((r) => [r.payload.question_id, r.payload.option_id]).sort(),
    answered.map((a) => [a.questionId, a.optionId]).sort(),
  );
  assert.equal(rowsInDatabase(), "(11, 11)");

  // Syncing again sends nothing new and stores nothing twice.
  await app.syncNow();
  await page.waitForTimeout(500);
  assert.equal(rowsInDatabase(), "(11, 11)");
  assert.deepEqual(historyDownloads, [], "the phone that signed up has nothing to restore");
  await context.close();

  // A new phone: after one login the history comes back from the server.
  const newPhone = await phone(env.browser);
  const page2 = await newPhone.newPage();
  const restoreRequests = [];
  page2.on("request", (r) => {
    if (r.url().includes("/api/v1/me/records")) restoreRequests.push(r.url());
  });
  // A slow line: the history takes a while to come, and the phone says so meanwhile.
  await page2.route("**/api/v1/me/records*", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  const app2 = new App(page2);
  await app2.open(server.url);
  await app2.login(person);
  await page2.getByRole("link", { name: "Riwayat latihan", exact: true }).click();
  const restoring = page2.getByTestId("restoring");
  await restoring.waitFor();
  assert.match(await restoring.textContent(), /Memulihkan riwayat dari server/);
  await page2.locator(".history-item").first().waitFor({ timeout: 20_000 });
  await restoring.waitFor({ state: "detached" });
  await expectStable(page2, "history, restored on a new phone");
  assert.equal(await historyCount(page2), 1);
  const percent = score.match(/(\d+)%/)[1];
  assert.match(await page2.locator(".history-item").first().textContent(), new RegExp(`${percent}%`));
  await screenshot(page2, "06-history-restored-on-new-phone");
  assert.ok(restoreRequests.length >= 1, "a new phone downloads the history");
  assert.equal(rowsInDatabase(), "(11, 11)", "restoring sends nothing back");
  await newPhone.close();
});
