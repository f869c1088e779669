//! The console's screens, one module each.

pub mod home;
pub mod login;
