// Nothing moves under a finger: every screen of the app, opened fresh (a new page load, so no
// tap of the person's excuses a shift) on a 4× slower CPU, for an account with history (a
// review card due, a result, a questionnaire, a reflection, a session in progress), keeps its
// cumulative layout shift at or under 0.1 while it loads its data from the phone's store and
// syncs. The other journeys measure the
// screens they pass through too (`lib/layout_shift.mjs`, installed on every phone context).
import assert from "node:assert/strict";
import { test } from "node:test";
import { expectStable } from "../lib/layout_shift.mjs";
import { signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { QuestionnaireFlow, Quiz } from "../pages/app.mjs";

const env = useServerAndBrowser();
const { server } = env;

test("every screen, opened fresh, moves by at most 0.1 (CLS)", async () => {
  const person = { nip: makeNip(), name: "Putu Ayu Lestari", unitQuery: "biro sdm", password: "tidak-bergeser-2026" };
  const { context, page } = await signedUpPhone(env, person);

  // History to show: a finished quiz with wrong answers (a review card on home), a
  // questionnaire result, a reflection, and a session in progress.
  const quiz = new Quiz(page);
  await quiz.start("Loyal");
  for (let i = 0; i < 10; i++) {
    await quiz.answer(i % 4);
    await quiz.next();
  }
  await page.getByTestId("result").waitFor();
  const resultPath = new URL(page.url()).pathname;
  // That session moved to yesterday, and a copy of it the day before: a streak line and a
  // review card due today appear on home, both read from the store after home starts.
  await page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open("resapi");
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction("results", "readwrite");
          const store = tx.objectStore("results");
          const all = store.getAll();
          all.onsuccess = () => {
            const [session] = all.result;
            for (const daysAgo of [1, 2]) {
              const shift = (t) => new Date(Date.parse(t) - daysAgo * 86_400_000).toISOString();
              const id = daysAgo === 1 ? session.id : crypto.randomUUID();
              store.put({ ...session, id, started_at: shift(session.started_at), finished_at: shift(session.finished_at) });
            }
          };
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
  );

  const flow = new QuestionnaireFlow(page);
  await flow.open("Komitmen Profesi");
  await flow.begin();
  while (await page.getByTestId("q-progress").count()) await flow.answer(3);
  await page.getByTestId("q-finish").click();
  await page.getByTestId("q-result").waitFor();
  const questionnaireResultPath = new URL(page.url()).pathname;

  await page.goto(`${server.url}/modul/modul-loyal`);
  await page.getByTestId("module").waitFor();
  await page.getByLabel("Jawaban Anda (hanya Anda yang bisa membacanya)").fill("Saya menjaga nama baik instansi.");
  await page.getByRole("button", { name: "Simpan refleksi" }).click();
  await page.getByText("Refleksi tersimpan.").waitFor();

  // A questionnaire and a quiz left half-way.
  await page.goto(`${server.url}/`);
  await flow.open("Indeks BerAKHLAK Unit Kerja");
  await flow.begin();
  await flow.answer(4);
  const draftPath = new URL(page.url()).pathname;
  await page.goto(`${server.url}/`);
  await quiz.start("Adaptif");
  await quiz.answer(1);

  // A cheap phone: a 4× slower CPU (as in bench/load.mjs), so what loads late loads late.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

  const screens = [
    ["home", "/", async () => {
      await page.getByTestId("review-card").waitFor();
      await page.getByTestId("streak").waitFor();
    }],
    ["practice pick", "/latihan", () => page.getByRole("heading", { level: 1 }).waitFor()],
    ["quiz", "/latihan/sesi", () => page.getByTestId("feedback").waitFor()],
    ["result", resultPath, () => page.getByTestId("score").waitFor()],
    ["history", "/riwayat", () => page.locator(".history-item").first().waitFor()],
    ["questionnaires", "/kuesioner", () => page.locator("li.card").first().waitFor()],
    ["questionnaire item", draftPath, () => page.getByTestId("q-progress").waitFor()],
    ["questionnaire result", questionnaireResultPath, () => page.getByTestId("q-result").waitFor()],
    ["modules", "/modul", () => page.locator("a.choice").first().waitFor()],
    ["module", "/modul/modul-loyal", () => page.getByTestId("module").waitFor()],
    ["progress", "/kemajuan", () => page.getByTestId("progress-page").waitFor()],
    ["settings", "/pengaturan", () => page.getByTestId("show-streak").waitFor()],
  ];
  const measured = [];
  for (const [name, path, ready] of screens) {
    await page.goto(`${server.url}${path}`);
    await ready();
    // Long enough for the store reads, the start-up sync round and a chart to arrive.
    measured.push([name, await expectStable(page, name, { settleMs: 1500 })]);
  }
  console.log(`layout shift per screen, opened fresh: ${measured.map(([n, v]) => `${n} ${v.toFixed(4)}`).join(", ")}`);
  assert.equal(measured.length, screens.length);
  await context.close();
});
