//! The console's screens, one module each.

pub mod dashboard;
pub mod home;
pub mod login;
pub mod no_access;
pub mod people;
pub mod roster_import;
pub mod units;
