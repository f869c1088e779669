//! The OpenAPI document says what the server does, precisely enough that a client generator
//! or a fuzzer (scripts/fuzz_api.sh) can rely on it: known units, the NIP's form, the cursor's
//! format, and the JSON error shape on every error answer.

mod common;

use common::*;
use reqwest::StatusCode;
use resapi_core::nip::Nip;
use serde_json::{Value, json};

async fn served_document(srv: &Server) -> Value {
    let res = srv.get("/api/openapi.json", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// The object a local `$ref` points at.
fn resolve<'a>(doc: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let target = doc
                .pointer(r.trim_start_matches('#'))
                .unwrap_or_else(|| panic!("$ref {r} points at nothing"));
            resolve(doc, target)
        }
        None => node,
    }
}

fn every_ref<'a>(node: &'a Value, out: &mut Vec<&'a str>) {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                out.push(r);
            }
            map.values().for_each(|v| every_ref(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| every_ref(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn the_served_document_names_exactly_the_units_registration_accepts() {
    let srv = start().await;
    let doc = served_document(&srv).await;
    let listed: Vec<Value> = srv.get("/api/v1/units", None).await.json().await.unwrap();
    let ids: Vec<&Value> = listed.iter().map(|u| &u["id"]).collect();
    let documented = doc
        .pointer("/components/schemas/RegisterRequest/properties/unit_id/enum")
        .and_then(Value::as_array)
        .expect("unit_id has an enum in the served document");
    assert_eq!(documented.iter().collect::<Vec<_>>(), ids);

    // Every documented unit is one registration takes; anything else is refused.
    for (n, unit) in documented.iter().enumerate() {
        let body = json!({"nip": nip(n as u32), "name": "Siti Rahma", "password": PASSWORD, "unit_id": unit});
        let res = srv.post("/api/v1/auth/register", &body, None).await;
        assert_eq!(res.status(), StatusCode::CREATED, "unit {unit}");
    }
    let body = json!({"nip": nip(999), "name": "Siti Rahma", "password": PASSWORD, "unit_id": "unit-yang-tidak-ada"});
    let res = srv.post("/api/v1/auth/register", &body, None).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_code(res).await, "unknown_unit");
}

#[tokio::test]
async fn every_operation_has_an_id_and_documents_its_errors_with_the_error_shape() {
    let srv = start().await;
    let doc = served_document(&srv).await;

    let mut refs = Vec::new();
    every_ref(&doc, &mut refs);
    for r in refs {
        assert!(
            r.starts_with("#/") && doc.pointer(&r[1..]).is_some(),
            "$ref {r} resolves"
        );
    }

    let error_body = json!({"$ref": "#/components/schemas/ErrorBody"});
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 9, "every operation is documented");
    let mut operation_ids = std::collections::HashSet::new();
    for (path, operations) in paths {
        for (method, operation) in operations.as_object().unwrap() {
            // scripts/fuzz_api.sh fuzzes each operation by its id, with a token of its own.
            let id = operation["operationId"].as_str();
            assert!(
                id.is_some_and(|id| operation_ids.insert(id.to_owned())),
                "{method} {path} has an operationId of its own"
            );
            let responses = operation["responses"].as_object().unwrap();
            assert!(
                responses.contains_key("500"),
                "{method} {path} documents its 500 (a caught panic or a database failure)"
            );
            for (status, response) in responses {
                if status.as_str() < "400" {
                    continue;
                }
                let response = resolve(&doc, response);
                assert_eq!(
                    response.pointer("/content/application~1json/schema"),
                    Some(&error_body),
                    "{method} {path} {status} answers the error shape"
                );
                let description = response["description"].as_str().unwrap_or("");
                assert!(
                    description.contains('`'),
                    "{method} {path} {status} names its error codes: {description}"
                );
            }
        }
    }
}

/// The pattern in the document is a box of independent ranges; its corners are the NIPs most
/// likely to break the server's rule (earliest and latest dates, both genders, any spacing).
#[tokio::test]
async fn every_nip_the_document_allows_is_one_the_server_accepts() {
    let srv = start().await;
    let doc = served_document(&srv).await;
    assert_eq!(
        doc["components"]["schemas"]["Nip"]["pattern"],
        "^(19[4-8][0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8]) ?(20[1-9][0-9])(0[1-9]|1[0-2]) ?[12] ?[0-9]{3}$",
        "this test checks the corners of exactly this pattern: update both together"
    );
    let mut checked = 0;
    for birth_year in ["1940", "1989"] {
        for birth_month in ["01", "12"] {
            for day in ["01", "28"] {
                for appointed in ["201001", "209912"] {
                    for gender in ["1", "2"] {
                        for serial in ["000", "999"] {
                            for sep in ["", " "] {
                                let nip = format!(
                                    "{birth_year}{birth_month}{day}{sep}{appointed}{sep}{gender}{sep}{serial}"
                                );
                                assert!(Nip::parse(&nip).is_ok(), "{nip} is valid");
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 128);
    // And through the API: the earliest corner registers.
    let body = json!({"nip": "19400101 201001 2 000", "name": "Siti Rahma", "password": PASSWORD, "unit_id": UNIT});
    let res = srv.post("/api/v1/auth/register", &body, None).await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn the_restore_cursor_and_page_size_behave_as_documented() {
    let srv = start().await;
    let auth = srv.register(1).await;
    let version = srv.content().await.version;
    let records = (0..3)
        .map(|_| practice_session_record(auth.account.id, &version))
        .collect();
    srv.sync(&auth.token, records).await;

    let page = |query: &'static str| {
        let srv = &srv;
        let token = auth.token.clone();
        async move {
            srv.get(&format!("/api/v1/me/records{query}"), Some(&token))
                .await
        }
    };
    // An empty `since` is the first page; `limit=0` is read as 1.
    let first: Value = page("?since=&limit=0").await.json().await.unwrap();
    assert_eq!(first["records"].as_array().unwrap().len(), 1);
    let cursor = first["next_since"].as_str().expect("more remain");
    assert!(
        !cursor.is_empty() && cursor.len() <= 18 && cursor.bytes().all(|b| b.is_ascii_digit()),
        "next_since {cursor:?} has the documented form"
    );
    let rest = srv
        .get(
            &format!("/api/v1/me/records?since={cursor}&limit=500"),
            Some(&auth.token),
        )
        .await;
    let rest: Value = rest.json().await.unwrap();
    assert_eq!(rest["records"].as_array().unwrap().len(), 2);
    assert!(
        rest.get("next_since").is_none(),
        "the last page has no cursor"
    );

    let res = page("?since=abc").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(res).await, "bad_cursor");
    let res = page("?limit=-1").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(res).await, "bad_limit");
}
