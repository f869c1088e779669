// The app under the server's Content-Security-Policy: it boots (the wasm, trunk's inline
// boot script and the service-worker helper are allowed), Chart.js still loads the way the
// app loads it, and an injected inline script is blocked — and caught by the CSP check every
// journey ends with, so that check can fail.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cspViolations, phone } from "../lib/browser.mjs";
import { useServerAndBrowser } from "../lib/journey.mjs";
import { App } from "../pages/app.mjs";

const env = useServerAndBrowser();

test("the app runs under its CSP and an injected inline script is blocked and reported", async () => {
  const context = await phone(env.browser);
  const page = await context.newPage();
  const response = await page.goto(env.server.url);
  const headers = response.headers();
  assert.match(headers["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  assert.equal(headers["x-content-type-options"], "nosniff");
  assert.equal(headers["referrer-policy"], "no-referrer");
  assert.equal(headers["strict-transport-security"], undefined, "no HSTS without --hsts");
  await new App(page).open(env.server.url);

  // Chart.js as the app loads it: an injected <script src> of a same-origin file.
  const chartLoaded = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const s = document.createElement("script");
        s.src = "/vendor/chart-4.6.1.umd.min.js";
        s.onload = () => {
          const canvas = document.createElement("canvas");
          document.body.append(canvas);
          const chart = new window.Chart(canvas, {
            type: "bar",
            data: { labels: ["a"], datasets: [{ data: [1] }] },
            options: { animation: false },
          });
          chart.destroy();
          canvas.remove();
          resolve(true);
        };
        s.onerror = () => resolve(false);
        document.head.append(s);
      }),
  );
  assert.equal(chartLoaded, true, "Chart.js loads and draws");
  assert.deepEqual(cspViolations, [], "booting and charting break no rule");

  // What an attacker's injected markup would try: it must not run, and must be reported.
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true;";
    document.head.append(s);
  });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__injected), undefined, "the inline script did not run");
  assert.ok(
    cspViolations.some((v) => (v.directive ?? "").startsWith("script-src")),
    `the violation was reported: ${JSON.stringify(cspViolations)}`,
  );
  // Expected here; the file's end check is for the app's own journeys.
  cspViolations.length = 0;
  await context.close();
});
