// Running a live quiz from the console: a trainer makes a game over the REST API, opens the
// presenter (/konsol/kuis/<id>) and from it the projector's tab (/konsol/kuis/<id>/layar);
// two guest phones join on the light join page. The presenter starts with the → key, the
// projector shows the question, a timer and the live answer count (updated in place), then
// the distribution with the correct option, the leaderboard (moved on by the trainer's phone
// as a remote), Space pauses and resumes, "Lewati" skips the last question, the podium puts
// the guest who answered first, and after "Akhiri" the presenter offers the results. The
// projector is photographed at 1920×1080 and 1280×720 and must fit both without scrolling.
import assert from "node:assert/strict";
import { test } from "node:test";
import { person } from "../lib/agency.mjs";
import { assertAccessible, axeViolations } from "../lib/audit.mjs";
import { laptop, phone, screenshot } from "../lib/browser.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { joinAsGuest } from "../lib/live.mjs";
import { ConsolePage } from "../pages/console.mjs";

const env = useServerAndBrowser();
const { server } = env;

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

/** A game made by `trainer` over the REST API: two questions, team mode, guests welcome. */
async function newGame(trainer) {
  const res = await fetch(`${server.url}/api/v1/live/games`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${trainer.token}` },
    body: JSON.stringify({
      source: { kind: "questions", question_ids: ["akuntabel-001", "akuntabel-002"] },
      question_count: 2,
      seconds_per_question: 60,
      scoring: "accuracy_only",
      team_mode: true,
      guests_allowed: true,
      extra_time_allowed: false,
      max_players: 10,
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return res.json();
}

/** A guest phone that has never opened Resapi joins on the join page as `name`. */
async function guestJoins(game, name) {
  const context = await phone(env.browser, { width: 360, height: 740 });
  const page = await context.newPage();
  await joinAsGuest(page, `${server.url}${game.join_path}`, name);
  return page;
}

/** Waits until the screen (`presenter` or `projector`) shows `phase`. */
/** Seconds on the timer ring ("45", or "1:00" from a minute on). */
const timerSeconds = async (page) =>
  (await page.getByTestId("timer-seconds").textContent()).split(":").reduce((acc, part) => acc * 60 + Number(part), 0);

const phaseIs = (page, screen, phase) => page.locator(`[data-testid="${screen}"][data-phase="${phase}"]`).waitFor();

/** The projector at both hall sizes: it fits the window (no scrolling) and is photographed. */
async function photograph(projector, name) {
  for (const size of SIZES) {
    await projector.setViewportSize(size);
    await projector.waitForTimeout(150);
    const overflow = await projector.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    assert.ok(overflow[0] <= size.width + 1 && overflow[1] <= size.height + 1, `${name} at ${size.width}×${size.height} scrolls: ${overflow}`);
    await screenshot(projector, `console-live-run-${name}-${size.width}x${size.height}`, { fullPage: false });
  }
  assert.deepEqual(await axeViolations(projector), [], `projector ${name}: axe`);
}

test("a trainer runs a live quiz from the presenter, the projector follows, a phone is the remote", async () => {
  const trainer = await person(server, "bkn-biro-sdm", "Rina Pelatih", "trainer");
  const game = await newGame(trainer);

  const context = await laptop(env.browser);
  const presenter = await context.newPage();
  const consolePage = new ConsolePage(presenter, server.url);
  await consolePage.signIn(trainer);
  // The presenter's socket passes through the test, which can cut it as a network would.
  const sockets = [];
  await presenter.routeWebSocket(/\/api\/v1\/live\/games\//, (ws) => {
    const upstream = ws.connectToServer();
    sockets.push({ ws, upstream });
  });
  await presenter.goto(`${server.url}/konsol/kuis/${game.id}`);
  await phaseIs(presenter, "presenter", "lobby");
  assert.equal(await presenter.getByTestId("live-code").textContent(), game.code);
  // Nobody has joined: only "Akhiri" can be pressed.
  assert.equal(await presenter.getByRole("button", { name: "Mulai", exact: true }).isDisabled(), true);
  assert.equal(await presenter.getByRole("button", { name: "Akhiri", exact: true }).isDisabled(), false);

  // The projector opens in a tab of its own, signed in (the tab's sign-in is copied), with no
  // console header or nav.
  const [projector] = await Promise.all([context.waitForEvent("page"), presenter.getByTestId("open-projector").click()]);
  await projector.setViewportSize(SIZES[0]);
  assert.match(projector.url(), new RegExp(`/konsol/kuis/${game.id}/layar$`));
  await phaseIs(projector, "projector", "lobby");
  assert.equal(await projector.locator("header.console-top").count(), 0, "no console header on the projector");
  assert.equal(await projector.getByRole("navigation").count(), 0, "no console nav on the projector");
  assert.equal((await projector.getByTestId("proj-code").textContent()).replace(/\D/g, ""), game.code);
  assert.equal(await projector.getByTestId("proj-url").textContent(), `${server.url}/gabung/${game.code}`);
  assert.equal(await projector.getByTestId("proj-joined").textContent(), "0");
  // The QR code needs the trainer's token: fetched and inlined as an SVG image.
  assert.match(await projector.getByTestId("proj-qr").getAttribute("src"), /^data:image\/svg\+xml/);

  // A guest joins: the lobby counts 1 and shows the name.
  const guest = await guestJoins(game, "Tamu Satu");
  await projector.getByTestId("proj-joined").filter({ hasText: /^1$/ }).waitFor();
  await projector.getByTestId("proj-names").getByText("Tamu Satu", { exact: true }).waitFor();
  await presenter.getByTestId("live-players").getByRole("rowheader", { name: /Tamu Satu/ }).waitFor();
  // The presenter's connection drops: it says so, comes back by itself and shows the game.
  const link = presenter.getByTestId("live-link");
  const cut = sockets.at(-1);
  cut.upstream.close();
  cut.ws.close({ code: 4000, reason: "cut by the test" });
  await presenter.locator('[data-testid="live-link"][data-state="reconnecting"]').waitFor();
  assert.match(await link.textContent(), /Menyambung kembali dalam 1 detik/);
  await presenter.locator('[data-testid="live-link"][data-state="open"]').waitFor();
  assert.equal(sockets.length, 2, "one new connection");
  await presenter.getByTestId("live-players").getByRole("rowheader", { name: /Tamu Satu/ }).waitFor();

  // A second guest, who will never answer (so one answer does not close the question).
  const second = await guestJoins(game, "Tamu Dua");
  await projector.getByTestId("proj-joined").filter({ hasText: /^2$/ }).waitFor();
  await assertAccessible(presenter, "presenter: lobby", { axe: true });
  await photograph(projector, "01-lobby");

  // → starts the quiz (focus on the page, not on a button).
  await presenter.locator("h1").click();
  await presenter.keyboard.press("ArrowRight");
  await phaseIs(projector, "projector", "question");
  await phaseIs(presenter, "presenter", "question");
  const stem = await presenter.getByTestId("live-stem").textContent();
  assert.ok(stem.length > 10, "the presenter shows the question");
  assert.equal(await projector.getByTestId("proj-stem").textContent(), stem);
  assert.deepEqual(
    (await projector.locator(".live-option .opt-letter").allTextContents()).slice(0, 2),
    ["A", "B"],
    "options carry letters",
  );
  await projector.getByTestId("proj-answered").filter({ hasText: "0 dari 2 menjawab" }).waitFor();
  // The timer counts down on the projector from the message's time.
  const first = await timerSeconds(projector);
  assert.ok(first > 50 && first <= 60, `timer shows ${first}`);
  // The presenter alone sees the key; the projector does not before the close.
  const key = await presenter.locator(".live-option.is-correct").getAttribute("data-id");
  assert.ok(key, "the presenter marks the correct option");
  assert.equal(await projector.locator(".live-option.is-correct").count(), 0);
  // The screen is updated in place: the same stem element before and after the count moves.
  await projector.getByTestId("proj-stem").evaluate((el) => (window.__stem = el));

  // The ring counts down here between messages (nobody has answered yet: no new message).
  await projector.waitForTimeout(2100);
  const running = await timerSeconds(projector);
  assert.ok(running < first, `the timer runs down between messages (${first} → ${running})`);

  await guest.locator(`button.opt[data-id="${key}"]`).click();
  await projector.getByTestId("proj-answered").filter({ hasText: "1 dari 2 menjawab" }).waitFor();
  assert.equal(await projector.evaluate(() => window.__stem === document.querySelector('[data-testid="proj-stem"]')), true, "no re-mount per message");
  const later = await timerSeconds(projector);
  assert.ok(later <= running, `the timer keeps running down (${running} → ${later})`);
  await photograph(projector, "02-question");
  await screenshot(presenter, "console-live-run-presenter-question");

  // Next (the button) → reveal: the distribution and the correct option, in words.
  await presenter.getByRole("button", { name: "Lanjut", exact: true }).click();
  await phaseIs(projector, "projector", "reveal");
  const correct = projector.locator(".dist-row.is-correct");
  assert.equal(await correct.getAttribute("data-id"), key);
  assert.match(await correct.textContent(), /✓ Jawaban benar/);
  assert.equal(await correct.getByTestId("dist-count").textContent(), "1 orang");
  await projector.getByText("Tidak menjawab: 1 orang").waitFor();
  await photograph(projector, "03-distribution");

  // The trainer's phone as a remote: a second presenter connection, controls first and
  // thumb-sized; its "Lanjut" moves the projector to the leaderboard.
  const remoteContext = await phone(env.browser, { width: 390, height: 844 });
  const remote = await remoteContext.newPage();
  // The remote's socket passes through the test, which can hold back its views (a phone on a
  // slow network still showing an earlier phase) while its commands and refusals go through.
  let stale = false;
  await remote.routeWebSocket(/\/api\/v1\/live\/games\//, (ws) => {
    const upstream = ws.connectToServer();
    ws.onMessage((m) => upstream.send(m));
    upstream.onMessage((m) => {
      if (!(stale && JSON.parse(m).type === "host")) ws.send(m);
    });
  });
  await new ConsolePage(remote, server.url).signIn(trainer);
  await remote.goto(`${server.url}/konsol/kuis/${game.id}`);
  await phaseIs(remote, "presenter", "reveal");
  const next = remote.getByRole("button", { name: "Lanjut", exact: true });
  const box = await next.boundingBox();
  assert.ok(box.height >= 56 && box.width >= 300, `remote button ${box.width}×${box.height}`);
  const playersBox = await remote.getByTestId("live-players").boundingBox();
  assert.ok(box.y < playersBox.y, "the controls come before the players");
  await screenshot(remote, "console-live-run-remote");
  await assertAccessible(remote, "presenter on the trainer's phone", { axe: true });
  await next.click();
  await phaseIs(projector, "projector", "leaderboard");
  await phaseIs(presenter, "presenter", "leaderboard");
  const top = projector.getByTestId("live-leaderboard").locator("tbody tr").first();
  assert.match(await top.textContent(), /Tamu Satu.*1000/);
  await photograph(projector, "04-leaderboard");

  // "Keluarkan" asks first; the kicked phone is told, and the list and the count drop it.
  await presenter.getByRole("button", { name: "Keluarkan Tamu Dua" }).click();
  await presenter.getByRole("alertdialog").getByText("Keluarkan Tamu Dua dari kuis ini?").waitFor();
  await presenter.getByRole("alertdialog").getByRole("button", { name: "Ya, keluarkan" }).click();
  await second.getByRole("heading", { name: "Anda dikeluarkan" }).waitFor();
  await presenter.getByRole("heading", { name: "Pemain (1)" }).waitFor();
  assert.equal(await presenter.getByTestId("live-players").getByRole("rowheader", { name: /Tamu Dua/ }).count(), 0);

  // Question 2: → opens it; Space pauses (the projector says so) and resumes.
  await presenter.locator("h1").click();
  await presenter.keyboard.press("ArrowRight");
  await phaseIs(projector, "projector", "question");
  await presenter.keyboard.press(" ");
  await projector.getByTestId("proj-paused").waitFor();
  await presenter.getByRole("button", { name: "Lanjutkan", exact: true }).waitFor();
  await presenter.keyboard.press(" ");
  await projector.getByTestId("proj-paused").waitFor({ state: "detached" });
  // "Lewati" voids the last question: straight to the podium.
  await phaseIs(remote, "presenter", "question");
  stale = true;
  await presenter.getByRole("button", { name: "Lewati", exact: true }).click();
  await phaseIs(projector, "projector", "podium");
  // The remote, still showing the question, presses "Lewati" too: the server refuses, and
  // the remote says why in words.
  await remote.getByRole("button", { name: "Lewati", exact: true }).click();
  const refusal = remote.getByTestId("live-refusal");
  await refusal.filter({ hasText: "Perintah ini tidak bisa dijalankan pada tahap kuis sekarang." }).waitFor();
  assert.equal(await refusal.getAttribute("role"), "alert");
  const podiumFirst = projector.locator(".podium-1");
  assert.match(await podiumFirst.textContent(), /Tamu Satu/);
  await photograph(projector, "05-podium");

  // "Akhiri" asks first; then the game ends and the presenter offers the results.
  await presenter.getByRole("button", { name: "Akhiri", exact: true }).click();
  await presenter.getByRole("alertdialog").getByRole("button", { name: "Ya, akhiri" }).click();
  await phaseIs(presenter, "presenter", "ended");
  await phaseIs(projector, "projector", "ended");
  assert.equal(await presenter.getByTestId("results-link").getAttribute("href"), `/konsol/kuis/${game.id}/hasil`);
  const [download] = await Promise.all([presenter.waitForEvent("download"), presenter.getByTestId("results-csv").click()]);
  const csv = await (await download.createReadStream()).toArray();
  assert.match(Buffer.concat(csv).toString("utf8"), /Tamu Satu/);
  assert.equal(await presenter.getByRole("button", { name: "Akhiri", exact: true }).isDisabled(), true);
  await screenshot(presenter, "console-live-run-presenter-ended");

  // The server goes away: the presenter says it is reconnecting, and tries again by itself.
  // A restart ends running games, so once the server is back it says the quiz is gone.
  await server.stop();
  await presenter.locator('[data-testid="live-link"][data-state="reconnecting"]').waitFor();
  assert.match(await link.textContent(), /Menyambung kembali dalam \d+ detik/);
  await server.start();
  await presenter.locator('[data-testid="live-link"][data-state="refused"]').waitFor({ timeout: 40_000 });
  assert.match(await link.textContent(), /tidak sedang berjalan/);

  await remoteContext.close();
  await context.close();
});
