// The organiser's side of a competition (lomba) and of ASN Inspiratif, through the real API,
// for journeys that follow the phone: create a competition whose window is open now and
// closes in a few minutes, wait for its close, publish it, name someone.
import assert from "node:assert/strict";
import { wibLocal } from "../pages/lomba_console.mjs";

async function call(server, method, path, body, token) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}


/**
 * A competition for `unit` (and its sub-units), open from this minute for `minutes`, with
 * `graceHours` for offline phones (the server's default of 48 unless given), `perValue`
 * questions per value and `limit` minutes per attempt. Returns the organiser's `Competition`.
 */
export async function createCompetition(server, token, { name, unit, minutes = 60, graceHours, perValue = 1, limit = 10, minParticipants = 1 }) {
  const now = new Date(Date.now() + (server.clockOffsetMs ?? 0));
  const draft = {
    name,
    description: "Lomba antar unit bulan BerAKHLAK",
    unit_id: unit,
    opens_local: wibLocal(now),
    closes_local: wibLocal(new Date(now.getTime() + minutes * 60_000)),
    zone: "WIB",
    questions: { kind: "per_value", per_value: perValue },
    limit_minutes: limit,
    min_participants: minParticipants,
  };
  if (graceHours !== undefined) draft.grace_hours = graceHours;
  const res = await call(server, "POST", "/competitions", draft, token);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/**
 * Moves the server's clock past the competition's close and its grace period (the phone's
 * clock stays): its results can then be published.
 */
export function passGrace(server, competition) {
  const final = new Date(competition.closes_at).getTime() + competition.grace_hours * 3600_000;
  const ahead = final + 60_000 - (Date.now() + server.clockOffsetMs);
  if (ahead > 0) server.advanceClock(ahead);
}

/** Publishes the results (the competition must be final: closed and past its grace). */
export async function publish(server, token, competition) {
  const res = await call(server, "POST", `/competitions/${competition.id}/publish`, null, token);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** Names `who` ASN Inspiratif in `unit` for `value`; returns the `Recognition`. */
export async function nameInspiratif(server, token, { unit, who, value, citation, competitionId }) {
  const period = new Date().toISOString().slice(0, 7);
  const body = { unit_id: unit, account_id: who, value_id: value, citation, period, competition_id: competitionId ?? null };
  const res = await call(server, "POST", "/recognitions", body, token);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** The recognitions the organiser sees (with each one's consent). */
export async function recognitions(server, token) {
  const res = await call(server, "GET", "/recognitions", null, token);
  assert.equal(res.status, 200);
  return res.body;
}

/** `{token, account}` of a fresh sign-in of `nip` (after a role was granted, it carries it). */
export async function signIn(server, nip, password) {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nip, password }),
  });
  assert.equal(res.status, 200);
  return res.json();
}
