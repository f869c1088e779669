// Measurement quality in the console. An admin opens "Analisis butir", sorts it, filters it
// to the questions flagged for review (each flag in words) and finds the API's difficulty
// and wrong-option shares on screen. A unit admin opens "Kualitas ukur" from the unit
// dashboard: α per component with its reading and each item's correlation where there are
// enough people, the reason in words where not; "Analisis butir" is neither in their nav
// nor open to them at its address (and the server refuses it).
import assert from "node:assert/strict";
import { test } from "node:test";
import { apiGet, lastEndedQuarter, person, seedPractice, seedResponses } from "../lib/agency.mjs";
import { assertAccessible } from "../lib/audit.mjs";
import { laptop, screenshot } from "../lib/browser.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { ConsolePage } from "../pages/console.mjs";
import { DashboardPage } from "../pages/dashboard.mjs";
import { ItemAnalysisPage, QualityPage, decimal } from "../pages/quality.mjs";

const env = useServerAndBrowser();
const { server } = env;

const TOP = "bkn-settama";
const TOP_NAME = "Sekretariat Utama";
const SMALL = "bkn-biro-sdm";
const INDEX = "indeks-berakhlak";
const READING = { good: "Baik", fair: "Cukup", review: "Perlu ditinjau" };
const FLAG = { too_easy: "Perlu ditinjau: terlalu mudah (p > 0,95)", low_discrimination: "Perlu ditinjau: daya beda rendah (< 0,20)" };

// α waits for its period's end: everything is seeded in the latest ended quarter.
const quarter = lastEndedQuarter();
const now = quarter.at;
const readingOf = (alpha) => (alpha >= 0.7 ? "good" : alpha >= 0.6 ? "fair" : "review");

/**
 * 24 people under the top unit answer the BerAKHLAK index: each at their own level (1–5)
 * with a little item noise, one item in seven answered without regard to the level. They
 * also practise six questions: the first everyone gets right (too easy), three the abler
 * people get right, one half of them by a pattern unrelated to ability.
 */
async function seedAgency() {
  const people = [];
  for (const [unit, n] of [["bkn-biro-perencanaan", 9], ["bkn-biro-keuangan", 9], [SMALL, 6]]) {
    const offset = people.length;
    const answer = (i, item, j) => {
      const g = offset + i;
      if (j % 7 === 0) return 1 + (Math.floor(g / 5) % 5);
      return Math.min(5, 1 + (g % 5) + ((g + j) % 3 === 0 ? 1 : 0));
    };
    people.push(...(await seedResponses(server, { unit, people: n, questionnaireId: INDEX, at: now, answer })));
  }
  const content = await (await fetch(`${server.url}/api/v1/content`)).json();
  const questions = content.questions.slice(0, 6);
  await seedPractice(server, people, questions, now, (g, q) => {
    const wrong = q.options.map((o) => o.id).filter((id) => id !== q.answer);
    const j = questions.indexOf(q);
    const right = j === 0 || (j <= 3 ? g % 5 >= j : g % 2 === 0);
    return right ? q.answer : wrong[g % wrong.length];
  });
  return { content, questions };
}

test("an admin reviews flagged practice questions; a unit admin reads α or why not and has no item analysis", async () => {
  const { content, questions } = await seedAgency();
  const admin = await person(server, "bkn", "Dewi Lestari", "admin");
  const unitAdmin = await person(server, TOP, "Rina Wulandari", "unit_admin");

  // The admin: "Analisis butir" is in the nav.
  const context = await laptop(env.browser);
  const page = await context.newPage();
  const konsol = new ConsolePage(page, server.url);
  await konsol.signIn(admin);
  assert.ok((await konsol.navScreens()).includes("Analisis butir"));
  await konsol.goTo("Analisis butir");
  const items = new ItemAnalysisPage(page);
  await items.shows(quarter.label);

  const api = (await apiGet(server, admin.token, `/admin/item-analysis?period=${quarter.api}`)).body;
  const given = api.items.filter((r) => r.analysis.status === "given");
  const flagged = given.filter((r) => r.analysis.stats.flags.length > 0);
  assert.equal(given.length, questions.length, "the six practised questions have statistics");
  assert.ok(flagged.length >= 1 && flagged.length < given.length, JSON.stringify(given.map((r) => r.analysis.stats.flags)));
  assert.equal(await items.rows().count(), api.items.length, "every question of the bank is listed");
  assert.match(await page.getByTestId("questions-shown").textContent(), new RegExp(`Menampilkan ${api.items.length} dari ${api.items.length} soal`));
  // A question nobody practised says why it has no figures.
  const unpractised = api.items.find((r) => r.analysis.status === "not_given");
  assert.equal((await items.row(unpractised.question).getByTestId("item-reason").textContent()).trim(), unpractised.analysis.message.id);
  await assertAccessible(page, "item analysis", { axe: true });
  await screenshot(page, "quality-01-item-analysis", { fullPage: false });

  // Sorted by difficulty with the keyboard: the largest p (the easiest) first.
  const header = await items.sortBy("Kesukaran (p)");
  assert.equal(await header.getAttribute("aria-sort"), "descending");
  const easiest = [...given].sort((a, b) => b.analysis.stats.difficulty - a.analysis.stats.difficulty)[0];
  assert.equal(await items.rows().first().getAttribute("data-question"), easiest.question);

  // Only those to review: the flagged ones, each flag in words.
  await page.getByLabel("Hanya yang perlu ditinjau").check();
  await page.getByTestId("questions-shown").filter({ hasText: `Menampilkan ${flagged.length} dari ${api.items.length} soal` }).waitFor();
  assert.equal(await items.rows().count(), flagged.length);
  for (const r of flagged) {
    const row = items.row(r.question);
    assert.equal(await row.getAttribute("data-flagged"), "true");
    assert.deepEqual(await row.getByTestId("flags").locator("li").allTextContents(), r.analysis.stats.flags.map((f) => FLAG[f]));
    assert.equal(await row.getByTestId("difficulty").textContent(), decimal(r.analysis.stats.difficulty));
    assert.equal(await row.getByTestId("first-attempts").textContent(), String(r.analysis.stats.n));
  }
  // Everyone got the first question right: too easy, and the API says so too.
  const first = flagged.find((r) => r.question === questions[0].id);
  assert.ok(first?.analysis.stats.flags.includes("too_easy"));
  assert.equal(first.analysis.stats.difficulty, 1);
  await screenshot(page, "quality-02-item-analysis-flagged");

  // All questions again: a discriminating question's wrong options as the API counts them.
  await page.getByLabel("Hanya yang perlu ditinjau").uncheck();
  const good = given.find((r) => r.question === questions[2].id);
  const row = items.row(good.question);
  for (const o of good.analysis.stats.options.filter((o) => !o.correct && o.chosen > 0)) {
    assert.match(await row.locator(`[data-option="${o.option}"]`).textContent(), new RegExp(`${decimal(o.share * 100, 1)} % \\(${o.chosen} orang\\)`));
  }
  assert.equal(await row.getByTestId("difficulty").textContent(), decimal(good.analysis.stats.difficulty));

  // In English the flags read in English.
  await page.getByTestId("lang-switch").click();
  await page.getByRole("heading", { level: 1, name: "Item analysis" }).waitFor();
  assert.match(await items.row(first.question).getByTestId("flags").textContent(), /To review: too easy \(p > 0\.95\)/);
  await page.getByTestId("lang-switch").click();
  await page.getByRole("heading", { level: 1, name: "Analisis butir" }).waitFor();
  await context.close();

  // The unit admin: no "Analisis butir", and "Kualitas ukur" from the dashboard.
  const other = await laptop(env.browser);
  const page2 = await other.newPage();
  const konsol2 = new ConsolePage(page2, server.url);
  await konsol2.signIn(unitAdmin);
  assert.deepEqual(await konsol2.navScreens(), ["Beranda", "Kuis Apel", "Lomba antar unit", "ASN Inspiratif", "Dasbor unit", "Unit", "Pegawai", "Impor daftar pegawai"]);
  await konsol2.goTo("Dasbor unit");
  const dash = new DashboardPage(page2);
  await dash.shows(TOP_NAME, quarter.label);
  await page2.getByRole("link", { name: "Kualitas ukur unit ini" }).click();
  const quality = new QualityPage(page2);
  await quality.shows(TOP_NAME, quarter.label);
  await page2.getByRole("heading", { level: 1, name: "Kualitas ukur" }).waitFor();

  const q = (await apiGet(server, unitAdmin.token, `/units/${TOP}/quality?period=${quarter.api}`)).body;
  const index = q.questionnaires.find((x) => x.questionnaire === INDEX);
  assert.equal(index.components.status, "shown");
  assert.equal(index.components.n, 24);
  let alphas = 0;
  for (const c of index.components.value) {
    const row = quality.component(INDEX, c.component);
    if (c.alpha.status === "given") {
      alphas += 1;
      const { alpha, n, items: itemTotals } = c.alpha.reliability;
      assert.match(await row.getByTestId("alpha").textContent(), new RegExp(`^${decimal(alpha)}`));
      assert.equal((await row.locator("td").first().textContent()).trim(), String(n));
      assert.equal((await row.getByTestId("alpha-reading").textContent()).trim(), READING[readingOf(alpha)]);
      // Each item by its statement, with its correlation with the rest of the component.
      const table = quality.questionnaire(INDEX).locator(`[data-testid="item-total-table"][data-component="${c.component}"]`);
      for (const it of itemTotals) {
        const text = content.questionnaires.find((x) => x.id === INDEX).items.find((i) => i.id === it.item).text.id;
        const itemRow = table.locator(`tr[data-item="${it.item}"]`);
        assert.equal((await itemRow.locator("th").textContent()).trim(), text);
        const r = it.corrected_item_total;
        assert.match(await itemRow.getByTestId("item-total").textContent(), new RegExp(`^${r == null ? "–" : decimal(r)}`));
      }
    } else {
      assert.equal((await row.getByTestId("alpha-reason").textContent()).trim(), `Tidak dihitung: ${c.alpha.message.id}`);
    }
  }
  assert.ok(alphas >= 1, JSON.stringify(index.components.value.map((c) => c.alpha.status)));
  // Nobody answered the other questionnaires: the reason in words, no α.
  for (const other of q.questionnaires.filter((x) => x.questionnaire !== INDEX)) {
    const section = quality.questionnaire(other.questionnaire);
    assert.equal(await section.getByTestId("alpha").count(), 0, other.questionnaire);
    if (other.components.status === "suppressed") {
      assert.equal((await section.getByTestId("suppressed").textContent()).trim(), "Kurang dari 5 responden");
    } else {
      for (const c of other.components.value) {
        assert.equal(c.alpha.reason.reason, "below_k");
        assert.equal((await quality.component(other.questionnaire, c.component).getByTestId("alpha-reason").textContent()).trim(), "Tidak dihitung: Kurang dari 5 responden");
      }
    }
  }
  await assertAccessible(page2, "measurement quality", { axe: true });
  await screenshot(page2, "quality-03-unit-alpha");

  // A sub-unit of six: α is not given, and the page says why (as the API does).
  await page2.getByRole("link", { name: "Kembali ke dasbor unit" }).click();
  await dash.shows(TOP_NAME, quarter.label);
  const small = (await apiGet(server, unitAdmin.token, `/units/${SMALL}/quality?period=${quarter.api}`)).body;
  await dash.chooseUnit(small.unit.name);
  await dash.shows(small.unit.name, quarter.label);
  await page2.getByRole("link", { name: "Kualitas ukur unit ini" }).click();
  await quality.shows(small.unit.name, quarter.label);
  const smallIndex = small.questionnaires.find((x) => x.questionnaire === INDEX).components;
  if (smallIndex.status === "shown") {
    for (const c of smallIndex.value) {
      assert.equal(c.alpha.status, "not_given");
      assert.equal(c.alpha.reason.reason, "too_few_people");
      assert.match(await quality.component(INDEX, c.component).getByTestId("alpha-reason").textContent(), /Baru 6 orang; perlu paling sedikit 20/);
    }
  } else {
    const reason = quality.questionnaire(INDEX).getByTestId("suppressed");
    assert.equal(await reason.getAttribute("data-reason"), smallIndex.reason);
  }
  assert.equal(await quality.questionnaire(INDEX).getByTestId("alpha").count(), 0, "no α for six people");
  await screenshot(page2, "quality-04-sub-unit-reason");

  // The address carries the unit and period: a reload shows the same, and "back" returns to
  // the dashboard of that sub-unit and quarter, not to the defaults.
  assert.match(page2.url(), new RegExp(`unit=${SMALL}&period=${quarter.api}`));
  await page2.reload();
  await quality.shows(small.unit.name, quarter.label);
  await page2.getByRole("link", { name: "Kembali ke dasbor unit" }).click();
  await dash.shows(small.unit.name, quarter.label);
  await page2.reload();
  await dash.shows(small.unit.name, quarter.label);

  // A unit outside their scope, typed into the address: the server's refusal and what to do.
  await page2.goto(`${server.url}/konsol/kualitas?unit=bkn&period=${quarter.api}`);
  const problem = page2.getByTestId("console-problem");
  await problem.waitFor();
  assert.match(await problem.textContent(), /Anda hanya dapat mengelola unit Anda dan unit di bawahnya/);
  assert.equal(await quality.questionnaire(INDEX).count(), 0);

  // Item analysis: not for a unit admin, on screen or on the server.
  await page2.goto(`${server.url}/konsol/analisis-butir`);
  await page2.getByTestId("no-access").getByRole("heading", { name: /tidak punya akses/ }).waitFor();
  assert.equal(await page2.getByTestId("item-analysis").count(), 0);
  const refused = await apiGet(server, unitAdmin.token, `/admin/item-analysis?period=${quarter.api}`);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, "forbidden");
  await screenshot(page2, "quality-05-unit-admin-no-item-analysis");
  await other.close();
});
