// The commitment questionnaire, filled in with no signal and a reload half-way: it resumes at
// the same item, the result is computed on the phone (normative commitment weakest, pointing
// to its module), and once the signal is back the server holds the response exactly once.
import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot } from "../lib/browser.mjs";
import { loseSignal, recordsOnServer, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { QuestionnaireFlow } from "../pages/app.mjs";
import { expectStable } from "../lib/layout_shift.mjs";

const env = useServerAndBrowser();
const { server } = env;

// Per component the answer that scores as this mean (reverse-keyed items get 6 − v).
const target = { afektif: 4, kontinuan: 3, normatif: 2 };

test("the commitment questionnaire works offline and reaches the server once", async () => {
  const content = await (await fetch(`${server.url}/api/v1/content`)).json();
  const komitmen = content.questionnaires.find((q) => q.id === "komitmen");
  const mapped = content.mappings.find((m) => m.target === "komitmen:normatif").modules[0];
  const moduleTitle = content.modules.find((m) => m.id === mapped).title.id;

  const person = { nip: makeNip(), name: "Rina Marpaung", unitQuery: "kanreg medan", password: "komitmen-2026" };
  const { context, page, app } = await signedUpPhone(env, person);
  const flow = new QuestionnaireFlow(page);

  await loseSignal(env, context);

  await flow.open("Komitmen Profesi");
  await page.getByRole("heading", { name: "Siapa melihat apa" }).waitFor();
  await expectStable(page, "questionnaire intro");
  await flow.begin();
  const items = komitmen.items;
  for (let i = 0; i < items.length; i++) {
    assert.equal(await flow.progress(), `${i + 1} / ${items.length}`);
    const item = items[i];
    assert.equal(await flow.itemId(), item.id);
    if (i === 0) {
      await flow.skip(); // one afektif item left out: 5 of 6 is still enough to score
      continue;
    }
    const v = target[item.component];
    await flow.answer(item.reverse ? 6 - v : v);
    if (i === 8) {
      await page.reload();
      await page.getByTestId("q-progress").waitFor();
      assert.equal(await flow.progress(), `10 / ${items.length}`, "resumes at the next item after a reload");
      await expectStable(page, "questionnaire item (reloaded offline)");
      await screenshot(page, "20-questionnaire-resumed-offline");
    }
  }
  assert.equal((await page.getByTestId("q-answered").textContent()).trim(), `17 dari ${items.length} butir dijawab`);
  await page.getByTestId("q-finish").click();
  await page.getByTestId("q-result").waitFor();
  const row = async (c) => (await page.locator(`[data-component=${c}] .num`).textContent()).trim();
  assert.equal(await row("afektif"), "4,0 dari 5");
  assert.equal(await row("kontinuan"), "3,0 dari 5");
  assert.equal(await row("normatif"), "2,0 dari 5");
  await page.getByTestId("read-next").getByRole("link", { name: moduleTitle }).waitFor();
  await expectStable(page, "questionnaire result");
  await screenshot(page, "21-questionnaire-result-offline");

  // The weak result points to its module: read it, reflect, and take on a 7-day action.
  await page.getByTestId("read-next").getByRole("link", { name: moduleTitle }).click();
  await page.getByTestId("module").waitFor();
  assert.match(await page.getByTestId("module").textContent(), /Ilustrasi — kisah rekaan/);
  await expectStable(page, "module");
  await page.getByLabel("Jawaban Anda (hanya Anda yang bisa membacanya)").fill("Saya ingin bekerja karena makna, bukan karena diawasi.");
  await page.getByRole("button", { name: "Simpan refleksi" }).click();
  await page.getByText("Refleksi tersimpan.").waitFor();
  await page.locator(".action-option input").first().check();
  await page.getByTestId("commit").click();
  assert.match(await page.getByTestId("commit-message").textContent(), /^Komitmen tersimpan\. Pada \d{4}-\d{2}-\d{2}/);
  await screenshot(page, "22-module-commitment-offline");

  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await server.start();
  await context.setOffline(false);
  await app.syncNow();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });

  const records = await recordsOnServer(server, person.nip, person.password);
  const responses = records.filter((r) => r.kind === "questionnaire_response");
  assert.equal(responses.length, 1, "the questionnaire reached the server exactly once");
  assert.equal(Object.keys(responses[0].payload.answers).length, 17);
  assert.equal(responses[0].payload.questionnaire_id, "komitmen");
  assert.equal(records.filter((r) => r.kind === "reflection").length, 1);
  const commitments = records.filter((r) => r.kind === "commitment");
  assert.equal(commitments.length, 1);
  assert.equal(commitments[0].payload.module_id, mapped);

  // Filled in again with the same answer to every statement: the result is still shown, with
  // a gentle note that it is not counted in the unit's picture.
  await flow.open("Komitmen Profesi");
  await flow.begin();
  for (let i = 0; i < items.length; i++) await flow.answer(4);
  await page.getByTestId("q-finish").click();
  await page.getByTestId("q-result").waitFor();
  assert.match(
    await page.getByTestId("careless-note").textContent(),
    /pilihan yang sama\. Hasil ini tetap tersimpan untuk Anda, tetapi tidak ikut dihitung dalam gambaran unit/,
  );
  // Four normal items at 4 and two reverse-keyed ones scored 6 − 4 = 2: (16 + 4) / 6.
  assert.equal(await row("afektif"), "3,3 dari 5", "the person still sees their result");
  await context.close();
});
