// The unit dashboard in the console: a unit admin opens it, changes the period, sees a
// sub-unit with fewer than 5 respondents explained (never a number), downloads CSV and XLSX
// (both opened here and checked against the JSON API), prints a one-page report; a trainer
// sees no dashboard in the nav and is told "tidak punya akses" at its address. Prints the
// time per frame of period changes with Chromium's CPU slowed 4× (printed, not asserted),
// and checks that the charts are updated in place and show the API's figures for each month.
import assert from "node:assert/strict";
import { test } from "node:test";
import { dashboardJson, lastEndedQuarter, person, seedIndexResponses } from "../lib/agency.mjs";
import { assertAccessible } from "../lib/audit.mjs";
import { laptop, screenshot } from "../lib/browser.mjs";
import { csvSections } from "../lib/csv.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { readXlsx } from "../lib/xlsx.mjs";
import { ConsolePage } from "../pages/console.mjs";
import { DashboardPage } from "../pages/dashboard.mjs";

const env = useServerAndBrowser();
const { server } = env;

const TOP = "bkn-settama";
const TOP_NAME = "Sekretariat Utama";
const SMALL = "bkn-biro-humas";
const BELOW_K = "Kurang dari 5 responden";
const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

const quarterOf = (d) => ({ api: `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`, label: `Kuartal ${Math.floor(d.getMonth() / 3) + 1} ${d.getFullYear()}` });
const monthOf = (d) => ({ api: `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`, label: `${MONTHS[d.getMonth()]} ${d.getFullYear()}` });
/** The page's number format: one decimal, a decimal comma. */
const percentText = (x) => `${x.toFixed(1).replace(".", ",")} %`;

// Questionnaire figures wait for their period's end: the answers lie in the latest ended
// quarter, which the dashboard opens on.
const now = lastEndedQuarter().at;
// 100 days back is always another quarter (and another month).
const earlier = new Date(now.getTime() - 100 * 86400_000);

/** Frame times (ms between animation frames) from the answer's arrival until 200 ms after
 * the last section was drawn, for the last period change (User Timing marks the page sets). */
async function lastRedraw(page) {
  return page.evaluate(() => {
    const last = (n) => performance.getEntriesByName(n).at(-1)?.startTime;
    const [asked, data, drawn] = [last("dash:asked"), last("dash:data"), last("dash:drawn")];
    const frames = window.__frames.filter((t) => t >= data && t <= drawn + 200);
    const long = window.__long.filter((e) => e.start >= data - 1 && e.start <= drawn + 200).map((e) => Math.round(e.duration));
    return { answerMs: Math.round(data - asked), redrawMs: Math.round(drawn - data), deltas: frames.slice(1).map((t, i) => t - frames[i]), longTasksMs: long };
  });
}

/** Median, p95, worst and the frames longer than one display frame (16.7 ms at 60 Hz; 17 ms
 * leaves room for the timer's jitter, so a frame on time never counts). */
function frameStats(deltas) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q) => (sorted.length ? +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1) : null);
  return { frames: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), worstMs: sorted.length ? +sorted.at(-1).toFixed(1) : null, over16_7ms: deltas.filter((d) => d > 17).length };
}

/** Each chart's canvas on the page, remembered so a later look can tell the same element. */
async function rememberCanvases(page) {
  return page.evaluate(() => {
    window.__canvases = [...document.querySelectorAll('[data-testid="chart"] canvas')];
    window.__charts = window.__canvases.map((c) => window.Chart.getChart(c));
    return window.__canvases.length;
  });
}

/** How many of the remembered canvases are still on the page, each with the same Chart.js chart. */
async function sameCanvases(page) {
  return page.evaluate(() => {
    const now = [...document.querySelectorAll('[data-testid="chart"] canvas')];
    return {
      now: now.length,
      same: window.__canvases.filter((c, i) => c.isConnected && now[i] === c && window.Chart.getChart(c) === window.__charts[i]).length,
    };
  });
}

/** The first series of each chart drawn in a section (`data-testid` of the section). */
async function chartSeries(page, section) {
  return page.evaluate((section) => [...document.querySelectorAll(`[data-testid="${section}"] [data-testid="chart"] canvas`)].map((c) => window.Chart.getChart(c).data.datasets[0].data), section);
}

/** Chart numbers against the API's: equal but for float rounding (the server may add the same
 * figures in another order from one request to the next), gaps where the API has none. */
function assertCloseSeries(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
  actual.forEach((a, i) => {
    const e = expected[i];
    assert.ok(a === e || (a != null && e != null && Math.abs(a - e) < 1e-9), `${what}[${i}]: ${a} vs ${e}`);
  });
}

/** The figures of a period on screen, against the API's answer for it. */
async function assertShowsApi(page, api) {
  assert.equal(await page.getByTestId("index-respondents").textContent(), String(api.index.n));
  assert.equal(await page.getByTestId("members").textContent(), String(api.participation.members));
  assert.match(await page.getByTestId("index-overall").textContent(), new RegExp(percentText(api.index.value.overall)));
  const [perValue, trend] = await chartSeries(page, "dash-index");
  assertCloseSeries(perValue, api.index.value.values.map((v) => v.index.percent), "index bars");
  assertCloseSeries(trend, api.index_trend.map((p) => p.figure.value?.overall ?? null), "index trend");
  const cells = await page.locator('[data-testid="dash-index"] .dash-table tbody tr td:nth-child(2)').allTextContents();
  assert.deepEqual(cells, api.index.value.values.map((v) => (v.index.percent == null ? "–" : percentText(v.index.percent))), "index table");
  const [subBars] = await chartSeries(page, "dash-subs");
  assertCloseSeries(subBars, api.sub_units.map((s) => (s.index.status === "shown" ? s.index.value.overall : null)), "sub-unit bars");
}

test("a unit admin reads, explains, downloads and prints the unit dashboard; a trainer has no access", async () => {
  await seedIndexResponses(
    server,
    [
      { unit: "bkn-biro-perencanaan", people: 6, base: 4 },
      { unit: "bkn-biro-keuangan", people: 6, base: 3 },
      { unit: "bkn-biro-sdm", people: 6, base: 5 },
      { unit: SMALL, people: 2, base: 2 },
    ],
    { now, earlier },
  );
  const admin = await person(server, TOP, "Rina Wulandari", "unit_admin");
  const trainer = await person(server, TOP, "Bagus Pratama", "trainer");

  const context = await laptop(env.browser);
  const page = await context.newPage();
  const konsol = new ConsolePage(page, server.url);
  const dash = new DashboardPage(page);
  await konsol.open();
  await konsol.submitLogin(admin);
  await konsol.home(admin.name);
  const nav = page.getByRole("navigation", { name: "Menu konsol" });
  assert.deepEqual(await nav.getByRole("link").allTextContents(), ["Beranda", "Kuis Apel", "Lomba antar unit", "ASN Inspiratif", "Dasbor unit", "Unit", "Pegawai", "Impor daftar pegawai"]);
  await nav.getByRole("link", { name: "Dasbor unit" }).click();

  // The unit admin's own unit, the latest ended quarter, by default.
  const q = quarterOf(now);
  await dash.shows(TOP_NAME, q.label);
  let api = await dashboardJson(server, admin.token, TOP, q.api);
  assert.equal(api.index.status, "shown");
  assert.equal(await page.getByTestId("index-respondents").textContent(), String(api.index.n));
  assert.equal(api.index.n, 20);
  assert.match(await page.getByTestId("index-overall").textContent(), new RegExp(percentText(api.index.value.overall)));
  assert.match(await page.getByTestId("index-overall").getByTestId("band").textContent(), new RegExp(`^${api.index.value.overall_band.grade} · `));
  assert.match(await page.getByTestId("weakest").textContent(), /Adaptif/);

  // The small sub-unit says why it shows nothing; no figure of it is on the page.
  const small = dash.subUnitRow(SMALL);
  const reason = small.getByTestId("suppressed").first();
  assert.equal((await reason.textContent()).trim(), BELOW_K);
  assert.equal(await reason.getAttribute("data-reason"), "below_k");
  const smallApi = api.sub_units.find((s) => s.unit.id === SMALL);
  assert.equal(smallApi.index.status, "suppressed");
  assert.equal(smallApi.index.n, undefined);
  // Its sibling hidden so that 20 − the others ≠ its 2 is explained too.
  const complementary = api.sub_units.filter((s) => s.index.reason === "complementary").map((s) => s.unit.id);
  assert.ok(complementary.length >= 1, JSON.stringify(api.sub_units.map((s) => s.index)));
  assert.match(await dash.subUnitRow(complementary[0]).getByTestId("suppressed").first().textContent(), /Disembunyikan/);
  await assertAccessible(page, "unit dashboard", { axe: true });
  await screenshot(page, "dashboard-01-quarter");

  // Sorting by index with the keyboard: a real button, its column says how it is sorted.
  const indexHeader = page.locator('[data-testid="sub-units-table"] th', { hasText: "Indeks BerAKHLAK" });
  await indexHeader.getByRole("button").focus();
  await page.keyboard.press("Enter");
  assert.equal(await indexHeader.getAttribute("aria-sort"), "descending");
  const firstShown = api.sub_units.filter((s) => s.index.status === "shown").sort((a, b) => b.index.value.overall - a.index.value.overall)[0];
  assert.equal(await page.locator('[data-testid="sub-units-table"] tbody tr').first().getAttribute("data-unit"), firstShown.unit.id);

  // The quarter before: other figures (everyone answered one point lower then).
  const before = quarterOf(earlier);
  await dash.choosePeriod(before.label);
  await dash.shows(TOP_NAME, before.label);
  const apiBefore = await dashboardJson(server, admin.token, TOP, before.api);
  assert.match(await page.getByTestId("index-overall").textContent(), new RegExp(percentText(apiBefore.index.value.overall)));
  assert.ok(apiBefore.index.value.overall < api.index.value.overall);
  await screenshot(page, "dashboard-02-quarter-before");

  // The running quarter, marked so in the picker: its questionnaire figures wait for its end
  // (two readings a day apart would differ by one person's answers), and the page says so.
  const running = quarterOf(new Date());
  await dash.choosePeriod(`${running.label} (berjalan)`);
  await dash.shows(TOP_NAME, running.label);
  const waiting = page.locator('[data-reason="running"]').first();
  assert.match(await waiting.textContent(), /Periode masih berjalan/);
  // No count of respondents either: it would change as people answer.
  assert.doesNotMatch(await page.getByTestId("index-respondents").textContent(), /\d/);
  const apiRunning = await dashboardJson(server, admin.token, TOP, running.api);
  assert.deepEqual([apiRunning.index.status, apiRunning.index.reason], ["suppressed", "running"]);
  await screenshot(page, "dashboard-02b-running-quarter");

  // By month: the month of the earlier answers.
  await dash.choosePeriodKind("Bulan");
  const month = monthOf(earlier);
  await dash.choosePeriod(month.label);
  await dash.shows(TOP_NAME, month.label);
  api = await dashboardJson(server, admin.token, TOP, month.api);
  assert.equal(await page.getByTestId("index-respondents").textContent(), String(api.index.n));
  await screenshot(page, "dashboard-03-month");

  // Downloads: the same figures as the API, the hidden cell as its reason.
  const csv = await dash.download("download-csv");
  assert.equal(csv.name, `dasbor-${TOP}-${month.api}.csv`);
  const xlsx = await dash.download("download-xlsx");
  assert.equal(xlsx.name, `dasbor-${TOP}-${month.api}.xlsx`);
  const sheets = readXlsx(xlsx.bytes);
  const sections = csvSections(csv.bytes);
  assert.equal(sections.length, sheets.length, "a CSV section per sheet");
  for (const [i, sheet] of sheets.entries()) {
    // Cell for cell: a number in the XLSX is the same number in the CSV, text the same text
    // (an empty cell is not written in the XLSX, so rows are padded to the header's width).
    const width = sheet.rows[0].length;
    const asCsv = sheet.rows.map((r) => Array.from({ length: width }, (_, j) => (r[j] == null ? "" : String(r[j]))));
    assert.deepEqual(sections[i].rows, asCsv, sheet.name);
  }
  const cell = (rows, key, header) => rows.find((r) => r[0] === key)[rows[0].indexOf(header)];
  const summary = sheets.find((s) => s.name === "Ringkasan").rows;
  assert.equal(summary[1][summary[0].indexOf("Indeks BerAKHLAK (%)")], api.index.value.overall);
  assert.equal(summary[1][summary[0].indexOf("Responden indeks")], api.index.n);
  assert.equal(summary[1][summary[0].indexOf("Anggota")], api.participation.members);
  const index = sheets.find((s) => s.name === "Indeks BerAKHLAK").rows;
  for (const v of api.index.value.values) assert.equal(cell(index, v.index.value, "Indeks (%)"), v.index.percent, v.index.value);
  const subs = sheets.find((s) => s.name === "Sub-unit").rows;
  assert.equal(cell(subs, SMALL, "Indeks BerAKHLAK (%)"), BELOW_K);
  assert.equal(cell(sections.find((s) => s.title === "Sub-unit").rows, SMALL, "Indeks BerAKHLAK (%)"), BELOW_K);

  // "Cetak": the print stylesheet drops the nav and the buttons; A4 pages counted.
  await page.emulateMedia({ media: "print" });
  assert.ok(await nav.isHidden(), "no nav on paper");
  assert.ok(await page.getByTestId("download-csv").isHidden(), "no buttons on paper");
  await screenshot(page, "dashboard-04-print");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(`print: the unit report is ${pages} A4 page(s)`);
  await page.emulateMedia({ media: "screen" });

  // Another unit in the admin's scope, through the picker: the small one hides its index
  // and says so, in the figure and under its trend.
  const smallName = "Biro Hubungan Masyarakat, Hukum, dan Kerja Sama";
  await dash.chooseUnit(smallName);
  await dash.shows(smallName, month.label);
  assert.equal((await page.getByTestId("index-respondents").textContent()).trim(), BELOW_K);
  assert.match(await page.getByTestId("dash-index").getByTestId("hidden-periods").textContent(), new RegExp(`${month.label}: kurang dari 5 responden`));
  assert.equal(await page.getByTestId("index-overall").count(), 0, "no overall figure for the small unit");
  await screenshot(page, "dashboard-05-small-unit");
  await dash.chooseUnit(TOP_NAME);
  await dash.shows(TOP_NAME, month.label);

  // English, then back.
  await page.getByTestId("lang-switch").click();
  await page.getByRole("heading", { level: 1, name: "Unit dashboard" }).waitFor();
  assert.equal((await dash.subUnitRow(SMALL).getByTestId("suppressed").first().textContent()).trim(), "Fewer than 5 respondents");
  await screenshot(page, "dashboard-06-english");
  await page.getByTestId("lang-switch").click();
  await page.getByRole("heading", { level: 1, name: "Dasbor unit" }).waitFor();

  // Frame time of a period change on a CPU slowed 4×.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.evaluate(() => {
    window.__frames = [];
    window.__long = [];
    const loop = (t) => {
      window.__frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
  });
  // Several changes between two months: the charts are updated on the same canvases (not
  // rebuilt), and what they and the tables show is the API's answer for the new month.
  const drawnCharts = await rememberCanvases(page);
  assert.ok(drawnCharts >= 3, `charts drawn before the changes: ${drawnCharts}`);
  const runs = [];
  const current = monthOf(now);
  for (const target of [current, month, current, month, current, month]) {
    await dash.choosePeriod(target.label);
    await dash.shows(TOP_NAME, target.label);
    await page.waitForTimeout(300);
    const { deltas, ...redraw } = await lastRedraw(page);
    runs.push({ period: target.api, ...redraw, ...frameStats(deltas), deltas });
    assert.deepEqual(await sameCanvases(page), { now: drawnCharts, same: drawnCharts }, `charts kept after the change to ${target.api}`);
    await assertShowsApi(page, await dashboardJson(server, admin.token, TOP, target.api));
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  console.log("period change, CPU 4× slower (target ≤ 16 ms per frame):");
  console.table(runs.map(({ deltas, longTasksMs, ...r }) => ({ ...r, longTasksMs: longTasksMs.join(" ") })));
  console.log("all changes together:", JSON.stringify(frameStats(runs.flatMap((r) => r.deltas))));
  await context.close();

  // A trainer: no dashboard in the nav, and "no access" at its address.
  const other = await laptop(env.browser);
  const trainerPage = await other.newPage();
  const trainerConsole = new ConsolePage(trainerPage, server.url);
  await trainerConsole.open();
  await trainerConsole.submitLogin(trainer);
  await trainerConsole.home(trainer.name);
  assert.deepEqual(await trainerPage.getByRole("navigation", { name: "Menu konsol" }).getByRole("link").allTextContents(), ["Beranda", "Kuis Apel"]);
  await trainerPage.goto(`${server.url}/konsol/dasbor`);
  await trainerPage.getByTestId("no-access").getByRole("heading", { name: /tidak punya akses/ }).waitFor();
  assert.equal(await trainerPage.getByTestId("dashboard").count(), 0);
  const refused = await fetch(`${server.url}/api/v1/units/${TOP}/dashboard.csv?period=${q.api}`, { headers: { authorization: `Bearer ${trainer.token}` } });
  assert.equal(refused.status, 403);
  await screenshot(trainerPage, "dashboard-07-trainer-no-access");
  await other.close();
});
