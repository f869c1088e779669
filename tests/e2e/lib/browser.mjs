// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { watchLayoutShift } from "./layout_shift.mjs";
import { repo } from "./server.mjs";

export const artifacts = join(repo, "tests", "e2e", "artifacts");

export async function launch() {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Content-Security-Policy violations seen by every phone of this test file. */
export const cspViolations = [];

/** Records CSP violations of the context's pages: the `securitypolicyviolation` event, and
 * console errors that mention the policy (what Chromium prints for a blocked resource). */
async function watchCsp(context) {
  await context.exposeBinding("__resapiCspViolation", ({ page }, v) => {
    cspViolations.push({ page: page?.url(), ...v });
  });
  await context.addInitScript(() => {
    addEventListener("securitypolicyviolation", (e) => {
      window.__resapiCspViolation?.({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  context.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) {
      cspViolations.push({ page: msg.page()?.url(), console: msg.text() });
    }
  });
}

/**
 * A phone-sized context (by default a mid-range phone; pass a smaller screen to test one).
 * Its pages record CSP violations and measure layout shift (`lib/layout_shift.mjs`).
 * `serviceWorkers: "block"` for a test that routes requests the worker would answer.
 */
export async function phone(browser, viewport = { width: 390, height: 844 }, { serviceWorkers = "allow" } = {}) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "id-ID",
    serviceWorkers,
  });
  await watchCsp(context);
  await watchLayoutShift(context);
  return context;
}

/** A laptop-sized context (the console's), recording CSP violations like a phone's. */
export async function laptop(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, locale: "id-ID", serviceWorkers: "allow" });
  await watchCsp(context);
  return context;
}

/** Saves the page as tests/e2e/artifacts/<name>.png (the whole page unless `fullPage: false`). */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });
}
