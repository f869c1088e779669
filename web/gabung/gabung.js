/* Resapi's light join page for the live quiz (/gabung/<code>): plain JavaScript over the
 * live WebSocket protocol (docs/live-quiz.md "Messages" and "Join page"). No framework and
 * no wasm: a phone that has never opened Resapi plays after a few kilobytes, even when
 * hundreds of phones scan the QR code at once on one hotspot.
 * Server data is only ever put in the page as text (textContent), never as HTML. */
"use strict";
(() => {
  const T = {
    id: {
      title: "Kuis Apel", loading: "Memuat…", lang: "English", langCode: "en",
      codeH: "Gabung Kuis Apel", codeL: "Kode kuis (6 angka)", join: "Gabung", codeBad: "Kode kuis terdiri dari 6 angka.",
      joinH: "Gabung kuis {code}", name: "Nama Anda", unit: "Unit kerja", pickUnit: "Pilih unit kerja",
      nameBad: "Nama minimal 2 huruf.", unitBad: "Pilih unit kerja Anda.", unitsFail: "Daftar unit belum bisa dimuat. Periksa sinyal lalu muat ulang halaman.",
      haveAccount: "Punya akun Resapi? ", signIn: "Masuk ke aplikasi", signInAfter: " agar jawaban tercatat di riwayat Anda, lalu pindai kode QR lagi.",
      asYou: "Anda bermain sebagai {name}.",
      connecting: "Menghubungkan…", joined: "Anda sudah bergabung.", retry: "Koneksi terputus. Menyambung lagi dalam {s} detik…",
      lobbyH: "Anda sudah bergabung", hello: "Halo, {name} ({unit}).", waiting: "Menunggu pemandu memulai kuis. {n} pemain bergabung.",
      qOf: "Soal {i} dari {n}", secs: "Sisa {s} detik", timeUp: "Waktu habis", paused: "Dijeda: tunggu pemandu melanjutkan.",
      sending: "Mengirim jawaban…", sent: "Jawaban terkirim", sentLong: "Jawaban terkirim: {o}. Tunggu soal ditutup.",
      extra: "Minta waktu tambahan (+50%)", extraOn: "Waktu tambahan aktif (ketuk untuk mengembalikan)",
      closedH: "Soal {i} ditutup", right: "Benar! +{p} poin", wrong: "Belum tepat.", none: "Anda tidak menjawab soal ini.",
      key: "Jawaban benar: {o}", score: "Skor Anda: {p} poin", rank: "Peringkat {r} dari {n}", noRank: "Peringkat muncul setelah soal berikutnya ditutup.",
      boardH: "Papan peringkat", unitsH: "Peringkat unit", pts: "{p} poin", tooFew: "Belum cukup pemain",
      podiumH: "Podium", endH: "Kuis selesai", finalRank: "Peringkat akhir Anda", of: "dari {n} pemain",
      correct: "{c} dari {n} soal benar", unitRank: "Unit Anda ({u}): peringkat {r}", unitNo: "Unit Anda ({u}) belum diperingkat: perlu minimal 3 pemain yang menjawab.",
      bestUnit: "Unit terbaik: {u}", module: "Pelajari modul nilai ini", app: "Buka aplikasi Resapi lengkap",
      appNote: "Latihan harian, modul dan riwayat Anda ada di aplikasi lengkap; pasang di layar utama dari sana.",
      kickedH: "Anda dikeluarkan", kicked: "Pemandu mengeluarkan Anda dari kuis ini. Anda tidak bisa bergabung lagi ke kuis ini.",
      overH: "Kuis tidak tersedia", again: "Coba kode lain", guestsH: "Kuis ini khusus pengguna terdaftar",
      guests: "Masuk ke aplikasi Resapi dengan akun Anda, lalu pindai kode QR lagi.", fullH: "Kuis penuh", you: " (Anda)",
    },
    en: {
      title: "Live Quiz", loading: "Loading…", lang: "Bahasa Indonesia", langCode: "id",
      codeH: "Join the live quiz", codeL: "Quiz code (6 digits)", join: "Join", codeBad: "A quiz code has 6 digits.",
      joinH: "Join quiz {code}", name: "Your name", unit: "Work unit", pickUnit: "Pick your work unit",
      nameBad: "A name needs at least 2 letters.", unitBad: "Pick your work unit.", unitsFail: "The list of units could not load. Check your signal and reload the page.",
      haveAccount: "Have a Resapi account? ", signIn: "Sign in to the app", signInAfter: " so your answers go into your history, then scan the QR code again.",
      asYou: "You are playing as {name}.",
      connecting: "Connecting…", joined: "You have joined.", retry: "Connection lost. Reconnecting in {s} seconds…",
      lobbyH: "You have joined", hello: "Hello, {name} ({unit}).", waiting: "Waiting for the host to start. {n} players have joined.",
      qOf: "Question {i} of {n}", secs: "{s} seconds left", timeUp: "Time is up", paused: "Paused: wait for the host.",
      sending: "Sending your answer…", sent: "Answer sent", sentLong: "Answer sent: {o}. Wait for the question to close.",
      extra: "Ask for extra time (+50%)", extraOn: "Extra time is on (tap to give it back)",
      closedH: "Question {i} closed", right: "Correct! +{p} points", wrong: "Not quite.", none: "You did not answer this question.",
      key: "Correct answer: {o}", score: "Your score: {p} points", rank: "Rank {r} of {n}", noRank: "Your rank shows after the next question closes.",
      boardH: "Leaderboard", unitsH: "Unit ranking", pts: "{p} points", tooFew: "Not enough players yet",
      podiumH: "Podium", endH: "Quiz over", finalRank: "Your final rank", of: "of {n} players",
      correct: "{c} of {n} questions right", unitRank: "Your unit ({u}): rank {r}", unitNo: "Your unit ({u}) is not ranked: it needs at least 3 players who answered.",
      bestUnit: "Best unit: {u}", module: "Study this value's module", app: "Open the full Resapi app",
      appNote: "Daily practice, modules and your history are in the full app; install it on your home screen from there.",
      kickedH: "You were removed", kicked: "The host removed you from this quiz. You cannot join this quiz again.",
      overH: "Quiz not available", again: "Try another code", guestsH: "This quiz is for registered users",
      guests: "Sign in to the Resapi app with your account, then scan the QR code again.", fullH: "The quiz is full", you: " (you)",
    },
  };
  const LANG_KEY = "resapi-gabung-lang";
  const $ = (id) => document.getElementById(id);
  const mem = {
    get(k) { try { return JSON.parse(localStorage.getItem(k)); } catch { return null; } },
    set(k, v) { try { if (v == null) localStorage.removeItem(k); else localStorage.setItem(k, JSON.stringify(v)); } catch { /* private mode: this visit only */ } },
  };
  let lang = mem.get(LANG_KEY) === "en" ? "en" : "id";
  const t = (k, a) => (T[lang][k] || T.id[k]).replace(/\{(\w+)\}/g, (_, n) => (a && a[n] != null ? a[n] : ""));
  const tx = (text) => (text ? text[lang] || text.id || text.en || "" : "");

  /** An element: `text` sets its text, `on…` adds a listener, other props are attributes. */
  function h(tag, props, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null || v === false) continue;
      if (k === "text") el.textContent = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : v);
    }
    for (const c of kids) if (c != null && c !== false) el.append(c);
    return el;
  }

  /** A UUID v7 (time-ordered, as the server's records expect). Not crypto.randomUUID: a
   * hall's server on http://192.168.… is not a secure context. */
  function uuidv7() {
    const b = new Uint8Array(16);
    crypto.getRandomValues(b);
    let ms = Date.now();
    for (let i = 5; i >= 0; i--) { b[i] = ms % 256; ms = Math.floor(ms / 256); }
    b[6] = (b[6] & 0x0f) | 0x70;
    b[8] = (b[8] & 0x3f) | 0x80;
    const x = Array.from(b, (v) => v.toString(16).padStart(2, "0")).join("");
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
  }

  /** The phone app's session (IndexedDB `resapi`, store `meta`, key `session`), if this
   * browser has one that is still valid. Never creates the database. */
  function appSession() {
    return new Promise((done) => {
      setTimeout(() => done(null), 1500);
      let req;
      try { req = indexedDB.open("resapi"); } catch { return done(null); }
      req.onupgradeneeded = () => req.transaction.abort();
      req.onerror = () => done(null);
      req.onsuccess = () => {
        const db = req.result;
        try {
          const get = db.transaction("meta").objectStore("meta").get("session");
          get.onsuccess = () => { db.close(); done(get.result || null); };
          get.onerror = () => { db.close(); done(null); };
        } catch { db.close(); done(null); }
      };
    }).then((s) => (s && s.token && !s.needs_login && !(Date.parse(s.expires_at) < Date.now()) ? s : null));
  }

  /** The game's `live_answer` records into the app's IndexedDB, as the app keeps its own
   * (the shape: src/store/live_answers.rs): the outbox, which the app's next sync sends
   * (the server already has them and answers `duplicate`), and `live_answers` for the
   * history. A record already kept is skipped, so one received twice is stored once. Only
   * the app's own account's, and never creating nor upgrading the database. */
  function keepRecords(records) {
    const mine = (records || []).filter((r) => r && r.kind === "live_answer" && S.account && r.account_id === S.account);
    if (!mine.length) return;
    let req;
    try { req = indexedDB.open("resapi"); } catch { return; }
    req.onupgradeneeded = () => req.transaction.abort();
    req.onsuccess = () => {
      const db = req.result;
      try {
        // Schema version 3 has no `live_answers`: the outbox alone (the app's sync keeps them).
        const kept = db.objectStoreNames.contains("live_answers");
        const tr = db.transaction(kept ? ["outbox", "live_answers"] : ["outbox"], "readwrite");
        const box = tr.objectStore("outbox");
        const seen = tr.objectStore(kept ? "live_answers" : "outbox");
        tr.oncomplete = tr.onerror = tr.onabort = () => db.close();
        for (const r of mine) {
          seen.get(r.id).onsuccess = (e) => {
            if (e.target.result) return;
            box.put(r);
            if (kept) seen.put(r);
          };
        }
      } catch { db.close(); }
    };
  }

  const S = {
    code: "", token: null, me: null, account: null, secret: null, player: null, qcount: 0, extra: false, value: null,
    guest: null, view: null, status: null, pending: null, locked: null, ws: null, joined: false,
    attempts: 0, retryTimer: 0, stopped: false, deadline: 0, key: "", els: {},
  };
  const secretKey = () => `resapi-live:${S.code}`;
  const answerKey = () => `resapi-live-answer:${S.code}`;
  const socketPath = () => `/api/v1/live/join/${S.code}/ws${S.token ? `?token=${encodeURIComponent(S.token)}` : ""}`;

  function say(text) { $("status").textContent = text; }
  function alertMsg(text) { const a = $("alert"); a.textContent = text || ""; a.hidden = !text; }
  function show(...kids) {
    const screen = $("screen");
    screen.replaceChildren(...kids.filter((k) => k != null));
    const head = screen.querySelector("h1");
    if (head) { head.tabIndex = -1; head.focus(); }
  }

  // ---- screens before playing ----
  function codeScreen(error) {
    S.key = "code";
    const input = h("input", { id: "code", inputmode: "numeric", autocomplete: "off", maxlength: "9", "aria-describedby": "code-err" });
    const err = h("p", { id: "code-err", class: "alert", hidden: !error, text: error || "" });
    const form = h("form", { onsubmit: (e) => {
      e.preventDefault();
      const code = input.value.replace(/[\s-]/g, "");
      if (!/^[1-9]\d{5}$/.test(code)) { err.textContent = t("codeBad"); err.hidden = false; input.focus(); return; }
      history.replaceState(null, "", `/gabung/${code}`);
      begin();
    } }, h("label", { for: "code", text: t("codeL") }), input, err, h("button", { class: "primary", type: "submit", text: t("join") }));
    show(h("h1", { text: t("codeH") }), form);
  }

  async function guestScreen(error) {
    S.key = "guest";
    S.stopped = true;
    const name = h("input", { id: "name", autocomplete: "name", maxlength: "40", required: true, value: S.guest ? S.guest.name : "" });
    const unit = h("select", { id: "unit", required: true }, h("option", { value: "", text: t("pickUnit") }));
    const err = h("p", { class: "alert", role: "alert", hidden: !error, text: error || "" });
    const form = h("form", { onsubmit: (e) => {
      e.preventDefault();
      const n = name.value.trim();
      const fail = n.length < 2 ? [t("nameBad"), name] : !unit.value ? [t("unitBad"), unit] : null;
      if (fail) { err.textContent = fail[0]; err.hidden = false; fail[1].focus(); return; }
      S.guest = { name: n, unit_id: unit.value };
      S.stopped = false;
      S.key = "";
      connect();
    } }, h("label", { for: "name", text: t("name") }), name, h("label", { for: "unit", text: t("unit") }), unit, err,
    h("button", { class: "primary", type: "submit", text: t("join") }));
    show(h("h1", { text: t("joinH", { code: S.code }) }), form,
      h("p", { class: "card" }, t("haveAccount"), h("a", { href: "/masuk", text: t("signIn") }), t("signInAfter")));
    try {
      const res = await fetch("/api/v1/units");
      if (!res.ok) throw new Error(String(res.status));
      const units = await res.json();
      const depth = {};
      for (const u of units) {
        depth[u.id] = u.parent_id && depth[u.parent_id] != null ? depth[u.parent_id] + 1 : 0;
        unit.append(h("option", { value: u.id, selected: S.guest && S.guest.unit_id === u.id, text: "\u2003".repeat(depth[u.id]) + u.name }));
      }
    } catch {
      err.textContent = t("unitsFail");
      err.hidden = false;
    }
  }

  /** A final screen: nothing more to do in this game on this phone. */
  function stop(title, text, retryCode) {
    S.stopped = true;
    S.key = "stop";
    clearTimeout(S.retryTimer);
    if (S.ws) S.ws.close();
    say("");
    show(h("h1", { text: title }), h("p", { text }),
      retryCode ? h("button", { type: "button", onclick: () => { alertMsg(""); codeScreen(); }, text: t("again") }) : null,
      h("a", { class: "btn", href: "/", text: t("app") }));
  }

  // ---- the connection ----
  function connect() {
    clearTimeout(S.retryTimer);
    if (S.stopped || (S.ws && S.ws.readyState < 2)) return;
    if (!S.secret && !S.token && !S.guest) return guestScreen();
    say(t("connecting"));
    let ws;
    try { ws = new WebSocket(`${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}${socketPath()}`); } catch { return retry(); }
    let opened = false;
    S.ws = ws;
    ws.onopen = () => {
      opened = true;
      if (S.secret) send({ type: "rejoin", secret: S.secret });
      else if (S.token) send({ type: "join" });
      else send({ type: "join", name: S.guest.name, unit_id: S.guest.unit_id });
    };
    ws.onmessage = (e) => {
      let m;
      try { m = JSON.parse(e.data); } catch { return; }
      receive(m);
    };
    ws.onclose = () => {
      if (S.ws !== ws) return;
      S.ws = null;
      S.joined = false;
      if (S.stopped) return;
      if (S.view && S.view.phase === "ended") return say("");
      if (opened) retry(); else diagnose();
    };
  }

  /** A socket that never opened: the same URL over plain HTTP says why (the server checks
   * the code and the sign-in before the upgrade), or nothing when the network is down. */
  async function diagnose() {
    const res = await probe();
    if (res && res.status === 404) return notRunning(res);
    if (res && res.status === 401) {
      // The app's sign-in has expired: play on as a guest (or by the secret).
      S.token = null;
      S.me = null;
      return S.secret || S.guest ? connect() : guestScreen();
    }
    retry();
  }

  /** The socket's URL over plain HTTP: 404 when no game runs under the code, 401 for a
   * refused sign-in, 426 (upgrade required) when all is well; null when offline. */
  async function probe() {
    try { return await fetch(socketPath(), { cache: "no-store" }); } catch { return null; }
  }

  async function notRunning(res) {
    let body = null;
    try { body = await res.json(); } catch { /* not JSON */ }
    forget();
    stop(t("overH"), (body && body.error && body.error.message) || "", true);
  }

  /** Backoff with jitter, so a hall's phones do not all come back in the same instant. */
  function retry() {
    S.attempts += 1;
    const ms = Math.round(Math.min(15000, 500 * 2 ** Math.min(S.attempts, 5)) * (0.5 + Math.random() / 2));
    say(t("retry", { s: Math.ceil(ms / 1000) }));
    S.retryTimer = setTimeout(connect, ms);
  }

  function reconnectNow() {
    if (!S.stopped && !S.ws && S.code) { S.attempts = 0; connect(); }
  }
  addEventListener("online", reconnectNow);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") reconnectNow(); });

  function send(msg) {
    if (S.ws && S.ws.readyState === 1) S.ws.send(JSON.stringify(msg));
  }

  function forget() {
    S.secret = null;
    mem.set(secretKey(), null);
    S.pending = null;
    mem.set(answerKey(), null);
  }

  // ---- messages ----
  function receive(m) {
    switch (m.type) {
      case "welcome":
        S.secret = m.secret;
        mem.set(secretKey(), m.secret);
        Object.assign(S, { player: m.player, qcount: m.question_count, extra: m.extra_time_allowed, value: m.value_id, joined: true, attempts: 0 });
        alertMsg("");
        say(t("joined"));
        resend(true);
        keepRecords(m.records);
        break;
      case "state":
        S.view = m.view;
        // The player's own time: +50 % with extra time (`you` then gives it exactly).
        if (m.view.phase === "question") S.deadline = performance.now() + m.view.remaining_ms + (S.status && S.status.extra_time ? m.view.allowed_ms / 2 : 0);
        break;
      case "you":
        // `locked_in` is the answer to the question open when the message was made (none
        // after a close), so it stands for the open question whichever of `you` and
        // `state` arrives first after a rejoin.
        S.status = m.status;
        S.statusRev = (S.statusRev || 0) + 1;
        if (m.status.remaining_ms != null) S.deadline = performance.now() + m.status.remaining_ms;
        if (S.pending && m.status.locked_in === S.pending.option_id) { S.pending = null; mem.set(answerKey(), null); }
        break;
      case "ack":
        if (S.pending && S.pending.answer_id === m.answer_id) {
          S.locked = { q: S.pending.question, option: S.pending.option_id };
          S.pending = null;
          mem.set(answerKey(), null);
          say(t("sent"));
        }
        break;
      case "refused":
        return refused(m);
      case "kicked":
        forget();
        return stop(t("kickedH"), t("kicked"));
      case "record":
        return keepRecords([m.record]);
      default:
        return;
    }
    render();
  }

  function refused(m) {
    const text = tx(m.message);
    if (m.answer_id && S.pending && S.pending.answer_id === m.answer_id) {
      S.pending = null;
      mem.set(answerKey(), null);
    }
    switch (m.code) {
      case "live_kicked":
        forget();
        return stop(t("kickedH"), text);
      case "live_unknown_player":
      case "live_secret_taken":
        // The secret no longer fits (another game under this code): join afresh.
        forget();
        if (S.token) send({ type: "join" });
        else if (S.guest) send({ type: "join", name: S.guest.name, unit_id: S.guest.unit_id });
        else { if (S.ws) S.ws.close(); guestScreen(); }
        return;
      case "live_game_over":
        return stop(t("overH"), text, true);
      case "live_game_full":
        return stop(t("fullH"), text);
      case "live_guests_not_allowed":
        S.stopped = true;
        if (S.ws) S.ws.close();
        S.key = "stop";
        return show(h("h1", { text: t("guestsH") }), h("p", { text: t("guests") }), h("a", { class: "btn primary", href: "/masuk", text: t("signIn") }));
      case "name_too_short":
      case "name_too_long":
      case "live_unknown_unit":
        if (S.ws) S.ws.close();
        return guestScreen(text);
      default:
        alertMsg(text);
        render();
    }
  }

  /** Sends the answer waiting for its acknowledgement again (same id: never counted twice). */
  function resend(now) {
    const p = S.pending;
    if (p && S.joined && (now || Date.now() - p.at > 2500)) {
      p.at = Date.now();
      send({ type: "answer", answer_id: p.answer_id, question: p.question, option_id: p.option_id });
    }
  }
  setInterval(() => { resend(false); tick(); }, 500);

  function choose(q, option) {
    if (S.pending || (S.locked && S.locked.q === q.index) || (S.status && S.status.locked_in)) return;
    alertMsg("");
    S.pending = { answer_id: uuidv7(), question: q.index, option_id: option.id, at: 0 };
    mem.set(answerKey(), S.pending);
    say(t("sending"));
    resend(true);
    render();
  }

  // ---- playing screens ----
  const optionText = (opts, id) => { const o = (opts || []).find((x) => x.id === id); return o ? tx(o.text) : id; };
  const isMe = (row) => row.player === S.player;
  const rankLine = (st) => (st && st.rank != null ? t("rank", { r: st.rank, n: st.players }) : t("noRank"));

  /** The extra-time toggle, kept (not rebuilt) so it keeps focus while the status changes. */
  function extraButton() {
    S.els.extra = h("button", { type: "button", onclick: () => send({ type: "extra_time", on: !(S.status && S.status.extra_time) }) });
    syncExtra();
    return S.els.extra;
  }
  function syncExtra() {
    const b = S.els.extra;
    if (!b) return;
    const on = !!(S.status && S.status.extra_time);
    b.hidden = !S.extra || !S.status;
    b.setAttribute("aria-pressed", String(on));
    b.textContent = on ? t("extraOn") : t("extra");
  }

  function board(rows, limit) {
    return h("ol", { class: "card" }, ...rows.slice(0, limit).map((r) =>
      h("li", { value: r.rank, class: isMe(r) ? "me" : null, text: `${r.name}${isMe(r) ? t("you") : ""} (${r.unit_name}): ${t("pts", { p: r.points })}` })));
  }

  function unitBoard(units) {
    if (!units) return null;
    return h("div", null, h("h2", { text: t("unitsH") }),
      units.ranked.length ? h("ol", { class: "card" }, ...units.ranked.map((u) => h("li", { value: u.rank, text: `${u.unit_name}: ${t("pts", { p: u.mean })}` }))) : null,
      units.too_few.length ? h("ul", { class: "card" }, ...units.too_few.map((u) => h("li", { class: "muted", text: `${u.unit_name}: ${t("tooFew")}` }))) : null);
  }

  function tick() {
    const el = S.els.timer;
    if (!el || !S.view || S.view.phase !== "question") return;
    const s = Math.max(0, Math.ceil((S.deadline - performance.now()) / 1000));
    el.textContent = S.view.paused ? t("paused") : s > 0 ? t("secs", { s }) : t("timeUp");
  }

  /** Builds the screen when the phase or question changes; otherwise updates it in place,
   * so a focused option keeps its focus. */
  function render() {
    const v = S.view;
    if (!v || S.stopped) return;
    const idx = v.question ? v.question.index : v.reveal ? v.reveal.index : v.index;
    // Results screens show the player's status: rebuilt when it comes (after the view).
    const live = v.phase === "question" || v.phase === "lobby";
    const key = `${v.phase}:${idx}:${lang}:${live ? !!S.status : S.statusRev}`;
    if (key !== S.key) {
      S.key = key;
      S.els = {};
      build(v);
    } else update(v);
    tick();
  }

  function build(v) {
    const st = S.status;
    const hello = st ? h("p", { text: t("hello", { name: st.name, unit: st.unit_name }) }) : null;
    switch (v.phase) {
      case "lobby":
        S.els.waiting = h("p", { text: t("waiting", { n: v.players }) });
        return show(h("h1", { text: t("lobbyH") }), hello, S.els.waiting, extraButton());
      case "question": {
        const q = v.question;
        alertMsg(""); // a refusal belongs to the question before
        S.els.timer = h("span", { class: "timer", role: "timer" });
        S.els.opts = q.options.map((o, i) => h("button", { type: "button", class: "opt", "data-id": o.id, onclick: () => choose(q, o) },
          `${String.fromCharCode(65 + i)}. ${tx(o.text)}`));
        S.els.sent = h("p", { class: "sent", hidden: true });
        S.els.score = h("p", { class: "muted" });
        show(h("p", { class: "meta" }, h("span", { text: t("qOf", { i: q.index + 1, n: q.count }) }), S.els.timer),
          h("h1", { text: tx(q.stem) }), h("div", { role: "group", "aria-label": tx(q.stem) }, ...S.els.opts), S.els.sent, extraButton(), S.els.score);
        say(t("qOf", { i: q.index + 1, n: q.count }));
        return update(v);
      }
      case "reveal": {
        const r = v.reveal;
        const last = st && st.last && st.last.index === r.index ? st.last : null;
        const verdict = !last || last.option_id == null ? t("none") : last.correct ? t("right", { p: last.points }) : t("wrong");
        say(verdict);
        return show(h("h1", { text: t("closedH", { i: r.index + 1 }) }),
          h("div", { class: "card" }, h("p", { class: "verdict", text: verdict }), h("p", { text: t("key", { o: optionText(r.options, r.correct_option) }) }),
            h("p", { class: "muted", text: tx(r.explanation) })),
          st ? h("p", { class: "card" }, t("score", { p: st.total }), h("br"), rankLine(st)) : null);
      }
      case "leaderboard":
        return show(h("h1", { text: t("boardH") }), st ? h("p", { class: "card" }, t("score", { p: st.total }), h("br"), rankLine(st)) : null,
          board(v.top, 10), unitBoard(v.units));
      default: { // podium, ended
        const team = !!v.units;
        say("");
        return show(h("h1", { text: v.phase === "podium" ? t("podiumH") : t("endH") }),
          st ? h("div", { class: "card" }, h("p", { text: t("finalRank") }),
            h("p", { class: "big", text: st.rank != null ? `#${st.rank}` : "–" }), h("p", { text: t("of", { n: st.players }) }),
            h("p", { text: `${t("score", { p: st.total })} · ${t("correct", { c: st.correct_count, n: S.qcount })}` }),
            team ? h("p", { text: st.unit_rank != null ? t("unitRank", { u: st.unit_name, r: st.unit_rank }) : t("unitNo", { u: st.unit_name }) }) : null) : null,
          v.best_unit ? h("p", { class: "card", text: t("bestUnit", { u: v.best_unit.unit_name }) }) : null,
          board(v.top, v.phase === "podium" ? 3 : 10), unitBoard(v.units),
          S.value ? h("a", { class: "btn primary", href: `/modul/modul-${encodeURIComponent(S.value)}`, text: t("module") }) : null,
          h("a", { class: "btn", href: "/", text: t("app") }), h("p", { class: "muted", text: t("appNote") }));
      }
    }
  }

  function update(v) {
    syncExtra();
    if (v.phase === "lobby" && S.els.waiting) S.els.waiting.textContent = t("waiting", { n: v.players });
    if (v.phase !== "question" || !S.els.opts) return;
    const q = v.question;
    S.els.score.textContent = S.status ? t("score", { p: S.status.total }) : "";
    const locked = (S.locked && S.locked.q === q.index ? S.locked.option : null) || (S.status && S.status.locked_in);
    const pending = S.pending && S.pending.question === q.index ? S.pending.option_id : null;
    const chosen = locked || pending;
    for (const b of S.els.opts) {
      b.setAttribute("aria-pressed", String(b.dataset.id === chosen));
      b.disabled = !!chosen || v.paused;
    }
    S.els.sent.hidden = !chosen;
    S.els.sent.textContent = locked ? t("sentLong", { o: optionText(q.options, locked) }) : pending ? t("sending") : "";
  }

  // ---- start ----
  function applyLang() {
    document.documentElement.lang = lang;
    const b = $("lang");
    b.textContent = t("lang");
    b.lang = t("langCode");
    for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  }
  $("lang").addEventListener("click", () => {
    lang = lang === "id" ? "en" : "id";
    mem.set(LANG_KEY, lang);
    applyLang();
    if (S.view && !S.stopped) render();
    else if (S.key === "code") codeScreen();
    else if (S.key === "guest") guestScreen();
    $("lang").focus();
  });

  async function begin() {
    const m = /^\/gabung\/([\d\s-]+)\/?$/.exec(decodeURIComponent(location.pathname));
    const code = m ? m[1].replace(/\D/g, "") : "";
    if (!/^[1-9]\d{5}$/.test(code)) return codeScreen();
    Object.assign(S, { code, stopped: false, attempts: 0, view: null, status: null, key: "" });
    S.secret = mem.get(secretKey());
    S.pending = mem.get(answerKey());
    const session = await appSession();
    if (session) {
      S.token = session.token;
      S.me = session.account && session.account.name;
      S.account = session.account && session.account.id;
      if (S.me) say(t("asYou", { name: S.me }));
    }
    if (!S.secret && !S.token) {
      // A guest is told of a wrong or finished code before typing a name.
      const res = await probe();
      if (res && res.status === 404) return notRunning(res);
    }
    connect();
  }
  applyLang();
  begin();
})();
