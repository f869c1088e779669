// Personal progress offline: with the server stopped, the progress page draws its charts
// from the phone's own data (Chart.js comes from the service worker's cache, and it is not
// downloaded before this page opens), each with a text alternative; charts without data say


import assert from "node:assert/strict";
import { test } from "node:test";
import { phone, screenshot } from "../lib/browser.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { App, Quiz, QuestionnaireFlow } from "../pages/app.mjs";
import { expectStable } from "../lib/layout_shift.mjs";

const env = useServerAndBrowser();
const { server } = env;

async function practise(page, quiz, scope) {
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await quiz.start(scope);
  for (let i = 0; i < 10; i++) {
    await quiz.answer(i % 3);
    await quiz.next();
  }
  await page.getByTestId("result").waitFor();
}

test("the progress page draws its charts offline, with text alternatives", async () => {
  const context = await phone(env.browser);
  const page = await context.newPage();
  const chartRequests = [];
  const chunkRequests = [];
  page.on("request", (r) => {
    if (r.url().includes("/vendor/chart-")) chartRequests.push(r.url());
    // The progress page's code is in the `occasional` chunk, with the questionnaires'.
    if (/\/split_occasional-[0-9a-f]+\.wasm$/.test(r.url())) chunkRequests.push(r.url());
  });
  const app = new App(page);
  const quiz = new Quiz(page);
  const flow = new QuestionnaireFlow(page);
  await app.open(server.url);
  await app.register({ nip: makeNip(), name: "Dewi Sartika", unitQuery: "biro keuangan", password: "kemajuan-saya" });
  await app.waitOfflineReady();
  assert.deepEqual(chartRequests, [], "Chart.js is not loaded before a chart page opens");

  await practise(page, quiz, "Campuran");
  await practise(page, quiz, "Campuran");
  assert.deepEqual(chunkRequests, [], "the progress page's wasm chunk is not fetched before it (or a questionnaire) opens");
  await flow.open("Komitmen Profesi");
  await flow.begin();
  for (let i = 0; i < 18; i++) await flow.answer(4);
  await page.getByTestId("q-finish").click();
  await page.getByTestId("q-result").waitFor();
  assert.deepEqual(chartRequests, [], "still not loaded: no chart page opened yet");

  await server.stop();
  await context.setOffline(true);
  chunkRequests.length = 0;
  await page.reload();
  await page.getByRole("link", { name: "Kemajuan", exact: true }).click();
  await page.getByTestId("progress-page").waitFor();
  const charts = page.getByTestId("chart");
  await page.waitForFunction(
    () => [...document.querySelectorAll("[data-testid=chart]")].every((f) => ["ready", "empty"].includes(f.dataset.state)),
    null,
    { timeout: 20_000 },
  );
  await expectStable(page, "progress (charts drawn)");
  assert.equal(await charts.count(), 5);
  const states = await charts.evaluateAll((fs) => fs.map((f) => f.dataset.state));
  assert.deepEqual(states, ["ready", "ready", "ready", "empty", "empty"]);

  // Drawn charts have pixels on their canvas, a summary for screen readers and a table.
  for (let i = 0; i < 3; i++) {
    const chart = charts.nth(i);
    const inked = await chart.locator("canvas").evaluate((c) => {
      const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let p = 3; p < data.length; p += 4) if (data[p] > 0) n++;
      return n;
    });
    assert.ok(inked > 500, `chart ${i} has ink on its canvas (${inked} pixels)`);
    const rows = await chart.locator("table tbody tr").count();
    assert.ok(rows >= 2, `chart ${i} has a table`);
  }
  assert.match(await charts.nth(1).locator("canvas").getAttribute("aria-label"), /^Terkuat: .+ Paling perlu dilatih: /);
  assert.equal(await charts.nth(2).locator("tbody tr").count(), 3, "three commitment components");
  // Every item answered 4; two of six per component are reverse-keyed (6 − 4 = 2): 20 / 6.
  assert.match(await charts.nth(2).locator("tbody").textContent(), /Komitmen afektif3,3/);
  assert.equal(
    (await charts.nth(3).getByTestId("chart-empty").textContent()).trim(),
    "Belum ada data: isi kuesionernya lebih dulu.",
  );
  assert.equal(chartRequests.length, 1, "Chart.js loaded once, when the page opened");
  assert.equal(chunkRequests.length, 1, "the page's wasm chunk loaded once (offline: from the cache)");
  await screenshot(page, "30-progress-offline");
  await context.close();
});
