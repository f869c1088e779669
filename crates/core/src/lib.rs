//! Resapi's domain: the BerAKHLAK catalogue, the content model and its validation,
//! practice scoring, the rules that results and progress follow (advice, the weakest
//! component, the seven-day commitment, mastery tallies), NIP rules and the sync protocol.
//! No I/O: the same code runs in the phone app (wasm) and on the server.

pub mod activity;
pub mod admin;
pub mod advice;
pub mod aggregate;
pub mod api;
pub mod careless;
pub mod catalog;
pub mod citation;
pub mod commitment;
pub mod commitment_reading;
pub mod competition;
pub mod content;
pub mod cues;
pub mod live;
pub mod mastery;
pub mod module;
pub mod nip;
pub mod practice;
pub mod quality;
pub mod questionnaire;
pub mod recognition;
pub mod review;
pub mod rng;
pub mod role;
pub mod scoring;
pub mod sync;
pub mod text;
pub mod unit_dashboard;
pub mod validate;
pub mod weakest;

pub use text::{Lang, Text};
