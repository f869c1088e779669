// The console (/konsol/) as a trainer or unit admin sees it on a laptop.
export class ConsolePage {
  constructor(page, url) {
    this.page = page;
    this.url = url;
  }

  async open() {
    await this.page.goto(`${this.url}/konsol/`);
    await this.page.getByRole("heading", { level: 1 }).first().waitFor();
  }

  /** Fills the sign-in form and sends it (what follows is up to the caller). */
  async submitLogin({ nip, password }) {
    await this.page.getByLabel("NIP").fill(nip);
    await this.page.getByLabel("Kata sandi", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Masuk", exact: true }).click();
  }

  async home(name) {
    await this.page.getByRole("heading", { name: `Selamat datang, ${name}` }).waitFor();
  }

  async logout() {
    await this.page.getByTestId("console-logout").click();
    await this.page.getByRole("heading", { name: "Masuk ke konsol Resapi" }).waitFor();
  }

  /** The token this tab keeps (sessionStorage), or null. */
  async token() {
    return this.page.evaluate(() => JSON.parse(sessionStorage.getItem("resapi.console.session") || "null")?.token ?? null);
  }
}
