// The live quiz on the phone that has the app: "Gabung kuis" on home takes the code (a
// wrong one is told so) to the join page, which plays as the app's account and keeps each
// answer's record in the app's IndexedDB (outbox and live answers). The phone loses its
// signal before the last question closes; back online, the join page gets the missed
// record on rejoin, the app's next sync sends all of them (the server already has them and
// answers `duplicate`), the server holds each answer once, the history shows the game once
// with its score and answers, and a phone whose data was cleared gets it back on sign-in.
import assert from "node:assert/strict";
import { test } from "node:test";
import { person } from "../lib/agency.mjs";
import { assertAccessible } from "../lib/audit.mjs";
import { phone, screenshot } from "../lib/browser.mjs";
import { appStoreItems, recordsOnServer, rowsInDatabase, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { joinAsGuest, newGame, phase } from "../lib/live.mjs";
import { makeNip } from "../lib/server.mjs";
import { App, historyCount } from "../pages/app.mjs";

const env = useServerAndBrowser();
const { server } = env;
const QUESTIONS = ["akuntabel-001", "akuntabel-002", "akuntabel-003"];

/** Polls `check` (async) until it is true, for up to 20 s. */
async function eventually(check, what) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`not within 20 s: ${what}`);
}

test("a live game played from the app's home becomes the phone's records, synced once, in history and restored", async () => {
  const trainer = await person(server, "bkn-biro-sdm", "Sari Pelatih", "trainer");
  const { game, host } = await newGame(env, trainer, { questions: QUESTIONS });
  const member = { nip: makeNip(), name: "Agus Santoso", unitQuery: "biro sdm", password: "pegawai-2026" };
  const { context, page, app } = await signedUpPhone(env, member);

  // The join page's socket passes through the test, which can take the network away.
  let down = false;
  let current = null;
  await page.routeWebSocket(/\/api\/v1\/live\/join\//, (ws) => {
    if (down) return ws.close({ code: 1011, reason: "no network (test)" });
    const upstream = ws.connectToServer();
    current = { ws, upstream };
    ws.onMessage((m) => upstream.send(m));
    upstream.onMessage((m) => ws.send(m));
  });

  // Home: "Gabung kuis" opens a small form; a wrong code is told so, a typed one with a
  // dash goes to the join page.
  await page.getByRole("button", { name: "Gabung kuis" }).click();
  const code = page.getByLabel("Kode kuis");
  assert.equal(await code.getAttribute("inputmode"), "numeric");
  await code.fill("48291");
  await page.getByRole("button", { name: "Gabung", exact: true }).click();
  await page.getByText("Kode kuis harus 6 angka").waitFor();
  assert.equal(await code.getAttribute("aria-invalid"), "true");
  assert.equal(new URL(page.url()).pathname, "/");
  await assertAccessible(page, "home: join a quiz", { axe: true });
  await screenshot(page, "live-phone-01-home-join-form");
  await code.fill(`${game.code.slice(0, 3)}-${game.code.slice(3)}`);
  await page.getByRole("button", { name: "Gabung", exact: true }).click();
  await page.waitForURL(`**${game.join_path}`);
  await page.getByRole("heading", { name: "Anda sudah bergabung" }).waitFor();
  await page.locator("#screen").getByText(`Halo, ${member.name}`).waitFor();

  // A guest in the room too, so a question closes only when the host says so.
  const guestContext = await phone(env.browser);
  const guest = await guestContext.newPage();
  await joinAsGuest(guest, `${server.url}${game.join_path}`, "Tamu Lima");
  await host.until((v) => v.players.length === 2, "two players");
  await host.command("start");

  /** Question `index`: the phone answers (right or not) and sees it locked in. */
  async function answer(index, right) {
    const v = await host.until((x) => phase(x) === "question" && x.projector.phase.question.index === index, `question ${index + 1}`);
    await page.locator("#screen").getByText(`Soal ${index + 1} dari 3`).waitFor();
    const option = right ? `button.opt[data-id="${v.answer_key}"]` : `button.opt:not([data-id="${v.answer_key}"])`;
    await page.locator(option).first().click();
    await page.locator("#screen").getByText("Jawaban terkirim:").waitFor();
  }

  await answer(0, true);
  await host.command("next");
  await page.locator("#screen").getByText("Benar! +1000 poin").waitFor();
  await host.command("next");
  await host.command("next");
  await answer(1, false);
  await host.command("next");
  await page.locator("#screen").getByText("Belum tepat.").waitFor();
  await host.command("next");
  await host.command("next");

  // Two questions closed: their records are in the app's outbox and live answers already.
  const kept = async (store) => (await appStoreItems(page, store)).filter((r) => r.kind === "live_answer");
  await eventually(async () => (await kept("outbox")).length >= 2, "two records kept");
  assert.equal((await kept("outbox")).length, 2, "the first two answers are in the outbox");
  assert.equal((await kept("live_answers")).length, 2);

  // The last question: answered, then the signal goes before the host closes it, so its
  // record cannot reach the phone now; the game ends meanwhile.
  await answer(2, true);
  down = true;
  await context.setOffline(true);
  current.upstream.close();
  current.ws.close({ code: 1011, reason: "no network (test)" });
  await page.locator("#status", { hasText: "Koneksi terputus" }).waitFor();
  await host.command("next");
  await host.until((v) => phase(v) === "reveal", "question 3 closed");
  await host.command("next");
  await host.command("next");
  await host.until((v) => phase(v) === "podium", "podium");
  await host.command("next");
  await host.until((v) => phase(v) === "ended", "the end");
  assert.equal((await kept("outbox")).length, 2, "offline: the last record has not come");

  // The signal returns: the page rejoins and the `welcome` brings every record again;
  // the missed one is kept, the two it has are not kept twice.
  down = false;
  await context.setOffline(false);
  await page.getByRole("heading", { name: "Kuis selesai" }).waitFor({ timeout: 30_000 });
  await eventually(async () => (await kept("outbox")).length >= 3, "three records kept");
  const outbox = await kept("outbox");
  assert.equal(outbox.length, 3, "all three answers wait in the app's outbox, once each");
  assert.equal((await kept("live_answers")).length, 3);
  const ids = outbox.map((r) => r.id).sort();
  assert.ok(outbox.every((r) => r.account_id === outbox[0].account_id && r.payload.game_id === game.id));
  await screenshot(page, "live-phone-02-join-page-final");

  // The app opens and syncs: the server has them already and answers `duplicate`; the
  // outbox empties.
  const syncAnswers = [];
  page.on("response", async (r) => {
    if (r.url().endsWith("/api/v1/sync") && r.request().method() === "POST") syncAnswers.push(await r.json());
  });
  await app.open(server.url);
  await eventually(async () => (await kept("outbox")).length === 0, "the outbox emptied by the sync");
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  const statuses = syncAnswers.flatMap((a) => a.results).filter((r) => ids.includes(r.id));
  assert.deepEqual(statuses.map((r) => r.status), ["duplicate", "duplicate", "duplicate"]);

  // The server has each answer once.
  const onServer = (await recordsOnServer(server, member.nip, member.password)).filter((r) => r.kind === "live_answer");
  assert.deepEqual(onServer.map((r) => r.id).sort(), ids);
  const [rows, distinct] = rowsInDatabase(server).replace(/[()]/g, "").split(",").map(Number);
  assert.equal(rows, distinct, "no record twice in the server's table");

  // History: the game once, with its score; opened, each answer with the correct one.
  async function seeGame(p, shot) {
    await p.getByRole("link", { name: "Riwayat latihan", exact: true }).click();
    await p.locator(".history-item").first().waitFor({ timeout: 20_000 });
    assert.equal(await historyCount(p), 1, "one entry for the game");
    const item = p.locator(".history-item").first();
    assert.match(await item.textContent(), /Kuis Apel · Akuntabel/);
    assert.match(await item.textContent(), /2 dari 3 benar · 2000 poin/);
    await screenshot(p, `${shot}-history`);
    await item.click();
    const game = p.getByTestId("live-game");
    await game.locator(".review-list li").first().waitFor();
    assert.equal(await game.getAttribute("open"), "", "the game opens in place");
    assert.equal(await game.locator(".review-list li").count(), 3);
    assert.equal(await game.locator(".review-list li.review-wrong").count(), 1);
    await game.locator(".review-wrong").getByText("Jawaban terbaik").waitFor();
    await screenshot(p, `${shot}-game`);
  }
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await seeGame(page, "live-phone-03");
  await assertAccessible(page, "history: a live game", { axe: true });
  await context.close();

  // The app's data cleared (a new browser profile): signing in restores the game.
  const fresh = await phone(env.browser);
  const page2 = await fresh.newPage();
  const app2 = new App(page2);
  await app2.open(server.url);
  await app2.login(member);
  await seeGame(page2, "live-phone-04-restored");
  assert.equal((await appStoreItems(page2, "outbox")).length, 0, "restoring sends nothing back");

  await fresh.close();
  await guestContext.close();
  await host.context.close();
});
