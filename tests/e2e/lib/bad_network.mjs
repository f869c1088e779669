// What a phone meets on a bad day, bound to the app's own address (the server stopped first):
// a proxy that answers 502 to everything, a network that accepts connections and never sends
// a byte ("lie-fi"), and a proxy that passes everything on but never returns the server's
// answer to a sync (the server stored the batch; the phone never hears so).
import { createServer as createHttpServer, request as httpRequest } from "node:http";
import { createServer as createTcpServer } from "node:net";

function listen(server, port) {
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok());
  });
}

/** Closes `server` and every connection it still holds. */
function closer(server, sockets) {
  return () =>
    new Promise((ok) => {
      for (const s of sockets) s.destroy();
      server.close(() => ok());
    });
}

function tracked(server) {
  const sockets = new Set();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("error", () => {});
    s.on("close", () => sockets.delete(s));
  });
  return sockets;
}

/** Passes `req` on to the server at `upstreamPort`; `answered` gets the server's answer. */
function forward(req, res, upstreamPort, answered) {
  const upstream = httpRequest(
    { host: "127.0.0.1", port: upstreamPort, method: req.method, path: req.url, headers: req.headers },
    answered,
  );
  upstream.on("error", () => res.destroy());
  req.pipe(upstream);
}

/** Hands the server's `answer` to the phone unchanged. */
function relay(res, answer) {
  res.writeHead(answer.statusCode, answer.headers);
  answer.pipe(res);
}

/** A gateway whose upstream is gone: every request gets 502 Bad Gateway (an HTML page). */
export async function answer502(port) {
  const seen = [];
  const server = createHttpServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(502, { "content-type": "text/html" });
    res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
  });
  const sockets = tracked(server);
  await listen(server, port);
  return { seen, close: closer(server, sockets) };
}

/** Lie-fi: connections are accepted and held; not one byte ever comes back. */
export async function holdConnections(port) {
  const server = createTcpServer(() => {});
  const sockets = tracked(server);
  await listen(server, port);
  return { connections: () => sockets.size, close: closer(server, sockets) };
}

/**
 * Passes every request on to `upstreamPort`, except that the answer to `POST /api/v1/sync`
 * is read from the server and then withheld: the phone's request hangs with the batch stored.
 */
export async function withholdSyncAnswers(port, upstreamPort) {
  const withheld = [];
  const server = createHttpServer((req, res) =>
    forward(req, res, upstreamPort, (answer) => {
      if (req.method === "POST" && req.url.startsWith("/api/v1/sync")) {
        answer.resume();
        answer.on("end", () => withheld.push(answer.statusCode));
        return; // `res` is never written
      }
      relay(res, answer);
    }),
  );
  const sockets = tracked(server);
  await listen(server, port);
  return { withheld, close: closer(server, sockets) };
}

/**
 * A reverse proxy with a smaller body limit than the server's (nginx's `client_max_body_size`
 * is a common one): bodies over `maxBytes` get its 413 page, the rest pass on to `upstreamPort`.
 */
export async function limitBodies(port, upstreamPort, maxBytes) {
  const refused = [];
  const passed = [];
  const server = createHttpServer((req, res) => {
    const length = Number(req.headers["content-length"] || 0);
    if (length > maxBytes) {
      refused.push(length);
      // Read the body first: a browser still uploading when the socket closes reports a
      // network error, not the 413.
      req.resume();
      req.on("end", () => {
        res.writeHead(413, { "content-type": "text/html" });
        res.end("<html><body><h1>413 Request Entity Too Large</h1></body></html>");
      });
      return;
    }
    if (req.method === "POST") passed.push(length);
    forward(req, res, upstreamPort, (answer) => relay(res, answer));
  });
  const sockets = tracked(server);
  await listen(server, port);
  return { refused, passed, close: closer(server, sockets) };
}
