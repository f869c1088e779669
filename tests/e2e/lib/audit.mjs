// What a person with a small phone, a keyboard or a screen reader meets on a page, checked
// in the page itself: tap targets, accessible names, text contrast (WCAG AA), no sideways
// scrolling, one main heading, and a visible focus ring on every stop of the Tab key.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** axe-core's WCAG 2.1 A/AA rules and its best practices (heading order among them). */
const AXE_RULES = { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } };

/** Runs in the page; returns a list of problems, each naming the element. */
function auditPage() {
  const problems = [];
  const rgb = (c) => c.match(/[\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0.9) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const shown = (el) => {
    const s = getComputedStyle(el);
    return s.visibility !== "hidden" && s.display !== "none" && el.getClientRects().length > 0;
  };
  const label = (el) => el.textContent.trim().replace(/\s+/g, " ").slice(0, 40);

  for (const el of document.querySelectorAll("button, a[href], input, select, textarea, summary, [role=button]")) {
    if (!shown(el) || el.closest("[aria-hidden=true]")) continue;
    const r = el.getBoundingClientRect();
    const name = (el.getAttribute("aria-label") || el.labels?.[0]?.textContent || el.textContent || el.value || "").trim();
    const inlineLink = el.tagName === "A" && getComputedStyle(el).display === "inline";
    const choice = el.type === "radio" || el.type === "checkbox";
    if (!inlineLink && !choice && (r.height < 44 || r.width < 44)) {
      problems.push(`tap target ${Math.round(r.width)}×${Math.round(r.height)} px: ${el.tagName} "${name.slice(0, 40)}"`);
    }
    if (!name && !el.getAttribute("aria-labelledby")) problems.push(`no accessible name: ${el.outerHTML.slice(0, 80)}`);
  }

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el) || !shown(el)) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    const [hi, lo] = [luminance(rgb(s.color).slice(0, 3)), luminance(background(el))].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)}:1: "${label(el)}" (${s.color})`);
  }

  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} px wide on a ${window.innerWidth} px screen`);
  }
  const h1 = [...document.querySelectorAll("h1")].filter(shown).length;
  if (h1 !== 1) problems.push(`${h1} main headings (h1), expected 1`);
  if (!["id", "en"].includes(document.documentElement.lang)) problems.push(`html lang="${document.documentElement.lang}"`);
  return problems;
}

/** Whether the focused element shows a ring (outline or box shadow). */
function focusShown() {
  const el = document.activeElement;
  if (!el || el === document.body) return { name: null, ok: true };
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none";
  return { name: `${el.tagName} "${el.textContent.trim().replace(/\s+/g, " ").slice(0, 40)}"`, ok: ring };
}

/** Fails, listing every problem, unless the page passes the audit (and axe-core's rules
 * too with `{ axe: true }`). */
export async function assertAccessible(page, screen, { axe = false } = {}) {
  const problems = await audit(page);
  if (axe) problems.push(...(await axeViolations(page)));
  assert.deepEqual(problems, [], `${screen}:\n  ${problems.join("\n  ")}`);
}

/** axe-core's violations on the page, one line per rule and element. Axe does not check
 * tap-target size or the focus ring: `audit` does. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    // Evaluated through DevTools rather than `addScriptTag`: the app's Content-Security-Policy
    // rightly blocks an injected inline <script>, and a test must not need to weaken it.
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate((rules) => window.axe.run(document, rules), AXE_RULES);
  return violations.violations.flatMap((v) =>
    v.nodes.map((n) => `axe ${v.id} (${v.impact}): ${n.target.join(" ")}: ${v.help}`),
  );
}

/** Every problem on the page, tabbing through its first `stops` focus stops. */
export async function audit(page, stops = 40) {
  const problems = await page.evaluate(auditPage);
  await page.locator("body").focus().catch(() => {});
  const reached = new Set();
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(focusShown);
    if (focus.name) reached.add(focus.name);
    if (!focus.ok) problems.push(`no visible focus: ${focus.name}`);
  }
  if (reached.size < 2) problems.push(`the Tab key reaches ${reached.size} controls`);
  return [...new Set(problems)];
}
