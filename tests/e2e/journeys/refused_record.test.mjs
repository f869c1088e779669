// A record the server refuses is never dropped: it leaves the outbox for the "needs
// attention" list, which names it and the reason in the person's language and exports it as
// JSON for the unit admin. The refusal here is a real one: before the phone syncs, another
// record with the same id but other content reaches the server (an id conflict).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { screenshot } from "../lib/browser.mjs";
import { loseSignal, recordsOnServer, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { Quiz } from "../pages/app.mjs";

const env = useServerAndBrowser();
const { server } = env;

/** The phone's unsent records, read straight from its IndexedDB outbox. */
async function outbox(page) {
  return page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open("resapi");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction("outbox").objectStore("outbox").getAll();
          all.onsuccess = () => {
            db.close();
            ok(all.result);
          };
          all.onerror = () => fail(all.error);
        };
      }),
  );
}

/** Sends `record` to the server as the person, from somewhere other than this phone. */
async function sendElsewhere(person, record) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nip: person.nip, password: person.password }),
  });
  const { token } = await login.json();
  const res = await fetch(`${server.url}/api/v1/sync`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ records: [record] }),
  });
  assert.equal(res.status, 200);
  const { results } = await res.json();
  assert.equal(results[0].status, "stored");
}

test("a refused record waits in 'Perlu perhatian', explained and exportable", async () => {
  const person = { nip: makeNip(), name: "Lukas Mandacan", unitQuery: "biro sdm", password: "catatan-ditolak" };
  const { context, page, app } = await signedUpPhone(env, person);
  const quiz = new Quiz(page);

  // Two answers with no signal, then the session is stopped.
  await loseSignal(env, context);
  await quiz.start("Harmonis");
  await quiz.answer(0);
  await quiz.next();
  await quiz.answer(1);
  await quiz.quit();

  const pending = await outbox(page);
  assert.equal(pending.filter((r) => r.kind === "practice_answer").length, 2);
  const victim = pending.find((r) => r.kind === "practice_answer");

  // The same id with other content reaches the server first.
  await server.start();
  const otherOption = ["a", "b", "c", "d"].find((o) => o !== victim.payload.option_id);
  const other = { ...victim, payload: { ...victim.payload, option_id: otherOption } };
  await sendElsewhere(person, other);

  // The phone syncs: the rest is acknowledged, the conflicting record needs attention.
  await context.setOffline(false);
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await app.syncNow();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  const link = page.getByRole("link", { name: "1 catatan ditolak server perlu perhatian" });
  await link.click();
  const item = page.getByTestId("attention-item");
  await item.waitFor();
  assert.equal(await item.count(), 1);
  assert.equal(await item.getAttribute("data-code"), "id_conflict");
  assert.match(await item.textContent(), /Jawaban latihan/);
  assert.match(await item.textContent(), /Id catatan sudah dipakai untuk isi yang berbeda/);
  await screenshot(page, "50-needs-attention");
  assert.deepEqual(await outbox(page), [], "nothing left in the outbox, nothing dropped");

  // Exported as JSON for the unit admin, the record whole.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("attention-export").click()]);
  assert.equal(download.suggestedFilename(), "resapi-perlu-perhatian.json");
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(exported.length, 1);
  assert.equal(exported[0].record.id, victim.id);
  assert.equal(exported[0].record.payload.option_id, victim.payload.option_id);
  assert.equal(exported[0].code, "id_conflict");

  // In English, the reason is English too.
  await page.getByTestId("lang-switch").click();
  assert.match(await item.textContent(), /Practice answer/);
  assert.match(await item.textContent(), /The server already holds a different record under this id/);

  // The server kept its own version once, and everything else from the phone.
  const records = await recordsOnServer(server, person.nip, person.password);
  assert.equal(records.filter((r) => r.id === victim.id).length, 1);
  assert.equal(records.find((r) => r.id === victim.id).payload.option_id, other.payload.option_id);
  assert.equal(records.filter((r) => r.kind === "practice_answer").length, 2);
  assert.equal(records.filter((r) => r.kind === "practice_attempt").length, 1);
  await context.close();
});
