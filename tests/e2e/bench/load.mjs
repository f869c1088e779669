// Benchmark: how long a cheap phone on 3G waits. Prints numbers; asserts nothing about time
// (timings vary by machine), only that each step completes.
//   node bench/load.mjs            (from tests/e2e; scripts/test.sh runs it last)
// Conditions: Chrome DevTools' "Fast 3G" (562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s
// up) and a CPU slowed 4× ("mid-tier mobile"), on a 360 × 640 screen.
import { launch, phone } from "../lib/browser.mjs";
import { makeNip, TestServer } from "../lib/server.mjs";
import { App } from "../pages/app.mjs";

const THREE_G = { offline: false, latency: 562.5, downloadThroughput: (1.44e6 / 8) * 0.9, uploadThroughput: (675e3 / 8) * 0.9 };

async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", THREE_G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}

/** Milliseconds from navigation start until the app (not the skeleton) shows its heading. */
async function appShown(page) {
  await page.waitForFunction(() => !document.getElementById("skeleton") && document.querySelector("h1"), null, { timeout: 120_000 });
  return page.evaluate(() => performance.now());
}

async function firstPaint(page) {
  return page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
}

async function transferred(page) {
  return page.evaluate(() =>
    performance.getEntriesByType("resource").concat(performance.getEntriesByType("navigation"))
      .reduce((sum, e) => sum + (e.transferSize || 0), 0),
  );
}

const server = new TestServer();
await server.start();
const browser = await launch();
const rows = [];
try {
  const context = await phone(browser, { width: 360, height: 640 });
  const page = await context.newPage();
  await throttle(page);

  await page.goto(server.url, { waitUntil: "commit" });
  const shown = await appShown(page);
  rows.push(["first visit: skeleton painted", await firstPaint(page)]);
  rows.push(["first visit: app usable (login screen)", shown]);
  rows.push(["first visit: bytes transferred by then", await transferred(page), "bytes"]);

  const app = new App(page);
  const started = Date.now();
  await app.register({ nip: makeNip(), name: "Uji Kecepatan", unitQuery: "biro sdm", password: "bench-3g-2026" });
  rows.push(["register → home", Date.now() - started]);
  await page.getByTestId("offline-ready").filter({ hasText: "Siap dipakai offline" }).waitFor({ timeout: 120_000 });
  rows.push(["register → \"Siap dipakai offline\" (content + precache)", Date.now() - started]);

  await page.reload({ waitUntil: "commit" });
  rows.push(["repeat visit on 3G (service worker): home usable", await appShown(page)]);

  await server.stop();
  await context.setOffline(true);
  await page.reload({ waitUntil: "commit" });
  rows.push(["repeat visit offline: home usable", await appShown(page)]);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}

console.log("\nload on a slow phone (Fast 3G, CPU 4× slower, 360 × 640)");
for (const [what, value, unit = "ms"] of rows) {
  console.log(`  ${what.padEnd(56)} ${String(Math.round(value)).padStart(9)} ${unit}`);
}
