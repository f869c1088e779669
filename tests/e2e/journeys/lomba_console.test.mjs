// Lomba antar unit and ASN Inspiratif in the console. A unit admin opens "Lomba antar unit"
// (empty, saying so), sets up a competition for the Sekretariat Utama (a close before the
// opening is refused in words beside the field), lands on its page while it runs, extends
// it, and watches the participation table count people who take it (through the API, as
// their phones would) without reloading. The server's clock moves past the close and the
// grace: the results show the rule, every unit's inputs and score as the API computes them,
// the unit below the minimum listed with why, the people, and the item analysis; "Umumkan
// hasil" publishes; the certificates print one per A4 landscape page. A second, upcoming
// competition is changed and then cancelled (a reason is required); a running one cannot be
// changed. Last, an ASN Inspiratif is named (a too-short citation refused), agrees on their
// phone, and is withdrawn.
import assert from "node:assert/strict";
import { test } from "node:test";
import { person } from "../lib/agency.mjs";
import { assertAccessible } from "../lib/audit.mjs";
import { laptop, screenshot } from "../lib/browser.mjs";
import { uuidv7 } from "../lib/ids.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { ConsolePage } from "../pages/console.mjs";
import { LombaConsole, wibLocal } from "../pages/lomba_console.mjs";

const env = useServerAndBrowser();
const { server } = env;

const HOUR = 3600_000;
const SETTAMA = "bkn-settama";
const SDM = "bkn-biro-sdm";
const KEUANGAN = "bkn-biro-keuangan";
const PERENCANAAN = "bkn-biro-perencanaan";

async function api(method, path, token, body) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

async function sync(who, kind, payload, at = new Date()) {
  const record = { id: uuidv7(), kind, account_id: who.id, created_at: at.toISOString(), payload };
  const res = await api("POST", "/sync", who.token, { records: [record] });
  assert.equal(res.status, 200);
  return res.body.results[0];
}

/** `who` downloads the paper and sends an attempt choosing option `pick(i)` of each question. */
async function take(who, id, pick) {
  const paper = await api("GET", `/me/competitions/${id}/paper`, who.token);
  assert.equal(paper.status, 200, JSON.stringify(paper.body));
  const started = new Date();
  const answers = paper.body.questions.map((q, i) => ({
    question_id: q.id,
    option_id: q.options[pick(i) % q.options.length].id,
  }));
  const finished = new Date(started.getTime() + 4 * 60_000 + 5_000);
  const result = await sync(who, "competition_attempt", { competition_id: id, started_at: started.toISOString(), finished_at: finished.toISOString(), answers }, finished);
  assert.equal(result.status, "stored", JSON.stringify(result));
}

/** "72,50" as the console prints a score of 72.5. */
const comma = (x) => x.toFixed(2).replace(".", ",");

test("an organiser sets up, follows, publishes and prints a competition, and names an ASN Inspiratif", async () => {
  const organiser = await person(server, "bkn", "Rina Kusuma", "unit_admin");
  const sdm = [];
  for (const n of ["Andi", "Bayu", "Citra"]) sdm.push(await person(server, SDM, `${n} SDM`));
  const keuangan = [];
  for (const n of ["Dewi", "Eko", "Fajar"]) keuangan.push(await person(server, KEUANGAN, `${n} Keuangan`));
  const perencanaan = await person(server, PERENCANAAN, "Gita Perencanaan");

  const context = await laptop(env.browser);
  const page = await context.newPage();
  const konsol = new ConsolePage(page, server.url);
  const lomba = new LombaConsole(page, server.url);
  await konsol.signIn(organiser);
  const nav = await konsol.navScreens();
  assert.ok(nav.includes("Lomba antar unit") && nav.includes("ASN Inspiratif"), nav.join(", "));
  await lomba.openList();
  assert.deepEqual(await lomba.listed(), []);
  await page.getByTestId("lomba-empty").filter({ hasText: "Belum ada lomba" }).waitFor();

  // The form: a close before the opening is refused beside "Ditutup", with the focus there.
  const now = new Date();
  await page.getByTestId("lomba-create").click();
  await lomba.fill({
    name: "Lomba Bulan BerAKHLAK",
    description: "Tujuh soal, satu per nilai.",
    unit: SETTAMA,
    opens: wibLocal(new Date(now.getTime() - HOUR)),
    closes: wibLocal(new Date(now.getTime() - 2 * HOUR)),
    perValue: 1,
    limit: 15,
    min: 2,
  });
  await page.getByTestId("lomba-save").click();
  assert.deepEqual(await lomba.fieldErrors(), [{ field: "lomba-closes-error", message: "Waktu tutup harus sesudah waktu buka." }]);
  assert.equal(await page.evaluate(() => document.activeElement.id), "lomba-closes");
  assert.equal(await page.getByLabel("Masa tenggang (jam)").inputValue(), "48", "48 hours of grace unless changed");
  await assertAccessible(page, "Lomba: the form with a refusal", { axe: true });
  await screenshot(page, "console-lomba-01-form-refused");
  await lomba.fill({ closes: wibLocal(new Date(now.getTime() + 24 * HOUR)) });
  const id = await lomba.submit();

  // Its page while it runs: the settings, the participation (counts only), extend.
  assert.equal(await lomba.phase(), "open");
  const zero = await lomba.participation();
  assert.deepEqual(Object.keys(zero).sort(), [PERENCANAAN, KEUANGAN, SDM, "bkn-biro-humas", "bkn-biro-umum"].sort());
  assert.deepEqual(zero[SDM], { members: 3, downloaded: 0, participants: 0 });
  const closes = new Date(now.getTime() + 48 * HOUR);
  await lomba.extend(wibLocal(closes));
  // The competition as the API has it now (what the results and piagam will say).
  const admin = organiser.token;
  const saved = (await api("GET", `/competitions/${id}`, admin)).body;
  assert.equal(saved.closes_local, wibLocal(closes));

  // People take it; the table counts them within its 30-second refresh, without a reload.
  for (const [i, who] of sdm.entries()) await take(who, id, (q) => (q + i) % 2);
  for (const who of keuangan.slice(0, 2)) await take(who, id, () => 1);
  await take(perencanaan, id, () => 0);
  await lomba.waitParticipants(SDM, 3);
  await lomba.waitParticipants(KEUANGAN, 2);
  const counts = await lomba.participation();
  assert.deepEqual(counts[KEUANGAN], { members: 3, downloaded: 2, participants: 2 });
  assert.equal(await page.getByTestId("score").count(), 0, "no score while it runs");
  await assertAccessible(page, "Lomba: running", { axe: true });
  await screenshot(page, "console-lomba-02-running");

  // A running competition cannot be changed: the form says why.
  await page.goto(`${server.url}/konsol/lomba/${id}/ubah`);
  await page.getByTestId("lomba-locked").filter({ hasText: "tidak dapat diubah lagi" }).waitFor();
  assert.equal(await page.getByTestId("lomba-form").count(), 0);
  // Nor one that does not exist (the server's words, no form to fill in vain); its results
  // do not exist either.
  const unknown = "0198a6f0-0000-7000-8000-00000000abcd";
  await page.goto(`${server.url}/konsol/lomba/${unknown}/ubah`);
  await page.getByTestId("console-problem").filter({ hasText: "Lomba tidak ditemukan." }).waitFor();
  assert.equal(await page.getByTestId("lomba-form").count(), 0);
  await page.goto(`${server.url}/konsol/lomba/${unknown}/hasil`);
  await page.getByTestId("console-problem").filter({ hasText: "Lomba tidak ditemukan." }).waitFor();
  // While it runs there are no results to see: the server says so.
  await page.goto(`${server.url}/konsol/lomba/${id}/hasil`);
  await page.getByTestId("console-problem").waitFor();
  assert.equal(await page.getByTestId("lomba-unit-row").count(), 0);

  // Past the close and the 48 hours of grace: final.
  server.advanceClock(closes.getTime() - Date.now() + 49 * HOUR);
  await lomba.openDetail(id);
  assert.equal(await lomba.phase(), "final");
  await page.getByTestId("lomba-open-results").click();
  await page.getByTestId("lomba-results-name").waitFor();

  // The results: the rule above the table, each unit's score as the API computed it.
  const results = (await api("GET", `/competitions/${id}/results`, admin)).body;
  await page.getByTestId("lomba-rule").filter({ hasText: "k = 5 orang · a = 0,25 · minimal 2 peserta per unit" }).waitFor();
  const ranked = results.ranking.units.filter((u) => u.rank !== null);
  assert.deepEqual(
    await lomba.ranking(),
    ranked.map((u) => ({ unit: u.unit, rank: String(u.rank), score: comma(u.score) })),
  );
  assert.deepEqual(ranked.map((u) => u.unit).sort(), [KEUANGAN, SDM].sort());
  await page
    .locator(`[data-testid="lomba-unranked"][data-unit="${PERENCANAAN}"]`)
    .filter({ hasText: "1 peserta dari 1 anggota, kurang dari minimal 2 peserta." })
    .waitFor();
  assert.equal(await page.getByTestId("lomba-person-row").count(), 6);
  assert.equal(await page.getByTestId("lomba-item-row").count(), saved.question_count);
  await assertAccessible(page, "Lomba: results", { axe: true });
  await screenshot(page, "console-lomba-03-results");
  // In English the same figures, with decimal points.
  await page.getByTestId("lang-switch").click();
  await page.getByTestId("lomba-rule").filter({ hasText: "Rule: k = 5 people · a = 0.25 · at least 2 participants per unit" }).waitFor();
  assert.equal((await lomba.ranking())[0].score, ranked[0].score.toFixed(2));
  await page.getByRole("heading", { level: 2, name: "Item analysis" }).waitFor();
  await page.getByTestId("lang-switch").click();
  await page.getByTestId("lomba-rule").filter({ hasText: "Aturan:" }).waitFor();

  await lomba.publish();
  assert.equal((await api("GET", `/competitions/${id}`, admin)).body.phase, "published");
  await screenshot(page, "console-lomba-04-published");

  // Certificates: the ranked units and the people placed 1–3, one per A4 landscape page.
  const sheets = await lomba.openPiagam(id);
  const units = sheets.filter((s) => s.kind === "unit");
  assert.deepEqual(units.map((s) => s.rank), ranked.map((u) => u.rank));
  assert.ok(units.some((s) => s.recipient === "Biro Sumber Daya Manusia"));
  const placed = results.people.filter((p) => p.rank <= 3);
  assert.deepEqual(sheets.filter((s) => s.kind === "person").map((s) => s.recipient), placed.map((p) => p.name));
  await page.getByTestId("piagam").first().filter({ hasText: "Badan Kepegawaian Negara" }).waitFor();
  await assertAccessible(page, "Lomba: certificates", { axe: true });
  await screenshot(page, "console-lomba-05-piagam");
  await page.emulateMedia({ media: "print" });
  await screenshot(page, "console-lomba-06-piagam-print");
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
  const pages = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.equal(pages.length, sheets.length, "one page per certificate");
  for (const [w, h] of pages) assert.ok(Math.abs(w - 841.9) < 2 && Math.abs(h - 595.3) < 2, `A4 landscape, got ${w}×${h}`);
  await page.emulateMedia({ media: "screen" });

  // A second competition, still upcoming, of three questions picked from the pool (grouped by
  // value): changed, then cancelled (a reason is required).
  const pool = (await api("GET", "/competitions/pool", admin)).body;
  const picked = [pool[0], pool.find((q) => q.value !== pool[0].value), pool.at(-1)].map((q) => q.id);
  await lomba.openList();
  const later = new Date(Date.now() + server.clockOffsetMs + 72 * HOUR);
  const second = await lomba.createCompetition({
    name: "Lomba Triwulan",
    unit: SETTAMA,
    zone: "WITA",
    opens: wibLocal(later),
    closes: wibLocal(new Date(later.getTime() + 48 * HOUR)),
    fixed: picked,
  });
  assert.equal(await lomba.phase(), "upcoming");
  const drawn = (await api("GET", `/competitions/${second}`, admin)).body;
  assert.deepEqual([drawn.question_count, drawn.questions], [3, { kind: "fixed", question_ids: picked }]);
  await page.getByTestId("lomba-edit").click();
  await lomba.fill({ name: "Lomba Triwulan IV" });
  await page.getByTestId("lomba-fixed-count").filter({ hasText: "3 soal dipilih" }).waitFor();
  await assertAccessible(page, "Lomba: questions picked from the pool", { axe: true });
  await screenshot(page, "console-lomba-07-pool");
  await lomba.submit();
  await page.getByTestId("lomba-detail-name").filter({ hasText: "Lomba Triwulan IV" }).waitFor();
  await lomba.cancel("");
  await page.getByRole("alert").filter({ hasText: "Tulis alasan pembatalan." }).waitFor();
  await page.getByLabel("Alasan (ditampilkan ke peserta)").fill("Bertepatan dengan cuti bersama.");
  await page.getByTestId("lomba-cancel-yes").click();
  await page.getByTestId("lomba-cancel-reason").filter({ hasText: "Bertepatan dengan cuti bersama." }).waitFor();
  assert.equal(await lomba.phase(), "cancelled");
  await lomba.openList();
  assert.deepEqual(
    (await lomba.listed()).map((c) => [c.id, c.phase]).sort(),
    [[id, "published"], [second, "cancelled"]].sort(),
  );
  await screenshot(page, "console-lomba-08-list");

  // ASN Inspiratif: a short citation is refused; then named, agreed on the phone, withdrawn.
  await lomba.openInspiratif();
  assert.deepEqual(await lomba.recognitions(), []);
  const named = sdm[0];
  await lomba.fillInspiratif({ unit: SDM, person: named.id, value: "pelayanan", month: "2026-12", citation: "Hebat sekali" });
  await page.getByTestId("asn-citation-count").filter({ hasText: "12/400 karakter" }).waitFor();
  await page.getByTestId("asn-submit").click();
  await page.getByTestId("asn-field-error").filter({ hasText: "Kutipan harus 20 sampai 400 karakter" }).waitFor();
  await lomba.nameInspiratif({
    citation: "Mendampingi pensiunan mengurus berkas hingga selesai, tanpa diminta dan di luar jam kerja.",
    competition: id,
  });
  let listed = await lomba.recognitions();
  assert.deepEqual(listed.map((r) => [r.person, r.consent]), [[named.name, "pending"]]);
  await assertAccessible(page, "ASN Inspiratif", { axe: true });
  await screenshot(page, "console-lomba-09-inspiratif");
  const stored = await sync(named, "recognition_consent", { recognition_id: listed[0].id, given: true });
  assert.equal(stored.status, "stored", JSON.stringify(stored));
  await page.reload();
  await page.getByTestId("asn-consent").filter({ hasText: "Disetujui" }).waitFor();
  await lomba.withdraw(listed[0].id);
  listed = await lomba.recognitions();
  assert.deepEqual(listed, []);
  await context.close();
});
