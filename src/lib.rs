//! Resapi's web app: Leptos (client-side) compiled to WebAssembly.
//!
//! Two entries link this library: the phone app (`src/main.rs`, `phone/`) and the console
//! for trainers and unit admins (`src/bin/console.rs`, `console/`); each binary keeps only
//! what it reaches. The modules at the top are shared: `api`, `i18n` (strings both show),
//! `state`, `store/`, `sync/`, `charts/`, `components/`, `local_time`, and the device-side
//! flows the store and sync build on (`practice`, `questionnaires`, `journal`, `review`,
//! `activity`, `competition`).
#![cfg(target_arch = "wasm32")]

pub mod activity;
pub mod api;
pub mod charts;
pub mod competition;
pub mod components;
pub mod console;
pub mod download;
pub mod i18n;
pub mod journal;
pub mod local_time;
pub mod mount;
pub mod phone;
pub mod practice;
pub mod preferences;
pub mod questionnaires;
pub mod review;
pub mod state;
pub mod store;
pub mod sync;
