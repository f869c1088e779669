// A competition (lomba) on the phone: an organiser opens one for a directorate; a person of
// one of its bureaus sees it on the phone, whose sync downloads the questions; the signal
// goes, the attempt is taken offline (reloaded half-way: the answers and the countdown
// survive) and sent; back online it reaches the server once. The person is named ASN
// Inspiratif and agrees to be shown; after the close the organiser publishes, and the phone
// shows the score, the ranks, the key and the explanations. A colleague of another bureau,
// offline through the close and past the grace period, is told the server refused it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAccessible } from "../lib/audit.mjs";
import { screenshot } from "../lib/browser.mjs";
import { person } from "../lib/agency.mjs";
import { loseSignal, recordsOnServer, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { createCompetition, nameInspiratif, passGrace, publish, recognitions, signIn } from "../lib/lomba.mjs";
import { makeNip } from "../lib/server.mjs";
import { Inspiratif, Lomba } from "../pages/lomba.mjs";

const env = useServerAndBrowser();
const { server } = env;

/** "Sinkronkan sekarang" from home; what it brings is waited for where it is read. */
async function syncNow(page) {
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await page.getByTestId("sync-now").click();
}

/** Waits until home says nothing waits to be sent. */
async function allSent(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="pending"]')?.dataset.count === "0", null, { timeout: 30_000 });
}

/** The recognition's consent on the server, once it is `expected` (or after 20 s). */
async function consentOnServer(token, id, expected) {
  let consent;
  for (let i = 0; i < 40; i++) {
    consent = (await recognitions(server, token)).find((r) => r.id === id)?.consent;
    if (consent === expected) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return consent;
}

test("a competition taken offline on the phone, its result after publication, and ASN Inspiratif", async () => {
  const admin = await person(server, "bkn", "Admin Lomba", "admin");
  const { token } = await signIn(server, admin.nip, admin.password);
  const name = "Lomba BerAKHLAK Desember";
  const competition = await createCompetition(server, token, { name, unit: "bkn-settama", minutes: 7 * 24 * 60, perValue: 1, limit: 10 });
  const questions = competition.question_count;
  assert.equal(questions, 7, "one question per value");

  const employee = { nip: makeNip(), name: "Wulan Sari", unitQuery: "biro sdm", password: "lomba-desember-2026" };
  const { context, page } = await signedUpPhone(env, employee);
  const lomba = new Lomba(page);

  // Online: the sync brings the list and the paper, so "Kerjakan" is offered.
  await syncNow(page);
  await lomba.open();
  await lomba.waitFor(name, "Ready");
  await assertAccessible(page, "Lomba list", { axe: true });
  await screenshot(page, "lomba-01-list-open");

  // A colleague in another bureau downloads it too, then takes it with no signal, and the
  // phone stays off until the grace period is over.
  const late = { nip: makeNip(), name: "Yosef Lende", unitQuery: "biro keuangan", password: "lomba-terlambat-2026" };
  const other = await signedUpPhone(env, late);
  const otherLomba = new Lomba(other.page);
  await syncNow(other.page);
  await otherLomba.open();
  await otherLomba.waitFor(name, "Ready");

  // The signal goes; the attempt works offline.
  await other.context.setOffline(true);
  await loseSignal(env, context);
  await otherLomba.take(name);
  const firstChoice = [];
  for (let i = 0; i < questions; i++) {
    // The same place on every question: the next question shows nothing chosen yet.
    assert.equal(await otherLomba.chosen(), null);
    assert.equal(await other.page.locator('.option input[type="radio"]:checked').count(), 0);
    firstChoice.push(await otherLomba.choose(0));
    if (i === 1) {
      // "Sebelumnya" shows the earlier question with its choice.
      await otherLomba.previous();
      assert.equal(await otherLomba.chosen(), firstChoice[0]);
      await otherLomba.next();
    }
    await otherLomba.next();
  }
  assert.equal(await otherLomba.unanswered(), 0);
  await otherLomba.send();
  await other.page.close();

  await lomba.take(name);
  assert.equal(await lomba.progress(), `Soal 1 dari ${questions}`);
  assert.ok((await lomba.secondsLeft()) > 9 * 60, "ten minutes from the start");
  assert.equal(await page.getByTestId("lomba-time-warning").textContent(), "", "nothing to tell a screen reader yet");
  await assertAccessible(page, "Lomba question", { axe: true });
  await screenshot(page, "lomba-02-question-offline");
  const chosen = [];
  for (let i = 0; i < questions - 1; i++) {
    chosen.push(await lomba.choose(i % 4));
    if (i === 2) {
      // A reload offline: the same question, the same choice, the countdown going on.
      const question = await lomba.questionId();
      const left = await lomba.secondsLeft();
      await page.reload();
      await page.getByTestId("lomba-countdown").waitFor();
      assert.equal(await lomba.progress(), `Soal 3 dari ${questions}`);
      assert.equal(await lomba.questionId(), question);
      assert.equal(await lomba.chosen(), chosen[2]);
      assert.ok((await lomba.secondsLeft()) <= left, "the countdown did not start again");
    }
    await lomba.next();
  }
  // The last question is left unanswered: the summary says so.
  await lomba.next();
  assert.equal(await lomba.unanswered(), 1);
  await assertAccessible(page, "Lomba summary", { axe: true });
  await screenshot(page, "lomba-03-summary");
  await lomba.send();
  await screenshot(page, "lomba-04-sent-offline");
  await page.getByRole("link", { name: "Kembali ke daftar lomba" }).click();
  await lomba.waitFor(name, "Taken");

  // Back online: the attempt reaches the server, once.
  await server.start();
  await context.setOffline(false);
  await syncNow(page);
  await allSent(page);
  const attempts = (await recordsOnServer(server, employee.nip, employee.password)).filter((r) => r.kind === "competition_attempt");
  assert.equal(attempts.length, 1);
  assert.equal(attempts[0].payload.competition_id, competition.id);
  assert.equal(attempts[0].payload.answers.length, questions - 1);

  // ASN Inspiratif: named, asked on home, agrees; then the unit sees it.
  const { account } = await signIn(server, employee.nip, employee.password);
  const recognition = await nameInspiratif(server, token, {
    unit: "bkn-biro-sdm",
    who: account.id,
    value: "harmonis",
    citation: "Menengahi perbedaan pendapat dua tim dengan sabar sampai ada jalan tengah.",
    competitionId: competition.id,
  });
  await syncNow(page);
  const inspiratif = new Inspiratif(page);
  await inspiratif.consentCard().waitFor();
  await assertAccessible(page, "home asking consent", { axe: true });
  await screenshot(page, "lomba-05-consent-asked");
  await inspiratif.decide(true);
  await syncNow(page);
  await allSent(page);
  assert.equal(await consentOnServer(token, recognition.id, "given"), "given");
  // The round that sent the consent brought back the unit's recognitions, now with it.
  await page.getByTestId("recognitions").waitFor({ timeout: 30_000 });
  assert.deepEqual(await inspiratif.shownNames(), ["Wulan Sari"]);
  await screenshot(page, "lomba-06-home-inspiratif");

  // A week and the grace period later (the server's clock) the organiser publishes; the
  // phone shows the result with the answers.
  passGrace(server, competition);
  // The colleague's phone comes back after the grace period: the server refuses the
  // attempt, and the phone says so (kept in "Perlu perhatian", not counted as taken).
  await other.context.setOffline(false);
  const later = await other.context.newPage();
  const laterLomba = new Lomba(later);
  await later.goto(server.url);
  await later.getByTestId("sync-now").waitFor();
  await syncNow(later);
  await laterLomba.open();
  await laterLomba.waitFor(name, "Refused");
  assert.match(await laterLomba.item(name).getByTestId("lomba-refused").textContent(), /ditutup/);
  await screenshot(later, "lomba-08-refused-after-grace");
  await other.context.close();

  await publish(server, token, competition);
  await syncNow(page);
  await lomba.open();
  await lomba.waitFor(name, "Published");
  await lomba.openResults(name);
  assert.match(await page.getByTestId("lomba-own-rank").textContent(), /^Peringkat 1 dari 1 peserta$/);
  assert.equal(await page.getByTestId("lomba-review").count(), questions);
  assert.equal(await page.getByTestId("lomba-review").filter({ hasText: "Tidak dijawab" }).count(), 1);
  await assertAccessible(page, "Lomba results", { axe: true });
  await screenshot(page, "lomba-07-results");
  await context.close();
});
