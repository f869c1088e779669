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

  /** Signs in from the console's login screen and waits for the home screen. */
  async signIn(person) {
    await this.open();
    await this.submitLogin(person);
    await this.home(person.name);
  }

  /** The names of the screens in the nav. */
  async navScreens() {
    return this.page.getByRole("navigation", { name: "Menu konsol" }).getByRole("link").allTextContents();
  }

  /** Opens a screen from the nav and waits for its heading. */
  async goTo(link, heading = link) {
    await this.page.getByRole("navigation", { name: "Menu konsol" }).getByRole("link", { name: link, exact: true }).click();
    await this.page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
  }

  /** A unit's item in the unit tree (its sub-units are inside it). */
  unit(id) {
    return this.page.locator(`li[data-unit="${id}"]`);
  }

  /** Opens one of a unit's forms ("Tambah sub-unit", "Ubah nama", "Pindahkan", "Nonaktifkan"). */
  async unitAction(id, action) {
    const row = this.unit(id).locator(":scope > .unit-row");
    await row.getByRole("button", { name: action }).click();
    return this.unit(id).locator(":scope > form");
  }
}
