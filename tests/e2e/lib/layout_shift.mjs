// Nothing moves under a finger: the cumulative layout shift (CLS) of each screen a journey
// visits, measured by the browser itself (the Layout Instability API, `layout-shift`
// entries), must stay at or under 0.1 (web.dev's "good").
//
// `watchLayoutShift(context)` installs an observer in every page of the context before the
// app's own scripts run. `expectStable(page, screen)` waits for the screen to settle, reads
// the shift summed since the last reading, resets it, and asserts the limit. As in Chrome's
// CLS, a shift within 500 ms of the person's own tap or key (`hadRecentInput`) is theirs, not
// the page's, and is left out; a shift of late-loading content after that counts. The sum
// since the last reading is stricter than CLS's largest 5-second session window.
import assert from "node:assert/strict";

export const CLS_LIMIT = 0.1;

const worst = { value: 0, screen: null, screens: 0 };

process.on("exit", () => {
  if (worst.screens > 0) {
    console.log(
      `layout shift: ${worst.screens} screens measured, worst ${worst.value.toFixed(4)}` +
        (worst.screen ? ` (${worst.screen})` : "") +
        ` (limit ${CLS_LIMIT})`,
    );
  }
});

/** Observes layout shifts in every page of `context` (call before opening pages). */
export async function watchLayoutShift(context) {
  await context.addInitScript(() => {
    const cls = { value: 0, shifts: [] };
    window.__resapiLayoutShift = cls;
    if (typeof PerformanceObserver === "undefined") return;
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.hadRecentInput) continue;
          cls.value += entry.value;
          cls.shifts.push({
            value: entry.value,
            at: Math.round(entry.startTime),
            nodes: (entry.sources || []).map((s) => {
              const n = s.node;
              if (!n || !n.nodeName) return "?";
              const id = n.id ? `#${n.id}` : "";
              const cls = n.className && typeof n.className === "string" ? `.${n.className.trim().split(/\s+/).join(".")}` : "";
              return `${n.nodeName.toLowerCase()}${id}${cls}`;
            }),
          });
        }
      }).observe({ type: "layout-shift", buffered: true });
    } catch {
      // A browser without the API: nothing measured, `expectStable` says so.
    }
  });
}

/** The layout shift summed since the last call (and its shifts), then starts again from 0. */
export async function takeLayoutShift(page) {
  return page.evaluate(() => {
    const cls = window.__resapiLayoutShift;
    if (!cls) return null;
    const taken = { value: cls.value, shifts: cls.shifts };
    cls.value = 0;
    cls.shifts = [];
    return taken;
  });
}

/**
 * Asserts that `screen` (on screen now) did not move by more than the limit since the last
 * reading. Waits `settleMs` first so late content (store reads, a sync round) has arrived.
 */
export async function expectStable(page, screen, { settleMs = 400 } = {}) {
  await page.waitForTimeout(settleMs);
  const taken = await takeLayoutShift(page);
  assert.ok(taken, "the layout-shift observer runs in this page (watchLayoutShift on the context)");
  worst.screens += 1;
  if (worst.screen === null || taken.value > worst.value) {
    worst.value = taken.value;
    worst.screen = screen;
  }
  assert.ok(
    taken.value <= CLS_LIMIT,
    `layout shift on ${screen}: ${taken.value.toFixed(4)} > ${CLS_LIMIT}; shifts: ${JSON.stringify(taken.shifts)}`,
  );
  return taken.value;
}
