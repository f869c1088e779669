//! Resapi's sync server: accounts and sessions, the sync and restore API, the content API,
//! and the built web app as static files. SQLite by default; the SQL is kept portable.

pub mod accounts;
pub mod cli;
pub mod client_addr;
pub mod compressed;
pub mod content;
pub mod db;
pub mod demo;
pub mod erasure;
pub mod http;
pub mod login_limit;
pub mod passwords;
pub mod records;
pub mod roster;
pub mod state;
pub mod tokens;

pub use state::AppState;
