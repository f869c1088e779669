//! What the app keeps in the browser's localStorage: the person's choices (the language,
//! whether home shows the streak) and whether the store has ever opened here (`state.rs`).
//! Read at start, before anything else, so they are read here with the browser's own API
//! rather than through a JSON library the first screen would otherwise not need.
//! Values are kept as JSON text (`"en"`, `false`), as earlier versions wrote them.

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

fn write(key: &str, json: &str) {
    if let Some(s) = storage() {
        // A full or disabled storage only forgets the choice for the next visit.
        let _ = s.set_item(key, json);
    }
}

/// A saved string (`"en"` → `en`); `None` when missing or not a JSON string.
pub fn text(key: &str) -> Option<String> {
    let raw = read(key)?;
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    // The values kept here are plain codes: anything escaped is not one of them.
    (!inner.contains(['"', '\\'])).then(|| inner.to_owned())
}

/// Keeps a plain code (no quotes or backslashes) as a JSON string.
pub fn set_text(key: &str, code: &str) {
    write(key, &format!("\"{code}\""));
}

/// A saved flag; `None` when missing or not `true`/`false`.
pub fn flag(key: &str) -> Option<bool> {
    match read(key)?.as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

pub fn set_flag(key: &str, on: bool) {
    write(key, if on { "true" } else { "false" });
}
