//! `resapi-server`: the sync server and its admin commands. All logic lives in the lib so
//! tests can build the same app.

use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    resapi_server::cli::run(resapi_server::cli::Cli::parse()).await
}
