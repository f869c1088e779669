// Every screen on a small phone (360 × 640), for a thumb, a keyboard and a screen reader:
// tap targets of at least 44 px, named controls, AA contrast, no sideways scrolling, one
// main heading and a visible focus ring at every Tab stop (our own checks, lib/audit.mjs), and
// zero violations of axe-core's WCAG 2.1 A/AA and best-practice rules. In Indonesian and in
// English.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAccessible as ownChecks } from "../lib/audit.mjs";
import { phone } from "../lib/browser.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { makeNip } from "../lib/server.mjs";
import { App, QuestionnaireFlow, Quiz } from "../pages/app.mjs";

const env = useServerAndBrowser();
const { server } = env;
const smallPhone = { width: 360, height: 640 };
/** Every screen here gets both rule sets. */
const assertAccessible = (page, screen) => ownChecks(page, screen, { axe: true });

async function visit(page, path) {
  await page.goto(server.url + path);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForLoadState("networkidle");
}

test("every screen is usable by thumb, keyboard and screen reader", async () => {
  const context = await phone(env.browser, smallPhone);
  const page = await context.newPage();
  const app = new App(page);

  await app.open(server.url);
  await assertAccessible(page, "login");
  await page.getByRole("link", { name: "Daftar", exact: true }).first().click();
  await page.getByLabel("NIP").waitFor();
  await assertAccessible(page, "register");
  await app.open(server.url);
  await app.register({ nip: makeNip(), name: "Rina Marpaung", unitQuery: "biro sdm", password: "aksesibel-2026" });
  await app.waitOfflineReady();

  for (const path of ["/", "/latihan", "/riwayat", "/kuesioner", "/modul", "/modul/modul-adaptif", "/kemajuan", "/pengaturan", "/perhatian"]) {
    await visit(page, path);
    await assertAccessible(page, path);
  }

  // The logout dialog (with "Hapus data saya dari ponsel ini").
  await visit(page, "/");
  await page.getByTestId("logout").click();
  await page.getByTestId("erase-local").waitFor();
  await assertAccessible(page, "logout dialog");
  await page.getByRole("button", { name: "Batal" }).click();

  // Links to nothing: a heading, why, and the way home.
  for (const path of ["/tidak-ada", "/modul/modul-lama", "/hasil/0190a000-0000-7000-8000-000000000000"]) {
    await visit(page, path);
    await page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" }).waitFor();
    assert.ok(await page.getByRole("link", { name: "Kembali ke beranda" }).isVisible(), path);
    await assertAccessible(page, path);
  }

  const quiz = new Quiz(page);
  await visit(page, "/");
  await quiz.start("Kolaboratif");
  await assertAccessible(page, "quiz question");
  await quiz.answer(1);
  await assertAccessible(page, "quiz feedback");
  for (let i = 0; i < 9; i++) {
    await quiz.next();
    await quiz.answer(i % 4);
  }
  await quiz.next();
  await page.getByTestId("result").waitFor();
  await assertAccessible(page, "quiz result");

  const questionnaire = new QuestionnaireFlow(page);
  await visit(page, "/");
  await questionnaire.open("Komitmen Profesi");
  await assertAccessible(page, "questionnaire intro");
  await questionnaire.begin();
  await assertAccessible(page, "questionnaire item");
  for (let i = 0; i < 18; i++) await questionnaire.answer((i % 5) + 1);
  await page.getByTestId("q-finish").waitFor();
  await assertAccessible(page, "questionnaire review");
  await page.getByTestId("q-finish").click();
  await page.getByTestId("q-result").waitFor();
  await assertAccessible(page, "questionnaire result");

  await page.getByTestId("lang-switch").click();
  await visit(page, "/");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await assertAccessible(page, "home in English");
  await visit(page, "/kemajuan");
  await assertAccessible(page, "progress in English");
  await context.close();
});
