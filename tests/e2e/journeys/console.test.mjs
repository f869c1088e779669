// Two entries: the phone app's first visit downloads nothing of the console, and its service
// worker leaves /konsol/ alone; the console at /konsol/ turns an employee away with a link to
// the phone app, lets a trainer in (a reload keeps the sign-in, for this tab), signs out on
// the server too, and never signs the phone app in the same browser in or out. On a 360-pixel
// phone no screen of the console is wider than the screen.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAccessible } from "../lib/audit.mjs";
import { laptop, phone, screenshot } from "../lib/browser.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { person } from "../lib/agency.mjs";
import { grantRole, makeNip } from "../lib/server.mjs";
import { App } from "../pages/app.mjs";
import { ConsolePage } from "../pages/console.mjs";

const env = useServerAndBrowser();
const { server } = env;

const isConsole = (url) => {
  const { pathname } = new URL(url);
  return pathname === "/konsol" || pathname.startsWith("/konsol/") || /\/console-[0-9a-f]+(_bg\.wasm|\.js|\.css)$/.test(pathname);
};

test("the phone's first visit requests nothing of the console", async () => {
  const context = await phone(env.browser);
  const requested = [];
  // The context sees the page's requests and the service worker's (its precache).
  context.on("request", (r) => requested.push(r.url()));
  const page = await context.newPage();
  const app = new App(page);
  await app.open(server.url);
  await app.waitOfflineReady();
  await screenshot(page, "console-01-phone-first-visit");
  assert.ok(requested.some((u) => /\/resapi-[0-9a-f]+_bg\.wasm$/.test(u)), "the phone's wasm was loaded");
  assert.deepEqual(requested.filter(isConsole), [], "no console file on the phone's first visit");
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
    }
    return urls;
  });
  assert.ok(cached.length > 3, "the worker precached the phone app");
  assert.deepEqual(cached.filter(isConsole), [], "nothing of the console in the phone's cache");
  await context.close();
});

test("the console turns an employee away, lets a trainer in, and leaves the phone app's account alone", async () => {
  const context = await laptop(env.browser);
  const phonePage = await context.newPage();
  const app = new App(phonePage);
  const employee = { nip: makeNip(), name: "Dewi Lestari", unitQuery: "biro sdm", password: "pegawai-2026" };
  await app.open(server.url);
  await app.register(employee);
  await app.waitOfflineReady();

  // A trainer from the same agency (signed up elsewhere, role given by the admin command).
  const units = await (await fetch(`${server.url}/api/v1/units`)).json();
  const trainer = { nip: makeNip(), name: "Bagus Pratama", password: "pelatih-2026" };
  const signup = await fetch(`${server.url}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...trainer, unit_id: units[0].id }),
  });
  assert.equal(signup.status, 201);
  grantRole(server, trainer.nip, "trainer");

  // The phone app's worker controls this browser now: /konsol/ must still be the console.
  const page = await context.newPage();
  const konsol = new ConsolePage(page, server.url);
  await konsol.open();
  await page.getByRole("heading", { name: "Masuk ke konsol Resapi" }).waitFor();
  await assertAccessible(page, "console login", { axe: true });
  await screenshot(page, "console-02-login");

  // Same rules and messages as the phone.
  await konsol.submitLogin({ nip: trainer.nip, password: "salah-sandi-2026" });
  await page.getByTestId("form-error").filter({ hasText: "NIP atau kata sandi salah." }).waitFor();

  await konsol.submitLogin(employee);
  const refusal = page.getByTestId("not-for-you");
  await refusal.filter({ hasText: "Konsol ini untuk pelatih dan admin unit" }).waitFor();
  assert.equal(await refusal.getByRole("link", { name: "Buka aplikasi Resapi" }).getAttribute("href"), "/");
  assert.equal(await konsol.token(), null, "no console session for an employee");
  await assertAccessible(page, "console: not for an employee", { axe: true });
  await screenshot(page, "console-03-not-for-employee");

  await konsol.submitLogin(trainer);
  await konsol.home(trainer.name);
  assert.equal((await page.getByTestId("console-name").textContent()).trim(), `Masuk sebagai ${trainer.name}`);
  assert.equal(await page.getByTestId("console-roles").textContent(), "Pegawai · Pelatih");
  const nav = page.getByRole("navigation", { name: "Menu konsol" });
  assert.deepEqual(await nav.getByRole("link").allTextContents(), ["Beranda", "Kuis Apel"]);
  await assertAccessible(page, "console home", { axe: true });
  await screenshot(page, "console-04-home-trainer");

  // A reload keeps this tab signed in (sessionStorage).
  await page.reload();
  await konsol.home(trainer.name);
  const token = await konsol.token();
  assert.ok(token);

  // The phone app in the same browser still has its own account.
  await phonePage.reload();
  await phonePage.getByRole("heading", { name: `Halo, ${employee.name}` }).waitFor();

  // English, as on the phone.
  await page.getByTestId("lang-switch").click();
  await page.getByRole("heading", { name: `Welcome, ${trainer.name}` }).waitFor();
  await screenshot(page, "console-05-home-english");
  await page.getByTestId("lang-switch").click();
  await konsol.home(trainer.name);

  // Signing out ends the session on the server too.
  await konsol.logout();
  assert.equal(await konsol.token(), null);
  const me = await fetch(`${server.url}/api/v1/me/records`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(me.status, 401, "the console's token no longer works");
  await screenshot(page, "console-06-signed-out");

  await phonePage.reload();
  await phonePage.getByRole("heading", { name: `Halo, ${employee.name}` }).waitFor();
  await app.waitOfflineReady();
  await context.close();
});

test("on a 360-pixel phone no console screen scrolls sideways", async () => {
  // A unit admin sees every screen of the console.
  const admin = await person(server, "bkn-settama", "Sari Anggraini", "unit_admin");
  const context = await phone(env.browser, { width: 360, height: 640 });
  const page = await context.newPage();
  const konsol = new ConsolePage(page, server.url);
  await konsol.signIn(admin);
  const screens = await konsol.navScreens();
  assert.ok(screens.includes("Dasbor unit") && screens.length >= 8, `screens: ${screens.join(", ")}`);
  for (const name of screens) {
    await page.getByRole("navigation", { name: "Menu konsol" }).getByRole("link", { name, exact: true }).click();
    await page.locator("main h1").first().waitFor();
    // The sub-units' table (sortable columns) once widened the page.
    if (name === "Dasbor unit") await page.getByTestId("sub-units-table").waitFor();
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const { scrollWidth, clientWidth } = document.documentElement;
      return { scrollWidth, clientWidth };
    });
    assert.ok(scrollWidth <= clientWidth, `${name}: the page is ${scrollWidth} px wide on a ${clientWidth} px screen`);
  }
  await screenshot(page, "console-360-last-screen");
  await context.close();
});
