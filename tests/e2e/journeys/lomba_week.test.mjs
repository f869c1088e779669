// Lomba antar unit from end to end, as the issue tells it: a unit admin sets up a competition
// for the Sekretariat Utama in the console; three people in two bureaus take it on their
// phones. Rina (Biro SDM) takes it online. Bayu (Biro SDM) takes it with no signal and stays
// offline through the close; his phone syncs the next day, within the grace period, and it
// counts. Citra (Biro Keuangan) also takes it offline but comes back only after the grace
// period: the server refuses it ("Lomba sudah ditutup") and her phone says so. The server's
// clock moves through the week (`serve --clock-offset-file`). The organiser publishes the
// results and prints the certificates; Rina and Bayu see their score, their rank, their
// bureau's rank and the piagam on their phones.
import assert from "node:assert/strict";
import { test } from "node:test";
import { person } from "../lib/agency.mjs";
import { laptop, screenshot } from "../lib/browser.mjs";
import { signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { ConsolePage } from "../pages/console.mjs";
import { Lomba } from "../pages/lomba.mjs";
import { LombaConsole, wibLocal } from "../pages/lomba_console.mjs";

const env = useServerAndBrowser();
const { server } = env;
const HOUR = 3600_000;
const NAME = "Lomba Bulan BerAKHLAK";

/** "Sinkronkan sekarang" from home. */
async function syncNow(page) {
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await page.getByTestId("sync-now").click();
}

/** Waits until home says nothing waits to be sent. */
async function allSent(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="pending"]')?.dataset.count === "0", null, { timeout: 30_000 });
}

/** A phone of `who` in the bureau matching `unitQuery`, with the competition downloaded. */
async function phoneWithPaper(who) {
  const p = await signedUpPhone(env, who);
  const lomba = new Lomba(p.page);
  await syncNow(p.page);
  await lomba.open();
  await lomba.waitFor(NAME, "Ready");
  return { ...p, lomba };
}

/** Answers every question (the option at `pick(i)`) and sends the attempt. */
async function takeIt(lomba, pick) {
  await lomba.take(NAME);
  const total = Number((await lomba.progress()).match(/dari (\d+)/)[1]);
  for (let i = 0; i < total; i++) {
    await lomba.choose(pick(i));
    await lomba.next();
  }
  assert.equal(await lomba.unanswered(), 0);
  await lomba.send();
}

test("an organiser's competition taken by three people in two bureaus, one through the close and one after the grace", async () => {
  const organiser = await person(server, "bkn-settama", "Nur Organisator", "unit_admin");
  const laptopContext = await laptop(env.browser);
  const desk = await laptopContext.newPage();
  const konsol = new ConsolePage(desk, server.url);
  await konsol.signIn(organiser);
  const lombaConsole = new LombaConsole(desk, server.url);
  await lombaConsole.openList();
  const now = new Date(Date.now() + server.clockOffsetMs);
  const id = await lombaConsole.createCompetition({
    name: NAME,
    description: "Satu soal tiap nilai, sekali mengerjakan.",
    unit: "bkn-settama",
    zone: "WIB",
    opens: wibLocal(now),
    closes: wibLocal(new Date(now.getTime() + 24 * HOUR)),
    perValue: 1,
    limit: 15,
    grace: 48,
    min: 1,
  });
  assert.equal(await lombaConsole.phase(), "open");
  await screenshot(desk, "lomba-journey-01-console-open");

  const rina = await phoneWithPaper({ nip: makeNip(), name: "Rina Wulandari", unitQuery: "biro sdm", password: "lomba-rina-2026" });
  const bayu = await phoneWithPaper({ nip: makeNip(), name: "Bayu Pratama", unitQuery: "biro sdm", password: "lomba-bayu-2026" });
  const citra = await phoneWithPaper({ nip: makeNip(), name: "Citra Manuhutu", unitQuery: "biro keuangan", password: "lomba-citra-2026" });

  // Rina, online.
  await takeIt(rina.lomba, () => 0);
  await syncNow(rina.page);
  await allSent(rina.page);
  // Bayu and Citra take it with no signal.
  await bayu.context.setOffline(true);
  await citra.context.setOffline(true);
  await takeIt(bayu.lomba, (i) => i % 4);
  await screenshot(bayu.page, "lomba-journey-02-sent-offline");
  await takeIt(citra.lomba, (i) => (i + 1) % 4);

  // The close passes (the server's clock): Bayu's phone comes back the next day, within
  // the grace period, and his attempt counts.
  server.advanceClock(30 * HOUR);
  await bayu.context.setOffline(false);
  await syncNow(bayu.page);
  await allSent(bayu.page);

  // The grace period ends; Citra's phone comes back: refused, and told why.
  server.advanceClock(48 * HOUR);
  await citra.context.setOffline(false);
  await syncNow(citra.page);
  await citra.lomba.open();
  await citra.lomba.waitFor(NAME, "Refused");
  assert.match(await citra.lomba.item(NAME).getByTestId("lomba-refused").textContent(), /Lomba sudah ditutup/);
  await screenshot(citra.page, "lomba-journey-03-refused-after-grace");

  // The organiser: two counted, one refused; publish; certificates.
  await lombaConsole.openResults(id);
  const ranking = await lombaConsole.ranking();
  assert.equal(ranking.find((u) => u.unit === "bkn-biro-sdm")?.rank, "1");
  assert.equal(await desk.getByTestId("lomba-person-row").count(), 2, "Rina and Bayu counted");
  await screenshot(desk, "lomba-journey-04-console-results");
  await lombaConsole.publish();
  const piagam = await lombaConsole.openPiagam(id);
  assert.ok(piagam.some((p) => p.kind === "unit" && p.recipient.includes("Sumber Daya Manusia")), JSON.stringify(piagam));
  await screenshot(desk, "lomba-journey-05-piagam");

  // The phones: results, ranks and the certificate card.
  for (const [who, shot] of [[rina, "06"], [bayu, "07"]]) {
    await syncNow(who.page);
    await who.lomba.open();
    await who.lomba.waitFor(NAME, "Published");
    await who.lomba.openResults(NAME);
    assert.match(await who.page.getByTestId("lomba-own-rank").textContent(), /dari 2 peserta/);
    await who.page.getByTestId("lomba-piagam").waitFor();
    await screenshot(who.page, `lomba-journey-${shot}-phone-results`);
  }
  for (const c of [rina.context, bayu.context, citra.context, laptopContext]) await c.close();
});
