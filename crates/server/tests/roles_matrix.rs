//! Every endpoint of the API (the router's routes, which must be exactly the operations of
//! the served OpenAPI document) against every
//! kind of caller: no token, a bad token, an employee, a trainer, a unit admin whose scope
//! holds the target, a unit admin whose scope does not, and an admin. Each cell has its
//! expected answer: success, 401 `unauthorized` or 403 `forbidden` (JSON). An endpoint
//! added to the document without a row here fails the test, and so does a row left for an
//! endpoint that is gone.

mod common;

use common::*;
use reqwest::{Method, StatusCode};
use resapi_core::api::Role;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicU32, Ordering};

const SINKA: &str = "bkn-deputi-sinka";
const KANREG: &str = "kanreg-1-yogyakarta";

/// Who may call an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Anyone, with or without a token.
    Public,
    /// Any live session (the caller's own data).
    Signed,
    /// A unit admin whose scope holds the target unit or person, or an admin.
    UnitScoped,
    /// Unit admins and admins; each sees their own scope only.
    ScopedList,
    /// Unit admins and admins, answered within their scope (competitions, recognitions and
    /// the pool; what each scope sees is tested in competitions.rs).
    Organiser,
    /// Admins only.
    AdminOnly,
    /// Trainers, unit admins and admins (the live quiz); each their own games and sets.
    Host,
    /// The presenter's WebSocket: as `Host`, and a plain GET from one who may host is
    /// answered 426 `websocket_required` (every check runs before the handshake).
    HostSocket,
    /// A phone's WebSocket: anyone; a bad token is refused, everyone else is told to
    /// use the handshake.
    PlayerSocket,
}

/// The table: one row per documented operation.
const ROWS: &[(&str, Access)] = &[
    ("POST /api/v1/auth/register", Access::Public),
    ("POST /api/v1/auth/login", Access::Public),
    ("POST /api/v1/auth/logout", Access::Signed),
    ("POST /api/v1/auth/logout-all", Access::Signed),
    ("GET /api/v1/units", Access::Public),
    ("GET /api/v1/content", Access::Public),
    ("POST /api/v1/sync", Access::Signed),
    ("GET /api/v1/me/records", Access::Signed),
    ("GET /api/v1/me/export", Access::Signed),
    ("POST /api/v1/me/erase", Access::Signed),
    ("GET /api/v1/health", Access::Public),
    ("GET /api/openapi.json", Access::Public),
    ("GET /api/v1/admin/units", Access::ScopedList),
    ("POST /api/v1/admin/units", Access::UnitScoped),
    ("PATCH /api/v1/admin/units/{id}", Access::UnitScoped),
    ("DELETE /api/v1/admin/units/{id}", Access::UnitScoped),
    ("GET /api/v1/admin/people", Access::UnitScoped),
    ("PUT /api/v1/admin/people/{id}/unit", Access::UnitScoped),
    (
        "PUT /api/v1/admin/people/{id}/roles/{role}",
        Access::UnitScoped,
    ),
    (
        "DELETE /api/v1/admin/people/{id}/roles/{role}",
        Access::UnitScoped,
    ),
    ("POST /api/v1/admin/roster", Access::UnitScoped),
    ("GET /api/v1/units/{id}/dashboard", Access::UnitScoped),
    ("GET /api/v1/units/{id}/dashboard.csv", Access::UnitScoped),
    ("GET /api/v1/units/{id}/dashboard.xlsx", Access::UnitScoped),
    ("GET /api/v1/units/{id}/quality", Access::UnitScoped),
    ("GET /api/v1/admin/item-analysis", Access::AdminOnly),
    ("GET /api/v1/live/games", Access::Host),
    ("POST /api/v1/live/games", Access::Host),
    ("GET /api/v1/live/games/{id}", Access::Host),
    ("GET /api/v1/live/games/{id}/results.csv", Access::Host),
    ("GET /api/v1/live/games/{id}/qr.svg", Access::Host),
    ("GET /api/v1/live/games/{id}/ws", Access::HostSocket),
    ("GET /api/v1/live/join/{code}/ws", Access::PlayerSocket),
    ("GET /api/v1/live/quiz-sets", Access::Host),
    ("POST /api/v1/live/quiz-sets", Access::Host),
    ("GET /api/v1/live/quiz-sets/{id}", Access::Host),
    ("PUT /api/v1/live/quiz-sets/{id}", Access::Host),
    ("DELETE /api/v1/live/quiz-sets/{id}", Access::Host),
    ("POST /api/v1/live/quiz-sets/{id}/games", Access::Host),
    ("GET /api/v1/competitions", Access::Organiser),
    ("POST /api/v1/competitions", Access::UnitScoped),
    ("GET /api/v1/competitions/pool", Access::Organiser),
    ("GET /api/v1/competitions/{id}", Access::UnitScoped),
    ("PUT /api/v1/competitions/{id}", Access::UnitScoped),
    ("POST /api/v1/competitions/{id}/extend", Access::UnitScoped),
    ("POST /api/v1/competitions/{id}/cancel", Access::UnitScoped),
    (
        "GET /api/v1/competitions/{id}/participation",
        Access::UnitScoped,
    ),
    ("GET /api/v1/competitions/{id}/results", Access::UnitScoped),
    ("POST /api/v1/competitions/{id}/publish", Access::UnitScoped),
    ("GET /api/v1/me/competitions", Access::Signed),
    ("GET /api/v1/me/competitions/{id}/paper", Access::Signed),
    ("GET /api/v1/recognitions", Access::Organiser),
    ("POST /api/v1/recognitions", Access::UnitScoped),
    ("DELETE /api/v1/recognitions/{id}", Access::UnitScoped),
    ("GET /api/v1/me/recognitions", Access::Signed),
];

/// What a request carries.
enum Body {
    None,
    Json(Value),
    Csv(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    NoToken,
    BadToken,
    Employee,
    Trainer,
    UnitAdminInScope,
    UnitAdminOutOfScope,
    Admin,
}

const EVERYONE: [Who; 7] = [
    Who::NoToken,
    Who::BadToken,
    Who::Employee,
    Who::Trainer,
    Who::UnitAdminInScope,
    Who::UnitAdminOutOfScope,
    Who::Admin,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Success,
    Unauthorized,
    Forbidden,
    /// 426 `websocket_required`: allowed, but a WebSocket needs the handshake.
    Upgrade,
}

fn expected(access: Access, who: Who) -> Expect {
    match (access, who) {
        (Access::Public, _) => Expect::Success,
        (Access::PlayerSocket, Who::BadToken) => Expect::Unauthorized,
        (Access::PlayerSocket, _) => Expect::Upgrade,
        (Access::Host | Access::HostSocket, Who::NoToken | Who::BadToken) => Expect::Unauthorized,
        (Access::Host | Access::HostSocket, Who::Employee) => Expect::Forbidden,
        (Access::Host, _) => Expect::Success,
        (Access::HostSocket, _) => Expect::Upgrade,
        (_, Who::NoToken | Who::BadToken) => Expect::Unauthorized,
        (Access::Signed, _) => Expect::Success,
        (_, Who::Employee | Who::Trainer) => Expect::Forbidden,
        (Access::AdminOnly, Who::Admin) => Expect::Success,
        (Access::AdminOnly, _) => Expect::Forbidden,
        (Access::UnitScoped, Who::UnitAdminOutOfScope) => Expect::Forbidden,
        (_, Who::UnitAdminInScope | Who::UnitAdminOutOfScope | Who::Admin) => Expect::Success,
    }
}

struct Fixture {
    srv: Server,
    hash: String,
    next: AtomicU32,
}

impl Fixture {
    fn n(&self) -> u32 {
        self.next.fetch_add(1, Ordering::Relaxed)
    }

    async fn person(&self, unit: &str, roles: &[Role]) -> SignedIn {
        self.srv.signed_in(self.n(), unit, roles, &self.hash).await
    }

    /// The caller's token (None for no token).
    async fn caller(&self, who: Who) -> Option<String> {
        let person = match who {
            Who::NoToken => return None,
            Who::BadToken => return Some("bXlzdGVyeS10b2tlbi10aGF0LW5ldmVyLWV4aXN0ZWQ".into()),
            Who::Employee => self.person(SINKA, &[]).await,
            Who::Trainer => self.person(SINKA, &[Role::Trainer]).await,
            Who::UnitAdminInScope => self.person(SINKA, &[Role::UnitAdmin]).await,
            Who::UnitAdminOutOfScope => self.person(KANREG, &[Role::UnitAdmin]).await,
            Who::Admin => self.person("bkn", &[Role::Admin]).await,
        };
        Some(person.token)
    }

    /// A fresh unit under SINKA, with no members: the target of a unit change.
    async fn unit(&self) -> String {
        let id = format!("seksi-{}", self.n());
        self.srv
            .store()
            .create_unit(&id, "Seksi Sasaran", Some(SINKA))
            .await
            .unwrap();
        id
    }

    /// The concrete path and body of one call of the operation `key`, on fresh targets
    /// (in SINKA, or a unit under it), so no cell depends on another.
    async fn request(&self, key: &str, token: Option<&str>) -> (String, Body) {
        let (path, body) = self.json_request(key, token).await;
        match key {
            "POST /api/v1/admin/roster" => {
                let csv = format!("NIP,Nama,Unit\n{},Siti Rahma,{SINKA}\n", nip(self.n()));
                (format!("{path}?unit={SINKA}&preview=true"), Body::Csv(csv))
            }
            _ => (path, body.map_or(Body::None, Body::Json)),
        }
    }

    async fn json_request(&self, key: &str, token: Option<&str>) -> (String, Option<Value>) {
        let path = key.split_once(' ').map_or(key, |(_, p)| p);
        if key.contains("/live/") {
            return self.live_request(key, path, token).await;
        }
        if key.contains("competitions") || key.contains("recognitions") {
            return self.lomba_request(key, path).await;
        }
        match key {
            "POST /api/v1/auth/register" => {
                let body = json!({"nip": nip(self.n()), "name": "Siti Rahma", "password": PASSWORD, "unit_id": SINKA});
                (path.into(), Some(body))
            }
            "POST /api/v1/auth/login" => {
                let person = self.person(SINKA, &[]).await;
                (
                    path.into(),
                    Some(json!({"nip": person.nip, "password": PASSWORD})),
                )
            }
            "POST /api/v1/sync" => (path.into(), Some(json!({"records": []}))),
            "POST /api/v1/me/erase" => (path.into(), Some(json!({"password": PASSWORD}))),
            "POST /api/v1/admin/units" => {
                let body = json!({"id": format!("baru-{}", self.n()), "name": "Seksi Baru", "parent_id": SINKA});
                (path.into(), Some(body))
            }
            "PATCH /api/v1/admin/units/{id}" => {
                let unit = self.unit().await;
                (
                    path.replace("{id}", &unit),
                    Some(json!({"name": "Seksi Berganti Nama"})),
                )
            }
            "DELETE /api/v1/admin/units/{id}" => (path.replace("{id}", &self.unit().await), None),
            "GET /api/v1/admin/people" => (format!("{path}?unit={SINKA}&q=pegawai"), None),
            "GET /api/v1/units/{id}/dashboard"
            | "GET /api/v1/units/{id}/dashboard.csv"
            | "GET /api/v1/units/{id}/dashboard.xlsx"
            | "GET /api/v1/units/{id}/quality" => (
                format!("{}?period=2026-Q1", path.replace("{id}", SINKA)),
                None,
            ),
            "GET /api/v1/admin/item-analysis" => (format!("{path}?period=2026"), None),
            "PUT /api/v1/admin/people/{id}/unit" => {
                let person = self.person(SINKA, &[]).await;
                let unit = self.unit().await;
                let path = path.replace("{id}", &person.id.to_string());
                (path, Some(json!({ "unit_id": unit })))
            }
            "PUT /api/v1/admin/people/{id}/roles/{role}"
            | "DELETE /api/v1/admin/people/{id}/roles/{role}" => {
                let person = self.person(SINKA, &[Role::Trainer]).await;
                let path = path
                    .replace("{id}", &person.id.to_string())
                    .replace("{role}", "trainer");
                (path, None)
            }
            _ => (path.into(), None),
        }
    }
}

/// Settings of a small live game on the fixture content.
fn live_config() -> Value {
    json!({
        "source": {"kind": "value", "value_id": "akuntabel"},
        "question_count": 2,
        "seconds_per_question": 20,
        "scoring": "accuracy_only",
        "team_mode": true,
        "guests_allowed": true,
        "extra_time_allowed": true,
        "max_players": 10
    })
}

impl Fixture {
    /// The live quiz's targets belong to whoever created them: a caller who may host
    /// gets their own game or set, anyone else one of another trainer's.
    async fn live_owner(&self, token: Option<&str>, who_may_host: bool) -> String {
        match token {
            Some(token) if who_may_host => token.to_owned(),
            _ => self.person(SINKA, &[Role::Trainer]).await.token,
        }
    }

    async fn live_post(&self, path: &str, body: &Value, token: &str) -> Value {
        let res = self.srv.post(path, body, Some(token)).await;
        assert_eq!(res.status(), StatusCode::CREATED, "{path}");
        res.json().await.unwrap()
    }

    async fn live_request(
        &self,
        key: &str,
        path: &str,
        token: Option<&str>,
    ) -> (String, Option<Value>) {
        let may_host = match token {
            Some(t) => {
                let res = self.srv.get("/api/v1/live/quiz-sets", Some(t)).await;
                res.status().is_success()
            }
            None => false,
        };
        let owner = self.live_owner(token, may_host).await;
        match key {
            "POST /api/v1/live/games" => (path.into(), Some(live_config())),
            "POST /api/v1/live/quiz-sets" => (
                path.into(),
                Some(json!({"name": "Apel Senin", "config": live_config()})),
            ),
            "GET /api/v1/live/quiz-sets/{id}"
            | "PUT /api/v1/live/quiz-sets/{id}"
            | "DELETE /api/v1/live/quiz-sets/{id}"
            | "POST /api/v1/live/quiz-sets/{id}/games" => {
                let body = json!({"name": "Apel Senin", "config": live_config()});
                let set = self
                    .live_post("/api/v1/live/quiz-sets", &body, &owner)
                    .await;
                let path = path.replace("{id}", set["id"].as_str().unwrap());
                let body = match key.split(' ').next() {
                    Some("POST") => Some(json!({})),
                    Some("PUT") => Some(json!({"name": "Apel Selasa", "config": live_config()})),
                    _ => None,
                };
                (path, body)
            }
            "GET /api/v1/live/join/{code}/ws" => {
                let game = self
                    .live_post("/api/v1/live/games", &live_config(), &owner)
                    .await;
                let mut path = path.replace("{code}", game["code"].as_str().unwrap());
                // A phone passes its token in the address.
                if let Some(token) = token {
                    path = format!("{path}?token={token}");
                }
                (path, None)
            }
            _ if path.contains("{id}") => {
                let game = self
                    .live_post("/api/v1/live/games", &live_config(), &owner)
                    .await;
                (path.replace("{id}", game["id"].as_str().unwrap()), None)
            }
            _ => (path.into(), None),
        }
    }
}

impl Fixture {
    /// A competition for SINKA opening in an hour (or, `open`, for all of BKN from this
    /// minute), made by an admin; its id.
    async fn competition(&self, open: bool) -> String {
        let admin = self.person("bkn", &[Role::Admin]).await;
        let body = competition_draft(&self.srv, open);
        let res = self
            .srv
            .post("/api/v1/competitions", &body, Some(&admin.token))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let c: Value = res.json().await.unwrap();
        c["id"].as_str().unwrap().to_owned()
    }

    /// The competitions' and recognitions' targets: fresh, in SINKA, each made by an admin.
    async fn lomba_request(&self, key: &str, path: &str) -> (String, Option<Value>) {
        let wib =
            |t: time::OffsetDateTime| resapi_core::competition::schedule::Zone::Wib.format_local(t);
        match key {
            "POST /api/v1/competitions" => (path.into(), Some(competition_draft(&self.srv, false))),
            "GET /api/v1/me/competitions/{id}/paper" => {
                (path.replace("{id}", &self.competition(true).await), None)
            }
            "GET /api/v1/competitions/{id}/results" | "POST /api/v1/competitions/{id}/publish" => {
                let id = self.competition(false).await;
                // Past its close and grace: the results are final.
                self.srv.clock.advance(time::Duration::days(30));
                (path.replace("{id}", &id), None)
            }
            "POST /api/v1/recognitions" => {
                let person = self.person(SINKA, &[]).await;
                let body = json!({"unit_id": SINKA, "account_id": person.id, "value_id": "pelayanan",
                    "citation": "Melayani warga sampai urusannya selesai tuntas.", "period": "2026-12"});
                (path.into(), Some(body))
            }
            "DELETE /api/v1/recognitions/{id}" => {
                let admin = self.person("bkn", &[Role::Admin]).await;
                let (_, Some(body)) = Box::pin(
                    self.lomba_request("POST /api/v1/recognitions", "/api/v1/recognitions"),
                )
                .await
                else {
                    unreachable!()
                };
                let res = self
                    .srv
                    .post("/api/v1/recognitions", &body, Some(&admin.token))
                    .await;
                assert_eq!(res.status(), StatusCode::CREATED);
                let r: Value = res.json().await.unwrap();
                (path.replace("{id}", r["id"].as_str().unwrap()), None)
            }
            _ if path.contains("{id}") => {
                let id = self.competition(false).await;
                let path = path.replace("{id}", &id);
                let body = match key.rsplit('/').next() {
                    Some("{id}") if key.starts_with("PUT") => {
                        Some(competition_draft(&self.srv, false))
                    }
                    Some("extend") => Some(
                        json!({"closes_local": wib(self.srv.clock.now() + time::Duration::days(5))}),
                    ),
                    Some("cancel") => Some(json!({"reason": "Dijadwalkan ulang."})),
                    _ => None,
                };
                (path, body)
            }
            _ => (path.into(), None),
        }
    }
}

/// A competition of SINKA opening in an hour for two days, or (`open`) of all of BKN
/// opening this minute.
fn competition_draft(srv: &Server, open: bool) -> Value {
    let wib =
        |t: time::OffsetDateTime| resapi_core::competition::schedule::Zone::Wib.format_local(t);
    let now = srv.clock.now();
    let opens = if open {
        now
    } else {
        now + time::Duration::hours(1)
    };
    json!({
        "name": "Lomba Matriks",
        "unit_id": if open { "bkn" } else { SINKA },
        "opens_local": wib(opens),
        "closes_local": wib(now + time::Duration::days(2)),
        "zone": "WIB",
        "questions": {"kind": "per_value", "per_value": 1},
        "limit_minutes": 10
    })
}

/// The operations the router serves, read from its source (`src/http/*.rs`, tests left
/// out): every `.route("path", get(..).post(..))`, under `/api/v1` unless the path is
/// already absolute (`/api/openapi.json`). So a route added without documenting it fails.
fn routed_operations() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/http");
    let mut keys = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let code = source.split("#[cfg(test)]").next().unwrap();
        // `.route("path", …)`, or as rustfmt breaks a long one, `.route(\n "path", …)`.
        for call in code.split(".route(").skip(1) {
            let Some(call) = call.trim_start().strip_prefix('"') else {
                continue;
            };
            let (path, rest) = call.split_once('"').unwrap();
            // The route call's arguments: up to the parenthesis that closes `.route(`.
            let mut depth = 1;
            let args: String = rest
                .chars()
                .take_while(|c| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth > 0
                })
                .collect();
            let full = if path.starts_with("/api/") {
                path.to_owned()
            } else {
                format!("/api/v1{path}")
            };
            for method in ["get", "post", "put", "patch", "delete"] {
                let called = args.match_indices(&format!("{method}(")).any(|(at, _)| {
                    at == 0 || !args[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                });
                if called {
                    keys.push(format!("{} {full}", method.to_uppercase()));
                }
            }
        }
    }
    keys.sort();
    keys
}

fn documented_operations(doc: &Value) -> Vec<String> {
    let mut keys = Vec::new();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for method in operations.as_object().unwrap().keys() {
            keys.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    keys
}

#[tokio::test]
async fn every_endpoint_answers_every_kind_of_caller_as_its_role_and_scope_allow() {
    let srv = start_with_pool().await;
    let doc: Value = srv
        .get("/api/openapi.json", None)
        .await
        .json()
        .await
        .unwrap();
    let documented = documented_operations(&doc);
    let mut sorted = documented.clone();
    sorted.sort();
    assert_eq!(
        routed_operations(),
        sorted,
        "the router serves exactly the operations the OpenAPI document lists"
    );
    for key in &documented {
        assert!(
            ROWS.iter().any(|(row, _)| row == key),
            "{key} is in the API but has no row in the roles matrix: add one"
        );
    }
    for (row, _) in ROWS {
        assert!(
            documented.iter().any(|key| key == row),
            "the roles matrix has a row for {row}, which the API no longer documents"
        );
    }

    let hash = srv.passwords.hash(PASSWORD.into()).await.unwrap();
    let fx = Fixture {
        srv,
        hash,
        next: AtomicU32::new(100),
    };
    let mut cells = 0;
    let mut failures = Vec::new();
    for (key, access) in ROWS {
        let method = Method::from_bytes(key.split(' ').next().unwrap().as_bytes()).unwrap();
        for who in EVERYONE {
            let token = fx.caller(who).await;
            let (path, body) = fx.request(key, token.as_deref()).await;
            let mut req = fx.srv.http.request(method.clone(), fx.srv.url(&path));
            req = match body {
                Body::None => req,
                Body::Json(json) => req.json(&json),
                Body::Csv(csv) => req.header("content-type", "text/csv").body(csv),
            };
            if let Some(token) = &token {
                req = req.bearer_auth(token);
            }
            let res = req.send().await.unwrap();
            let status = res.status();
            let text = res.text().await.unwrap();
            let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            let code = json["error"]["code"].as_str().unwrap_or("");
            let want = expected(*access, who);
            let ok = match want {
                Expect::Success => status.is_success(),
                Expect::Unauthorized => {
                    status == StatusCode::UNAUTHORIZED && code == "unauthorized"
                }
                Expect::Forbidden => status == StatusCode::FORBIDDEN && code == "forbidden",
                Expect::Upgrade => {
                    status == StatusCode::UPGRADE_REQUIRED && code == "websocket_required"
                }
            };
            if !ok {
                let shown: String = text.chars().take(200).collect();
                failures.push(format!(
                    "{key} as {who:?}: expected {want:?}, got {status} {shown}"
                ));
            }
            // A list answers every unit admin, but with their own scope only.
            if *access == Access::ScopedList && status.is_success() {
                let ids: Vec<&str> = json
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|u| u["id"].as_str())
                    .collect();
                let sees_target = ids.contains(&SINKA);
                let should = matches!(who, Who::UnitAdminInScope | Who::Admin);
                if sees_target != should {
                    failures.push(format!("{key} as {who:?}: lists {SINKA}: {sees_target}"));
                }
            }
            cells += 1;
        }
    }
    println!(
        "roles matrix: {} endpoints x {} callers = {cells} cells checked",
        ROWS.len(),
        EVERYONE.len()
    );
    assert!(
        failures.is_empty(),
        "{} cell(s) wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(cells, documented.len() * EVERYONE.len());
}
