// A live game for a journey: made by a trainer over the REST API, driven through the
// presenter's WebSocket as the console's host screen would.
import assert from "node:assert/strict";
import { laptop } from "./browser.mjs";

/** The presenter's socket, opened in a laptop's browser as the console's host screen
 * would (this Node has no WebSocket of its own), its views passed back to the test. */
export class Host {
  static async open(browser, url, socketPath) {
    const context = await laptop(browser);
    const page = await context.newPage();
    const host = new Host(context, page);
    await page.exposeBinding("__hostView", (_source, view) => host.push(view));
    await page.goto(`${url}/api/v1/health`);
    await page.evaluate(
      (path) =>
        new Promise((ok, fail) => {
          const ws = new WebSocket(`${location.origin.replace("http", "ws")}${path}`);
          window.__host = ws;
          ws.onmessage = (e) => {
            const msg = JSON.parse(e.data);
            if (msg.type === "host") window.__hostView(msg.view);
          };
          ws.onopen = () => ok();
          ws.onerror = () => fail(new Error("the host socket did not open"));
        }),
      socketPath,
    );
    return host;
  }

  constructor(context, page) {
    this.context = context;
    this.page = page;
    this.views = [];
    this.waiters = [];
  }

  push(view) {
    this.views.push(view);
    this.waiters = this.waiters.filter((w) => !w(view));
  }

  /** The first host view (the latest, or one still to come) for which `pred` holds. */
  until(pred, what) {
    const last = this.views.at(-1);
    if (last && pred(last)) return Promise.resolve(last);
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`host: no view with ${what}`)), 20_000);
      this.waiters.push((v) => (pred(v) ? (clearTimeout(timer), ok(v), true) : false));
    });
  }

  /** `start`, `next`, … or `{command: "kick", player}`. */
  command(command) {
    const msg = typeof command === "string" ? { type: "host", command } : { type: "host", ...command };
    return this.page.evaluate((m) => window.__host.send(JSON.stringify(m)), msg);
  }
}

export const phase = (v) => v.projector.phase.phase;

/** A game made by `trainer` over the REST API, with its presenter's socket open. */
export async function newGame(env, trainer, { guests = true, questions, scoring = "accuracy_only" }) {
  const { server } = env;
  const res = await fetch(`${server.url}/api/v1/live/games`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${trainer.token}` },
    body: JSON.stringify({
      source: { kind: "questions", question_ids: questions },
      question_count: questions.length,
      seconds_per_question: 60,
      scoring,
      team_mode: true,
      guests_allowed: guests,
      extra_time_allowed: true,
      max_players: 10,
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  const game = await res.json();
  assert.equal(game.join_path, `/gabung/${game.code}`);
  const host = await Host.open(env.browser, server.url, `${game.host_socket}?token=${encodeURIComponent(trainer.token)}`);
  return { game, host };
}

/** Fills the join page's guest form on `page` (already at a join address). */
export async function fillGuestForm(page, name, unit = "bkn-biro-sdm") {
  await page.getByLabel("Nama Anda").fill(name);
  // The unit list comes from the server after the page: wait for it before choosing.
  await page.locator("select#unit option").nth(2).waitFor({ state: "attached" });
  await page.getByLabel("Unit kerja").selectOption(unit);
}

/** A guest joins as `name` on `page`, opening `url` (a join address, or the QR code's). */
export async function joinAsGuest(page, url, name, unit = "bkn-biro-sdm") {
  await page.goto(url);
  await fillGuestForm(page, name, unit);
  await page.getByRole("button", { name: "Gabung", exact: true }).click();
  await page.getByRole("heading", { name: "Anda sudah bergabung" }).waitFor();
}
