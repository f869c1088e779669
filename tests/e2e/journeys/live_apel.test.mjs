// Kuis Apel from start to end, as a hall sees it: a trainer runs the game from the console's
// presenter screen with the projector in a second tab; three phones play. One has the app
// and types the code from "Gabung kuis" on its home, one has the app and scans the QR code
// (decoded from the projector's image), one is a guest that scans it. The guest reloads
// mid-question and keeps its answer and score; one phone loses its signal for a question
// and its answer, sent when the signal is back, is refused as late; the podium and the unit
// board are right; afterwards each account's answers are in its history and on the server
// once, after the phones synced them too.
import assert from "node:assert/strict";
import { test } from "node:test";
import { person } from "../lib/agency.mjs";
import { axeViolations } from "../lib/audit.mjs";
import { laptop, phone, screenshot } from "../lib/browser.mjs";
import { recordsOnServer, rowsInDatabase, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { joinAsGuest } from "../lib/live.mjs";
import { readQr } from "../lib/qr.mjs";
import { makeNip } from "../lib/server.mjs";
import { ConsolePage } from "../pages/console.mjs";
import { historyCount } from "../pages/app.mjs";

const env = useServerAndBrowser();
const { server } = env;

const UNIT = "bkn-biro-sdm";
const QUESTIONS = ["akuntabel-001", "akuntabel-002", "akuntabel-003"];

/** The projector tab: what the hall reads from the back. */
class Projector {
  constructor(page) {
    this.page = page;
  }
  screen() {
    return this.page.getByTestId("projector");
  }
  async shows(text) {
    await this.screen().getByText(text).first().waitFor();
  }
  async stem() {
    return (await this.page.getByTestId("proj-stem").textContent()).trim();
  }
  /** Screenshots at the two sizes a hall's projector or TV has. */
  async shoot(name) {
    for (const [w, h] of [[1920, 1080], [1280, 720]]) {
      await this.page.setViewportSize({ width: w, height: h });
      await screenshot(this.page, `live-apel-projector-${name}-${h}p`, { fullPage: false });
    }
  }
}

/** A phone playing on the join page. */
class Player {
  constructor(name, context, page) {
    this.name = name;
    this.context = context;
    this.page = page;
  }
  screen() {
    return this.page.locator("#screen");
  }
  async sees(text) {
    await this.screen().getByText(text).first().waitFor();
  }
  async answer(optionId) {
    await this.page.locator(`button.opt[data-id="${optionId}"]`).click();
  }
  async answerOther(optionId) {
    const other = this.page.locator(`button.opt:not([data-id="${optionId}"])`).first();
    const id = await other.getAttribute("data-id");
    await other.click();
    return id;
  }
}

/** The question's correct option: the presenter shows it (and only the presenter). */
async function keyOnPresenter(presenter) {
  const marked = presenter.getByTestId("live-options").locator("li.is-correct");
  await marked.waitFor();
  return marked.getAttribute("data-id");
}

test("a trainer runs Kuis Apel on the projector; three phones join by code and by the QR and play to the podium", async () => {
  const trainer = await person(server, UNIT, "Rina Pelatih", "trainer");

  // The game: three Akuntabel questions, accuracy only, team mode, guests allowed.
  const created = await fetch(`${server.url}/api/v1/live/games`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${trainer.token}` },
    body: JSON.stringify({
      source: { kind: "questions", question_ids: QUESTIONS },
      question_count: QUESTIONS.length,
      seconds_per_question: 10,
      scoring: "accuracy_only",
      team_mode: true,
      guests_allowed: true,
      extra_time_allowed: false,
      max_players: 50,
    }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const game = await created.json();

  // The presenter on the trainer's laptop, the projector in a tab of its own.
  const laptopContext = await laptop(env.browser);
  const consolePage = new ConsolePage(await laptopContext.newPage(), server.url);
  await consolePage.signIn(trainer);
  const presenter = consolePage.page;
  await presenter.goto(`${server.url}/konsol/kuis/${game.id}`);
  await presenter.getByTestId("presenter").waitFor();
  const nav = presenter.getByRole("navigation", { name: "Menu konsol" });
  assert.equal(await nav.getByRole("link", { name: "Kuis Apel" }).getAttribute("aria-current"), "page", "the nav says where the presenter belongs");
  await presenter.getByTestId("live-code").filter({ hasText: game.code }).waitFor();
  // This test's console is at 127.0.0.1: the presenter warns that phones in a hall could not
  // reach that address.
  await presenter.getByTestId("live-loopback").filter({ hasText: "localhost" }).waitFor();
  // The trainer's phone as a remote: the presenter names the address to open on it.
  await presenter.getByTestId("live-remote").filter({ hasText: `${server.url}/konsol/kuis/${game.id}` }).waitFor();
  const [projectorPage] = await Promise.all([
    laptopContext.waitForEvent("page"),
    presenter.getByTestId("open-projector").click(),
  ]);
  const projector = new Projector(projectorPage);
  await projector.screen().waitFor();
  await projectorPage.getByTestId("proj-code").filter({ hasText: game.code.slice(0, 3) }).waitFor();

  // The QR code on the projector, read as a phone's camera reads it.
  const qrUrl = await readQr(projectorPage.getByTestId("proj-qr"));
  assert.equal(qrUrl, `${server.url}/gabung/${game.code}`, "the QR code opens the join page of this game");

  // Phone 1: the app, signed in; "Gabung kuis" on home, the code typed with a space.
  const dewi = { nip: makeNip(), name: "Dewi Lestari", unitQuery: "biro sdm", password: "pegawai-2026" };
  const dewiPhone = await signedUpPhone(env, dewi);
  await dewiPhone.page.getByRole("button", { name: "Gabung kuis" }).click();
  await dewiPhone.page.getByLabel("Kode kuis").fill(`${game.code.slice(0, 3)} ${game.code.slice(3)}`);
  await dewiPhone.page.getByRole("button", { name: "Gabung", exact: true }).click();
  await dewiPhone.page.getByRole("heading", { name: "Anda sudah bergabung" }).waitFor();
  assert.equal(new URL(dewiPhone.page.url()).pathname, `/gabung/${game.code}`);
  const p1 = new Player(dewi.name, dewiPhone.context, dewiPhone.page);

  // Phone 2: the app, signed in, scans the QR. Its socket passes through the test, which can
  // swallow an answer and keep the signal away until the question has closed.
  const budi = { nip: makeNip(), name: "Budi Santoso", unitQuery: "biro sdm", password: "pegawai-2026" };
  const budiPhone = await signedUpPhone(env, budi);
  let signal = "up";
  await budiPhone.page.routeWebSocket(/\/api\/v1\/live\/join\//, (ws) => {
    if (signal === "down") return ws.close({ code: 1011, reason: "no signal (test)" });
    const upstream = ws.connectToServer();
    ws.onMessage((m) => {
      if (signal === "lose-next-answer" && JSON.parse(m).type === "answer") {
        signal = "down";
        upstream.close();
        return ws.close({ code: 1011, reason: "no signal (test)" });
      }
      upstream.send(m);
    });
    upstream.onMessage((m) => ws.send(m));
  });
  await budiPhone.page.goto(qrUrl);
  await budiPhone.page.getByRole("heading", { name: "Anda sudah bergabung" }).waitFor();
  const p2 = new Player(budi.name, budiPhone.context, budiPhone.page);

  // Phone 3: never saw Resapi; a guest from the QR.
  const guestContext = await phone(env.browser, { width: 360, height: 740 });
  const guestPage = await guestContext.newPage();
  await joinAsGuest(guestPage, qrUrl, "Sari Tamu", UNIT);
  const p3 = new Player("Sari Tamu", guestContext, guestPage);

  // The lobby on the projector: three joined, their names.
  await projectorPage.getByTestId("proj-joined").filter({ hasText: "3" }).waitFor();
  for (const name of [dewi.name, budi.name, "Sari Tamu"]) {
    await projectorPage.getByTestId("proj-names").getByText(name).waitFor();
  }
  // The big screen has one control (full screen); axe checks the rest.
  assert.deepEqual(await axeViolations(projectorPage), [], "projector lobby: axe");
  await projector.shoot("01-lobby");
  await screenshot(guestPage, "live-apel-phone-01-lobby");

  // Question 1, started with → on the laptop: everyone answers right.
  await presenter.keyboard.press("ArrowRight");
  await projectorPage.getByTestId("proj-answered").waitFor();
  await projectorPage.getByTestId("timer-seconds").waitFor();
  let key = await keyOnPresenter(presenter);
  for (const p of [p1, p2, p3]) await p.sees("Soal 1 dari 3");
  assert.equal(await projectorPage.locator(".is-correct").count(), 0, "the projector does not show the key before the close");
  await p3.answer(key);
  await projectorPage.getByTestId("proj-answered").filter({ hasText: /^1 / }).waitFor();
  await projector.shoot("02-question");
  await screenshot(guestPage, "live-apel-phone-02-question");
  await p1.answer(key);
  await p2.answer(key);
  // Everyone answered: it closes by itself; the distribution and the correct answer.
  await projectorPage.getByTestId("live-distribution").waitFor();
  await projectorPage.locator(`.dist-row.is-correct[data-id="${key}"]`).getByTestId("dist-count").filter({ hasText: "3" }).waitFor();
  await projectorPage.getByTestId("live-explanation").waitFor();
  await projector.shoot("03-distribution");
  for (const p of [p1, p2, p3]) await p.sees("Benar! +1000 poin");
  await screenshot(guestPage, "live-apel-phone-03-reveal");

  // The leaderboard: three tied at 1,000.
  await presenter.getByRole("button", { name: "Lanjut" }).click();
  await projectorPage.getByTestId("live-leaderboard").waitFor();
  await projector.shoot("04-leaderboard");
  await p3.page.getByRole("heading", { name: "Papan peringkat" }).waitFor();
  await screenshot(guestPage, "live-apel-phone-04-leaderboard");

  // Question 2: the guest answers right and reloads (the same player, its answer and score
  // kept); Dewi answers wrong; Budi's answer leaves as the signal goes, and the signal comes
  // back only after the timer closed the question: sent again, it is refused as late.
  await presenter.keyboard.press("ArrowRight");
  await projectorPage.getByTestId("live-leaderboard").waitFor({ state: "detached" });
  key = await keyOnPresenter(presenter);
  for (const p of [p1, p2, p3]) await p.sees("Soal 2 dari 3");
  await p3.answer(key);
  await p3.sees("Jawaban terkirim:");
  await guestPage.reload();
  await p3.sees("Soal 2 dari 3");
  await p3.sees("Jawaban terkirim:");
  await p3.sees("Skor Anda: 1000 poin");
  assert.equal(await guestPage.locator(`button.opt[data-id="${key}"]`).getAttribute("aria-pressed"), "true");
  await screenshot(guestPage, "live-apel-phone-05-after-reload");
  const dewiWrong = await p1.answerOther(key);
  signal = "lose-next-answer";
  await p2.answer(key);
  await budiPhone.context.setOffline(true);
  await p2.page.locator("#status", { hasText: "Koneksi terputus" }).waitFor();
  // Nobody else closes it: the server's timer does (10 s and the latency allowance).
  await projectorPage.getByTestId("live-distribution").waitFor({ timeout: 30_000 });
  await projectorPage.locator(`.dist-row.is-correct[data-id="${key}"]`).getByTestId("dist-count").filter({ hasText: "1" }).waitFor();
  await projectorPage.locator(`.dist-row[data-id="${dewiWrong}"]`).getByTestId("dist-count").filter({ hasText: "1" }).waitFor();
  signal = "up";
  await budiPhone.context.setOffline(false);
  await p2.page.getByRole("alert").filter({ hasText: "Waktu menjawab soal ini sudah habis." }).waitFor({ timeout: 30_000 });
  await p2.sees("Anda tidak menjawab soal ini.");
  await p2.sees("Skor Anda: 1000 poin");
  await screenshot(p2.page, "live-apel-phone-06-late-answer-refused");
  await p1.sees("Belum tepat.");

  // Question 3: everyone right.
  await presenter.getByRole("button", { name: "Lanjut" }).click();
  await projectorPage.getByTestId("live-leaderboard").waitFor();
  await presenter.keyboard.press("ArrowRight");
  key = await keyOnPresenter(presenter);
  for (const p of [p1, p2, p3]) {
    await p.sees("Soal 3 dari 3");
    await p.answer(key);
  }
  await projectorPage.getByTestId("live-distribution").waitFor();

  // Leaderboard after the last question, then the podium: the guest first with 3,000, Budi
  // and Dewi sharing second with 2,000 (tied rows by name); the unit's mean 7,000 / 3.
  await presenter.keyboard.press("ArrowRight");
  const board = projectorPage.getByTestId("live-leaderboard");
  await board.waitFor();
  const rows = await board.locator("tbody tr").allTextContents();
  assert.equal(rows.length, 3);
  assert.match(rows[0], /^1Sari Tamu.*3000$/);
  assert.match(rows[1], /^2Budi Santoso.*2000$/);
  assert.match(rows[2], /^2Dewi Lestari.*2000$/);
  await projectorPage.getByTestId("live-units").locator(".units-ranked li").filter({ hasText: /rata-rata 2333 · 3 pemain/ }).waitFor();
  await projector.shoot("05-leaderboard-final");
  await presenter.keyboard.press("ArrowRight");
  const podium = projectorPage.getByTestId("live-podium");
  await podium.waitFor();
  const places = await podium.locator("li").allTextContents();
  assert.equal(places.length, 3);
  assert.match(places[0], /^1Sari Tamu.*3000 poin$/, `first place: ${places}`);
  assert.match(places[1], /^2Budi Santoso.*2000 poin$/, `second place: ${places}`);
  assert.match(places[2], /^2Dewi Lestari.*2000 poin$/, `second place too: ${places}`);
  await projectorPage.getByTestId("live-best-unit").filter({ hasText: /rata-rata 2333 · 3 pemain/ }).waitFor();
  assert.deepEqual(await axeViolations(projectorPage), [], "projector podium: axe");
  await projector.shoot("06-podium");
  await presenter.keyboard.press("ArrowRight");

  // Each phone's end: its final rank and its unit's.
  for (const [p, rank] of [[p3, "#1"], [p1, "#2"], [p2, "#2"]]) {
    await p.page.getByRole("heading", { name: "Kuis selesai" }).waitFor();
    await p.page.locator(".big", { hasText: rank }).first().waitFor();
  }
  await screenshot(guestPage, "live-apel-phone-07-final");
  await presenter.getByTestId("results-link").waitFor();
  await screenshot(presenter, "live-apel-presenter-ended");

  // Afterwards: each account's answers on the server once (Dewi 3; Budi 2, his late one
  // refused), and in the app's history once, after the phones synced their own copies.
  for (const [who, p, answered, right, summary] of [
    [dewi, dewiPhone, 3, 2, /2 dari 3 benar · 2000 poin/],
    [budi, budiPhone, 2, 2, /2 dari 2 benar · 2000 poin/],
  ]) {
    await p.app.open(server.url);
    await p.page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
    const live = (await recordsOnServer(server, who.nip, who.password)).filter((r) => r.kind === "live_answer");
    assert.equal(live.length, answered, `${who.name}: live answers on the server`);
    assert.equal(new Set(live.map((r) => r.id)).size, answered);
    assert.equal(live.filter((r) => r.payload.correct).length, right);
    assert.ok(live.every((r) => r.payload.game_id === game.id));
    await p.page.getByRole("link", { name: "Riwayat latihan", exact: true }).click();
    await p.page.locator(".history-item").first().waitFor({ timeout: 20_000 });
    assert.equal(await historyCount(p.page), 1, `${who.name}: the game once in history`);
    const item = p.page.locator(".history-item").first();
    assert.match(await item.textContent(), /Kuis Apel · Akuntabel/);
    assert.match(await item.textContent(), summary);
  }
  await screenshot(dewiPhone.page, "live-apel-phone-08-history");
  const [rowsTotal, rowsDistinct] = rowsInDatabase(server).replace(/[()]/g, "").split(",").map((x) => Number(x.trim()));
  assert.equal(rowsTotal, rowsDistinct, "no record is stored twice");

  await laptopContext.close();
  await dewiPhone.context.close();
  await budiPhone.context.close();
  await guestContext.close();
});
