//! Clients that send a login and hang up at once cannot make the real server run unbounded
//! password hashes: a hash's slot is released when the hash ends, not when its caller goes.
//! Prints the hashes run and the server's peak memory (VmHWM).

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::json;
use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

const HANGUPS: u32 = 500;
/// argon2 takes 19 MiB per running hash and two run at once: about 65 MiB in all here.
/// Unbounded hashing after 500 hang-ups would take gigabytes; a fresh 19 MiB per hash left
/// resident by the allocator took 220–290 MiB.
const PEAK_MEMORY_BOUND_KIB: u64 = 128 * 1024;

fn peak_memory_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// The number after `name=` in the server's log.
fn logged(log: &str, name: &str) -> u64 {
    let key = format!("{name}=");
    let at = log
        .rfind(&key)
        .unwrap_or_else(|| panic!("no {name} in the log:\n{log}"));
    log[at + key.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

/// Sends a whole login request and closes the connection a moment later (0–100 ms, so some
/// leave while their hash waits and some while it runs), without reading the answer.
fn login_and_hang_up(addr: &str, n: u32) {
    let body = json!({"nip": nip(n), "password": "tebakan-salah"}).to_string();
    // Each from its own client address (the server trusts the local proxy), so the login
    // limits let every one through to the hash: what is under test is the hash ceiling.
    let request = format!(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         X-Forwarded-For: 10.{}.{}.1\r\nContent-Length: {}\r\n\r\n{body}",
        n / 256,
        n % 256,
        body.len()
    );
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    std::thread::sleep(Duration::from_millis(u64::from(n * 37 % 101)));
    drop(stream);
}

#[tokio::test]
async fn hundreds_of_hung_up_logins_run_a_bounded_number_of_hashes_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let server = spawn_server(
        &common::test_db(&dir.path().join("resapi.db")),
        &["--trusted-proxy", "127.0.0.1"],
    );
    let pid = server.child.id();
    let http = reqwest::Client::new();
    let res = http
        .post(server.url("/api/v1/auth/register"))
        .json(
            &json!({"nip": nip(999), "name": "Siti Rahma", "password": PASSWORD, "unit_id": UNIT}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let before = peak_memory_kib(pid);

    let addr = server.base.trim_start_matches("http://").to_owned();
    // 50 clients at a time, each hanging up 10 times in a row.
    let senders: Vec<_> = (0..50)
        .map(|t| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                for n in (t * HANGUPS / 50)..((t + 1) * HANGUPS / 50) {
                    login_and_hang_up(&addr, n);
                }
            })
        })
        .collect();
    for s in senders {
        s.join().unwrap();
    }
    // A real login waits behind whatever hashing the flood left queued (the queue is fair).
    loop {
        let res = http
            .post(server.url("/api/v1/auth/login"))
            .json(&json!({"nip": nip(999), "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        if res.status() == StatusCode::SERVICE_UNAVAILABLE {
            tokio::time::sleep(Duration::from_millis(200)).await;
            continue;
        }
        assert_eq!(res.status(), StatusCode::OK);
        break;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let peak = peak_memory_kib(pid);
    let log = server.stop();
    let hashes = logged(&log, "password_hashes");
    let at_once = logged(&log, "password_hashes_at_once");
    let skipped = logged(&log, "password_hashes_skipped");
    println!(
        "{HANGUPS} hung-up logins: {hashes} password hashes run ({skipped} skipped: the caller \
         had gone), at most {at_once} at once; peak memory {} MiB (before the flood {} MiB)",
        peak / 1024,
        before / 1024
    );
    assert!(at_once <= 2, "{at_once} hashes at once");
    assert!(
        hashes <= u64::from(HANGUPS) + 2,
        "{hashes} hashes for {HANGUPS} logins"
    );
    assert!(
        peak <= PEAK_MEMORY_BOUND_KIB,
        "peak memory {peak} KiB > {PEAK_MEMORY_BOUND_KIB} KiB"
    );
}
