// Two tabs of the app on one phone, one quiz (issue 8's steps): answer question 1 in tab A;
// open tab B, go on to question 2 and answer it; back in tab A (not reloaded), "next". Before
// the fix tab A showed question 2 unanswered and took a second answer, and the server held
// two answers for one position. Now tab A jumps to what is saved (question 2 with B's
// answer), and the phone never sends a second answer. The same for a questionnaire: a stale
// tab neither overwrites the other tab's answers nor finishes it twice.
import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot } from "../lib/browser.mjs";
import { loseSignal, recordsOnServer, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { QuestionnaireFlow, Quiz } from "../pages/app.mjs";

const env = useServerAndBrowser();
const { server } = env;

async function syncAll(page, app) {
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await app.syncNow();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
}

test("a stale tab never answers a question twice", async () => {
  await server.start();
  const person = { nip: makeNip(), name: "Fransiska Wea", unitQuery: "biro sdm", password: "dua-tab-satu-kuis" };
  const { context, page: pageA, app } = await signedUpPhone(env, person);
  await loseSignal(env, context);
  const tabA = new Quiz(pageA);

  await tabA.start("Loyal");
  const first = await tabA.answer(0);

  const pageB = await context.newPage();
  const tabB = new Quiz(pageB);
  await pageB.goto(`${server.url}/latihan/sesi`);
  await pageB.getByTestId("quiz").waitFor();
  assert.equal(await tabB.progress(), "Soal 1 dari 10");
  await tabB.assertFeedbackShown();
  await tabB.next();
  const second = await tabB.answer(2);

  // Back in tab A, not reloaded: "next" shows question 2 as tab B answered it.
  await pageA.bringToFront();
  await tabA.next();
  assert.equal(await tabA.progress(), "Soal 2 dari 10");
  assert.equal(await tabA.questionId(), second.questionId);
  await tabA.assertFeedbackShown();
  const chosen = pageA.locator(`.option[data-option="${second.optionId}"]`);
  assert.equal(await chosen.getAttribute("aria-pressed"), "true", "tab B's answer is the one shown");
  assert.equal(await pageA.locator(".option:not([disabled])").count(), 0, "no second answer can be given");
  await pageA.getByTestId("changed-elsewhere").waitFor();
  await screenshot(pageA, "63-stale-tab-shows-saved-answer", { fullPage: false });

  // Tab A carries on to the end.
  for (let i = 1; i < 10; i++) {
    if (i > 1) await tabA.answer(i % 4);
    if (i < 9) await tabA.next();
  }
  await pageA.getByTestId("next").click();
  await pageA.getByTestId("result").waitFor();

  // Tab B, now stale at question 2, moves on: the session is over, it shows the result.
  await pageB.bringToFront();
  await pageB.getByTestId("next").click();
  await pageB.getByTestId("result").waitFor();
  await pageB.close();

  await server.start();
  await context.setOffline(false);
  await syncAll(pageA, app);
  const records = await recordsOnServer(server, person.nip, person.password);
  const answers = records.filter((r) => r.kind === "practice_answer");
  const attempts = records.filter((r) => r.kind === "practice_attempt");
  assert.equal(attempts.length, 1);
  const positions = answers.map((r) => r.payload.position).sort((a, b) => a - b);
  assert.deepEqual(positions, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "one answer per position");
  assert.equal(attempts[0].payload.answered, answers.length, "the session counts its answer records");
  const byPosition = Object.fromEntries(answers.map((r) => [r.payload.position, r.payload]));
  assert.equal(byPosition[0].option_id, first.optionId);
  assert.equal(byPosition[1].option_id, second.optionId, "question 2 keeps tab B's answer");
  await context.close();
});

test("a stale questionnaire tab keeps the other tab's answers and finishes once", async () => {
  await server.start();
  const content = await (await fetch(`${server.url}/api/v1/content`)).json();
  const items = content.questionnaires.find((q) => q.id === "komitmen").items;
  const person = { nip: makeNip(), name: "Benediktus Lano", unitQuery: "biro sdm", password: "dua-tab-kuesioner" };
  const { context, page: pageA, app } = await signedUpPhone(env, person);
  await loseSignal(env, context);
  const tabA = new QuestionnaireFlow(pageA);

  await tabA.open("Komitmen Profesi");
  await tabA.begin();
  await tabA.answer(4);

  const pageB = await context.newPage();
  const tabB = new QuestionnaireFlow(pageB);
  await pageB.goto(`${server.url}/kuesioner/komitmen`);
  await pageB.getByTestId("q-progress").waitFor();
  assert.equal(await tabB.itemId(), items[1].id);
  await tabB.answer(5);
  await tabB.answer(2);

  // Tab A, still on item 2, answers it: B's answers stay, A is shown where B is.
  await pageA.bringToFront();
  await tabA.answer(1);
  assert.equal(await tabA.itemId(), items[3].id, "shown where tab B is");
  await pageA.getByTestId("changed-elsewhere").waitFor();
  await pageA.getByRole("button", { name: "Kembali", exact: true }).click();
  await pageA.waitForFunction((id) => document.querySelector(".likert-item")?.dataset.item === id, items[2].id);
  assert.equal(await pageA.locator(".scale-chosen").getAttribute("data-value"), "2", "tab B's answer to item 3");

  // Tab A finishes (skipping the rest); tab B's stale step finds it finished.
  for (let i = 2; i < items.length; i++) await tabA.skip();
  await pageA.getByTestId("q-finish").click();
  await pageA.getByTestId("q-result").waitFor();
  await pageB.bringToFront();
  await pageB.locator('.scale-point[data-value="3"]').click();
  await pageB.getByTestId("changed-elsewhere").filter({ hasText: "sudah diselesaikan" }).waitFor();
  await pageB.close();

  await server.start();
  await context.setOffline(false);
  await syncAll(pageA, app);
  const records = await recordsOnServer(server, person.nip, person.password);
  const responses = records.filter((r) => r.kind === "questionnaire_response");
  assert.equal(responses.length, 1, "finished once");
  assert.deepEqual(responses[0].payload.answers, { [items[0].id]: 4, [items[1].id]: 5 });
  await context.close();
});
