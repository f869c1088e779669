//! Resapi's web app: Leptos (client-side) compiled to WebAssembly.
//!
//! Layout: `pages/<entry>/` hold the pages of each entry (only `phone` for now; trainer and
//! admin screens will be a second entry); `components/`, `store/`, `sync/`, `api`, `i18n`
//! and `state` are shared by every entry.
#![cfg(target_arch = "wasm32")]

pub mod activity;
pub mod api;
pub mod charts;
pub mod components;
pub mod journal;
pub mod local_time;
pub mod phone;
pub mod practice;
pub mod questionnaires;
pub mod review;
pub mod state;
pub mod store;
pub mod sync;
