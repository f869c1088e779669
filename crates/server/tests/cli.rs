//! The `resapi-server` binary: content check, admin commands, and serve with graceful stop.

mod common;

use common::{copy_dir, fixture_content};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// A command with none of the RESAPI_* variables of the surrounding shell.
fn cmd() -> Command {
    let mut c = common::server_command();
    c.env("RUST_LOG", "warn");
    c
}

/// Runs `check-content` on `content` with the `flags`: whether it succeeded, its standard
/// output and its standard error.
fn check_content(flags: &[&str], content: &Path) -> (bool, String, String) {
    let out = cmd()
        .arg("check-content")
        .args(flags)
        .arg("--content")
        .arg(content)
        .output()
        .unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn check_content_prints_coverage_and_fails_on_errors_naming_the_file() {
    // The small fixture bank has answer cues (checked below): allowed here.
    let (ok, stdout, _) = check_content(&["--allow-cues"], &fixture_content());
    assert!(ok, "{stdout}");
    assert!(stdout.contains("Per indicator"));
    assert!(stdout.contains("adaptif-3"));
    assert!(stdout.contains("Content OK"));

    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&fixture_content(), &content);
    let file = content.join("questions/loyal.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("difficulty = ", "difficulty = 7 # ", 1),
    )
    .unwrap();
    let (ok, _, stderr) = check_content(&["--allow-cues"], &content);
    assert!(!ok);
    assert!(
        stderr.contains("loyal.toml") && stderr.contains("loyal-001"),
        "{stderr}"
    );
}

#[test]
fn check_content_fails_on_answer_cues_unless_allowed() {
    // The fixture's keys are as easy to spot as the shipped bank's were before its rewrite
    // (issue 12): the report shows the figures and the check refuses the content, naming
    // the cue; `--allow-cues` turns the refusals into warnings while a bank is rewritten.
    let (ok, stdout, stderr) = check_content(&[], &fixture_content());
    assert!(!ok);
    assert!(stdout.contains("option-only model"), "{stdout}");
    assert!(stdout.contains("too guessable"), "{stdout}");
    assert!(stdout.contains("connector (dan, serta, comma)"), "{stdout}");
    assert!(stdout.contains("mean length in words"), "{stdout}");
    assert!(!stdout.contains("Content OK"));
    assert!(
        stderr.contains("problem(s)") && stderr.contains("answer cue: reading only the options"),
        "{stderr}"
    );

    let (ok, stdout, stderr) = check_content(&["--allow-cues"], &fixture_content());
    assert!(ok, "{stderr}");
    assert!(stdout.contains("Content OK"));
    assert!(
        stderr.contains("warning: answer cue") && stderr.contains("`loyal` questions"),
        "{stderr}"
    );
}

#[tokio::test]
async fn admin_commands_create_grant_and_reset() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::test_db(&dir.path().join("data/resapi.db"));
    let run = |args: &[&str], password: Option<&str>, stdin: Option<&str>| {
        let mut c = cmd();
        c.args(args).env("RESAPI_DB", &db);
        if let Some(p) = password {
            c.env("RESAPI_PASSWORD", p);
        }
        let mut child = c
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if let Some(line) = stdin {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(line.as_bytes())
                .unwrap();
        }
        child.wait_with_output().unwrap()
    };
    let content = fixture_content();
    let content = content.to_str().unwrap();
    let nip = "19800101 200501 2 001";
    let create_admin = [
        "create-admin",
        "--nip",
        nip,
        "--name",
        "Dewi Admin",
        "--unit",
        "bkn",
        "--content",
        content,
    ];

    let out = run(&create_admin, Some("admin-rahasia"), None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A second admin with the same NIP is refused.
    let out = run(&create_admin, Some("admin-rahasia"), None);
    assert!(!out.status.success());
    let out = run(
        &["grant-role", "--nip", nip, "--role", "trainer"],
        None,
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["grant-role", "--nip", nip, "--role", "raja"], None, None);
    assert!(!out.status.success());
    let out = run(
        &[
            "grant-role",
            "--nip",
            "19800101 200501 2 002",
            "--role",
            "admin",
        ],
        None,
        None,
    );
    assert!(!out.status.success(), "unknown NIP");
    // The password comes from stdin when RESAPI_PASSWORD is not set.
    let out = run(
        &["reset-password", "--nip", nip],
        None,
        Some("sandi-baru-123\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let store = resapi_server::store::Store::open(&db).await.unwrap();
    let row = store
        .account_by_nip("198001012005012001")
        .await
        .unwrap()
        .unwrap();
    let roles = store.roles(row.uuid().unwrap()).await.unwrap();
    use resapi_core::api::Role;
    assert_eq!(roles, vec![Role::Employee, Role::Trainer, Role::Admin]);
    let passwords = resapi_server::passwords::Passwords::new(1);
    assert!(
        passwords
            .verify("sandi-baru-123".into(), Some(row.password_hash.clone()))
            .await
            .unwrap()
    );
    assert!(
        !passwords
            .verify("admin-rahasia".into(), Some(row.password_hash))
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn serve_prints_its_address_answers_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    // spawn_server reads the address from the first line, and stop() asserts exit 0.
    let server = common::spawn_server(&common::test_db(&dir.path().join("resapi.db")), &[]);
    let health: serde_json::Value = reqwest::get(server.url("/api/v1/health"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");
    let log = server.stop();
    assert!(log.contains("stopped"), "{log}");
}

#[test]
fn serve_refuses_to_start_on_invalid_content() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd()
        .arg("--addr")
        .arg("127.0.0.1:0")
        .arg("--db")
        .arg(dir.path().join("resapi.db"))
        .arg("--content")
        .arg(dir.path().join("no-content"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("values.toml"), "{stderr}");
}

/// k can be raised for an agency that wants more than 5 respondents per figure, never lowered.
#[tokio::test]
async fn the_anonymity_threshold_can_be_raised_and_never_lowered() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd()
        .args(["--addr", "127.0.0.1:0", "--min-respondents", "3", "--db"])
        .arg(dir.path().join("low.db"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("k = 3 terlalu kecil"), "{stderr}");

    let db = common::test_db(&dir.path().join("resapi.db"));
    let content = fixture_content();
    let out = cmd()
        .args([
            "create-admin",
            "--nip",
            "198001012005012001",
            "--name",
            "Dewi Admin",
        ])
        .args(["--unit", "bkn", "--content"])
        .arg(&content)
        .env("RESAPI_DB", &db)
        .env("RESAPI_PASSWORD", "admin-rahasia")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let server = common::spawn_server(&db, &["--min-respondents", "7"]);
    let http = reqwest::Client::new();
    let login: serde_json::Value = http
        .post(server.url("/api/v1/auth/login"))
        .json(&serde_json::json!({"nip": "198001012005012001", "password": "admin-rahasia"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["token"].as_str().unwrap();
    for path in [
        "/api/v1/units/bkn/dashboard?period=2026",
        "/api/v1/units/bkn/quality?period=2026",
    ] {
        let body: serde_json::Value = http
            .get(server.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(body["k"], 7, "{path}: {body}");
    }
    server.stop();
}
