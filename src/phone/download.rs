//! Saving a file the person asked for (an export), from text already in memory.

/// Offers `json` as a download named `name`.
pub fn download_json(name: &str, json: &str) {
    crate::download::offer_text(name, json, "application/json");
}
