// The organiser's competition screens (/konsol/lomba…) and ASN Inspiratif (/konsol/inspiratif)
// as a unit admin uses them on a laptop: page objects a journey calls with plain values.
// Labels are the Indonesian ones (the console opens in Indonesian).

/** `YYYY-MM-DDTHH:MM` of `date` in WIB (UTC+7), as the form's datetime-local fields take it. */
export function wibLocal(date) {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

export class LombaConsole {
  constructor(page, url) {
    this.page = page;
    this.url = url;
  }

  /** Opens "Lomba antar unit" from the console's nav. */
  async openList() {
    await this.page.getByRole("navigation", { name: "Menu konsol" }).getByRole("link", { name: "Lomba antar unit", exact: true }).click();
    await this.page.getByRole("heading", { level: 1, name: "Lomba antar unit" }).waitFor();
  }

  /** The competitions listed: `[{id, name, window, phase, questions}]`. */
  async listed() {
    const rows = this.page.getByTestId("lomba-row");
    await this.page.getByTestId("lomba-table").or(this.page.getByTestId("lomba-empty")).waitFor();
    const out = [];
    for (const row of await rows.all()) {
      const cells = row.locator("td");
      out.push({
        id: await row.getAttribute("data-id"),
        name: (await row.locator("th").textContent()).trim(),
        window: (await cells.nth(0).textContent()).trim(),
        phase: await row.getByTestId("lomba-phase").getAttribute("data-phase"),
        questions: (await cells.nth(2).textContent()).trim(),
      });
    }
    return out;
  }

  /**
   * Fills the form (on "Buat lomba" or "Ubah") with what is given and leaves the rest:
   * `{name, description, unit, zone, opens, closes, perValue, perIndicator, fixed, limit,
   * grace, min}`; `opens`/`closes` as `YYYY-MM-DDTHH:MM` in `zone`, `fixed` question ids.
   */
  async fill(d) {
    const p = this.page;
    await p.getByTestId("lomba-form").waitFor();
    if (d.name !== undefined) await p.getByLabel("Nama lomba").fill(d.name);
    if (d.description !== undefined) await p.getByLabel("Deskripsi (boleh kosong)").fill(d.description);
    if (d.unit !== undefined) {
      await p.locator(`#lomba-unit option[value="${d.unit}"]`).waitFor({ state: "attached" });
      await p.getByLabel("Unit", { exact: true }).selectOption(d.unit);
    }
    if (d.zone !== undefined) await p.getByLabel("Zona waktu").selectOption(d.zone);
    if (d.opens !== undefined) await p.getByLabel("Dibuka").fill(d.opens);
    if (d.closes !== undefined) await p.getByLabel("Ditutup").fill(d.closes);
    if (d.perValue !== undefined) {
      await p.getByLabel("Sejumlah soal per nilai (7 nilai)").check();
      await p.getByLabel("Soal per nilai", { exact: true }).fill(String(d.perValue));
    }
    if (d.perIndicator !== undefined) {
      await p.getByLabel("Sejumlah soal per indikator (21 indikator)").check();
      await p.getByLabel("Soal per indikator", { exact: true }).fill(String(d.perIndicator));
    }
    if (d.fixed !== undefined) {
      await p.getByLabel("Soal pilihan dari bank soal lomba").check();
      for (const id of d.fixed) await p.locator(`#lomba-q-${id}`).check();
    }
    if (d.limit !== undefined) await p.getByLabel("Batas waktu pengerjaan (menit)").fill(String(d.limit));
    if (d.grace !== undefined) await p.getByLabel("Masa tenggang (jam)").fill(String(d.grace));
    if (d.min !== undefined) await p.getByLabel("Minimal peserta per unit").fill(String(d.min));
  }

  /** The refusals shown beside the form's fields: `[{field, message}]`. */
  async fieldErrors() {
    const out = [];
    for (const e of await this.page.getByTestId("lomba-field-error").all()) {
      out.push({ field: await e.getAttribute("data-field"), message: (await e.textContent()).trim() });
    }
    return out;
  }

  /** Sends the form and waits for the competition's page; returns its id. */
  async submit() {
    await this.page.getByTestId("lomba-save").click();
    await this.page.getByTestId("lomba-detail-name").waitFor();
    return this.page.url().split("/").pop();
  }

  /** From the list: "Buat lomba", the form filled with `d`, sent; returns the new id. */
  async createCompetition(d) {
    await this.page.getByTestId("lomba-create").click();
    await this.page.getByRole("heading", { level: 1, name: "Buat lomba" }).waitFor();
    await this.fill(d);
    return this.submit();
  }

  async openDetail(id) {
    await this.page.goto(`${this.url}/konsol/lomba/${id}`);
    await this.page.getByTestId("lomba-detail-name").waitFor();
  }

  /** The competition's phase on its page (`open`, `final`, …). */
  async phase() {
    return this.page.getByTestId("lomba-phase").first().getAttribute("data-phase");
  }

  /** The participation table: `{unitId: {members, downloaded, participants}}`. */
  async participation() {
    await this.page.getByTestId("lomba-participation").waitFor();
    const out = {};
    for (const row of await this.page.getByTestId("lomba-participation-row").all()) {
      const n = async (id) => Number((await row.getByTestId(id).textContent()).trim());
      out[await row.getAttribute("data-unit")] = {
        members: await n("members"),
        downloaded: await n("downloaded"),
        participants: await n("participants"),
      };
    }
    return out;
  }

  /** Waits until the participation table (refreshing itself every 30 s) counts `n` in `unit`. */
  async waitParticipants(unit, n, timeout = 40_000) {
    await this.page
      .locator(`[data-testid="lomba-participation-row"][data-unit="${unit}"] [data-testid="participants"]`)
      .filter({ hasText: new RegExp(`^${n}$`) })
      .waitFor({ timeout });
  }

  /** "Perpanjang" to `closes` (`YYYY-MM-DDTHH:MM` in the competition's zone). */
  async extend(closes) {
    await this.page.locator("#lomba-new-close").fill(closes);
    await this.page.getByTestId("lomba-extend-submit").click();
    await this.page.getByTestId("lomba-notice").filter({ hasText: "diperpanjang sampai" }).waitFor();
  }

  /** "Batalkan lomba…" with `reason` ("" to see the refusal). */
  async cancel(reason) {
    await this.page.getByTestId("lomba-cancel").click();
    await this.page.getByLabel("Alasan (ditampilkan ke peserta)").fill(reason);
    await this.page.getByTestId("lomba-cancel-yes").click();
  }

  async openResults(id) {
    await this.page.goto(`${this.url}/konsol/lomba/${id}/hasil`);
    await this.page.getByTestId("lomba-results-name").waitFor();
  }

  /** The ranking table: `[{unit, rank, score}]` (score as printed, "72,50"). */
  async ranking() {
    const out = [];
    for (const row of await this.page.getByTestId("lomba-unit-row").all()) {
      out.push({
        unit: await row.getAttribute("data-unit"),
        rank: (await row.getByTestId("rank").textContent()).trim(),
        score: (await row.getByTestId("score").textContent()).trim(),
      });
    }
    return out;
  }

  /** "Umumkan hasil", confirmed; waits until the page says it is published. */
  async publish() {
    await this.page.getByTestId("lomba-publish").click();
    await this.page.getByTestId("lomba-publish-yes").click();
    await this.page.getByTestId("lomba-publish-status").filter({ hasText: "Hasil sudah diumumkan" }).waitFor();
  }

  /** The certificates page: `[{kind, rank, recipient}]`. */
  async openPiagam(id) {
    await this.page.goto(`${this.url}/konsol/lomba/${id}/piagam`);
    await this.page.getByTestId("piagam").first().or(this.page.getByTestId("piagam-none")).waitFor();
    const out = [];
    for (const p of await this.page.getByTestId("piagam").all()) {
      out.push({
        kind: await p.getAttribute("data-kind"),
        rank: Number(await p.getAttribute("data-rank")),
        recipient: (await p.getByTestId("piagam-recipient").textContent()).trim(),
      });
    }
    return out;
  }

  /** Opens "ASN Inspiratif" from the nav. */
  async openInspiratif() {
    await this.page.getByRole("navigation", { name: "Menu konsol" }).getByRole("link", { name: "ASN Inspiratif", exact: true }).click();
    await this.page.getByRole("heading", { level: 1, name: "ASN Inspiratif" }).waitFor();
  }

  /** Fills the naming form: `{unit, person (account id), value, month "YYYY-MM", citation, competition}`. */
  async fillInspiratif(d) {
    const p = this.page;
    if (d.unit !== undefined) {
      await p.locator(`#asn-unit option[value="${d.unit}"]`).waitFor({ state: "attached" });
      await p.getByLabel("Unit", { exact: true }).selectOption(d.unit);
    }
    if (d.person !== undefined) {
      await p.locator(`#asn-person option[value="${d.person}"]`).waitFor({ state: "attached" });
      await p.getByLabel("Pegawai", { exact: true }).selectOption(d.person);
    }
    if (d.value !== undefined) {
      await p.locator(`#asn-value option[value="${d.value}"]`).waitFor({ state: "attached" });
      await p.getByLabel("Nilai", { exact: true }).selectOption(d.value);
    }
    if (d.month !== undefined) await p.getByLabel("Bulan").fill(d.month);
    if (d.citation !== undefined) await p.getByLabel("Kutipan").fill(d.citation);
    if (d.competition !== undefined) await p.getByLabel("Sesudah lomba (boleh kosong)").selectOption(d.competition);
  }

  /** Names an ASN Inspiratif and waits for the notice. */
  async nameInspiratif(d) {
    await this.fillInspiratif(d);
    await this.page.getByTestId("asn-submit").click();
    await this.page.getByTestId("asn-notice").filter({ hasText: "disebut ASN Inspiratif" }).waitFor();
  }

  /** The recognitions listed: `[{id, person, consent}]`. */
  async recognitions() {
    await this.page.getByTestId("asn-table").or(this.page.getByTestId("asn-empty")).waitFor();
    const out = [];
    for (const row of await this.page.getByTestId("asn-row").all()) {
      out.push({
        id: await row.getAttribute("data-id"),
        person: (await row.getByTestId("asn-person-name").textContent()).trim(),
        consent: await row.getByTestId("asn-consent").getAttribute("data-consent"),
      });
    }
    return out;
  }

  /** "Tarik" on the recognition with `id`, confirmed. */
  async withdraw(id) {
    const row = this.page.locator(`[data-testid="asn-row"][data-id="${id}"]`);
    await row.getByTestId("asn-withdraw").click();
    await row.getByTestId("asn-withdraw-yes").click();
    await this.page.getByTestId("asn-notice").filter({ hasText: "ditarik" }).waitFor();
    // The notice can come before the list is read again: the row goes with that.
    await row.waitFor({ state: "detached" });
  }
}
