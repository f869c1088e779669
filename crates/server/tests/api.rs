//! The server over real HTTP against a real SQLite file in a temp dir: each test starts its
//! own app on 127.0.0.1:0 and talks to it with reqwest.

mod common;

use common::*;
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use resapi_core::api::{AuthResponse, ErrorBody, Role};
use resapi_core::content::ContentBundle;
use resapi_core::sync::{RecordStatus, RecordsPage};
use serde_json::{Value, json};
use std::path::Path;
use uuid::Uuid;

#[tokio::test]
async fn register_creates_an_employee_and_a_second_registration_of_the_nip_is_409() {
    let srv = start().await;
    let auth = srv.register(1).await;
    assert_eq!(auth.account.nip, nip_digits(1), "stored without spaces");
    assert_eq!(auth.account.roles, vec![Role::Employee]);
    assert_eq!(auth.account.unit_id, UNIT);
    assert!(auth.expires_at > time::OffsetDateTime::now_utc() + time::Duration::days(29));

    // The same NIP spelled without spaces is the same person.
    let res = srv
        .post(
            "/api/v1/auth/register",
            &json!({"nip": nip_digits(1), "name": "Orang Lain", "password": PASSWORD, "unit_id": UNIT}),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(error_code(res).await, "nip_taken");
    assert_eq!(srv.count("SELECT COUNT(*) FROM accounts").await, 1);
}

#[tokio::test]
async fn register_rejects_bad_fields_with_the_shared_codes() {
    let srv = start().await;
    let form = |nip: &str, password: &str, unit: &str| json!({"nip": nip, "name": "Budi Santoso", "password": password, "unit_id": unit});
    for (body, code) in [
        (form("1985031220100110", PASSWORD, UNIT), "nip_length"),
        (
            form("19850231 201001 1 004", PASSWORD, UNIT),
            "nip_birth_date",
        ),
        (form("19850312 201001 3 004", PASSWORD, UNIT), "nip_gender"),
        (form(&nip(2), "pendek", UNIT), "password_too_short"),
        (
            form(&nip(2), PASSWORD, "unit-yang-tidak-ada"),
            "unknown_unit",
        ),
    ] {
        let res = srv.post("/api/v1/auth/register", &body, None).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(error_code(res).await, code);
    }
    assert_eq!(srv.count("SELECT COUNT(*) FROM accounts").await, 0);
}

#[tokio::test]
async fn login_works_refuses_bad_credentials_alike_and_limits_failures_per_nip() {
    let srv = start().await;
    srv.register(3).await;
    let login = |nip: String, password: &str| json!({"nip": nip, "password": password});

    let res = srv
        .post("/api/v1/auth/login", &login(nip_digits(3), PASSWORD), None)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let auth: AuthResponse = res.json().await.unwrap();
    assert_eq!(auth.account.nip, nip_digits(3));

    let res = srv
        .post("/api/v1/auth/login", &login(nip(99), PASSWORD), None)
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(res).await, "bad_credentials");

    // Ten failures (spelled with and without spaces: one NIP, one budget) ...
    for i in 0..10 {
        let spelled = if i % 2 == 0 { nip(3) } else { nip_digits(3) };
        let res = srv
            .post("/api/v1/auth/login", &login(spelled, "salah-sandi"), None)
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(error_code(res).await, "bad_credentials");
    }
    // ... then even the right password waits.
    let res = srv
        .post("/api/v1/auth/login", &login(nip(3), PASSWORD), None)
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res.headers()[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 15 * 60);
    let body: ErrorBody = res.json().await.unwrap();
    assert_eq!(body.error.code, "too_many_attempts");
    assert!(
        body.error.message.contains("menit"),
        "{}",
        body.error.message
    );

    // Another person in the same office (same IP) is not affected.
    srv.register(4).await;
    let res = srv
        .post("/api/v1/auth/login", &login(nip(4), PASSWORD), None)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_same_batch_sent_twice_is_stored_once() {
    let srv = start().await;
    let auth = srv.register(5).await;
    let content = srv.content().await;
    let q = &content.questions[0];
    let records = vec![
        answer_record(auth.account.id, q, &q.answer, true, &content.version),
        answer_record(
            auth.account.id,
            q,
            &wrong_option(q),
            false,
            &content.version,
        ),
        practice_session_record(auth.account.id, &content.version),
    ];
    let first = srv.sync(&auth.token, records.clone()).await;
    assert_eq!(statuses(&first), vec![RecordStatus::Stored; 3]);
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 3);

    let second = srv.sync(&auth.token, records.clone()).await;
    assert_eq!(statuses(&second), vec![RecordStatus::Duplicate; 3]);
    assert!(second.results.iter().all(|r| r.error.is_none()));
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 3);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let answered: Vec<&str> = second.results.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(answered, ids, "answers keep request order");

    // Same content with keys in another order and the instant in another offset: still
    // the same record.
    let mut again = records[2].clone();
    again["created_at"] = json!("2025-01-05T18:05:00Z");
    let reordered: Value = serde_json::from_str(&again.to_string()).unwrap();
    let third = srv.sync(&auth.token, vec![reordered]).await;
    assert_eq!(statuses(&third), vec![RecordStatus::Duplicate]);
}

#[tokio::test]
async fn a_mixed_batch_keeps_the_good_records_and_reports_each_bad_one() {
    let srv = start().await;
    let auth = srv.register(6).await;
    let content = srv.content().await;
    let me = auth.account.id;
    let q = &content.questions[1];
    let good = answer_record(me, q, &q.answer, true, &content.version);
    let mut unknown_question = answer_record(me, q, &q.answer, true, &content.version);
    unknown_question["payload"]["question_id"] = json!("tidak-ada-001");
    let mut unknown_option = answer_record(me, q, &q.answer, true, &content.version);
    unknown_option["payload"]["option_id"] = json!("z");
    let mut unknown_kind = practice_session_record(me, &content.version);
    unknown_kind["kind"] = json!("questionnaire_answer");
    let mut invalid_id = practice_session_record(me, &content.version);
    invalid_id["id"] = json!("bukan-uuid");
    let mut bad_shape = practice_session_record(me, &content.version);
    bad_shape["created_at"] = json!(12345);
    let mut bad_payload = practice_session_record(me, &content.version);
    bad_payload["payload"]["answered"] = json!("dua");
    let good_session = practice_session_record(me, &content.version);

    let res = srv
        .sync(
            &auth.token,
            vec![
                good.clone(),
                unknown_question,
                unknown_option,
                unknown_kind,
                invalid_id,
                json!("bukan objek"),
                bad_shape,
                bad_payload,
                good_session.clone(),
            ],
        )
        .await;
    use RecordStatus::{Rejected, Stored};
    assert_eq!(
        statuses(&res),
        vec![
            Stored, Rejected, Rejected, Rejected, Rejected, Rejected, Rejected, Rejected, Stored
        ]
    );
    assert_eq!(
        error_codes(&res),
        vec![
            None,
            Some("unknown_question"),
            Some("unknown_option"),
            Some("unknown_kind"),
            Some("invalid_id"),
            Some("invalid_id"),
            Some("malformed"),
            Some("invalid_payload"),
            None
        ]
    );
    assert_eq!(
        res.results[4].id, "bukan-uuid",
        "a bad record is answered under its id"
    );
    assert!(
        res.results
            .iter()
            .flat_map(|r| &r.error)
            .all(|e| !e.message.is_empty())
    );
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 2);
}

#[tokio::test]
async fn a_record_of_another_account_is_forbidden_whether_or_not_its_id_exists() {
    let srv = start().await;
    let alice = srv.register(7).await;
    let bob = srv.register(8).await;
    let content = srv.content().await;
    let bobs = practice_session_record(bob.account.id, &content.version);
    assert_eq!(
        statuses(&srv.sync(&bob.token, vec![bobs.clone()]).await),
        vec![RecordStatus::Stored]
    );

    // Alice sends Bob's stored record, and a new one in Bob's name.
    let fresh = practice_session_record(bob.account.id, &content.version);
    let res = srv.sync(&alice.token, vec![bobs.clone(), fresh]).await;
    assert_eq!(statuses(&res), vec![RecordStatus::Rejected; 2]);
    assert_eq!(error_codes(&res), vec![Some("forbidden"); 2]);

    // Bob's id reused in Alice's own name is a conflict, not a duplicate.
    let mut reuse = practice_session_record(alice.account.id, &content.version);
    reuse["id"] = bobs["id"].clone();
    let res = srv.sync(&alice.token, vec![reuse]).await;
    assert_eq!(error_codes(&res), vec![Some("id_conflict")]);
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 1);
}

#[tokio::test]
async fn the_same_id_with_different_content_is_an_id_conflict() {
    let srv = start().await;
    let auth = srv.register(9).await;
    let content = srv.content().await;
    let original = practice_session_record(auth.account.id, &content.version);
    srv.sync(&auth.token, vec![original.clone()]).await;

    let mut changed = original.clone();
    changed["payload"]["correct"] = json!(2);
    let res = srv.sync(&auth.token, vec![changed.clone()]).await;
    assert_eq!(statuses(&res), vec![RecordStatus::Rejected]);
    assert_eq!(error_codes(&res), vec![Some("id_conflict")]);

    // Within one batch: the first copy is stored, an exact repeat is a duplicate, a
    // changed copy conflicts.
    let fresh = practice_session_record(auth.account.id, &content.version);
    let mut fresh_changed = fresh.clone();
    fresh_changed["created_at"] = json!("2025-02-01T00:00:00Z");
    let res = srv
        .sync(
            &auth.token,
            vec![fresh.clone(), fresh.clone(), fresh_changed],
        )
        .await;
    assert_eq!(
        statuses(&res),
        vec![
            RecordStatus::Stored,
            RecordStatus::Duplicate,
            RecordStatus::Rejected
        ]
    );
    assert_eq!(error_codes(&res)[2], Some("id_conflict"));
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 2);
    let stored: String = sqlx::query_scalar("SELECT payload FROM records WHERE id = $1")
        .bind(original["id"].as_str().unwrap())
        .fetch_one(&srv.db)
        .await
        .unwrap();
    assert!(
        stored.contains("\"correct\":1"),
        "the first version stays: {stored}"
    );
}

#[tokio::test]
async fn the_server_rechecks_practice_answers_and_stores_both_judgements() {
    let srv = start().await;
    let auth = srv.register(10).await;
    let content = srv.content().await;
    let q = &content.questions[2];
    // The device claims a wrong option is right.
    let lie = answer_record(auth.account.id, q, &wrong_option(q), true, &content.version);
    let truth = answer_record(auth.account.id, q, &q.answer, true, &content.version);
    let res = srv
        .sync(&auth.token, vec![lie.clone(), truth.clone()])
        .await;
    assert_eq!(statuses(&res), vec![RecordStatus::Stored; 2]);

    let row = |id: Value| {
        let db = srv.db.clone();
        async move {
            // As text: SQLite keeps the judgement as 1/0, PostgreSQL as a boolean.
            let (judged, payload) = sqlx::query_as::<_, (Option<String>, String)>(
                "SELECT CAST(server_correct AS TEXT), payload FROM records WHERE id = $1",
            )
            .bind(id.as_str().unwrap().to_owned())
            .fetch_one(&db)
            .await
            .unwrap();
            (judged.map(|j| j == "1" || j == "true"), payload)
        }
    };
    let (server, payload) = row(lie["id"].clone()).await;
    assert_eq!(server, Some(false));
    assert!(
        payload.contains("\"correct\":true"),
        "the client's claim is kept: {payload}"
    );
    assert_eq!(row(truth["id"].clone()).await.0, Some(true));
    let session = practice_session_record(auth.account.id, &content.version);
    srv.sync(&auth.token, vec![session.clone()]).await;
    assert_eq!(row(session["id"].clone()).await.0, None);
}

#[tokio::test]
async fn oversized_bodies_and_batches_are_refused_with_json_errors() {
    let srv = start().await;
    let auth = srv.register(11).await;
    let content = srv.content().await;

    let padding = "x".repeat(resapi_core::sync::MAX_BODY_BYTES + 1024);
    let res = srv
        .post(
            "/api/v1/sync",
            &json!({"records": [], "padding": padding}),
            Some(&auth.token),
        )
        .await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_code(res).await, "payload_too_large");

    let many: Vec<Value> = (0..=resapi_core::sync::MAX_BATCH)
        .map(|_| json!({"id": Uuid::now_v7()}))
        .collect();
    let res = srv
        .post("/api/v1/sync", &json!({"records": many}), Some(&auth.token))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(res).await, "batch_too_large");

    // Exactly 500 is fine.
    let full: Vec<Value> = (0..resapi_core::sync::MAX_BATCH)
        .map(|_| practice_session_record(auth.account.id, &content.version))
        .collect();
    let res = srv.sync(&auth.token, full).await;
    assert!(res.results.iter().all(|r| r.status == RecordStatus::Stored));
    assert_eq!(srv.count("SELECT COUNT(*) FROM records").await, 500);
}

#[tokio::test]
async fn without_a_valid_token_requests_are_401_and_logout_ends_the_session() {
    let srv = start().await;
    let auth = srv.register(12).await;
    let body = json!({"records": []});
    for token in [None, Some("bukan-token"), Some("")] {
        let res = srv.post("/api/v1/sync", &body, token).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(error_code(res).await, "unauthorized");
        let res = srv.get("/api/v1/me/records", token).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = srv
        .http
        .post(srv.url("/api/v1/sync"))
        .header(header::AUTHORIZATION, format!("Basic {}", auth.token))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    assert_eq!(
        srv.post("/api/v1/sync", &body, Some(&auth.token))
            .await
            .status(),
        StatusCode::OK
    );
    let res = srv
        .post_raw("/api/v1/auth/logout", "", None, Some(&auth.token))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = srv.post("/api/v1/sync", &body, Some(&auth.token)).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(res).await, "unauthorized");
    let res = srv
        .post_raw("/api/v1/auth/logout", "", None, Some(&auth.token))
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_expired_session_is_401_and_each_sync_renews_the_session() {
    let srv = start().await;
    let auth = srv.register(13).await;
    let now_ms = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
    // Two days left: a sync pushes it back to thirty.
    sqlx::query("UPDATE sessions SET expires_at = $1")
        .bind(now_ms + 2 * 86_400_000)
        .execute(&srv.db)
        .await
        .unwrap();
    srv.sync(&auth.token, vec![]).await;
    let expires: i64 = srv.count("SELECT expires_at FROM sessions").await;
    assert!(expires > now_ms + 29 * 86_400_000, "renewed to ~30 days");

    sqlx::query("UPDATE sessions SET expires_at = $1")
        .bind(now_ms - 1000)
        .execute(&srv.db)
        .await
        .unwrap();
    let res = srv
        .post("/api/v1/sync", &json!({"records": []}), Some(&auth.token))
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(res).await, "unauthorized");
}

#[tokio::test]
async fn garbage_bodies_never_cause_a_server_error() {
    let srv = start().await;
    let auth = srv.register(14).await;
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let bodies: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"bukan json".to_vec(),
        b"{".to_vec(),
        b"null".to_vec(),
        b"[]".to_vec(),
        b"42".to_vec(),
        b"\"teks\"".to_vec(),
        br#"{"nip": 123, "password": true}"#.to_vec(),
        br#"{"nip": 1e400, "password": "x"}"#.to_vec(),
        br#"{"nip": "1985031220100110041985031220100110041985", "name": "", "password": "", "unit_id": ""}"#.to_vec(),
        br#"{"records": "semua"}"#.to_vec(),
        br#"{"records": null}"#.to_vec(),
        br#"{"records": [1e999]}"#.to_vec(),
        br#"{"records": [{"id": 123456789012345678901234567890}]}"#.to_vec(),
        br#"{"records": [{"id": "0190a0b0-0000-7000-8000-000000000000", "kind": "practice_answer", "account_id": "x", "created_at": "99999-01-01T00:00:00Z", "payload": {}}]}"#.to_vec(),
        // Year 0 at +01:00 is year -1 in UTC, which RFC 3339 cannot write.
        json!({"records": [{"id": Uuid::now_v7(), "kind": "practice_attempt", "account_id": auth.account.id,
            "created_at": "0000-01-01T00:30:00+01:00", "payload": {"scope": "adaptif", "question_ids": [],
            "answered": 0, "correct": 0, "completed": false, "started_at": "2025-01-01T00:00:00Z",
            "content_version": "x"}}]})
        .to_string()
        .into_bytes(),
        deep.into_bytes(),
        vec![0xff, 0xfe, 0x00, 0x7b],
    ];
    for path in [
        "/api/v1/auth/register",
        "/api/v1/auth/login",
        "/api/v1/sync",
    ] {
        for body in &bodies {
            for content_type in [Some("application/json"), None, Some("text/plain")] {
                let res = srv
                    .post_raw(path, body.clone(), content_type, Some(&auth.token))
                    .await;
                let status = res.status();
                assert!(
                    status.is_client_error() || status == StatusCode::OK,
                    "{path} {content_type:?} {:?} → {status}",
                    String::from_utf8_lossy(body)
                );
                if status != StatusCode::OK {
                    error_code(res).await;
                }
            }
        }
    }
    for query in [
        "since=-1",
        "since=abc",
        "limit=x",
        "limit=99999999999999999999999",
        "since=1&since=2",
        "since=%ff",
    ] {
        let res = srv
            .get(&format!("/api/v1/me/records?{query}"), Some(&auth.token))
            .await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{query}");
        error_code(res).await;
    }
    // Still alive and consistent.
    assert_eq!(
        srv.get("/api/v1/health", None).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn me_records_pages_oldest_first_with_a_since_cursor() {
    let srv = start().await;
    let auth = srv.register(15).await;
    let other = srv.register(16).await;
    let content = srv.content().await;
    let mine: Vec<Value> = (0..5)
        .map(|_| practice_session_record(auth.account.id, &content.version))
        .collect();
    srv.sync(&auth.token, mine[..3].to_vec()).await;
    srv.sync(
        &other.token,
        vec![practice_session_record(other.account.id, &content.version)],
    )
    .await;
    srv.sync(&auth.token, mine[3..].to_vec()).await;

    let mut seen = Vec::new();
    let mut path = "/api/v1/me/records?limit=2".to_owned();
    let mut pages = 0;
    loop {
        let res = srv.get(&path, Some(&auth.token)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let page: RecordsPage = res.json().await.unwrap();
        pages += 1;
        assert!(page.records.len() <= 2);
        seen.extend(page.records);
        match page.next_since {
            Some(since) => path = format!("/api/v1/me/records?limit=2&since={since}"),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let ids: Vec<String> = seen.iter().map(|r| r.record.id.to_string()).collect();
    let sent: Vec<String> = mine
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, sent, "only mine, oldest first");
    assert_eq!(seen[0].record.payload, mine[0]["payload"]);
    assert_eq!(
        seen[0].record.created_at,
        time::OffsetDateTime::parse(
            "2025-01-06T01:05:00+07:00",
            &time::format_description::well_known::Rfc3339
        )
        .unwrap()
    );
    assert!(seen[0].received_at <= time::OffsetDateTime::now_utc());

    // Default limit returns everything on one page, without a cursor.
    let page: RecordsPage = srv
        .get("/api/v1/me/records", Some(&auth.token))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page.records.len(), 5);
    assert!(page.next_since.is_none());
    let raw: Value = srv
        .get("/api/v1/me/records", Some(&auth.token))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        raw.get("next_since").is_none(),
        "absent, not null, on the last page"
    );
}

#[tokio::test]
async fn content_has_an_etag_and_answers_304_when_unchanged() {
    let srv = start().await;
    let res = srv.get("/api/v1/content", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let etag = res.headers()[header::ETAG].to_str().unwrap().to_owned();
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-cache");
    let bundle: ContentBundle = res.json().await.unwrap();
    assert_eq!(etag, format!("\"{}\"", bundle.version));
    assert_eq!(bundle.values.len(), 7);
    assert!(
        bundle
            .scoring
            .index_bands
            .iter()
            .all(|b| b.min_percent.is_finite())
    );

    let res = srv
        .http
        .get(srv.url("/api/v1/content"))
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(res.headers()[header::ETAG].to_str().unwrap(), etag);
    assert!(res.bytes().await.unwrap().is_empty());

    let res = srv
        .http
        .get(srv.url("/api/v1/content"))
        .header(header::IF_NONE_MATCH, "\"lama\"")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    // Compressed once at the strongest settings: both encodings decode to the same bundle.
    let plain = srv
        .get("/api/v1/content", None)
        .await
        .bytes()
        .await
        .unwrap();
    for encoding in ["br", "gzip"] {
        let res = srv
            .http
            .get(srv.url("/api/v1/content"))
            .header(header::ACCEPT_ENCODING, encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CONTENT_ENCODING], encoding);
        assert_eq!(res.headers()[header::ETAG].to_str().unwrap(), etag);
        assert_eq!(res.headers()[header::VARY], "accept-encoding");
        let body = res.bytes().await.unwrap();
        assert!(
            body.len() * 3 < plain.len(),
            "{encoding}: {} of {}",
            body.len(),
            plain.len()
        );
        let mut decoded = Vec::new();
        if encoding == "br" {
            brotli::BrotliDecompress(&mut &body[..], &mut decoded).unwrap();
        } else {
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&body[..]), &mut decoded)
                .unwrap();
        }
        assert_eq!(decoded, plain);
    }
}

#[tokio::test]
async fn public_endpoints_units_health_openapi_and_unknown_api_paths() {
    let srv = start().await;
    let units: Vec<Value> = srv.get("/api/v1/units", None).await.json().await.unwrap();
    assert_eq!(
        units[0],
        json!({"id": "bkn", "name": "Badan Kepegawaian Negara", "parent_id": null})
    );
    assert!(
        units
            .iter()
            .any(|u| u["id"] == UNIT && u["parent_id"] == "bkn")
    );

    let health: Value = srv.get("/api/v1/health", None).await.json().await.unwrap();
    let content = srv.content().await;
    assert_eq!(
        health,
        json!({"status": "ok", "content_version": content.version, "demo": false})
    );

    let res = srv.get("/api/openapi.json", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let doc: Value = res.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/auth/register",
        "/auth/login",
        "/auth/logout",
        "/units",
        "/content",
        "/sync",
        "/me/records",
        "/health",
    ] {
        assert!(
            doc["paths"].get(format!("/api/v1{path}")).is_some(),
            "{path} documented"
        );
    }

    for path in ["/api/v1/nope", "/api/v2/sync", "/api/anything", "/api"] {
        let res = srv.get(path, None).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(error_code(res).await, "not_found");
    }
    let res = srv.get("/api/v1/sync", None).await;
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(error_code(res).await, "method_not_allowed");
}

const HASHED_JS: &str = "resapi-1a2b3c4d5e6f7a8b.js";
/// A 15-digit hash, as trunk names one build in sixteen.
const HASHED_WASM: &str = "resapi-7430d37b2f6d598_bg.wasm";
/// Stands in for the build's `.br` copy: served byte for byte, never compressed again.
const PRECOMPRESSED_BR: &[u8] = b"brotli made at build time";

fn write_dist(dist: &Path) {
    std::fs::create_dir_all(dist.join("icons")).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>Resapi</title><div id=app></div>",
    )
    .unwrap();
    std::fs::write(dist.join(HASHED_JS), "console.log('resapi');\n".repeat(100)).unwrap();
    std::fs::write(
        dist.join("sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .unwrap();
    std::fs::write(dist.join("icons/icon.svg"), "<svg/>").unwrap();
    std::fs::write(dist.join(HASHED_WASM), vec![0u8; 4096]).unwrap();
    std::fs::write(dist.join(format!("{HASHED_WASM}.br")), PRECOMPRESSED_BR).unwrap();
}

fn cache_control(headers: &HeaderMap) -> &str {
    headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

#[tokio::test]
async fn static_files_have_the_right_cache_headers_and_routes_fall_back_to_index() {
    let srv = start_with_dist(write_dist).await;
    let immutable = "public, max-age=31536000, immutable";

    for path in ["/", "/index.html"] {
        let res = srv.get(path, None).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(cache_control(res.headers()), "no-cache", "{path}");
        assert!(res.text().await.unwrap().contains("<title>Resapi</title>"));
    }
    let res = srv.get(&format!("/{HASHED_JS}"), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(cache_control(res.headers()), immutable);
    assert!(
        res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    assert_eq!(
        cache_control(srv.get("/sw.js", None).await.headers()),
        "no-cache"
    );
    assert_eq!(
        cache_control(srv.get("/icons/icon.svg", None).await.headers()),
        "no-cache"
    );

    // Client-side routes get the app shell.
    for path in ["/latihan", "/latihan/adaptif", "/profil?tab=riwayat"] {
        let res = srv.get(path, None).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(cache_control(res.headers()), "no-cache");
        assert!(res.text().await.unwrap().contains("<div id=app>"));
    }
    // A missing hashed file is a 404, never HTML under a script's name.
    let res = srv.get("/resapi-ffffffffffffffff.js", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // So is any other missing file, such as a source map a vendored script names.
    let res = srv.get("/vendor/chart.umd.min.js.map", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Compression: gzip and br on request.
    for encoding in ["gzip", "br"] {
        let res = srv
            .http
            .get(srv.url(&format!("/{HASHED_JS}")))
            .header(header::ACCEPT_ENCODING, encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()[header::CONTENT_ENCODING], encoding);
        assert_eq!(cache_control(res.headers()), immutable);
    }
    // The build's own .br copy is sent as it is (quality 11, not the server's on-the-fly 5).
    let res = srv
        .http
        .get(srv.url(&format!("/{HASHED_WASM}")))
        .header(header::ACCEPT_ENCODING, "gzip, deflate, br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(res.headers()[header::CONTENT_TYPE], "application/wasm");
    assert_eq!(cache_control(res.headers()), immutable);
    assert_eq!(&res.bytes().await.unwrap()[..], PRECOMPRESSED_BR);
    // Without brotli support the plain file comes.
    let res = srv.get(&format!("/{HASHED_WASM}"), None).await;
    assert!(res.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(res.bytes().await.unwrap().len(), 4096);
    // A missing wasm of a 15-digit build is a 404 too, not the app shell.
    let res = srv.get("/resapi-123456789abcdef_bg.wasm", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    let res = srv
        .http
        .get(srv.url("/api/v1/content"))
        .header(header::ACCEPT_ENCODING, "br")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");

    // The API still answers JSON under /api.
    let res = srv.get("/api/v1/nope", None).await;
    assert_eq!(error_code(res).await, "not_found");
}

#[tokio::test]
async fn without_a_built_app_a_page_says_so_and_the_api_still_works() {
    let srv = start().await;
    let res = srv.get("/", None).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(res.text().await.unwrap().contains("belum dibangun"));
    assert_eq!(
        srv.get("/api/v1/health", None).await.status(),
        StatusCode::OK
    );
    if common::postgres_url().is_none() {
        assert!(srv.dir.path().join("db/resapi.db").exists());
    }
}
