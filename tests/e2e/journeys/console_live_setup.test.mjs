// Kuis Apel in the console, before and after a game. A trainer opens "Kuis Apel" (empty
// states say what to do), makes a quiz by value with the form (seconds 5 is refused in
// words beside the field, 20 is taken), saves it as a quiz set, renames it, runs it and
// lands on the presenter's address. Two guests play two questions over the sockets and the
// game is ended from the presenter's socket; the game is in the history, its results show
// the ranking and the accuracy per question as the API reports them, and "Unduh CSV"
// downloads the same rows. The quiz set is deleted; the game stays in the history.
import assert from "node:assert/strict";
import { test } from "node:test";
import { apiGet, person } from "../lib/agency.mjs";
import { assertAccessible } from "../lib/audit.mjs";
import { laptop, screenshot } from "../lib/browser.mjs";
import { parseCsv } from "../lib/csv.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { ConsolePage } from "../pages/console.mjs";

const env = useServerAndBrowser();
const { server } = env;

const VALUE = "akuntabel";
const UNIT_A = "bkn-biro-sdm";
const UNIT_B = "bkn-biro-keuangan";

/** A presenter's socket and two guests' sockets, in a page of their own (this Node has no
 * WebSocket of its own): the messages each receives are kept in the page. */
async function playground(browser) {
  const context = await laptop(browser);
  const page = await context.newPage();
  await page.goto(`${server.url}/api/v1/health`);
  await page.evaluate(() => {
    window.__sockets = {};
    window.__seen = {};
    window.__open = (name, path) =>
      new Promise((ok, fail) => {
        const ws = new WebSocket(`${location.origin.replace("http", "ws")}${path}`);
        window.__sockets[name] = ws;
        window.__seen[name] = [];
        ws.onmessage = (e) => window.__seen[name].push(JSON.parse(e.data));
        ws.onopen = () => ok();
        ws.onerror = () => fail(new Error(`socket ${name} did not open`));
      });
    window.__send = (name, msg) => window.__sockets[name].send(JSON.stringify(msg));
  });
  const open = (name, path) => page.evaluate(([n, p]) => window.__open(n, p), [name, path]);
  const send = (name, msg) => page.evaluate(([n, m]) => window.__send(n, m), [name, msg]);
  /** The newest message `name` received for which `pred` holds (waits for one). */
  const until = async (name, pred, what) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const seen = await page.evaluate((n) => window.__seen[n], name);
      const hit = [...seen].reverse().find(pred);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`${name}: no message with ${what}; got ${JSON.stringify(seen.map((m) => m.type))}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { context, open, send, until };
}

const phase = (msg) => msg.type === "host" && msg.view.projector.phase.phase;

test("a trainer makes, saves, edits, runs and deletes a quiz set and reads a game's results", async () => {
  const trainer = await person(server, UNIT_A, "Bagus Pratama", "trainer");
  const content = await (await fetch(`${server.url}/api/v1/content`)).json();
  const ready = content.questions.filter((q) => q.value === VALUE && q.projector).length;
  const units = await (await fetch(`${server.url}/api/v1/units`)).json();
  const unitName = (id) => units.find((u) => u.id === id).name;

  const context = await laptop(env.browser);
  const page = await context.newPage();
  const konsol = new ConsolePage(page, server.url);
  await konsol.signIn(trainer);
  assert.deepEqual(await konsol.navScreens(), ["Beranda", "Kuis Apel"]);
  await konsol.goTo("Kuis Apel");
  await page.getByTestId("live-sets-empty").filter({ hasText: "Belum ada set kuis" }).waitFor();
  await page.getByTestId("live-history-empty").filter({ hasText: "Belum ada kuis yang dijalankan" }).waitFor();
  await assertAccessible(page, "Kuis Apel: empty", { axe: true });
  await screenshot(page, "console-live-01-empty");

  // The form: a value, its projector-ready count, and seconds 5 refused beside the field.
  await page.getByRole("link", { name: "Buat kuis baru" }).click();
  await page.getByRole("heading", { level: 1, name: "Kuis baru" }).waitFor();
  await page.getByLabel("Nilai BerAKHLAK").selectOption(VALUE);
  await page.getByTestId("live-available").filter({ hasText: `Tersedia ${ready} soal siap proyektor untuk sumber ini.` }).waitFor();
  // Chosen questions: projector-ready ones first (each with its badge), all on request,
  // ticked in the order they will be asked.
  await page.getByLabel("Soal pilihan").check();
  const only = page.getByLabel("Hanya yang siap proyektor");
  assert.ok(await only.isChecked(), "projector-ready only by default");
  const picks = page.getByTestId("live-pick");
  const allReady = content.questions.filter((q) => q.projector);
  await picks.nth(allReady.length - 1).waitFor();
  assert.equal(await picks.count(), allReady.length);
  assert.equal(await page.getByTestId("live-projector-badge").count(), allReady.length);
  await only.uncheck();
  // At most 200 at once; the rest by searching.
  const listed = Math.min(200, content.questions.length);
  await picks.nth(listed - 1).waitFor();
  assert.equal(await picks.count(), listed);
  if (listed < content.questions.length) {
    await page.getByTestId("live-picker-more").filter({ hasText: `Menampilkan 200 dari ${content.questions.length} soal` }).waitFor();
  }
  const [first, second] = allReady.filter((q) => q.value === VALUE).slice(0, 2);
  await page.getByLabel("Cari soal").fill(first.stem.id.slice(0, 30));
  await picks.getByLabel(first.stem.id).check();
  await page.getByLabel("Cari soal").fill("");
  await picks.getByLabel(second.stem.id).check();
  await picks.getByLabel(first.stem.id).uncheck();
  await picks.getByLabel(first.stem.id).check();
  assert.deepEqual(
    (await page.getByTestId("live-chosen").allTextContents()).map((t) => t.replace(/\s*Lepas$/, "").trim()),
    [second.stem.id, first.stem.id],
  );
  await assertAccessible(page, "Kuis Apel: chosen questions", { axe: true });
  await screenshot(page, "console-live-02-chosen-questions");
  await page.getByLabel("Nilai", { exact: true }).check();
  await page.getByLabel("Jumlah soal (1–50)").fill("2");
  const seconds = page.getByLabel("Detik per soal");
  await seconds.fill("5");
  await page.getByLabel("Poin kecepatan").check();
  await page.getByRole("button", { name: "Mulai sekarang" }).click();
  const error = page.locator("#live-seconds-error");
  await error.filter({ hasText: "Waktu per soal harus 10 sampai 90 detik (sekarang 5)." }).waitFor();
  assert.equal(await seconds.getAttribute("aria-describedby"), "live-seconds-error");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "live-seconds", "the focus is on the field to fix");
  assert.deepEqual((await apiGet(server, trainer.token, "/live/games")).body, [], "nothing was sent");
  await assertAccessible(page, "Kuis Apel: form with a refusal", { axe: true });
  await screenshot(page, "console-live-03-form-refusal");
  await seconds.fill("20");

  // Saving needs a name; then the set is listed with its settings in words.
  await page.getByRole("button", { name: "Simpan set kuis" }).click();
  await page.locator("#live-name-error").filter({ hasText: "Beri nama set kuis untuk menyimpannya." }).waitFor();
  assert.equal(await error.count(), 0, "the seconds are fine now");
  await page.getByLabel("Nama set kuis").fill("Apel Senin");
  await page.getByRole("button", { name: "Simpan set kuis" }).click();
  await page.getByRole("heading", { level: 1, name: "Kuis Apel" }).waitFor();
  const row = page.getByTestId("live-set");
  await row.getByTestId("live-set-name").filter({ hasText: "Apel Senin" }).waitFor();
  const valueName = content.values.find((v) => v.id === VALUE).name.id;
  // The value's name once the question bank is in (its id until then).
  await row.locator("td").nth(1).filter({ hasText: `Nilai: ${valueName}` }).waitFor();
  assert.deepEqual(
    (await row.locator("td").allTextContents()).slice(0, 4),
    ["Apel Senin", `Nilai: ${valueName}`, "2 soal × 20 detik", "Poin kecepatan"],
  );
  let sets = (await apiGet(server, trainer.token, "/live/quiz-sets")).body;
  assert.equal(sets.length, 1);
  assert.deepEqual(sets[0].config.source, { kind: "value", value_id: VALUE });
  assert.equal(sets[0].config.seconds_per_question, 20);
  assert.equal(sets[0].config.scoring, "speed_points");

  // Renamed through the same form, filled from the saved set.
  await row.getByRole("link", { name: /Ubah/ }).click();
  await page.getByRole("heading", { level: 1, name: "Ubah set kuis" }).waitFor();
  const name = page.getByLabel("Nama set kuis");
  await page.waitForFunction(() => document.getElementById("live-name")?.value === "Apel Senin");
  assert.equal(await page.getByLabel("Detik per soal").inputValue(), "20");
  assert.ok(await page.getByLabel("Poin kecepatan").isChecked());
  await name.fill("Apel Senin pagi");
  await screenshot(page, "console-live-04-edit");
  await page.getByRole("button", { name: "Simpan set kuis" }).click();
  await page.getByRole("heading", { level: 1, name: "Kuis Apel" }).waitFor();
  await row.getByTestId("live-set-name").filter({ hasText: "Apel Senin pagi" }).waitFor();
  sets = (await apiGet(server, trainer.token, "/live/quiz-sets")).body;
  assert.deepEqual(sets.map((s) => s.name), ["Apel Senin pagi"]);
  await assertAccessible(page, "Kuis Apel: a saved set", { axe: true });
  await screenshot(page, "console-live-05-saved-set");

  // Run: a game from the set, and the presenter's address.
  await row.getByRole("button", { name: /Jalankan/ }).click();
  await page.waitForURL(/\/konsol\/kuis\/[0-9a-f-]{36}$/);
  const gameId = new URL(page.url()).pathname.split("/").at(-1);
  const detail = (await apiGet(server, trainer.token, `/live/games/${gameId}`)).body;
  assert.equal(detail.quiz_set_id, sets[0].id);
  assert.equal(detail.running, true);

  // A running game's results say so and lead to its presenter.
  await page.goto(`${server.url}/konsol/kuis/${gameId}/hasil`);
  await page.getByTestId("live-still-running").waitFor();
  assert.equal(await page.getByTestId("live-still-running").getByRole("link").getAttribute("href"), `/konsol/kuis/${gameId}`);
  await page.getByTestId("live-no-report").waitFor();

  // Two guests play the first question: one right, one wrong; the presenter ends the game.
  const play = await playground(env.browser);
  await play.open("host", `/api/v1/live/games/${gameId}/ws?token=${encodeURIComponent(trainer.token)}`);
  await play.open("ani", `/api/v1/live/join/${detail.code}/ws`);
  await play.open("budi", `/api/v1/live/join/${detail.code}/ws`);
  await play.send("ani", { type: "join", name: "Ani Lestari", unit_id: UNIT_A });
  await play.send("budi", { type: "join", name: "Budi Santoso", unit_id: UNIT_B });
  for (const who of ["ani", "budi"]) await play.until(who, (m) => m.type === "welcome", "welcome");
  await play.until("host", (m) => m.type === "host" && m.view.players.length === 2, "two players");
  await play.send("host", { type: "host", command: "start" });
  const asked = [];
  for (const index of [0, 1]) {
    const open = await play.until("host", (m) => phase(m) === "question" && m.view.projector.phase.question.index === index, `question ${index + 1}`);
    const question = open.view.projector.phase.question;
    const key = open.view.answer_key;
    // Question 1: Ani right, Budi wrong; question 2: both right.
    const budi = index === 0 ? question.options.find((o) => o.id !== key).id : key;
    await play.send("ani", { type: "answer", answer_id: crypto.randomUUID(), question: index, option_id: key });
    await play.send("budi", { type: "answer", answer_id: crypto.randomUUID(), question: index, option_id: budi });
    await play.until("host", (m) => phase(m) === "reveal" && m.view.projector.phase.reveal.index === index, `the close of question ${index + 1}`);
    asked.push(question.question_id);
    if (index === 0) {
      await play.send("host", { type: "host", command: "next" });
      await play.send("host", { type: "host", command: "next" });
    }
  }
  await play.send("host", { type: "host", command: "end" });
  await play.until("host", (m) => phase(m) === "ended", "the end");
  await play.context.close();
  for (let i = 0; !(await apiGet(server, trainer.token, `/live/games/${gameId}`)).body.ended_at; i++) {
    assert.ok(i < 100, "the game's end is stored");
    await new Promise((r) => setTimeout(r, 100));
  }

  // The history: ended, with its code and players, leading to the results.
  await page.goto(`${server.url}/konsol/kuis`);
  const game = page.getByTestId("live-game");
  await game.filter({ hasText: "Selesai" }).waitFor();
  assert.equal(await game.getAttribute("data-running"), "false");
  assert.equal(await game.getByTestId("live-game-code").textContent(), detail.code);
  assert.match(await game.locator("td").first().textContent(), /^\d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB$/);
  assert.equal((await game.locator("td").nth(3).textContent()).trim(), "2");
  await screenshot(page, "console-live-06-history");
  await game.getByRole("link", { name: "Lihat hasil" }).click();
  await page.getByRole("heading", { level: 1, name: "Hasil kuis" }).waitFor();

  // The results as the API reports them.
  const report = (await apiGet(server, trainer.token, `/live/games/${gameId}`)).body.report;
  assert.equal(report.leaderboard.length, 2);
  assert.equal(report.leaderboard[0].name, "Ani Lestari");
  assert.deepEqual(report.leaderboard.map((r) => r.correct), [2, 1]);
  assert.ok(report.leaderboard[0].points > report.leaderboard[1].points);
  const rankRows = page.getByTestId("live-rank-row");
  await rankRows.first().waitFor();
  const shown = [];
  for (const r of await rankRows.all()) shown.push((await r.locator("td, th").allTextContents()).map((c) => c.trim()));
  const expected = report.leaderboard.map((r) => [String(r.rank), r.name, r.unit_name, String(r.points), String(r.correct)]);
  assert.deepEqual(shown, expected);
  assert.deepEqual(expected.map((r) => r[2]), [unitName(UNIT_A), unitName(UNIT_B)]);
  // A bar and the share in words per question, its stem, and the hardest marked in words.
  const accuracy = page.getByTestId("live-question-accuracy");
  assert.equal(await accuracy.count(), 2);
  const shares = ["1 dari 2 jawaban benar (50 %)", "2 dari 2 jawaban benar (100 %)"];
  for (const [i, id] of asked.entries()) {
    const text = await accuracy.nth(i).textContent();
    const stem = content.questions.find((q) => q.id === id).stem.id;
    assert.ok(text.includes(`Soal ${i + 1}: ${stem}`), `the stem of question ${i + 1}`);
    assert.ok(text.includes(shares[i]), text);
    assert.equal(await accuracy.nth(i).locator("meter").getAttribute("value"), i === 0 ? "50" : "100");
  }
  assert.equal(report.hardest, 0);
  assert.equal(await page.getByTestId("live-hardest").count(), 1);
  await accuracy.first().getByTestId("live-hardest").filter({ hasText: "Soal tersulit" }).waitFor();
  assert.match(await page.getByTestId("live-players").textContent(), /2 pemain dari 2 unit/);
  // Team mode: two units of one player each are listed apart, not ranked.
  assert.equal(await page.getByTestId("live-unit-row").count(), 0);
  assert.equal(await page.getByTestId("live-too-few").locator("li").count(), 2);
  await assertAccessible(page, "Kuis Apel: results", { axe: true });
  await screenshot(page, "console-live-07-results");

  // "Unduh CSV": the same rows, with the bearer token.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("live-download-csv").click()]);
  assert.equal(download.suggestedFilename(), `hasil-kuis-${detail.code}.csv`);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const records = parseCsv(Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, ""));
  const header = records.findIndex((r) => r[0] === "Peringkat");
  assert.ok(header >= 0, JSON.stringify(records));
  assert.deepEqual(records[header], ["Peringkat", "Nama", "Unit", "Poin", "Jawaban benar"]);
  assert.deepEqual(records.slice(header + 1).filter((r) => r.length > 1), expected);

  // The set is deleted after a confirmation; its game stays in the history.
  await page.goto(`${server.url}/konsol/kuis`);
  await row.getByTestId("live-set-delete").click();
  await row.getByTestId("live-set-confirm").filter({ hasText: "Hapus set kuis \u201cApel Senin pagi\u201d?" }).waitFor();
  await screenshot(page, "console-live-08-delete-confirm");
  await row.getByRole("button", { name: "Ya, hapus" }).click();
  await page.getByTestId("live-notice").filter({ hasText: "Set kuis \u201cApel Senin pagi\u201d dihapus." }).waitFor();
  await page.getByTestId("live-sets-empty").waitFor();
  assert.deepEqual((await apiGet(server, trainer.token, "/live/quiz-sets")).body, []);
  assert.equal(await page.getByTestId("live-game").count(), 1, "the game stays in the history");
  await context.close();
});
