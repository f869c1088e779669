//! Resapi's domain: the BerAKHLAK catalogue, the content model and its validation,
//! practice scoring, NIP rules and the sync protocol. No I/O: the same code runs in the
//! phone app (wasm) and on the server.

pub mod activity;
pub mod admin;
pub mod api;
pub mod catalog;
pub mod content;
pub mod module;
pub mod nip;
pub mod practice;
pub mod quality;
pub mod questionnaire;
pub mod review;
pub mod rng;
pub mod role;
pub mod scoring;
pub mod sync;
pub mod text;
pub mod validate;

pub use text::{Lang, Text};
