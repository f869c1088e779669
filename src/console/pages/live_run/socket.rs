//! The console's live socket (the presenter's or the projector's): opens
//! `/api/v1/live/games/{id}/ws?token=…`, hands each server message to the screen, and
//! reconnects by itself after a drop with backoff (1, 2, 4 … 15 s). A socket that never
//! opens is diagnosed by a plain GET of the same address, which the server checks before
//! any handshake: 401 ends the sign-in, another refusal (403, 404) is said and stops the
//! retries; 426 (a good address without the handshake) means try again.

use super::clock::backoff_secs;
use super::console_msg::ConsoleMsg;
use crate::api::{ApiError, error_of};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use resapi_core::live::protocol::ClientMsg;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

/// The state of the connection, as the screen says it.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    Connecting,
    Open,
    /// Dropped; the next attempt is in `seconds`.
    Reconnecting {
        seconds: u32,
    },
    /// The server refused the address (no such game, not the trainer's own): no retry.
    Refused(ApiError),
}

type Handlers = (
    Closure<dyn FnMut()>,
    Closure<dyn FnMut(MessageEvent)>,
    Closure<dyn FnMut(CloseEvent)>,
);

struct Inner {
    /// Same-origin path with its query (`/api/v1/live/games/{id}/ws?token=…`).
    path: String,
    ws: Option<WebSocket>,
    handlers: Option<Handlers>,
    attempt: u32,
    opened: bool,
    retry: Option<Timeout>,
    stopped: bool,
    link: RwSignal<Link>,
    on_message: Rc<dyn Fn(ConsoleMsg)>,
    on_unauthorized: Rc<dyn Fn()>,
}

/// One live socket for as long as the screen that made it is shown.
#[derive(Clone, Copy)]
pub struct LiveSocket {
    inner: StoredValue<Rc<RefCell<Inner>>, LocalStorage>,
    pub link: RwSignal<Link>,
}

impl LiveSocket {
    /// Connects now; closes for good when the calling component is cleaned up.
    pub fn open(
        path: String,
        on_message: impl Fn(ConsoleMsg) + 'static,
        on_unauthorized: impl Fn() + 'static,
    ) -> LiveSocket {
        let link = RwSignal::new(Link::Connecting);
        let inner = Rc::new(RefCell::new(Inner {
            path,
            ws: None,
            handlers: None,
            attempt: 0,
            opened: false,
            retry: None,
            stopped: false,
            link,
            on_message: Rc::new(on_message),
            on_unauthorized: Rc::new(on_unauthorized),
        }));
        connect(&inner);
        let socket = LiveSocket {
            inner: StoredValue::new_local(inner),
            link,
        };
        on_cleanup(move || {
            if let Some(inner) = socket.inner.try_get_value() {
                stop(&inner);
            }
        });
        socket
    }

    /// Sends `msg`; false when the socket is not open (the screen says so).
    pub fn send(&self, msg: &ClientMsg) -> bool {
        let Some(inner) = self.inner.try_get_value() else {
            return false;
        };
        let inner = inner.borrow();
        let (Some(ws), Ok(text)) = (inner.ws.as_ref(), serde_json::to_string(msg)) else {
            return false;
        };
        ws.ready_state() == WebSocket::OPEN && ws.send_with_str(&text).is_ok()
    }
}

fn ws_url(path: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{}{path}", location.host().ok()?))
}

fn connect(inner: &Rc<RefCell<Inner>>) {
    let url = ws_url(&inner.borrow().path);
    let Some(ws) = url.and_then(|u| WebSocket::new(&u).ok()) else {
        schedule_retry(inner);
        return;
    };
    let weak = Rc::downgrade(inner);
    let on_open = {
        let weak = weak.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(inner) = weak.upgrade() {
                let mut i = inner.borrow_mut();
                i.attempt = 0;
                i.opened = true;
                i.link.set(Link::Open);
            }
        })
    };
    let on_message = {
        let weak = weak.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(inner) = weak.upgrade() else { return };
            let Some(text) = e.data().as_string() else {
                return;
            };
            // A message this version does not know is skipped, not fatal.
            if let Ok(msg) = serde_json::from_str::<ConsoleMsg>(&text) {
                let handle = inner.borrow().on_message.clone();
                handle(msg);
            }
        })
    };
    let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |_e: CloseEvent| {
        if let Some(inner) = weak.upgrade() {
            closed(&inner);
        }
    });
    ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    let mut i = inner.borrow_mut();
    i.opened = false;
    i.ws = Some(ws);
    i.handlers = Some((on_open, on_message, on_close));
    if !matches!(i.link.get_untracked(), Link::Reconnecting { .. }) {
        i.link.set(Link::Connecting);
    }
}

fn closed(inner: &Rc<RefCell<Inner>>) {
    let (stopped, opened, path) = {
        let mut i = inner.borrow_mut();
        detach(&mut i);
        (i.stopped, i.opened, i.path.clone())
    };
    if stopped {
        return;
    }
    if opened {
        schedule_retry(inner);
        return;
    }
    let weak = Rc::downgrade(inner);
    leptos::task::spawn_local(async move {
        let verdict = diagnose(&path).await;
        if let Some(inner) = weak.upgrade() {
            match verdict {
                Verdict::Retry => schedule_retry(&inner),
                Verdict::Unauthorized => {
                    let handle = inner.borrow().on_unauthorized.clone();
                    stop(&inner);
                    handle();
                }
                Verdict::Refused(e) => {
                    let link = inner.borrow().link;
                    stop(&inner);
                    link.set(Link::Refused(e));
                }
            }
        }
    });
}

enum Verdict {
    Retry,
    Unauthorized,
    Refused(ApiError),
}

async fn diagnose(path: &str) -> Verdict {
    let Ok(resp) = gloo_net::http::Request::get(path).send().await else {
        return Verdict::Retry;
    };
    match resp.status() {
        401 => Verdict::Unauthorized,
        403 | 404 | 400 => Verdict::Refused(error_of(resp).await),
        _ => Verdict::Retry,
    }
}

fn schedule_retry(inner: &Rc<RefCell<Inner>>) {
    let mut i = inner.borrow_mut();
    if i.stopped {
        return;
    }
    let seconds = backoff_secs(i.attempt);
    i.attempt = i.attempt.saturating_add(1);
    i.link.set(Link::Reconnecting { seconds });
    let weak: Weak<RefCell<Inner>> = Rc::downgrade(inner);
    i.retry = Some(Timeout::new(seconds * 1000, move || {
        if let Some(inner) = weak.upgrade() {
            connect(&inner);
        }
    }));
}

/// Unhooks and closes the socket. Its closures stay until the next attempt replaces them or
/// the screen stops: this runs inside the close handler, which must not drop itself.
fn detach(i: &mut Inner) {
    if let Some(ws) = i.ws.take() {
        ws.set_onopen(None);
        ws.set_onmessage(None);
        ws.set_onclose(None);
        let _ = ws.close();
    }
}

fn stop(inner: &Rc<RefCell<Inner>>) {
    let mut i = inner.borrow_mut();
    i.stopped = true;
    i.retry = None;
    detach(&mut i);
    i.handlers = None;
}
