//! The console's screens, one module each.

pub mod address;
pub mod dashboard;
pub mod home;
pub mod item_analysis;
pub mod latest_answer;
pub mod live_run;
pub mod live_setup;
pub mod login;
pub mod no_access;
pub mod people;
pub mod quality;
pub mod roster_import;
pub mod sortable;
pub mod units;
