// Page objects: what a person sees and does, so journeys read like the user's story.
import assert from "node:assert/strict";

/** The number of results on the history page, once it has loaded (the list or its
 *  empty message): counting at once would race the read from IndexedDB on a busy machine. */
export async function historyCount(page) {
  await page.locator('.page.history [data-testid="history"], .page.history .hint').first().waitFor();
  return page.locator(".history-item").count();
}

export class App {
  constructor(page) {
    this.page = page;
  }

  async open(url) {
    await this.page.goto(url);
    await this.page.getByRole("heading", { level: 1 }).first().waitFor();
  }

  /** Waits until the worker controls the page and content is stored: "Siap dipakai offline". */
  async waitOfflineReady() {
    await this.page.getByTestId("offline-ready").filter({ hasText: "Siap dipakai offline" }).waitFor({ timeout: 30_000 });
  }

  async register(person) {
    await this.openRegistration();
    await this.completeRegistration(person);
  }

  /** Taps "Daftar" and waits for the registration form. */
  async openRegistration() {
    await this.page.getByRole("link", { name: "Daftar", exact: true }).first().click();
    await this.page.getByLabel("NIP").waitFor();
  }

  /** Fills the open registration form and waits for home to greet the new person. */
  async completeRegistration({ nip, name, unitQuery, password }) {
    await this.page.getByLabel("NIP").fill(nip);
    await this.page.getByLabel("Nama lengkap").fill(name);
    await this.page.getByPlaceholder("Ketik untuk mencari unit kerja").fill(unitQuery);
    await this.page.locator(".unit-option").first().click();
    await this.page.getByLabel("Kata sandi", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Daftar", exact: true }).click();
    await this.page.getByRole("heading", { name: `Halo, ${name}` }).waitFor();
  }

  /** Logs out through the logout dialog (which also offers to remove the data). */
  async logout() {
    await this.page.getByTestId("logout").click();
    await this.page.getByTestId("logout-confirm").click();
    await this.page.getByRole("link", { name: "Masuk", exact: true }).first().waitFor();
  }

  async login({ nip, password, name }) {
    await this.page.getByRole("link", { name: "Masuk", exact: true }).first().click();
    await this.page.getByLabel("NIP").fill(nip);
    await this.page.getByLabel("Kata sandi", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Masuk", exact: true }).click();
    await this.page.getByRole("heading", { name: `Halo, ${name}` }).waitFor();
  }

  async pendingText() {
    return (await this.page.getByTestId("pending").textContent()).trim();
  }

  async syncNow() {
    await this.page.getByTestId("sync-now").click();
  }
}

export class Quiz {
  constructor(page) {
    this.page = page;
  }

  async start(valueName) {
    await this.page.getByRole("link", { name: "Mulai latihan" }).click();
    await this.page.getByRole("button", { name: new RegExp(`^${valueName}`) }).click();
    await this.page.getByTestId("quiz").waitFor();
  }

  async progress() {
    return (await this.page.getByTestId("progress").textContent()).trim();
  }

  async questionId() {
    return this.page.locator("#question-stem").getAttribute("data-question");
  }

  /** Chooses the option at `index` (display order) and waits for the feedback. */
  async answer(index) {
    const option = this.page.locator(".option").nth(index);
    const optionId = await option.getAttribute("data-option");
    const questionId = await this.questionId();
    await option.click();
    await this.page.getByTestId("feedback").waitFor();
    return { questionId, optionId };
  }

  /** Moves on and waits until the next question (or the result) is on screen. */
  async next() {
    const before = await this.questionId();
    await this.page.getByTestId("next").click();
    await this.page.waitForFunction(
      (b) => document.querySelector("#question-stem")?.dataset.question !== b,
      before,
    );
  }

  /** Stops the session before the end (confirming) and waits for its result page. */
  async quit() {
    await this.page.getByTestId("quit").click();
    await this.page.getByTestId("quit-confirm").click();
    await this.page.getByTestId("result").waitFor();
  }

  async options() {
    return this.page.locator(".option").evaluateAll((els) => els.map((e) => e.getAttribute("data-option")));
  }

  async assertFeedbackShown() {
    assert.ok(await this.page.getByTestId("feedback").isVisible(), "feedback of the answered question is shown");
  }
}

export class QuestionnaireFlow {
  constructor(page) {
    this.page = page;
  }

  async open(title) {
    await this.page.getByRole("link", { name: "Kuesioner", exact: true }).first().click();
    await this.page.locator(`li.card`, { hasText: title }).getByRole("link").first().click();
    await this.page.getByTestId("questionnaire").waitFor();
    // The intro's heading comes once the questionnaire is read from the device.
    await this.page.getByTestId("questionnaire").getByRole("heading", { level: 1 }).waitFor();
  }

  async begin() {
    await this.page.getByTestId("q-start").click();
    await this.page.getByTestId("q-progress").waitFor();
  }

  async progress() {
    return (await this.page.getByTestId("q-progress").textContent()).trim();
  }

  async itemId() {
    return this.page.locator(".likert-item").getAttribute("data-item");
  }

  async #moveOn(action) {
    const before = await this.itemId();
    await action();
    await this.page.waitForFunction(
      (b) => document.querySelector(".likert-item")?.dataset.item !== b,
      before,
    );
  }

  /** Chooses `value` (1–5) for the item on screen and waits for the next one. */
  async answer(value) {
    await this.#moveOn(() => this.page.locator(`.scale-point[data-value="${value}"]`).click());
  }

  async skip() {
    await this.#moveOn(() => this.page.getByTestId("q-skip").click());
  }
}
