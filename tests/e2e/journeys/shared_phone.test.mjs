// One phone, two colleagues: unsent answers stay with their account through a logout (with
// a warning) and another person's session, and go up with that account's next login. The
// language choice is remembered across reloads.
import assert from "node:assert/strict";
import { test } from "node:test";
import { phone, screenshot } from "../lib/browser.mjs";
import { loseSignal, recordsOnServer, signedUpPhone, useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { App, Quiz, historyCount } from "../pages/app.mjs";

const env = useServerAndBrowser();
const { server } = env;

async function countOnServer(nip, password) {
  const records = await recordsOnServer(server, nip, password);
  return records.filter((x) => x.kind === "practice_answer").length;
}

test("unsent answers wait for their own account on a shared phone", async () => {
  const ani = { nip: makeNip(), name: "Ani Lestari", unitQuery: "biro sdm", password: "kata-sandi-ani" };
  const yosef = { nip: makeNip(), name: "Yosef Wenda", unitQuery: "kanreg", password: "kata-sandi-yosef" };
  const { context, page, app } = await signedUpPhone(env, ani);
  const quiz = new Quiz(page);

  // Ani answers three questions with no signal, then stops the session.
  await loseSignal(env, context);
  await quiz.start("Campuran");
  for (let i = 0; i < 3; i++) {
    await quiz.answer(0);
    if (i < 2) await quiz.next();
  }
  await quiz.quit();
  // The result page loads from the store ("Memuat…" for a moment), then says it was stopped.
  await page.getByTestId("result").filter({ hasText: "Dihentikan sebelum selesai" }).waitFor({ timeout: 10_000 });

  // Logging out warns about the unsent answers and keeps them.
  await page.getByTestId("logout").click();
  assert.equal((await page.getByTestId("logout-warning").textContent()).trim(), "3 jawaban belum terkirim");
  await screenshot(page, "10-logout-warning");
  await page.getByTestId("logout-confirm").click();
  await page.getByRole("link", { name: "Masuk", exact: true }).first().waitFor();

  // The signal is back; Yosef uses the same phone. Ani's answers are not his to send.
  await server.start();
  await context.setOffline(false);
  await app.register(yosef);
  assert.equal(await app.pendingText(), "Semua jawaban terkirim");
  await app.syncNow();
  await page.waitForTimeout(1000);
  assert.equal(await countOnServer(ani.nip, ani.password), 0, "nothing of Ani's went up with Yosef's token");
  // Nor does Yosef see Ani's practice on the phone.
  await page.getByRole("link", { name: "Riwayat latihan", exact: true }).click();
  await page.getByText("Belum ada latihan. Mulai latihan pertama Anda!").waitFor();
  assert.equal(await historyCount(page), 0);
  await page.getByRole("link", { name: "Beranda", exact: true }).click();
  await app.logout();

  // Ani logs in again: her three answers go up.
  await app.login(ani);
  await page.getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 20_000 });
  assert.equal(await countOnServer(ani.nip, ani.password), 3);
  await page.getByRole("link", { name: "Riwayat latihan", exact: true }).click();
  await page.locator(".history-item").first().waitFor();
  assert.equal(await historyCount(page), 1, "Ani's stopped session is hers again");
  await context.close();
});

test("the English switch is remembered and the app stays usable in English", async () => {
  await server.start();
  const context = await phone(env.browser);
  const page = await context.newPage();
  const app = new App(page);
  await app.open(server.url);
  await page.getByTestId("lang-switch").click();
  await page.getByRole("link", { name: "Log in", exact: true }).first().waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.reload();
  await page.getByRole("link", { name: "Sign up", exact: true }).first().click();
  await page.getByLabel("NIP (employee number)").fill("1987 0312");
  await page.getByRole("button", { name: "Sign up", exact: true }).click();
  assert.equal((await page.locator("#nip-error").textContent()).trim(), "The NIP has 18 digits.");
  await screenshot(page, "11-register-english-error");
  await page.getByTestId("lang-switch").click();
  await page.getByRole("heading", { name: "Daftar akun" }).waitFor();
  await context.close();
});
