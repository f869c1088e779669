// Starts and stops the real Resapi server (real SQLite file, real built app) for a test.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const repo = resolve(import.meta.dirname, "..", "..", "..");
const targetDir = process.env.CARGO_TARGET_DIR || join(process.env.HOME, ".cache", "resapi", "target");
const bin = process.env.RESAPI_SERVER_BIN || join(targetDir, "debug", "resapi-server");

async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on("error", fail);
  });
}

export const builtApp = process.env.RESAPI_DIST || join(repo, "dist");

export class TestServer {
  /**
   * `dist`: the built app to serve (a test may serve its own copy to publish a new version).
   * `quiet`: leave out the server's own start-up line (chaos restarts it many times).
   */
  constructor({ dist = builtApp, quiet = false } = {}) {
    this.quiet = quiet;
    this.dist = dist;
    this.dir = mkdtempSync(join(tmpdir(), "resapi-e2e-"));
    this.db = join(this.dir, "resapi.db");
    this.proc = null;
    this.port = null;
    // The server's clock runs this many ms ahead (`serve --clock-offset-file`): a journey
    // plays a competition's week in seconds.
    this.clockFile = join(this.dir, "clock-offset");
    this.clockOffsetMs = 0;
    writeFileSync(this.clockFile, "0");
  }

  /** Moves the server's clock on by `ms` (read by the server at its next use). */
  advanceClock(ms) {
    this.clockOffsetMs += ms;
    writeFileSync(this.clockFile, String(this.clockOffsetMs));
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server (a no-op while it runs), on the same port and database as before. */
  async start() {
    if (this.proc && this.proc.exitCode === null) return;
    this.port ??= await freePort();
    this.proc = spawn(
      bin,
      [
        "serve",
        "--db", this.db,
        "--addr", `127.0.0.1:${this.port}`,
        "--dist", this.dist,
        "--content", join(repo, "content"),
        "--clock-offset-file", this.clockFile,
      ],
      { stdio: ["ignore", this.quiet ? "ignore" : "inherit", "inherit"], env: { ...process.env, RUST_LOG: process.env.RUST_LOG || "warn" } },
    );
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.proc.exitCode !== null) throw new Error(`server exited with ${this.proc.exitCode}`);
      try {
        const r = await fetch(`${this.url}/api/v1/health`);
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("server did not start within 30 s");
  }

  /** Stops the server: the phone really loses its connection (the service worker too). */
  async stop() {
    if (!this.proc || this.proc.exitCode !== null) return;
    const exited = new Promise((r) => this.proc.once("exit", r));
    this.proc.kill("SIGTERM");
    await exited;
  }

  /** Kills the server with SIGKILL: no graceful shutdown, like a power cut mid-request. */
  async crash() {
    if (!this.proc || this.proc.exitCode !== null) return;
    const exited = new Promise((r) => this.proc.once("exit", r));
    this.proc.kill("SIGKILL");
    await exited;
    // A killed process keeps `exitCode` null (it has a `signalCode`): forget it, so that
    // start() starts a new one.
    this.proc = null;
  }
}

/** Gives an account a role with the server's admin command (`grant-role`). */
export function grantRole(server, nip, role) {
  execFileSync(bin, ["grant-role", "--db", server.db, "--nip", nip, "--role", role], { stdio: "pipe" });
}

/** A valid NIP, printed with spaces as on the card, unique per call. */
export function makeNip() {
  const serial = String(Math.floor(Math.random() * 900) + 100);
  const day = String(Math.floor(Math.random() * 28) + 1).padStart(2, "0");
  return `198703${day} 201101 2 ${serial}`;
}
