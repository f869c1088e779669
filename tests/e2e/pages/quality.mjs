// The console's measurement-quality screens: "Kualitas ukur" (/konsol/kualitas, from the
// unit dashboard) and "Analisis butir" (/konsol/analisis-butir, admins only).

/** The page's number format: a decimal comma. */
export const decimal = (x, digits = 2) => x.toFixed(digits).replace(".", ",");

export class QualityPage {
  constructor(page) {
    this.page = page;
  }

  /** Waits until α for `unitName` in `periodLabel` is on screen. */
  async shows(unitName, periodLabel) {
    await this.page.getByTestId("quality-unit").filter({ hasText: `${unitName} · ${periodLabel}` }).waitFor();
    await this.page.locator('[data-testid="quality"][aria-busy="false"]').waitFor();
  }

  questionnaire(id) {
    return this.page.locator(`[data-testid="quality-questionnaire"][data-questionnaire="${id}"]`);
  }

  component(questionnaire, component) {
    return this.questionnaire(questionnaire).locator(`[data-testid="alpha-table"] tr[data-component="${component}"]`);
  }
}

export class ItemAnalysisPage {
  constructor(page) {
    this.page = page;
  }

  /** Waits until the analysis of `periodLabel` is on screen. */
  async shows(periodLabel) {
    await this.page.locator("[data-testid=item-analysis-table] caption", { hasText: periodLabel }).waitFor();
    await this.page.locator('[data-testid="item-analysis"][aria-busy="false"]').waitFor();
  }

  rows() {
    return this.page.locator("[data-testid=item-analysis-table] tbody tr");
  }

  row(questionId) {
    return this.page.locator(`[data-testid=item-analysis-table] tr[data-question="${questionId}"]`);
  }

  /** Sorts by a column with the keyboard (its header button); returns the header. */
  async sortBy(label) {
    const header = this.page.locator("[data-testid=item-analysis-table] th", { hasText: label });
    await header.getByRole("button").focus();
    await this.page.keyboard.press("Enter");
    return header;
  }
}
