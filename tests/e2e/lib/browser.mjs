// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
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

/** A phone-sized context (by default a mid-range phone; pass a smaller screen to test one). */
export async function phone(browser, viewport = { width: 390, height: 844 }) {
  return browser.newContext({
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "id-ID",
    serviceWorkers: "allow",
  });
}

/** Saves the page as tests/e2e/artifacts/<name>.png (the whole page unless `fullPage: false`). */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });
}
