// A person's data is theirs, on a shared phone and on the server: another account cannot open
// their results by address; "Hapus data saya dari ponsel ini" waits until the server has
// everything and leaves a colleague's data alone; "Unduh data saya", "Keluar dari semua
// perangkat" and "Hapus akun saya" do what they say.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { phone, screenshot } from "../lib/browser.mjs";
import { loseSignal, recordsOnServer, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { App, QuestionnaireFlow, Quiz, historyCount } from "../pages/app.mjs";

const env = useServerAndBrowser();
const { server } = env;

/** Per store of the phone's IndexedDB, how many items each account has. */
async function phoneData(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open("resapi");
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = (store) =>
      new Promise((ok, fail) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const out = {};
    for (const store of ["outbox", "results", "responses", "journal", "attention", "quiz"]) {
      for (const item of await all(store)) {
        const key = `${item.account_id}/${store}`;
        out[key] = (out[key] || 0) + 1;
      }
    }
    const session = (await all("meta")).find((v) => v && v.token);
    db.close();
    return { counts: out, session: session ? { id: session.account.id, token: session.token } : null };
  });
}

function countsOf(data, accountId) {
  return Object.fromEntries(
    Object.entries(data.counts)
      .filter(([k]) => k.startsWith(`${accountId}/`))
      .map(([k, v]) => [k.split("/")[1], v]),
  );
}

async function practiseThree(page) {
  const quiz = new Quiz(page);
  await quiz.start("Campuran");
  for (let i = 0; i < 3; i++) {
    await quiz.answer(0);
    if (i < 2) await quiz.next();
  }
  await quiz.quit();
}

async function openSettings(page) {
  await page.getByRole("link", { name: "Pengaturan" }).click();
  await page.getByRole("heading", { name: "Pengaturan", level: 1 }).waitFor();
}

test("results opened by address from someone else's history show nothing of theirs", async () => {
  const ani = { nip: makeNip(), name: "Ani Saragih", unitQuery: "biro sdm", password: "sandi-ani-123" };
  const budi = { nip: makeNip(), name: "Budi Hartono", unitQuery: "kanreg", password: "sandi-budi-123" };
  const { context, page, app } = await signedUpPhone(env, ani);

  await practiseThree(page);
  const score = (await page.getByTestId("score").textContent()).trim();
  // Ani's addresses, as her history lists them.
  await page.goto(`${server.url}/riwayat`);
  const resultUrl = `${server.url}${await page.locator(".history-item").first().getAttribute("href")}`;

  const flow = new QuestionnaireFlow(page);
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await flow.open("Komitmen Profesi");
  await flow.begin();
  while (await page.locator(".likert-item").count()) await flow.answer(5);
  await page.getByTestId("q-finish").click();
  await page.getByTestId("q-result").waitFor();
  const answersText = (await page.getByTestId("q-result").textContent()).trim();
  await page.getByRole("link", { name: "Kuesioner", exact: true }).first().click();
  const seeResult = page.locator('a[href^="/kuesioner/hasil/"]').first();
  const qResultUrl = `${server.url}${await seeResult.getAttribute("href")}`;
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  await app.logout();

  // Budi on the same phone opens Ani's addresses: "not found", nothing of Ani's.
  await app.register(budi);
  for (const url of [resultUrl, qResultUrl]) {
    await page.goto(url);
    await page.getByRole("heading", { name: "Halaman tidak ditemukan", level: 1 }).waitFor();
    const text = await page.locator("main").textContent();
    assert.equal(await page.getByTestId("score").count(), 0, url);
    assert.equal(await page.getByTestId("q-result").count(), 0, url);
    assert.ok(!text.includes(score), `Ani's score ${score} is not shown at ${url}`);
    assert.ok(!text.includes(answersText.slice(0, 40)), `Ani's questionnaire result is not shown at ${url}`);
  }
  await screenshot(page, "60-someone-elses-result-not-found");

  // Ani herself still opens them.
  await app.logout();
  await app.login(ani);
  await page.goto(resultUrl);
  await page.getByTestId("score").filter({ hasText: score }).waitFor();
  await page.goto(qResultUrl);
  await page.getByTestId("q-result").waitFor();
  await context.close();
});

test("removing my data from the phone waits for the server and leaves a colleague's data", async () => {
  const citra = { nip: makeNip(), name: "Citra Wulandari", unitQuery: "biro sdm", password: "sandi-citra-1" };
  const dedi = { nip: makeNip(), name: "Dedi Kurniawan", unitQuery: "kanreg", password: "sandi-dedi-12" };
  const { context, page, app } = await signedUpPhone(env, citra);
  await practiseThree(page);
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  const citraId = (await phoneData(page)).session.id;
  await app.logout();

  // Dedi practises with no signal, then wants his data off the phone.
  await app.register(dedi);
  const dediId = (await phoneData(page)).session.id;
  await loseSignal(env, context);
  await practiseThree(page);
  await page.getByTestId("logout").click();
  const erase = page.getByTestId("erase-local");
  await erase.filter({ hasText: "(4 catatan belum terkirim)" }).waitFor();
  await erase.click();
  const refusal = page.getByTestId("erase-local-refused");
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /^4 catatan belum diterima server, jadi tidak ada yang dihapus\./);
  await screenshot(page, "61-erase-refused-while-waiting", { fullPage: false });
  const waiting = countsOf(await phoneData(page), dediId);
  assert.deepEqual(waiting, { outbox: 4, results: 1 }, "nothing was removed");

  // The signal is back, the server a moment later: the app's own round on reconnecting
  // (within half a second) fails, and its next try is 5 s away, so it is the dialog's button
  // that sends the records; then the erase button removes everything of Dedi's. (With the
  // server up first, the app's own round could empty the outbox and take the button away.)
  await context.setOffline(false);
  await page.waitForTimeout(1_500);
  await server.start();
  await page.getByTestId("erase-local-sync").click();
  await erase.filter({ hasNotText: "belum terkirim" }).waitFor({ timeout: 20_000 });
  assert.equal((await recordsOnServer(server, dedi.nip, dedi.password)).length, 4);
  const before = countsOf(await phoneData(page), citraId);
  await erase.click();
  await page.getByTestId("privacy-done").filter({ hasText: "Data Anda sudah dihapus dari ponsel ini." }).waitFor();
  await screenshot(page, "62-erased-from-this-phone");

  const after = await phoneData(page);
  assert.deepEqual(countsOf(after, dediId), {}, "nothing of Dedi's is left on the phone");
  assert.equal(after.session, null, "and he is logged out");
  assert.deepEqual(countsOf(after, citraId), before, "Citra's data is untouched");
  assert.deepEqual(before, { results: 1 });
  // Citra still sees her history.
  await app.open(server.url);
  await app.login(citra);
  await page.getByRole("link", { name: "Riwayat latihan", exact: true }).click();
  await page.locator(".history-item").first().waitFor();
  assert.equal(await historyCount(page), 1);
  await context.close();
});

test("download my data, log out of every device, and delete my account", async () => {
  const eka = { nip: makeNip(), name: "Eka Pratiwi", unitQuery: "biro sdm", password: "sandi-eka-123" };
  const { context, page, app } = await signedUpPhone(env, eka);
  await practiseThree(page);
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });

  // A second device of Eka's.
  const laptop = await phone(env.browser);
  const laptopPage = await laptop.newPage();
  const laptopApp = new App(laptopPage);
  await laptopApp.open(server.url);
  await laptopApp.login(eka);
  const laptopToken = (await phoneData(laptopPage)).session.token;

  await openSettings(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-my-data").click()]);
  const digits = eka.nip.replaceAll(" ", "");
  assert.match(download.suggestedFilename(), new RegExp(`^resapi-data-${digits}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(exported.account.nip, digits);
  assert.equal(exported.account.name, eka.name);
  assert.equal(exported.sessions.length, 2);
  const onServer = await recordsOnServer(server, eka.nip, eka.password);
  assert.deepEqual(exported.records.map((r) => r.id).sort(), onServer.map((r) => r.id).sort());
  assert.equal(exported.records.length, 4);
  await page.getByTestId("server-data-status").filter({ hasText: "Berkas data Anda sudah diunduh." }).waitFor();
  await screenshot(page, "63-settings-my-data");

  await page.getByTestId("logout-all").click();
  await page.getByTestId("logout-all-confirm").click();
  await page.getByTestId("privacy-done").filter({ hasText: "Anda sudah keluar dari semua perangkat." }).waitFor();
  const r = await fetch(`${server.url}/api/v1/me/records`, { headers: { authorization: `Bearer ${laptopToken}` } });
  assert.equal(r.status, 401, "the laptop's session ended too");
  await laptop.close();

  // Deleting the account: the password is asked again; a wrong one deletes nothing.
  await app.open(server.url);
  await app.login(eka);
  await openSettings(page);
  await page.getByTestId("erase-account").click();
  await page.getByTestId("erase-account-error").filter({ hasText: "Ketik kata sandi Anda dulu" }).waitFor();
  await page.getByLabel("Kata sandi Anda (untuk memastikan)").fill("bukan-sandinya");
  await page.getByTestId("erase-account").click();
  await page.getByTestId("erase-account-error").filter({ hasText: "kata sandi salah" }).waitFor();
  assert.equal((await recordsOnServer(server, eka.nip, eka.password)).length, 4);
  await page.getByLabel("Kata sandi Anda (untuk memastikan)").fill(eka.password);
  await page.getByTestId("erase-account").click();
  await page.getByTestId("privacy-done").filter({ hasText: "Akun Anda dan semua datanya sudah dihapus." }).waitFor();
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nip: eka.nip, password: eka.password }),
  });
  assert.equal(login.status, 401, "the account is gone from the server");
  const left = await phoneData(page);
  assert.deepEqual(left.counts, {}, "and from the phone");
  assert.equal(left.session, null);
  await context.close();
});
