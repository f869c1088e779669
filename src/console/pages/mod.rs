//! The console's screens, one module each.

pub mod address;
pub mod confirm;
pub mod dashboard;
pub mod data_table;
pub mod field_message;
pub mod focus;
pub mod home;
pub mod item_analysis;
pub mod latest_answer;
pub mod live_run;
pub mod live_setup;
pub mod login;
pub mod lomba;
pub mod no_access;
pub mod people;
pub mod quality;
pub mod recognition;
pub mod roster_import;
pub mod sortable;
pub mod unit_choice;
pub mod units;
