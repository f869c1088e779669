// Page objects of the phone's competition (lomba) screens and home's ASN Inspiratif card.
import assert from "node:assert/strict";

export class Lomba {
  constructor(page) {
    this.page = page;
  }

  /** From home: the "Lomba" list, once it has read the store. */
  async open() {
    await this.page.getByRole("link", { name: "Beranda", exact: true }).click();
    await this.page.getByTestId("lomba-link").click();
    await this.page.getByTestId("lomba").getByRole("heading", { level: 1 }).waitFor();
  }

  item(name) {
    return this.page.getByTestId("lomba-item").filter({ hasText: name });
  }

  /** Waits until the competition `name` is listed as `standing` (Ready, Taken, Published…). */
  async waitFor(name, standing, timeout = 30_000) {
    await this.page
      .locator(`[data-testid="lomba-item"][data-standing="${standing}"]`)
      .filter({ hasText: name })
      .waitFor({ timeout });
  }

  /** Opens the competition from the list and starts (or continues) the attempt. */
  async take(name) {
    await this.item(name).getByTestId("lomba-take").click();
    const start = this.page.getByTestId("lomba-start");
    await Promise.race([start.waitFor(), this.page.getByTestId("lomba-countdown").waitFor()]);
    if (await start.isVisible()) await start.click();
    await this.page.getByTestId("lomba-countdown").waitFor();
  }

  async progress() {
    return (await this.page.getByTestId("progress").textContent()).trim();
  }

  async questionId() {
    return this.page.locator("#question-stem").getAttribute("data-question");
  }

  /** Seconds on the countdown. */
  async secondsLeft() {
    const [m, s] = (await this.page.getByTestId("lomba-countdown").locator(".num").textContent()).trim().split(":");
    return Number(m) * 60 + Number(s);
  }

  /** Chooses the option at `index` (the paper's order) and waits until it is saved and shown. */
  async choose(index) {
    const radio = this.page.locator('.option input[type="radio"]').nth(index);
    const option = await radio.getAttribute("value");
    await radio.check();
    await this.page.locator(`#lomba-chosen[value="${option}"]`).waitFor();
    return option;
  }

  /** The option chosen for the question on screen, if any. */
  async chosen() {
    const radio = this.page.locator("#lomba-chosen");
    return (await radio.count()) ? radio.getAttribute("value") : null;
  }

  /** "Berikutnya" (or "Ringkasan" on the last question). */
  async next() {
    const before = await this.questionId();
    await this.page.getByTestId("lomba-next").click();
    await this.page.waitForFunction(
      (b) => document.querySelector("#question-stem")?.dataset.question !== b || document.querySelector("#lomba-summary"),
      before,
    );
  }

  /** "Sebelumnya". */
  async previous() {
    const before = await this.questionId();
    await this.page.getByTestId("lomba-prev").click();
    await this.page.waitForFunction((b) => document.querySelector("#question-stem")?.dataset.question !== b, before);
  }

  /** The summary's count of unanswered questions. */
  async unanswered() {
    return Number(await this.page.getByTestId("lomba-unanswered").getAttribute("data-count"));
  }

  /** "Kirim" on the summary, and the confirmation. */
  async send() {
    await this.page.getByTestId("lomba-send").click();
    await this.page.getByTestId("lomba-sent").waitFor();
  }

  /** The published results of `name`, from the list. */
  async openResults(name) {
    await this.item(name).getByTestId("lomba-results").click();
    await this.page.getByTestId("lomba-own-result").waitFor();
  }
}

export class Inspiratif {
  constructor(page) {
    this.page = page;
  }

  /** Home's consent question for one's own recognition. */
  consentCard() {
    return this.page.getByTestId("recognition-consent");
  }

  /** "Tampilkan ke rekan unit" (`given`) or "Jangan tampilkan". */
  async decide(given) {
    await this.consentCard().getByTestId(given ? "consent-yes" : "consent-no").click();
    await this.page.getByTestId("recognition-decided").waitFor();
    assert.equal(await this.consentCard().count(), 0, "the question is not asked again");
  }

  /** The names on home's ASN Inspiratif card. */
  async shownNames() {
    return this.page.getByTestId("recognition").locator("strong").allTextContents();
  }
}
