// The live quiz's light join page (/gabung/<code>): a trainer runs a game over the API and
// the host WebSocket (as the console would); a guest phone that has never opened Resapi
// joins with a name and a unit, downloading far less than the 60 KiB budget and no wasm; a
// phone with the app installed and signed in plays as its account (the app's service worker
// serves the join page). Both answer, the guest reloads mid-question and keeps its answer
// and score, and the results and the end screen show each phone's rank.
import assert from "node:assert/strict";
import { test } from "node:test";
import { person } from "../lib/agency.mjs";
import { assertAccessible } from "../lib/audit.mjs";
import { phone, screenshot } from "../lib/browser.mjs";
import { signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { newGame as createGame, fillGuestForm, joinAsGuest, phase } from "../lib/live.mjs";
import { makeNip } from "../lib/server.mjs";

const env = useServerAndBrowser();
const { server } = env;

/** What the join page may download in all, brotli (the budget). */
const BUDGET = 60 * 1024;
const QUESTIONS = ["akuntabel-001", "akuntabel-002"];

/** A game of `QUESTIONS` (or others) made by `trainer`, its presenter's socket open. */
const newGame = (trainer, { guests = true, questions = QUESTIONS } = {}) => createGame(env, trainer, { guests, questions });

test("a guest and a signed-in phone play a live quiz on the light join page", async () => {
  const trainer = await person(server, "bkn-biro-sdm", "Rina Pelatih", "trainer");
  const { game, host } = await newGame(trainer);

  // A phone that has the app, signed in: the worker serves the join page from its cache.
  const member = { nip: makeNip(), name: "Dewi Lestari", unitQuery: "biro sdm", password: "pegawai-2026" };
  const signed = await signedUpPhone(env, member);
  const served = await signed.page.goto(`${server.url}${game.join_path}`);
  assert.ok(served.fromServiceWorker(), "the app's worker answers /gabung/ with the join page");
  await signed.page.getByRole("heading", { name: "Anda sudah bergabung" }).waitFor();
  await signed.page.locator("#screen").getByText(`Halo, ${member.name}`).waitFor();

  // A phone that has never seen Resapi, on a small screen: count every byte it downloads.
  const guestContext = await phone(env.browser, { width: 360, height: 740 });
  const downloads = [];
  guestContext.on("requestfinished", async (r) => {
    const sizes = await r.sizes();
    downloads.push({ url: r.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  });
  const guest = await guestContext.newPage();
  await guest.goto(`${server.url}${game.join_path}`);
  await guest.getByRole("heading", { name: `Gabung kuis ${game.code}` }).waitFor();
  await fillGuestForm(guest, "Tamu Satu");
  await assertAccessible(guest, "join page: guest form", { axe: true });
  await screenshot(guest, "live-join-01-guest-form");
  await guest.getByRole("button", { name: "Gabung", exact: true }).click();
  await guest.getByRole("heading", { name: "Anda sudah bergabung" }).waitFor();
  await guest.locator("#screen").getByText("Halo, Tamu Satu").waitFor();

  // Bytes: Chromium asks for gzip over plain http (brotli only over https), so this is the
  // gzip figure, larger than brotli's: under the budget, it is under it in brotli too.
  const total = downloads.reduce((sum, d) => sum + d.bytes, 0);
  console.log(`join page, a new phone's download: ${total} bytes in ${downloads.length} requests`);
  for (const d of downloads) console.log(`  ${String(d.bytes).padStart(6)} ${new URL(d.url).pathname}`);
  assert.ok(total < BUDGET, `join page downloaded ${total} bytes, over ${BUDGET}`);
  // Far under it: headers included, about 14 KiB in gzip today (the page, its style and
  // script, the code check and the unit list).
  assert.ok(total < 16 * 1024, `join page downloaded ${total} bytes; it should stay light`);
  assert.ok(!downloads.some((d) => /\.wasm$/.test(d.url)), "no wasm on the join page");
  await screenshot(guest, "live-join-02-guest-lobby");

  await host.until((v) => v.players.length === 2, "two players");
  await host.command("start");

  // Question 1: both answer right; the last answer closes it (everyone has answered).
  let view = await host.until((v) => phase(v) === "question" && v.answer_key, "question 1");
  for (const page of [guest, signed.page]) await page.locator("#screen").getByText("Soal 1 dari 2").waitFor();
  await screenshot(signed.page, "live-join-03-signed-in-question");
  await guest.locator(`button.opt[data-id="${view.answer_key}"]`).click();
  await guest.locator("#screen").getByText("Jawaban terkirim:").waitFor();
  await guest.locator("#status", { hasText: "Jawaban terkirim" }).waitFor();
  await assertAccessible(guest, "join page: question", { axe: true });
  await screenshot(guest, "live-join-04-guest-answer-sent");
  await signed.page.locator(`button.opt[data-id="${view.answer_key}"]`).click();
  for (const page of [guest, signed.page]) {
    await page.locator("#screen").getByText("Benar! +1000 poin").waitFor();
  }
  await screenshot(signed.page, "live-join-05-signed-in-reveal");
  await host.command("next");
  await guest.getByRole("heading", { name: "Papan peringkat" }).waitFor();
  await guest.locator("#screen").getByText("Peringkat 1 dari 2").waitFor();
  await host.command("next");

  // Question 2: the guest answers right, reloads before the close and is the same player,
  // with its answer locked in and its score; the signed-in phone answers wrong.
  view = await host.until((v) => phase(v) === "question" && v.projector.phase.question.index === 1, "question 2");
  await guest.locator("#screen").getByText("Soal 2 dari 2").waitFor();
  await guest.locator(`button.opt[data-id="${view.answer_key}"]`).click();
  await guest.locator("#screen").getByText("Jawaban terkirim:").waitFor();
  await guest.reload();
  await guest.locator("#screen").getByText("Soal 2 dari 2").waitFor();
  await guest.locator("#screen").getByText("Jawaban terkirim:").waitFor();
  await guest.locator("#screen").getByText("Skor Anda: 1000 poin").waitFor();
  assert.equal(await guest.locator(`button.opt[data-id="${view.answer_key}"]`).getAttribute("aria-pressed"), "true");
  await screenshot(guest, "live-join-06-guest-after-reload");
  const wrong = await signed.page.locator(`button.opt:not([data-id="${view.answer_key}"])`).first();
  await wrong.click();
  await guest.locator("#screen").getByText("Benar! +1000 poin").waitFor();
  await signed.page.locator("#screen").getByText("Belum tepat.").waitFor();
  await guest.locator("#screen").getByText("Peringkat 1 dari 2").waitFor();
  await signed.page.locator("#screen").getByText("Peringkat 2 dari 2").waitFor();
  assert.equal((await host.until((v) => phase(v) === "reveal", "reveal")).players.length, 2, "the reload made no second player");

  // Leaderboard, podium, end: each phone's final rank, its unit, the value's module.
  await host.command("next");
  await host.command("next");
  await host.until((v) => phase(v) === "podium", "podium");
  await host.command("next");
  await host.until((v) => phase(v) === "ended", "the end");
  for (const [page, rank] of [[guest, "#1"], [signed.page, "#2"]]) {
    await page.getByRole("heading", { name: "Kuis selesai" }).waitFor();
    await page.locator("#screen").getByText("Peringkat akhir Anda").waitFor();
    await page.locator(".big", { hasText: rank }).waitFor();
    await page.locator("#screen").getByText(/Unit Anda .* belum diperingkat/).waitFor();
    assert.equal(await page.getByRole("link", { name: "Pelajari modul nilai ini" }).getAttribute("href"), "/modul/modul-akuntabel");
    await page.getByRole("link", { name: "Buka aplikasi Resapi lengkap" }).waitFor();
  }
  await guest.locator("#screen").getByText("2 dari 2 soal benar").waitFor();
  await screenshot(guest, "live-join-07-guest-final");
  await screenshot(signed.page, "live-join-08-signed-in-final");

  // English on request; the page says the same in English.
  await guest.getByRole("button", { name: "English" }).click();
  await guest.locator("#screen").getByText("Your final rank").waitFor();
  await assertAccessible(guest, "join page: final, English", { axe: true });
  await screenshot(guest, "live-join-09-guest-final-english");

  await host.context.close();
  await guestContext.close();
  await signed.context.close();
});

test("a dropped answer is sent again and counted once; a kicked player, a wrong code and a game without guests are told so", async () => {
  const trainer = await person(server, "bkn-biro-sdm", "Bayu Pelatih", "trainer");
  const { game, host } = await newGame(trainer, { questions: ["akuntabel-003", "akuntabel-001"] });

  // The guest's socket passes through the test, which can cut it right after an answer
  // went out (before its acknowledgement comes back), or swallow an answer and keep the
  // network down until the host has closed the question.
  const context = await phone(env.browser, { width: 360, height: 740 });
  const page = await context.newPage();
  let mode = "pass";
  let sockets = 0;
  await page.routeWebSocket(/\/api\/v1\/live\/join\//, (ws) => {
    sockets += 1;
    if (mode === "down") return ws.close({ code: 1011, reason: "no network (test)" });
    const upstream = ws.connectToServer();
    ws.onMessage((m) => {
      const answer = JSON.parse(m).type === "answer";
      if (answer && mode === "swallow") {
        mode = "down";
        upstream.close();
        return ws.close({ code: 1011, reason: "no network (test)" });
      }
      upstream.send(m);
      if (answer && mode === "cut") {
        mode = "pass";
        upstream.close();
        ws.close({ code: 4000, reason: "cut by the test" });
      }
    });
    upstream.onMessage((m) => ws.send(m));
  });
  await joinAsGuest(page, `${server.url}${game.join_path}`, "Tamu Dua");
  const other = await (await phone(env.browser)).newPage();
  await joinAsGuest(other, `${server.url}${game.join_path}`, "Tamu Tiga");

  // Extra time, asked for in the lobby.
  await page.getByRole("button", { name: "Minta waktu tambahan (+50%)" }).click();
  await page.locator('button[aria-pressed="true"]', { hasText: "Waktu tambahan aktif" }).waitFor();
  await host.until((v) => v.players.some((p) => p.name === "Tamu Dua" && p.extra_time), "extra time for Tamu Dua");

  await host.until((v) => v.players.length === 2, "two players");
  await host.command("start");
  const view = await host.until((v) => phase(v) === "question" && v.answer_key, "the question");
  await page.locator("#screen").getByText("Soal 1 dari 2").waitFor();
  mode = "cut";
  await page.locator(`button.opt[data-id="${view.answer_key}"]`).click();
  // The socket is cut before the ack: the page reconnects by itself, sends the same answer
  // again and shows it locked in; the game holds one answer.
  await page.locator("#screen").getByText("Jawaban terkirim:").waitFor();
  assert.ok(sockets >= 2, `the page reconnected (${sockets} sockets)`);
  await screenshot(page, "live-join-10-guest-rejoined-after-cut");
  const counted = await host.until((v) => v.projector.answered === 1, "one answer");
  assert.equal(counted.players.find((p) => p.name === "Tamu Dua").answered_current, true);

  // The host removes the other guest: a clear message, and no retry.
  const them = counted.players.find((p) => p.name === "Tamu Tiga").player;
  await host.command({ command: "kick", player: them });
  await other.getByRole("heading", { name: "Anda dikeluarkan" }).waitFor();
  await screenshot(other, "live-join-11-kicked");
  assert.equal(await other.evaluate((code) => localStorage.getItem(`resapi-live:${code}`), game.code), null, "the secret is forgotten");

  // Everyone left has answered: the close counts the answer once.
  const now = host.views.at(-1);
  if (phase(now) === "question") await host.command("next");
  await page.locator("#screen").getByText("Benar! +1000 poin").waitFor();
  await page.locator("#screen").getByText(/Skor Anda: 1000 poin/).waitFor();

  // Question 2: the answer never reaches the server and the phone is offline until the
  // host has closed the question; when it is back, the answer is sent again and refused as
  // late, with the server's reason shown, and the score is unchanged.
  await host.command("next");
  await host.command("next");
  const second = await host.until((v) => phase(v) === "question" && v.projector.phase.question.index === 1, "question 2");
  await page.locator("#screen").getByText("Soal 2 dari 2").waitFor();
  mode = "swallow";
  await page.locator(`button.opt[data-id="${second.answer_key}"]`).click();
  await page.locator("#status", { hasText: "Koneksi terputus" }).waitFor();
  await host.command("next");
  await host.until((v) => phase(v) === "reveal", "question 2 closed");
  mode = "pass";
  await page.getByRole("alert").filter({ hasText: "Waktu menjawab soal ini sudah habis." }).waitFor({ timeout: 30_000 });
  await page.locator("#screen").getByText("Anda tidak menjawab soal ini.").waitFor();
  await page.locator("#screen").getByText(/Skor Anda: 1000 poin/).waitFor();
  await screenshot(page, "live-join-12-late-answer-refused");

  await host.command("end");
  await page.getByRole("heading", { name: "Kuis selesai" }).waitFor();

  // A code that runs no game says so and offers another code.
  const unknown = game.code === "111111" ? "222222" : "111111";
  await page.goto(`${server.url}/gabung/${unknown}`);
  await page.getByRole("heading", { name: "Kuis tidak tersedia" }).waitFor();
  await page.getByText("Kuis dengan kode ini tidak sedang berjalan").waitFor();
  await page.getByRole("button", { name: "Coba kode lain" }).click();
  await page.getByLabel("Kode kuis (6 angka)").waitFor();
  await assertAccessible(page, "join page: code form", { axe: true });

  // A game for registered users only, its code typed (with a space) into that form: a
  // guest is turned to the app's sign-in.
  const { game: closed, host: closedHost } = await newGame(trainer, { guests: false });
  await page.getByLabel("Kode kuis (6 angka)").fill(`${closed.code.slice(0, 3)} ${closed.code.slice(3)}`);
  await page.getByRole("button", { name: "Gabung", exact: true }).click();
  await page.getByRole("heading", { name: `Gabung kuis ${closed.code}` }).waitFor();
  assert.equal(new URL(page.url()).pathname, closed.join_path);
  await fillGuestForm(page, "Tamu Empat");
  await page.getByRole("button", { name: "Gabung", exact: true }).click();
  await page.getByRole("heading", { name: "Kuis ini khusus pengguna terdaftar" }).waitFor();
  assert.equal(await page.getByRole("link", { name: "Masuk ke aplikasi" }).getAttribute("href"), "/masuk");
  await screenshot(page, "live-join-13-guests-not-allowed");

  await closedHost.context.close();
  await host.context.close();
  await context.close();
  await other.context().close();
});
