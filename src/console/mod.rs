//! The console: the laptop app for trainers and unit admins at `/konsol/`, a second wasm
//! binary (`src/bin/console.rs`) so none of it ships to phones. Online only: no service
//! worker, no local store; its sign-in lives in this tab (see [`session`]).

pub mod access;
pub mod api;
pub mod app;
pub mod frames;
pub mod i18n;
pub mod layout;
pub mod live_api;
pub mod live_chart;
pub mod lomba_api;
pub mod pages;
pub mod problem;
pub mod session;
pub mod state;
