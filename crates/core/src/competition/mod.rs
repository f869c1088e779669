//! Quiz competitions between units (lomba antar unit): a quiz that runs over days, taken
//! offline and graded on the server. Core holds the rules both sides need: when an attempt
//! counts (`window`) and how units are ranked fairly whatever their size (`ranking`).
//! The reasoning is in docs/competitions.md.

pub mod draw;
pub mod grade;
pub mod ranking;
pub mod schedule;
pub mod standings;
pub mod window;
pub mod wire;
