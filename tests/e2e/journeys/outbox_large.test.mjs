// The outbox never gets stuck. 300 reflections of the maximum length (5,000 characters each,
// about 1.5 MB together: more than one request may carry) go up in requests cut by size, and
// reach the server exactly once. Behind a proxy with a smaller body limit, a 413 halves the
// batch until it passes. A record too large for the server whatever the batch waits in
// "Perlu perhatian" with its reason, never sent, never dropped.
//
// A few reflections are written through the module page, as a person would. The rest are
// records of the same shape (copies of one the page made, each with its own id and text) put
// into the phone's outbox by the test: typing 300 long texts would take minutes and test the
// typing, not the sync; the module page's own journal is left as it was.
import assert from "node:assert/strict";
import { test } from "node:test";
import { limitBodies } from "../lib/bad_network.mjs";
import { screenshot } from "../lib/browser.mjs";
import { uuidv7 as uuidV7 } from "../lib/ids.mjs";
import { loseSignal, recordsOnServer, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip, TestServer } from "../lib/server.mjs";

const env = useServerAndBrowser();
const { server } = env;

/** resapi_core::sync: MAX_REFLECTION_CHARS, BATCH_TARGET_BYTES, MAX_RECORD_BYTES. */
const MAX_REFLECTION_CHARS = 5000;
const BATCH_TARGET_BYTES = 768 * 1024;
const MAX_RECORD_BYTES = 24 * 1024;

/** A reflection of exactly the maximum length, different for each `n`. */
function longText(n) {
  const sentence = "Saya belajar melayani dengan tulus, tepat waktu, dan akuntabel. ";
  return `Refleksi ${n}: ${sentence.repeat(100)}`.slice(0, MAX_REFLECTION_CHARS);
}

/** Reads (or, with `add`, first adds records to) an object store of the phone's IndexedDB. */
async function phoneStore(page, name, add = []) {
  return page.evaluate(
    ({ name, add }) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open("resapi");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(name, "readwrite");
          const store = tx.objectStore(name);
          for (const r of add) store.put(r);
          const all = store.getAll();
          tx.oncomplete = () => {
            db.close();
            ok(all.result);
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { name, add },
  );
}

/** Writes `count` reflections on a module page, as a person does. */
async function reflectOnModule(page, count, firstN) {
  await page.getByRole("link", { name: "Modul", exact: true }).first().click();
  await page.locator("a.choice[href^=\"/modul/\"]").first().click();
  await page.getByTestId("module").waitFor();
  const field = page.getByLabel("Jawaban Anda (hanya Anda yang bisa membacanya)");
  for (let i = 0; i < count; i++) {
    await field.fill(longText(firstN + i));
    await page.getByRole("button", { name: "Simpan refleksi" }).click();
    await page.getByText("Refleksi tersimpan.").waitFor();
  }
}

/** Copies of `template` (a reflection the page made): new ids, texts numbered from `firstN`. */
function copies(template, count, firstN) {
  return Array.from({ length: count }, (_, i) => ({
    ...template,
    id: uuidV7(),
    created_at: new Date().toISOString(),
    payload: { ...template.payload, text: longText(firstN + i) },
  }));
}

/** Every POST /api/v1/sync the page makes: its body size and record ids. */
function watchSyncRequests(page) {
  const sent = [];
  page.on("request", (r) => {
    if (r.method() !== "POST" || !r.url().endsWith("/api/v1/sync")) return;
    const body = r.postDataBuffer();
    sent.push({ bytes: body.length, ids: JSON.parse(body.toString("utf8")).records.map((x) => x.id) });
  });
  return sent;
}

function describe(sent) {
  return `${sent.length} requests, records ${JSON.stringify(sent.map((s) => s.ids.length))}, bytes ${JSON.stringify(sent.map((s) => s.bytes))}`;
}

test("300 reflections of the maximum length reach the server once, in requests cut by size", async () => {
  await server.start(); // a no-op unless an earlier test failed with it stopped
  const person = { nip: makeNip(), name: "Maria Goreti", unitQuery: "biro sdm", password: "refleksi-panjang-300" };
  const { context, page, app } = await signedUpPhone(env, person);
  await loseSignal(env, context);

  await reflectOnModule(page, 3, 1);
  const made = (await phoneStore(page, "outbox")).filter((r) => r.kind === "reflection");
  assert.equal(made.length, 3);
  assert.equal(made[0].payload.text.length, MAX_REFLECTION_CHARS);
  await phoneStore(page, "outbox", copies(made[0], 297, 4));
  const waiting = (await phoneStore(page, "outbox")).filter((r) => r.kind === "reflection");
  assert.equal(waiting.length, 300);

  await page.goto(`${server.url}/`); // a fresh start reads the outbox the test wrote to
  await page.getByTestId("pending").filter({ hasText: "300 jawaban menunggu dikirim" }).waitFor();
  const sent = watchSyncRequests(page);
  await server.start();
  await context.setOffline(false);
  await app.syncNow();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 60_000 });
  console.log(`300 reflections of ${MAX_REFLECTION_CHARS} characters: ${describe(sent)}`);

  const total = sent.reduce((n, s) => n + s.bytes, 0);
  assert.ok(total > BATCH_TARGET_BYTES, "more than one request's worth of text");
  assert.ok(sent.length >= 2);
  for (const s of sent) assert.ok(s.bytes <= BATCH_TARGET_BYTES, `a request of ${s.bytes} bytes`);
  const sentIds = sent.flatMap((s) => s.ids);
  assert.equal(sentIds.length, 300, "each record sent once: every request was acknowledged");
  assert.equal(new Set(sentIds).size, 300);

  const onServer = (await recordsOnServer(server, person.nip, person.password)).filter((r) => r.kind === "reflection");
  assert.equal(onServer.length, 300);
  assert.deepEqual(new Set(onServer.map((r) => r.id)), new Set(waiting.map((r) => r.id)));
  assert.deepEqual(await phoneStore(page, "outbox"), []);
  await context.close();
});

test("a 413 from a proxy halves the batch; a record too large to send waits in 'Perlu perhatian'", async () => {
  await server.start(); // a no-op unless an earlier test failed with it stopped
  const person = { nip: makeNip(), name: "Agus Salim", unitQuery: "biro sdm", password: "proksi-kecil-413" };
  const { context, page, app } = await signedUpPhone(env, person);
  await loseSignal(env, context);

  await reflectOnModule(page, 1, 1);
  const [template] = (await phoneStore(page, "outbox")).filter((r) => r.kind === "reflection");
  // Over the byte limit per record (the server would refuse it in any batch); an older app
  // version without today's length check could have saved one.
  const oversized = { ...copies(template, 1, 0)[0], payload: { ...template.payload, text: "😀".repeat(MAX_RECORD_BYTES / 4 + 100) } };
  assert.ok(Buffer.byteLength(JSON.stringify(oversized)) > MAX_RECORD_BYTES);
  await phoneStore(page, "outbox", [...copies(template, 199, 2), oversized]);
  await page.goto(`${server.url}/`); // a fresh start reads the outbox the test wrote to
  await page.getByTestId("pending").filter({ hasText: "201 jawaban menunggu dikirim" }).waitFor();

  // The server runs behind a proxy that takes bodies up to 256 KiB only.
  const limit = 256 * 1024;
  const backend = new TestServer();
  backend.dir = server.dir;
  backend.db = server.db;
  await backend.start();
  const proxy = await limitBodies(server.port, backend.port, limit);
  const sent = watchSyncRequests(page);
  try {
    await context.setOffline(false);
    await app.syncNow();
    await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 60_000 });
  } finally {
    await proxy.close();
    await backend.stop();
  }
  console.log(`behind a ${limit}-byte proxy: ${describe(sent)}; refused with 413: ${JSON.stringify(proxy.refused)}`);
  assert.ok(proxy.refused.length >= 1, "the first batch was too large for the proxy");
  for (const bytes of proxy.passed) assert.ok(bytes <= limit);
  const sentIds = sent.flatMap((s) => s.ids);
  assert.ok(!sentIds.includes(oversized.id), "the oversized record is never sent");

  await server.start();
  const onServer = (await recordsOnServer(server, person.nip, person.password)).filter((r) => r.kind === "reflection");
  assert.equal(onServer.length, 200);
  assert.equal(new Set(onServer.map((r) => r.id)).size, 200);

  // Kept, explained, exportable: never dropped.
  await page.getByRole("link", { name: "1 catatan ditolak server perlu perhatian" }).click();
  const item = page.getByTestId("attention-item");
  await item.waitFor();
  assert.equal(await item.count(), 1);
  assert.equal(await item.getAttribute("data-code"), "record_too_large");
  assert.match(await item.textContent(), /Refleksi modul/);
  assert.match(await item.textContent(), /Catatan terlalu besar \(paling banyak 24576 byte\)/);
  await screenshot(page, "62-record-too-large");
  const kept = await phoneStore(page, "attention");
  assert.equal(kept.length, 1);
  assert.equal(kept[0].record.id, oversized.id);
  assert.equal(kept[0].record.payload.text, oversized.payload.text);
  assert.deepEqual(await phoneStore(page, "outbox"), []);
  await context.close();
});
