//! Graceful shutdown with a deadline, on the real binary: SIGTERM stops new connections at
//! once, lets requests in flight finish, and a request that never finishes cannot hold the
//! server past `--shutdown-grace-secs`.
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;

/// Starts `resapi-server serve` on a free port; returns the process and its address.
fn spawn_server(dir: &std::path::Path, grace_secs: u64) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_resapi-server"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .arg("--db")
        .arg(common::test_db(&dir.join("resapi.db")))
        .arg("--content")
        .arg(common::fixture_content())
        .arg("--dist")
        .arg(dir.join("no-dist"))
        .args(["--shutdown-grace-secs", &grace_secs.to_string()])
        .args(["--request-timeout-secs", "120"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let addr = line
        .trim()
        .rsplit("http://")
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(addr.starts_with("127.0.0.1:"), "listening line: {line}");
    (child, addr)
}

fn sigterm(child: &Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits for the process to exit; returns how long it took.
fn wait_exit(child: &mut Child, limit: Duration) -> Duration {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "exit status {status}");
            return started.elapsed();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("the server did not stop within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test]
async fn sigterm_stops_accepting_and_a_stuck_request_cannot_hold_the_server_past_the_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr) = spawn_server(dir.path(), 2);
    // A client whose upload stalls: its request is in flight on the server.
    let mut stuck = tokio::net::TcpStream::connect(&addr).await.unwrap();
    stuck
        .write_all(
            b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
              Content-Length: 500\r\n\r\n{\"nip\":",
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    sigterm(&child);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        tokio::net::TcpStream::connect(&addr).await.is_err(),
        "no new connections once stopping"
    );
    let took = wait_exit(&mut child, Duration::from_secs(15)) + Duration::from_millis(300);
    println!("stopped {took:?} after SIGTERM with a stuck request (grace 2 s)");
    assert!(
        took >= Duration::from_millis(1500),
        "the request in flight got its grace: {took:?}"
    );
    drop(stuck);
}

#[tokio::test]
async fn sigterm_with_nothing_in_flight_stops_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, addr) = spawn_server(dir.path(), 30);
    let health = reqwest::get(format!("http://{addr}/api/v1/health"))
        .await
        .unwrap();
    assert!(health.status().is_success());
    sigterm(&child);
    let took = wait_exit(&mut child, Duration::from_secs(10));
    println!("stopped {took:?} after SIGTERM, idle");
    assert!(
        took < Duration::from_secs(10),
        "well before the 30 s deadline: {took:?}"
    );
}
