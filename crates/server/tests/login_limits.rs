//! Login limits under a burst and under abuse, over real HTTP with the peer address known
//! (as `resapi-server serve` runs): slots are taken before any hashing, a stranger cannot
//! lock the owner out everywhere, and the hash ceiling answers 503 instead of queueing
//! without end.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::*;
use reqwest::StatusCode;
use resapi_server::AppState;
use resapi_server::client_addr::TrustedProxies;
use resapi_server::login_limit::{LoginLimiter, LoginLimits};
use resapi_server::passwords::Passwords;
use serde_json::json;
use std::sync::Arc;
use tower::ServiceExt;

const STRANGER: &str = "203.0.113.66";
const OWNER: &str = "198.51.100.7";

/// The test client stands for a reverse proxy on 127.0.0.1, so `X-Forwarded-For` picks the
/// client address of each request.
fn behind_local_proxy(state: &mut AppState) {
    state.trusted_proxies = Arc::new(TrustedProxies::new(vec!["127.0.0.1".parse().unwrap()]));
}

async fn start_behind_proxy() -> Server {
    start_with_state(behind_local_proxy).await
}

impl Server {
    async fn login_from(&self, from: &str, nip: &str, password: &str) -> reqwest::Response {
        self.http
            .post(self.url("/api/v1/auth/login"))
            .header("x-forwarded-for", from)
            .json(&json!({"nip": nip, "password": password}))
            .send()
            .await
            .unwrap()
    }

    /// `count` wrong-password logins sent at once; each gives (status, Retry-After, code).
    fn wrong_passwords_at_once(
        &self,
        count: usize,
        from: &str,
        nip: &str,
    ) -> Vec<tokio::task::JoinHandle<(StatusCode, Option<u64>, String)>> {
        (0..count)
            .map(|_| {
                let req = self
                    .http
                    .post(self.url("/api/v1/auth/login"))
                    .header("x-forwarded-for", from)
                    .json(&json!({"nip": nip, "password": "tebakan-salah"}));
                tokio::spawn(async move {
                    let res = req.send().await.unwrap();
                    let wait = retry_after(&res);
                    (res.status(), wait, error_code(res).await)
                })
            })
            .collect()
    }

    fn checks(&self) -> u64 {
        self.passwords.stats().verifications
    }
}

fn retry_after(res: &reqwest::Response) -> Option<u64> {
    res.headers()
        .get("retry-after")?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_1000_wrong_passwords_for_one_nip_checks_at_most_10_and_the_owner_still_gets_in()
{
    let srv = start_behind_proxy().await;
    srv.register(1).await;
    let before = srv.checks();
    let burst = srv.wrong_passwords_at_once(1000, STRANGER, &nip(1));
    let mut refused = 0;
    let mut limited = 0;
    for task in burst {
        let (status, wait, code) = task.await.unwrap();
        match status {
            StatusCode::UNAUTHORIZED => {
                assert_eq!(code, "bad_credentials");
                refused += 1;
            }
            StatusCode::TOO_MANY_REQUESTS => {
                assert_eq!(code, "too_many_attempts");
                assert!(wait.is_some_and(|s| s >= 1), "Retry-After {wait:?}");
                limited += 1;
            }
            other => panic!("unexpected {other} ({code})"),
        }
    }
    let checks = srv.checks() - before;
    println!(
        "1000 parallel wrong passwords for one NIP: {checks} password checks \
         ({refused} answered 401, {limited} answered 429)"
    );
    assert!(checks <= 10, "{checks} password checks");
    assert_eq!(refused, checks);
    assert_eq!(refused + limited, 1000);

    // The owner, from their own address, is not locked out by the stranger's burst.
    let res = srv.login_from(OWNER, &nip(1), PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
    // From the stranger's address even the right password waits out the window.
    let res = srv.login_from(STRANGER, &nip(1), PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn ten_bad_tries_from_one_address_block_that_address_only_until_the_nip_ceiling() {
    let srv = start_behind_proxy().await;
    srv.register(2).await;
    for _ in 0..10 {
        let res = srv.login_from(STRANGER, &nip(2), "tebakan-salah").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = srv.login_from(STRANGER, &nip(2), "tebakan-salah").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = retry_after(&res).unwrap();
    assert!((14 * 60..=15 * 60).contains(&wait), "Retry-After {wait}");
    // The owner signs in from the office, twice (a success frees their own budget).
    for _ in 0..2 {
        let res = srv.login_from(OWNER, &nip(2), PASSWORD).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    // Guessing spread over many addresses meets the NIP's own ceiling (50 per 15 minutes),
    // which then holds for everyone, the owner included: the price of bounding it.
    let per_nip = LoginLimits::default().per_nip;
    for i in 10..per_nip {
        let from = format!("192.0.2.{i}");
        let res = srv.login_from(&from, &nip(2), "tebakan-salah").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "try {i}");
    }
    let res = srv
        .login_from("192.0.2.200", &nip(2), "tebakan-salah")
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let res = srv.login_from(OWNER, &nip(2), PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(srv.checks(), per_nip as u64 + 2);
}

#[tokio::test]
async fn one_address_trying_many_nips_is_stopped_but_an_office_signing_in_is_not() {
    let srv = start_with_state(|state| {
        behind_local_proxy(state);
        state.login_limiter = Arc::new(LoginLimiter::new(LoginLimits {
            per_address: 5,
            ..LoginLimits::default()
        }));
    })
    .await;
    // A whole unit behind one address signs in: successes give their slot back.
    for n in 10..18 {
        srv.register(n).await;
        let res = srv.login_from("192.0.2.1", &nip(n), PASSWORD).await;
        assert_eq!(res.status(), StatusCode::OK, "colleague {n}");
    }
    // One address spraying a password over many NIPs.
    for n in 100..105 {
        let res = srv.login_from(STRANGER, &nip(n), "rahasia-123").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = srv.login_from(STRANGER, &nip(10), PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(error_code(res).await, "too_many_attempts");
    // Without a trusted proxy the header is the client's word, and not believed.
    let srv = start_with_state(|state| {
        state.login_limiter = Arc::new(LoginLimiter::new(LoginLimits {
            per_address: 2,
            ..LoginLimits::default()
        }));
    })
    .await;
    for (i, from) in ["192.0.2.1", "192.0.2.2"].iter().enumerate() {
        let res = srv
            .login_from(from, &nip(110 + i as u32), "x-salah-1")
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = srv.login_from("192.0.2.3", &nip(120), "x-salah-1").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_malformed_nip_is_refused_with_its_code_before_any_hashing() {
    let srv = start_behind_proxy().await;
    srv.register(3).await;
    let before = srv.checks();
    for (input, code) in [
        ("1985031220100110", "nip_length"),
        ("19850312 2010O1 1 003", "nip_not_digits"),
        ("19851312 201001 1 003", "nip_birth_date"),
        ("", "nip_empty"),
    ] {
        for _ in 0..12 {
            let res = srv.login_from(STRANGER, input, PASSWORD).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{input:?}");
            assert_eq!(error_code(res).await, code, "{input:?}");
        }
    }
    assert_eq!(srv.checks(), before, "no password was checked");
    // Nor did they use up anything: the real NIP from the same address still works.
    let res = srv.login_from(STRANGER, &nip(3), PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn beyond_the_hash_ceiling_a_login_gets_503_busy_and_costs_no_attempt() {
    let srv = start_with_state(|state| {
        behind_local_proxy(state);
        state.passwords = Passwords::with_ceiling(1, 2);
    })
    .await;
    srv.register(4).await;
    // As many at once as the NIP + address budget holds, so none is refused by the limit.
    let burst = srv.wrong_passwords_at_once(10, STRANGER, &nip(4));
    let (mut busy, mut refused) = (0, 0);
    for task in burst {
        match task.await.unwrap() {
            (StatusCode::SERVICE_UNAVAILABLE, wait, code) => {
                assert_eq!(code, "busy");
                assert_eq!(wait, Some(2));
                busy += 1;
            }
            (StatusCode::UNAUTHORIZED, _, _) => refused += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    println!("10 logins at once against a ceiling of 2 hashes: {busy} answered 503 busy");
    assert!(busy >= 1, "the ceiling turned some away");
    assert_eq!(busy + refused, 10);
    // Turned-away attempts were given back: exactly 10 failures fit in the budget.
    let mut more = 0;
    loop {
        let res = srv.login_from(STRANGER, &nip(4), "tebakan-salah").await;
        match res.status() {
            StatusCode::UNAUTHORIZED => more += 1,
            StatusCode::TOO_MANY_REQUESTS => break,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(refused + more, 10);
}

/// Requests handed to the app without a connection (no peer address) are limited by NIP.
#[tokio::test]
async fn without_connection_info_login_works_and_is_limited_by_nip() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::open(
        &common::test_db(&dir.path().join("resapi.db")),
        &fixture_content(),
        &dir.path().join("dist"),
    )
    .await
    .unwrap();
    let app = resapi_server::http::app(state);
    let call = |path: &str, body: serde_json::Value| {
        app.clone().oneshot(
            Request::post(path)
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
    };
    let res = call(
        "/api/v1/auth/register",
        json!({"nip": nip(5), "name": "Siti Rahma", "password": PASSWORD, "unit_id": UNIT}),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let login = |password: &str| json!({"nip": nip(5), "password": password});
    let res = call("/api/v1/auth/login", login(PASSWORD)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    for _ in 0..10 {
        let res = call("/api/v1/auth/login", login("salah-sandi"))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = call("/api/v1/auth/login", login(PASSWORD)).await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}
