//! The employee's phone app (offline first): its root, routes and pages, its strings, and
//! what only it does (the service worker, downloading one's data).

pub mod app;
pub mod download;
pub mod entry;
pub mod first_screen;
pub mod i18n;
pub mod i18n_lomba;
pub mod pages;
pub mod pwa;
