//! Bilingual text: Indonesian first, English second.

use serde::{Deserialize, Serialize};

/// A language the interface and the content speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in both languages. Content files write it as `key.id = "…"` and `key.en = "…"`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            id: id.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to Indonesian (validation keeps both filled).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.id,
        }
    }

    /// The first language whose text is empty, if any.
    pub fn missing(&self) -> Option<Lang> {
        if self.id.trim().is_empty() {
            Some(Lang::Id)
        } else if self.en.trim().is_empty() {
            Some(Lang::En)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_falls_back_to_indonesian_when_empty() {
        let t = Text::new("Halo", "");
        assert_eq!(t.get(Lang::En), "Halo");
        assert_eq!(t.missing(), Some(Lang::En));
        assert_eq!(Text::new("Halo", "Hello").get(Lang::En), "Hello");
    }
}
