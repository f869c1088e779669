// The console's admin screens on a laptop: a trainer sees none of them (and the server
// refuses them anyway); a unit admin creates, renames and moves a unit, is told why a unit
// with members cannot be retired and why a unit cannot go under itself, moves a person and
// makes them a trainer; an admin imports a roster with an error (seen with its line,
// nothing imported), fixes the file and imports it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAccessible } from "../lib/audit.mjs";
import { laptop, screenshot } from "../lib/browser.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { grantRole, makeNip } from "../lib/server.mjs";
import { ConsolePage } from "../pages/console.mjs";

const env = useServerAndBrowser();
const { server } = env;

async function api(path, { method = "GET", token, body, type = "application/json" } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = type;
  const payload = body === undefined || typeof body === "string" ? body : JSON.stringify(body);
  const r = await fetch(`${server.url}/api/v1${path}`, { method, headers, body: payload });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

/** Signs a person up through the API (in `unit`), with `role` given by the server's command. */
async function account(name, unit, role) {
  const person = { nip: makeNip(), name, password: "konsol-2026" };
  const r = await api("/auth/register", { method: "POST", body: { ...person, unit_id: unit } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  if (role) grantRole(server, person.nip, role);
  return person;
}

async function tokenOf(person) {
  const r = await api("/auth/login", { method: "POST", body: { nip: person.nip, password: person.password } });
  assert.equal(r.status, 200);
  return r.body.token;
}

async function openConsole() {
  const context = await laptop(env.browser);
  const page = await context.newPage();
  return { context, page, konsol: new ConsolePage(page, server.url) };
}

test("a trainer sees no admin screen; typing its address says 'tidak punya akses', and the server refuses too", async () => {
  const trainer = await account("Bagus Pratama", "bkn-biro-sdm", "trainer");
  const { context, page, konsol } = await openConsole();
  await konsol.signIn(trainer);
  assert.deepEqual(await konsol.navScreens(), ["Beranda", "Kuis Apel"]);
  for (const path of ["/konsol/unit", "/konsol/pegawai", "/konsol/impor", "/konsol/kualitas", "/konsol/analisis-butir"]) {
    await page.goto(`${server.url}${path}`);
    await page.getByRole("heading", { level: 1, name: "Anda tidak punya akses ke layar ini" }).waitFor();
    assert.equal(await page.getByTestId("console-problem").count(), 0, "no request was made to fail");
  }
  await assertAccessible(page, "console: no access", { axe: true });
  await screenshot(page, "console-admin-01-trainer-no-access");
  const token = await konsol.token();
  for (const path of ["/admin/units", "/admin/people?q=", "/admin/item-analysis?period=2026-Q1"]) {
    const r = await api(path, { token });
    assert.equal(r.status, 403, path);
    assert.equal(r.body.error.code, "forbidden");
  }
  await context.close();
});

test("a unit admin creates, renames and moves a unit, cannot retire one with members, moves a person and makes them a trainer", async () => {
  const admin = await account("Sari Wulandari", "bkn-settama", "unit_admin");
  const rina = await account("Rina Kusuma", "bkn-biro-umum");
  const { context, page, konsol } = await openConsole();
  await konsol.signIn(admin);
  assert.deepEqual(await konsol.navScreens(), ["Beranda", "Kuis Apel", "Lomba antar unit", "ASN Inspiratif", "Dasbor unit", "Unit", "Pegawai", "Impor daftar pegawai"]);

  await konsol.goTo("Unit");
  const tree = page.getByTestId("unit-tree");
  await tree.waitFor();
  // Nested lists: Biro SDM is an item of the list inside Sekretariat Utama's item; nothing
  // outside the unit admin's scope is shown.
  assert.equal(await konsol.unit("bkn-settama").locator(':scope > ul > li[data-unit="bkn-biro-sdm"]').count(), 1);
  assert.equal(await konsol.unit("bkn").count(), 0, "the agency's top is outside this scope");
  await assertAccessible(page, "console: unit tree", { axe: true });
  await screenshot(page, "console-admin-02-unit-tree");

  const notice = page.getByTestId("units-notice");
  // Create a sub-unit.
  let form = await konsol.unitAction("bkn-settama", "Tambah sub-unit");
  await form.getByLabel("Nama sub-unit baru").fill("Tim Kerja Budaya");
  await assertAccessible(page, "console: add a sub-unit", { axe: true });
  await form.getByRole("button", { name: "Simpan" }).click();
  await notice.filter({ hasText: "Sub-unit Tim Kerja Budaya ditambahkan di bawah Sekretariat Utama." }).waitFor();
  await konsol.unit("bkn-settama").locator(':scope > ul > li[data-unit="tim-kerja-budaya"]').waitFor();

  // Rename it.
  form = await konsol.unitAction("tim-kerja-budaya", "Ubah nama");
  await form.getByLabel("Nama baru").fill("Tim Budaya Kerja");
  await form.getByRole("button", { name: "Simpan" }).click();
  await notice.filter({ hasText: "Tim Kerja Budaya sekarang bernama Tim Budaya Kerja." }).waitFor();

  // Move it under Biro SDM.
  form = await konsol.unitAction("tim-kerja-budaya", "Pindahkan");
  await form.getByLabel("Induk baru").selectOption("bkn-biro-sdm");
  await form.getByRole("button", { name: "Simpan" }).click();
  await notice.filter({ hasText: "Tim Budaya Kerja dipindahkan." }).waitFor();
  await konsol.unit("bkn-biro-sdm").locator(':scope > ul > li[data-unit="tim-kerja-budaya"]').waitFor();
  await screenshot(page, "console-admin-03-unit-moved");

  // Biro SDM cannot go under its own sub-unit: the server's message.
  form = await konsol.unitAction("bkn-biro-sdm", "Pindahkan");
  await form.getByLabel("Induk baru").selectOption("tim-kerja-budaya");
  await form.getByRole("button", { name: "Simpan" }).click();
  await form.getByRole("alert").filter({ hasText: "Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau sub-unitnya." }).waitFor();
  await form.getByRole("button", { name: "Batal" }).click();

  // Biro Umum has a member: retiring it is refused, with the server's message and the count.
  form = await konsol.unitAction("bkn-biro-umum", "Nonaktifkan");
  await form.getByRole("button", { name: "Ya, nonaktifkan" }).click();
  await form.getByRole("alert").filter({ hasText: "Unit ini masih memiliki pegawai. Pindahkan mereka dahulu." }).waitFor();
  assert.match(await form.getByTestId("unit-member-count").textContent(), /Anggota unit ini: 1\./);
  await assertAccessible(page, "console: retire refused", { axe: true });
  await screenshot(page, "console-admin-04-retire-refused");
  const units = await api("/admin/units", { token: await tokenOf(admin) });
  assert.equal(units.body.find((u) => u.id === "bkn-biro-umum").active, true, "still active");

  // People: find Rina, move her to the new unit, make her a trainer.
  await konsol.goTo("Pegawai");
  await page.getByLabel("Cari NIP atau nama").fill("rina");
  await page.getByRole("button", { name: "Cari", exact: true }).click();
  await page.getByTestId("people-count").filter({ hasText: "1 pegawai cocok dengan “rina”." }).waitFor();
  const card = page.getByTestId("person").filter({ hasText: "Rina Kusuma" });
  await card.getByRole("button", { name: "Kelola" }).click();
  await card.getByLabel("Unit", { exact: true }).selectOption("tim-kerja-budaya");
  await card.getByRole("button", { name: "Pindahkan ke unit ini" }).click();
  await card.getByTestId("person-notice").filter({ hasText: "Rina Kusuma sekarang di Tim Budaya Kerja." }).waitFor();
  assert.equal(await card.getByTestId("person-unit").textContent(), "Tim Budaya Kerja");
  // A unit admin is offered trainer and unit admin, never admin.
  assert.equal(await card.getByTestId("role-admin").count(), 0);
  await card.getByRole("button", { name: "Beri peran Pelatih" }).click();
  await card.getByTestId("person-notice").filter({ hasText: "Rina Kusuma sekarang Pelatih." }).waitFor();
  await card.getByRole("button", { name: "Cabut peran Pelatih" }).waitFor();
  assert.equal(await card.getByTestId("person-roles").textContent(), "Pegawai · Pelatih");
  await assertAccessible(page, "console: people", { axe: true });
  await screenshot(page, "console-admin-05-person-trainer");
  const login = await api("/auth/login", { method: "POST", body: { nip: rina.nip, password: rina.password } });
  assert.deepEqual(login.body.account.roles, ["employee", "trainer"]);
  assert.equal(login.body.account.unit_id, "tim-kerja-budaya");

  // Biro Umum is empty now: it can be retired.
  await konsol.goTo("Unit");
  form = await konsol.unitAction("bkn-biro-umum", "Nonaktifkan");
  await form.getByRole("button", { name: "Ya, nonaktifkan" }).click();
  await notice.filter({ hasText: "Biro Umum dinonaktifkan." }).waitFor();
  await konsol.unit("bkn-biro-umum").filter({ hasText: "nonaktif" }).waitFor();

  // Usable on a 360 px screen: no sideways scrolling, targets still 44 px.
  await page.setViewportSize({ width: 360, height: 740 });
  await assertAccessible(page, "console: unit tree at 360 px", { axe: true });
  await screenshot(page, "console-admin-06-unit-tree-360");
  await konsol.goTo("Pegawai");
  await page.getByTestId("person").first().waitFor();
  await assertAccessible(page, "console: people at 360 px", { axe: true });
  await context.close();
});

test("an admin imports a roster: a row in error is shown with its line and nothing is imported; the fixed file imports", async () => {
  const admin = await account("Hendra Gunawan", "bkn", "admin");
  const siti = { nip: makeNip(), name: "Siti Rahma", password: "roster-2026" };
  const budi = { nip: makeNip(), name: "Budi Santoso", password: "roster-2026" };
  const dewi = { nip: makeNip(), name: "Dewi Anggraini", password: "roster-2026" };
  const digits = (nip) => nip.replaceAll(" ", "");
  const broken = [
    "NIP;Nama;Unit Kerja",
    `${digits(siti.nip)};${siti.name};bkn-biro-sdm`,
    `12345;${budi.name};bkn-biro-sdm`,
    `${digits(dewi.nip)};${dewi.name};unit-hilang`,
  ].join("\n");
  const fixed = [
    "NIP;Nama;Unit Kerja",
    `${digits(siti.nip)};${siti.name};bkn-biro-sdm`,
    `${digits(budi.nip)};${budi.name};bkn-biro-sdm`,
    `${digits(dewi.nip)};${dewi.name};bkn-biro-keuangan`,
  ].join("\n");

  const { context, page, konsol } = await openConsole();
  await konsol.signIn(admin);
  await konsol.goTo("Impor daftar pegawai");
  await page.getByTestId("roster-rule").filter({ hasText: "Tidak ada yang diimpor sebelum semua baris benar." }).waitFor();
  const importButton = page.getByRole("button", { name: "Impor", exact: true });
  assert.equal(await importButton.isDisabled(), true, "nothing to import before a file is checked");

  await page.getByLabel("Berkas daftar pegawai (CSV atau XLSX)").setInputFiles({
    name: "pegawai.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(broken),
  });
  const preview = page.getByTestId("roster-preview");
  await preview.waitFor();
  assert.match(await page.getByTestId("roster-summary").textContent(), /^3 baris, 2 salah\. Belum ada yang diimpor\.$/);
  const problems = page.getByTestId("roster-problem");
  assert.equal(await problems.count(), 2);
  assert.deepEqual(
    await problems.evaluateAll((items) => items.map((li) => li.dataset.line)),
    ["3", "4"],
  );
  assert.match(await problems.nth(0).textContent(), /^Baris 3: /);
  assert.match(await problems.nth(1).textContent(), /^Baris 4: .*unit-hilang/);
  assert.deepEqual(
    await page.getByTestId("roster-row").evaluateAll((rows) => rows.map((r) => [r.dataset.line, r.cells[1].textContent])),
    [["2", "baru"], ["3", "salah"], ["4", "salah"]],
  );
  assert.equal(await importButton.isDisabled(), true, "Impor stays off while a row is wrong");
  await assertAccessible(page, "console: roster preview with errors", { axe: true });
  await screenshot(page, "console-admin-07-roster-errors");

  // Nothing was imported: the server refuses the broken file, registration is still open
  // to any NIP, and the fixed file would add all three.
  const token = await tokenOf(admin);
  const refused = await api("/admin/roster", { method: "POST", token, body: broken, type: "text/csv" });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.error.code, "roster_has_errors");
  const check = await api("/admin/roster?preview=true", { method: "POST", token, body: fixed, type: "text/csv" });
  assert.deepEqual([check.body.added, check.body.unchanged, check.body.imported], [3, 0, false]);

  // The fixed file: every row valid, then "Impor".
  await page.getByLabel("Berkas daftar pegawai (CSV atau XLSX)").setInputFiles({
    name: "pegawai-perbaikan.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(fixed),
  });
  await page.getByTestId("roster-summary").filter({ hasText: "3 baris, semuanya benar." }).waitFor();
  assert.equal(await page.getByTestId("roster-problem").count(), 0);
  await importButton.click();
  const done = page.getByTestId("roster-done");
  await done.filter({ hasText: "Impor selesai." }).waitFor();
  assert.match(await done.textContent(), /3 baru, 0 berubah, 0 tetap, 0 keluar dari daftar\./);
  await assertAccessible(page, "console: roster imported", { axe: true });
  await screenshot(page, "console-admin-08-roster-imported");

  // The roster is in: its people register into its units, anyone else is refused.
  const again = await api("/admin/roster?preview=true", { method: "POST", token, body: fixed, type: "text/csv" });
  assert.deepEqual([again.body.added, again.body.unchanged], [0, 3]);
  const joined = await api("/auth/register", { method: "POST", body: { ...siti, unit_id: "bkn-biro-sdm" } });
  assert.equal(joined.status, 201);
  const stranger = await api("/auth/register", {
    method: "POST",
    body: { nip: makeNip(), name: "Orang Lain", password: "roster-2026", unit_id: "bkn-biro-sdm" },
  });
  assert.equal(stranger.status, 403);
  assert.equal(stranger.body.error.code, "not_on_roster");
  await konsol.goTo("Pegawai");
  await page.getByLabel("Cari NIP atau nama").fill(digits(siti.nip));
  await page.getByRole("button", { name: "Cari", exact: true }).click();
  const card = page.getByTestId("person").filter({ hasText: siti.name });
  await card.waitFor();
  assert.equal(await card.getByTestId("person-unit").textContent(), "Biro Sumber Daya Manusia");
  await screenshot(page, "console-admin-09-people-after-import");
  await context.close();
});
