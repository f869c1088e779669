// Chaos: one phone (Debian's Chromium, the release-built app, the real server binary over a
// real SQLite file) goes through CHAOS_EVENTS random events drawn from a seeded PRNG:
// practice answers, sessions finished, quit and started, questionnaire answers, reloads, the
// signal lost and back (server really stopped), the tab closed mid-step, the server killed
// with SIGKILL mid-sync and restarted, a second tab on the same data, a stale tab used again.
// At the end (online, one last sync) the server must hold every record the phone made
// exactly once, nothing more; the outbox and "Perlu perhatian" must be empty.
//
//   node chaos/chaos.mjs                          # 1,000 events, a random seed (printed)
//   CHAOS_EVENTS=150 CHAOS_SEED=42 node chaos/chaos.mjs   # replay a run
//
// What the phone made is known two ways, and both are checked against the server:
// - a ledger: every put into the IndexedDB outbox is noted (in localStorage, synchronously)
//   with its id, and marked saved when its transaction completes. A record whose transaction
//   never completed (the tab closed in between) may or may not exist; it is counted apart.
// - the durable state: finished sessions (results), the session in progress (quiz), finished
//   questionnaires (responses) — each says which records must be on the server.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { artifacts, launch, phone } from "../lib/browser.mjs";
import { appStoreItems, recordsOnServer } from "../lib/journey.mjs";
import { TestServer, makeNip } from "../lib/server.mjs";
import { App } from "../pages/app.mjs";

const eventsWanted = Number(process.env.CHAOS_EVENTS || 1000);
const seed = Number(process.env.CHAOS_SEED || Math.floor(Math.random() * 2 ** 31));
const started = Date.now();

/** mulberry32: small, fast, and the same sequence for the same seed. */
function prng(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Relative weights: mostly answering, with faults often enough that every run meets each.
const weights = {
  answer: 34,
  questionnaire: 14,
  quit: 2,
  home: 4,
  syncNow: 5,
  reload: 8,
  offline: 6,
  online: 6,
  killTab: 5,
  crashServer: 6,
  duplicateTab: 4,
  switchTab: 6,
};
const totalWeight = Object.values(weights).reduce((a, b) => a + b, 0);
function drawEvent() {
  let r = random() * totalWeight;
  for (const [name, w] of Object.entries(weights)) {
    if ((r -= w) < 0) return name;
  }
  return "answer";
}

// Notes every record put into the outbox, before the put, and again when it is committed.
// localStorage is synchronous and outlives a closed tab (same browser context).
function ledgerScript() {
  const wrap = (original) =>
    function (value, ...rest) {
      if (this.name === "outbox" && value && typeof value.id === "string") {
        const { id, kind } = value;
        try {
          localStorage.setItem(`chaos:${id}`, `put ${kind} ${Date.now()}`);
          this.transaction.addEventListener("complete", () => localStorage.setItem(`chaos:${id}`, `saved ${kind} ${Date.now()}`));
        } catch {
          // a full localStorage would only weaken the ledger, not the app
        }
      }
      return original.call(this, value, ...rest);
    };
  IDBObjectStore.prototype.put = wrap(IDBObjectStore.prototype.put);
  IDBObjectStore.prototype.add = wrap(IDBObjectStore.prototype.add);
}

async function readLedger(page) {
  return page.evaluate(() => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key.startsWith("chaos:")) continue;
      const [state, kind, at] = localStorage.getItem(key).split(" ");
      out.push({ id: key.slice(6), state, kind, at: Number(at) });
    }
    return out;
  });
}

const server = new TestServer({ quiet: true });
const trace = [];
const counts = Object.fromEntries(Object.keys(weights).map((k) => [k, 0]));
const made = { answers: 0, sessionsFinished: 0, sessionsQuit: 0, questionnaireAnswers: 0, questionnairesFinished: 0 };
const stuck = [];
let browser;

function log(line) {
  trace.push(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s ${line}`);
}

async function main() {
  console.log(`chaos: seed ${seed}, ${eventsWanted} events (replay: CHAOS_SEED=${seed} CHAOS_EVENTS=${eventsWanted})`);
  await server.start();
  browser = await launch();
  const context = await phone(browser);
  await context.addInitScript(ledgerScript);
  const content = await (await fetch(`${server.url}/api/v1/content`)).json();
  const questionnaireIds = content.questionnaires.map((q) => q.id);
  let questionnaire = questionnaireIds[0];

  const person = { nip: makeNip(), name: "Dewi Chaos", unitQuery: "kanreg yogya", password: "rahasia-chaos-1" };
  let tabs = [await context.newPage()];
  let active = 0;
  const tab = () => tabs[active];
  const setup = new App(tab());
  await setup.open(server.url);
  await setup.register(person);
  await setup.waitOfflineReady();
  let online = true;

  const prepare = (page) => page.setDefaultTimeout(10_000);
  prepare(tab());

  async function openTab() {
    const page = await context.newPage();
    prepare(page);
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    return page;
  }

  async function goto(path) {
    await tab().goto(`${server.url}${path}`);
    await tab().getByRole("heading", { level: 1 }).first().waitFor();
  }

  const visible = (selector) => tab().locator(selector).first().isVisible();

  /** On a practice question (resuming the session in progress, or starting one). */
  async function ensureQuiz() {
    if (await visible('[data-testid="quiz"] #question-stem')) return;
    await goto("/");
    // Home shows its buttons once its cards are loaded: wait for whichever comes.
    await tab().locator('[data-testid="resume-practice"], [data-testid="start-practice"]').first().waitFor();
    if (await visible('[data-testid="resume-practice"]')) {
      await tab().getByTestId("resume-practice").click();
    } else {
      await tab().getByTestId("start-practice").click();
      await tab().locator("button.choice").first().waitFor();
      await pick(await tab().locator("button.choice").all()).click();
    }
    await tab().locator("#question-stem").waitFor();
  }

  /** One step of practice: answer the question on screen, or go on after the feedback. */
  async function practiceStep({ wait = true } = {}) {
    const page = tab();
    if (await page.getByTestId("feedback").isVisible()) {
      const before = await page.locator("#question-stem").getAttribute("data-question");
      await page.getByTestId("next").click();
      if (!wait) return;
      await page.waitForFunction(
        (b) => document.querySelector('[data-testid="result"]') || document.querySelector("#question-stem")?.dataset.question !== b,
        before,
      );
      if (await page.getByTestId("result").isVisible()) {
        made.sessionsFinished++;
        log("  session finished");
      }
    } else {
      const options = await page.locator(".option:not([disabled])").all();
      if (options.length === 0) return;
      const progress = await page.getByTestId("progress").textContent();
      const question = await page.locator("#question-stem").getAttribute("data-question");
      await pick(options).click();
      if (!wait) return;
      await page.getByTestId("feedback").waitFor();
      made.answers++;
      log(`  answered ${question} (${progress.trim()})`);
    }
  }

  /** On a questionnaire item (or its start or review screen). */
  async function ensureQuestionnaire() {
    if (await visible('[data-testid="questionnaire"] [data-testid="q-progress"], [data-testid="q-start"], [data-testid="q-finish"]')) return;
    // Mostly the same questionnaire again, so that some are finished in a short run.
    if (random() < 0.2) questionnaire = pick(questionnaireIds);
    await goto(`/kuesioner/${questionnaire}`);
    await tab().getByTestId("questionnaire").waitFor();
    await tab().locator('[data-testid="q-start"], [data-testid="q-progress"], [data-testid="q-finish"]').first().waitFor();
  }

  async function questionnaireStep({ wait = true } = {}) {
    const page = tab();
    if (await page.getByTestId("q-start").isVisible()) {
      await page.getByTestId("q-start").click();
      if (wait) await page.getByTestId("q-progress").waitFor();
      return;
    }
    if (await page.getByTestId("q-finish").isVisible()) {
      await page.getByTestId("q-finish").click();
      if (!wait) return;
      await page.getByTestId("q-result").waitFor();
      made.questionnairesFinished++;
      log("  questionnaire finished");
      return;
    }
    const before = await page.locator(".likert-item").getAttribute("data-item");
    if (random() < 0.1) await page.getByTestId("q-skip").click();
    else await page.locator(`.scale-point[data-value="${between(1, 5)}"]`).click();
    if (!wait) return;
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid="q-finish"]') || document.querySelector(".likert-item")?.dataset.item !== b,
      before,
    );
    made.questionnaireAnswers++;
  }

  // The server is killed rather than stopped: a graceful stop waits for the browser's open
  // connections (seconds each time), and unreachable is unreachable.
  async function goOffline() {
    await context.setOffline(true);
    await server.crash();
    online = false;
  }

  async function goOnline() {
    await server.start();
    await context.setOffline(false);
    online = true;
  }

  const events = {
    async answer() {
      await ensureQuiz();
      await practiceStep();
    },
    async questionnaire() {
      await ensureQuestionnaire();
      for (let i = between(1, 4); i > 0; i--) {
        await questionnaireStep();
        if (await tab().getByTestId("q-result").isVisible()) break;
      }
    },
    async quit() {
      await ensureQuiz();
      await tab().getByTestId("quit").click();
      await tab().getByTestId("quit-confirm").click();
      await tab().getByTestId("result").waitFor();
      made.sessionsQuit++;
    },
    async home() {
      await goto(pick(["/", "/riwayat", "/kuesioner", "/perhatian"]));
    },
    async syncNow() {
      if (!(await visible('[data-testid="sync-now"]'))) await goto("/");
      await tab().getByTestId("sync-now").click();
    },
    async reload() {
      await tab().reload();
      await tab().getByRole("heading", { level: 1 }).first().waitFor();
    },
    async offline() {
      if (online) await goOffline();
    },
    async online() {
      if (!online) await goOnline();
    },
    // The tab goes away in the middle of a step (an answer being saved, a sync under way).
    async killTab() {
      const page = tab();
      const step = random() < 0.6 ? practiceStep : questionnaireStep;
      const inQuiz = await visible("#question-stem");
      const inQuestionnaire = await visible(".likert-item, [data-testid=q-start], [data-testid=q-finish]");
      if ((step === practiceStep && inQuiz) || (step === questionnaireStep && inQuestionnaire)) {
        step({ wait: false }).catch(() => {});
      }
      await sleep(between(0, 40));
      await page.close();
      tabs.splice(active, 1);
      if (tabs.length === 0) tabs.push(await openTab());
      active = between(0, tabs.length - 1);
    },
    // SIGKILL while a sync request is on the wire (or about to be), then back after a while.
    async crashServer() {
      if (!online) await goOnline();
      const syncing = tab().waitForRequest((r) => r.url().includes("/api/v1/sync"), { timeout: 1500 }).catch(() => null);
      if (await visible("#question-stem")) await practiceStep().catch(() => {});
      else if (await visible('[data-testid="sync-now"]')) await tab().getByTestId("sync-now").click();
      else await practiceStep().catch(() => {});
      const request = await syncing;
      await sleep(between(0, 25));
      await server.crash();
      log(`  server killed ${request ? "during a sync" : "(no sync seen)"}`);
      await sleep(between(0, 1500));
      await server.start();
    },
    async duplicateTab() {
      if (tabs.length >= 3) {
        const other = tabs.findIndex((_, i) => i !== active);
        await tabs[other].close();
        tabs.splice(other, 1);
        active = tabs.indexOf(tab()) === -1 ? 0 : active > other ? active - 1 : active;
        return;
      }
      const url = tab().url();
      const page = await context.newPage();
      prepare(page);
      await page.goto(url);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      tabs.push(page);
      if (random() < 0.5) active = tabs.length - 1;
    },
    // Back to another tab as it was left (not reloaded): a stale view of the same data.
    async switchTab() {
      if (tabs.length > 1) active = (active + between(1, tabs.length - 1)) % tabs.length;
    },
  };

  for (let n = 1; n <= eventsWanted; n++) {
    const name = drawEvent();
    counts[name]++;
    log(`#${n} ${name} (tab ${active + 1}/${tabs.length}, ${online ? "online" : "offline"})`);
    try {
      await events[name]();
    } catch (e) {
      // The app did not respond as expected: note it, and start the tab afresh.
      const message = String(e.message || e).split("\n")[0];
      stuck.push(`#${n} ${name}: ${message}`);
      log(`  stuck: ${message}`);
      try {
        if (tab().isClosed()) tabs[active] = await openTab();
        else await goto("/");
      } catch {
        // the next event tries again
      }
    }
    if (n % 100 === 0) console.log(`chaos: ${n} events, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }

  // The end: signal back, other tabs closed, one last sync until nothing waits.
  await goOnline();
  for (const page of tabs.filter((_, i) => i !== active)) await page.close();
  tabs = [tab()];
  active = 0;
  const app = new App(tab());
  await goto("/");
  await app.syncNow();
  await tab().getByTestId("pending").filter({ hasText: "Semua jawaban terkirim" }).waitFor({ timeout: 60_000 }).catch(() => {});
  return check(tab());

  async function check(page) {
    const outbox = await appStoreItems(page, "outbox");
    const attention = await appStoreItems(page, "attention");
    const results = await appStoreItems(page, "results");
    const responses = await appStoreItems(page, "responses");
    const quizzes = await appStoreItems(page, "quiz");
    const ledger = await readLedger(page);
    const onServer = await recordsOnServer(server, person.nip, person.password);

    const serverCount = new Map();
    for (const r of onServer) serverCount.set(r.id, (serverCount.get(r.id) || 0) + 1);
    const saved = ledger.filter((l) => l.state === "saved");
    const unconfirmed = ledger.filter((l) => l.state === "put");
    const lost = saved.filter((l) => !serverCount.has(l.id)).map((l) => `${l.kind} ${l.id} (ledger)`);
    const doubled = [...serverCount].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
    const known = new Set(ledger.map((l) => l.id));
    const extra = onServer.filter((r) => !known.has(r.id)).map((r) => `${r.kind} ${r.id}`);

    // The durable state says the same from the other side.
    const answerKey = (attempt, question) => `${attempt}/${question}`;
    const serverAnswers = new Map();
    for (const r of onServer.filter((r) => r.kind === "practice_answer")) {
      const key = answerKey(r.payload.attempt_id, r.payload.question_id);
      serverAnswers.set(key, [...(serverAnswers.get(key) || []), r.id]);
    }
    const expectedAnswers = [
      ...results.flatMap((res) => res.answers.map((a) => answerKey(res.id, a.question_id))),
      ...quizzes.flatMap((q) => q.answers.map((a) => answerKey(q.attempt_id, a.question_id))),
    ];
    for (const key of expectedAnswers) if (!serverAnswers.has(key)) lost.push(`practice_answer ${key} (state)`);
    const savedAt = (id) => {
      const entry = ledger.find((l) => l.id === id);
      return entry ? `saved at ${((entry.at - started) / 1000).toFixed(1)}s` : "not in the ledger";
    };
    for (const [key, ids] of serverAnswers) {
      if (ids.length > 1) {
        doubled.push(`practice_answer ${key}: ${ids.length} answers for one question of one session (${ids.map((id) => `${id} ${savedAt(id)}`).join("; ")})`);
      }
    }
    for (const res of results) if (!serverCount.has(res.id)) lost.push(`practice_attempt ${res.id} (state)`);
    for (const res of responses) if (!serverCount.has(res.id)) lost.push(`questionnaire_response ${res.id} (state)`);
    const attempts = onServer.filter((r) => r.kind === "practice_attempt");
    for (const a of attempts) if (a.payload.answered > a.payload.question_ids.length) doubled.push(`practice_attempt ${a.id} says ${a.payload.answered} answered`);

    const byKind = {};
    for (const r of onServer) byKind[r.kind] = (byKind[r.kind] || 0) + 1;
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`chaos: events by type: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    console.log(
      `chaos: the person did: ${made.answers} practice answers, ${made.sessionsFinished} sessions finished, ${made.sessionsQuit} quit, ` +
        `${made.questionnaireAnswers} questionnaire answers, ${made.questionnairesFinished} questionnaires finished`,
    );
    console.log(
      `chaos: records made ${saved.length} (${unconfirmed.length} more never confirmed saved: tab closed mid-write, ` +
        `${unconfirmed.filter((l) => serverCount.has(l.id)).length} of them reached the server), on the server ${onServer.length} ` +
        `(${Object.entries(byKind).map(([k, v]) => `${k} ${v}`).join(", ")})`,
    );
    console.log(`chaos: lost ${lost.length}, doubled ${doubled.length}, extra ${extra.length}, outbox ${outbox.length}, Perlu perhatian ${attention.length}`);
    console.log(`chaos: ${stuck.length} events the app did not finish as expected (recovered by reopening the app)`);
    const tracePath = join(artifacts, `chaos-trace-${seed}.txt`);
    writeFileSync(tracePath, `${trace.join("\n")}\n\nstuck:\n${stuck.join("\n")}\n`);
    const problems = [
      ...lost.map((l) => `lost: ${l}`),
      ...doubled.map((d) => `doubled: ${d}`),
      ...extra.map((x) => `extra: ${x}`),
      ...outbox.map((r) => `still in the outbox: ${r.kind} ${r.id}`),
      ...attention.map((a) => `in Perlu perhatian: ${JSON.stringify(a).slice(0, 300)}`),
    ];
    // A run where most events stall has not tested anything.
    if (stuck.length > eventsWanted * 0.1) problems.push(`${stuck.length} of ${eventsWanted} events stalled`);
    if (saved.length === 0) problems.push("no record was made");
    console.log(`chaos: ${seconds} s; trace in ${tracePath}`);
    if (problems.length) {
      console.log(`chaos: FAILED (replay with CHAOS_SEED=${seed} CHAOS_EVENTS=${eventsWanted}):`);
      for (const p of problems.slice(0, 40)) console.log(`  ${p}`);
      console.log("chaos: stalled events (first 10):");
      for (const s of stuck.slice(0, 10)) console.log(`  ${s}`);
      return 1;
    }
    console.log(`chaos: ${eventsWanted} events, ${saved.length} records: 0 lost, 0 doubled — passed`);
    return 0;
  }
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(`chaos: aborted (seed ${seed}):`, e);
  console.error(trace.slice(-30).join("\n"));
} finally {
  await browser?.close();
  await server.stop().catch(() => {});
}
process.exit(code);
