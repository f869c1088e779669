// What every journey shares: one real server and one Chromium for the file's tests, and a
// look at what the server holds for an account.
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { launch } from "./browser.mjs";
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
