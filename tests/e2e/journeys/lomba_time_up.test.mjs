// A competition's time limit on the phone: the countdown runs from the saved start even
// while the app is closed; reopened after the limit, the attempt is sent at once with the
// answers given in time, and the server counts it (finished at the deadline, not over it).
import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot } from "../lib/browser.mjs";
import { person } from "../lib/agency.mjs";
import { recordsOnServer, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { createCompetition, signIn } from "../lib/lomba.mjs";
import { makeNip } from "../lib/server.mjs";
import { Lomba } from "../pages/lomba.mjs";

const env = useServerAndBrowser();
const { server } = env;

test("an attempt whose time ran out while the app was closed is sent on reopening, and counts", async () => {
  const admin = await person(server, "bkn", "Admin Lomba", "admin");
  const { token } = await signIn(server, admin.nip, admin.password);
  const name = "Lomba kilat";
  const competition = await createCompetition(server, token, { name, unit: "bkn", limit: 1 });

  const employee = { nip: makeNip(), name: "Ketut Arsana", unitQuery: "biro umum", password: "lomba-kilat-2026" };
  const { context, page } = await signedUpPhone(env, employee);
  const lomba = new Lomba(page);
  await page.getByTestId("sync-now").click();
  await lomba.open();
  await lomba.waitFor(name, "Ready");
  await lomba.take(name);
  assert.ok((await lomba.secondsLeft()) <= 60);
  // A screen reader is told that less than a minute is left (the countdown is a silent timer).
  await page.getByTestId("lomba-time-warning").filter({ hasText: /^Sisa waktu kurang dari 1 menit\./ }).waitFor();
  const chosen = await lomba.choose(1);
  const question = await lomba.questionId();
  await page.close();

  // The minute runs out with the app closed: the phone's clock and the server's move on
  // 62 s instead of the journey waiting for them (the next page reads the moved clock).
  server.advanceClock(62_000);
  await context.clock.install({ time: Date.now() + 62_000 });
  const again = await context.newPage();
  await again.goto(`${server.url}/lomba/${competition.id}`);
  await again.getByTestId("lomba-sent").waitFor();
  assert.match(await again.getByTestId("lomba-sent").textContent(), /^Waktu habis\. Jawaban Anda dikirim\./);
  await screenshot(again, "lomba-09-time-up");

  // It went through the outbox; the server stored it (it did not exceed the limit).
  await again.getByRole("link", { name: "Beranda", exact: true }).click();
  await again.getByTestId("sync-now").click();
  await again.waitForFunction(() => document.querySelector('[data-testid="pending"]')?.dataset.count === "0", null, { timeout: 30_000 });
  assert.equal(await again.getByRole("link", { name: /perlu perhatian/ }).count(), 0, "nothing refused");
  const [attempt] = (await recordsOnServer(server, employee.nip, employee.password)).filter((r) => r.kind === "competition_attempt");
  assert.deepEqual(attempt.payload.answers, [{ question_id: question, option_id: chosen }]);
  const took = new Date(attempt.payload.finished_at) - new Date(attempt.payload.started_at);
  assert.ok(took <= 60_000, `finished at the deadline, not ${took} ms after the start`);
  const list = new Lomba(again);
  await list.open();
  await list.waitFor(name, "Taken");
  await context.close();
});
