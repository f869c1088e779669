//! Resapi's sync server: accounts and sessions, the sync and restore API, the content API,
//! and the built web app as static files. SQLite by default; all SQL is in `store`, kept portable.

pub mod cli;
pub mod client_addr;
pub mod clock;
pub mod competition;
pub mod compressed;
pub mod content;
pub mod dashboard;
pub mod demo;
pub mod export;
pub mod http;
pub mod live;
pub mod login_limit;
pub mod passwords;
pub mod records;
pub mod roster;
pub mod roster_file;
pub mod state;
pub mod store;
pub mod tokens;
pub mod units_cache;
pub mod window_limit;

pub use state::AppState;
