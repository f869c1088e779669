// The console's unit dashboard (/konsol/dasbor) as a unit admin uses it.
export class DashboardPage {
  constructor(page) {
    this.page = page;
  }

  /** Waits until the figures for `unitName` in `periodLabel` are on screen and drawn. */
  async shows(unitName, periodLabel) {
    await this.page.getByTestId("dash-unit").filter({ hasText: `${unitName} · ${periodLabel}` }).waitFor();
    await this.page.locator('[data-testid="dashboard"][aria-busy="false"]').waitFor();
    await this.chartsSettled();
  }

  /** Every chart drawn (or empty): none still loading. */
  async chartsSettled() {
    await this.page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="chart"]')].every((c) => c.dataset.state !== "loading"),
    );
  }

  async chooseUnit(name) {
    await this.page.getByLabel("Unit", { exact: true }).selectOption({ label: name });
  }

  async choosePeriodKind(label) {
    await this.page.getByLabel("Jenis periode").selectOption({ label });
  }

  async choosePeriod(label) {
    await this.page.getByLabel("Periode", { exact: true }).selectOption({ label });
  }

  subUnitRow(unitId) {
    return this.page.locator(`[data-testid="sub-units-table"] tr[data-unit="${unitId}"]`);
  }

  /** Clicks a download button; returns `{name, bytes}` of the file the browser saved. */
  async download(testId) {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByTestId(testId).click()]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }
}
