// What every journey shares: one real server and one Chromium for the file's tests, and a
// look at what the server holds for an account.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before } from "node:test";
import { App } from "../pages/app.mjs";
import { cspViolations, launch, phone } from "./browser.mjs";
import { TestServer } from "./server.mjs";

/** Starts a server and a browser before the file's tests and stops them after. */
export function useServerAndBrowser(serverOptions) {
  const env = { server: new TestServer(serverOptions), browser: null };
  before(async () => {
    await env.server.start();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server.stop();
    // The app must run under the server's CSP: any violation fails the journey file.
    assert.deepEqual(cspViolations, [], "no Content-Security-Policy violation");
  });
  return env;
}

/** Every record the server holds for the account, through its own API. */
export async function recordsOnServer(server, nip, password) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nip, password }),
  });
  assert.equal(login.status, 200);
  const { token } = await login.json();
  const all = [];
  let since = "";
  for (;;) {
    const r = await fetch(`${server.url}/api/v1/me/records?limit=500${since ? `&since=${since}` : ""}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(r.status, 200);
    const page = await r.json();
    all.push(...page.records);
    if (!page.next_since) return all;
    since = page.next_since;
  }
}

/** A phone on which `person` has just signed up (online) and the app is ready offline. */
export async function signedUpPhone(env, person, viewport) {
  const context = await phone(env.browser, viewport);
  const page = await context.newPage();
  const app = new App(page);
  await app.open(env.server.url);
  await app.register(person);
  await app.waitOfflineReady();
  return { context, page, app };
}

/** The signal goes: the server stops (the service worker cannot reach it either). */
export async function loseSignal(env, context) {
  await env.server.stop();
  await context.setOffline(true);
}

/** "(rows, distinct ids)" of the server's records table, read from its SQLite file. */
export function rowsInDatabase(server) {
  const out = execFileSync("python3", [
    "-c",
    "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*), count(distinct id) from records').fetchone())",
    server.db,
  ]);
  return out.toString().trim();
}

/** Every value of an IndexedDB store of the app, read in the page. */
export async function appStoreItems(page, store) {
  return page.evaluate(
    (store) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open("resapi");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(store, "readonly").objectStore(store).getAll();
          req.onsuccess = () => {
            db.close();
            ok(req.result);
          };
          req.onerror = () => fail(req.error);
        };
      }),
    store,
  );
}
