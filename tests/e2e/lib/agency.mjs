// A small agency seeded through the real API: people register in units and sync their
// questionnaire responses, as phones would. For dashboards: which unit has how many
// respondents, in the period now and in an earlier one.
import assert from "node:assert/strict";
import { uuidv7 } from "./ids.mjs";
import { grantRole } from "./server.mjs";

let serial = 0;
/** A valid NIP unique within this run. */
export function nextNip() {
  serial += 1;
  const day = String((serial % 28) + 1).padStart(2, "0");
  return `198801${day}201201${serial % 2 ? 1 : 2}${String(100 + serial).padStart(3, "0")}`;
}

async function call(server, method, path, body, token) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return res;
}

/** Registers a person in `unit`; returns `{nip, password, name, token, id}`. */
export async function person(server, unit, name, role) {
  const p = { nip: nextNip(), name, password: "sandi-dasbor-2026" };
  const res = await call(server, "POST", "/auth/register", { ...p, unit_id: unit });
  assert.equal(res.status, 201, `register ${name}: ${await res.clone().text()}`);
  const auth = await res.json();
  if (role) grantRole(server, p.nip, role);
  return { ...p, token: auth.token, id: auth.account.id };
}

/** A questionnaire response of `who` at `at`, every item answered by `answer(item)`. */
function response(who, q, at, version, answer) {
  return {
    id: uuidv7(),
    kind: "questionnaire_response",
    account_id: who.id,
    created_at: at.toISOString(),
    payload: {
      questionnaire_id: q.id,
      answers: Object.fromEntries(q.items.map((i) => [i.id, answer(i)])),
      // Ten minutes to answer: time to read every item (a faster response is careless and
      // stays out of the unit's figures, docs/dashboard.md).
      started_at: new Date(at.getTime() - 10 * 60_000).toISOString(),
      content_version: version,
    },
  };
}

/**
 * Seeds `plan`: `[{unit, people, base}]`. Each person answers the BerAKHLAK index twice: at
 * `earlier` with `base - 1` and at `now` with `base` (Adaptif always one lower), so the two
 * periods differ and Adaptif is the weakest value.
 */
export async function seedIndexResponses(server, plan, { now, earlier }) {
  const content = await (await fetch(`${server.url}/api/v1/content`)).json();
  const q = content.questionnaires.find((x) => x.id === "indeks-berakhlak");
  assert.ok(q, "the content has the BerAKHLAK index questionnaire");
  let n = 0;
  for (const { unit, people, base } of plan) {
    for (let i = 0; i < people; i++) {
      n += 1;
      const who = await person(server, unit, `Pegawai ${n}`);
      // A little spread inside a unit: every other person one point higher.
      const own = Math.min(5, base + (i % 2));
      const score = (b) => (item) => Math.max(1, item.component === "adaptif" ? b - 1 : b);
      const records = [
        response(who, q, earlier, content.version, score(own - 1)),
        response(who, q, now, content.version, score(own)),
      ];
      const res = await call(server, "POST", "/sync", { records }, who.token);
      assert.equal(res.status, 200);
      const { results } = await res.json();
      assert.deepEqual(results.map((r) => r.status), ["stored", "stored"], JSON.stringify(results));
    }
  }
}

/** The dashboard's JSON, as the console reads it. */
export async function dashboardJson(server, token, unit, period) {
  const res = await call(server, "GET", `/units/${unit}/dashboard?period=${period}`, null, token);
  assert.equal(res.status, 200);
  return res.json();
}

/** Syncs `records` as `who`; every one must be stored. */
async function syncAll(server, who, records) {
  const res = await call(server, "POST", "/sync", { records }, who.token);
  assert.equal(res.status, 200);
  const { results } = await res.json();
  assert.ok(results.every((r) => r.status === "stored"), JSON.stringify(results));
}

/**
 * People who answer questionnaire `questionnaireId` once at `at`, each item by
 * `answer(personIndex, item, itemIndex)`; returns the people (for practice, say).
 */
export async function seedResponses(server, { unit, people, questionnaireId, at, answer, name = "Responden" }) {
  const content = await (await fetch(`${server.url}/api/v1/content`)).json();
  const q = content.questionnaires.find((x) => x.id === questionnaireId);
  assert.ok(q, `the content has questionnaire ${questionnaireId}`);
  const out = [];
  for (let i = 0; i < people; i++) {
    const who = await person(server, unit, `${name} ${i + 1}`);
    const record = response(who, q, at, content.version, (item) => answer(i, item, q.items.indexOf(item)));
    await syncAll(server, who, [record]);
    out.push(who);
  }
  return out;
}

/**
 * Practice answers at `at`: for each person (by index) and each question of `questions`,
 * `pick(personIndex, question)` gives the option id chosen (the server judges it).
 */
export async function seedPractice(server, people, questions, at, pick) {
  const content = await (await fetch(`${server.url}/api/v1/content`)).json();
  for (const [i, who] of people.entries()) {
    const session = uuidv7();
    const records = questions.map((q, position) => {
      const option = pick(i, q);
      return {
        id: uuidv7(),
        kind: "practice_answer",
        account_id: who.id,
        created_at: new Date(at.getTime() + position * 1000).toISOString(),
        // The wording answered: item analysis reads today's wording only (docs/question-bank.md).
        payload: { attempt_id: session, question_id: q.id, option_id: option, correct: option === q.answer, content_version: content.version, position, question_rev: q.rev },
      };
    });
    await syncAll(server, who, records);
  }
}

/**
 * The latest quarter that has ended, with a moment in it (20 days before this quarter began):
 * questionnaire figures of a running period wait for its end, so journeys that read them
 * seed there. The console opens on this quarter.
 */
export function lastEndedQuarter(today = new Date()) {
  const start = new Date(today.getFullYear(), Math.floor(today.getMonth() / 3) * 3, 1, 12);
  const at = new Date(start.getTime() - 20 * 86400_000);
  const q = Math.floor(at.getMonth() / 3) + 1;
  return { at, api: `${at.getFullYear()}-Q${q}`, label: `Kuartal ${q} ${at.getFullYear()}` };
}

/** A GET of the API as `token` sees it: `{status, body}`. */
export async function apiGet(server, token, path) {
  const res = await call(server, "GET", path, null, token);
  return { status: res.status, body: await res.json() };
}
