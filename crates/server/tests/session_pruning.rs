//! Sessions that can no longer be used (expired or revoked) are deleted at start and
//! periodically while serving, so the table holds live sessions only.

mod common;

use common::*;
use reqwest::StatusCode;
use resapi_server::AppState;
use std::time::Duration;

async fn expire(srv: &Server, token_hash: &str) {
    sqlx::query("UPDATE sessions SET expires_at = 1 WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&srv.db)
        .await
        .unwrap();
}

async fn session_hashes(srv: &Server) -> Vec<String> {
    sqlx::query_scalar("SELECT token_hash FROM sessions ORDER BY created_at")
        .fetch_all(&srv.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn expired_and_revoked_sessions_are_deleted_at_start_and_while_serving() {
    let srv = start().await;
    let expired = srv.register(1).await;
    let revoked = srv.register(2).await;
    let live = srv.register(3).await;
    let hashes = session_hashes(&srv).await;
    expire(&srv, &hashes[0]).await;
    let res = srv
        .post(
            "/api/v1/auth/logout",
            &serde_json::json!({}),
            Some(&revoked.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(srv.count("SELECT COUNT(*) FROM sessions").await, 3);

    // A restart on the same file prunes at once.
    let restarted = AppState::open(
        &srv.db_path(),
        &fixture_content(),
        &srv.dir.path().join("dist"),
    )
    .await
    .unwrap();
    assert_eq!(srv.count("SELECT COUNT(*) FROM sessions").await, 1);
    assert_eq!(session_hashes(&srv).await, vec![hashes[2].clone()]);
    let res = srv.get("/api/v1/me/records", Some(&live.token)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = srv.get("/api/v1/me/records", Some(&expired.token)).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // While serving, the sweeper deletes sessions as they expire.
    let sweeper = resapi_server::state::spawn_sweeper(&restarted, Duration::from_millis(50));
    let later = srv.register(4).await;
    let hashes = session_hashes(&srv).await;
    expire(&srv, &hashes[1]).await;
    let mut waited = 0;
    while srv.count("SELECT COUNT(*) FROM sessions").await > 1 {
        tokio::time::sleep(Duration::from_millis(20)).await;
        waited += 1;
        assert!(waited < 250, "the sweeper never pruned the expired session");
    }
    sweeper.abort();
    assert_eq!(session_hashes(&srv).await, vec![hashes[0].clone()]);
    let res = srv.get("/api/v1/me/records", Some(&live.token)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = srv.get("/api/v1/me/records", Some(&later.token)).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}
