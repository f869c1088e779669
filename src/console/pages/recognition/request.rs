//! The *ASN Inspiratif* form's fields as typed, turned into core's `NameRequest` with the
//! checks the server makes (core's `NameRequest::check`), each refusal beside its field.

use crate::console::i18n::lomba::{lomba_tr, name_error};
use crate::console::pages::field_message::{self, FormField};
use resapi_core::Lang;
use resapi_core::recognition::{MAX_CITATION_CHARS, NameError, NameRequest};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct NamingForm {
    pub unit_id: String,
    /// The chosen person's account id ("" until one is picked).
    pub account_id: String,
    pub value_id: String,
    /// `YYYY-MM`, as `<input type="month">` gives it.
    pub period: String,
    pub citation: String,
    /// The competition it follows ("" for none).
    pub competition_id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Unit,
    Person,
    Value,
    Period,
    Citation,
}

impl FormField for Field {
    fn input_id(self) -> &'static str {
        match self {
            Field::Unit => "asn-unit",
            Field::Person => "asn-person",
            Field::Value => "asn-value",
            Field::Period => "asn-period",
            Field::Citation => "asn-citation",
        }
    }
}

pub type FieldError = field_message::FieldError<Field>;

/// The citation's length as the server counts it (trimmed, in characters).
pub fn citation_chars(citation: &str) -> usize {
    citation.trim().chars().count()
}

/// Whether the citation is over the longest the server takes (the count turns red).
pub fn citation_too_long(citation: &str) -> bool {
    citation_chars(citation) > MAX_CITATION_CHARS
}

impl NamingForm {
    pub fn request(&self, lang: Lang) -> Result<NameRequest, FieldError> {
        let t = lomba_tr(lang);
        let error = |field, message: &str| FieldError::new(field, message);
        if self.unit_id.is_empty() {
            return Err(error(Field::Unit, t.pick_unit));
        }
        let account_id =
            Uuid::parse_str(&self.account_id).map_err(|_| error(Field::Person, t.pick_person))?;
        if self.value_id.is_empty() {
            return Err(error(Field::Value, t.pick_value));
        }
        let request = NameRequest {
            unit_id: self.unit_id.clone(),
            account_id,
            value_id: self.value_id.clone(),
            citation: self.citation.trim().to_owned(),
            period: self.period.trim().to_owned(),
            competition_id: Uuid::parse_str(&self.competition_id).ok(),
        };
        request.check().map_err(|e| {
            let field = match e {
                NameError::Citation => Field::Citation,
                NameError::Period => Field::Period,
            };
            error(field, &name_error(lang, &e))
        })?;
        Ok(request)
    }
}

/// The field a server refusal (its stable code) is about.
pub fn field_of_code(code: &str) -> Option<Field> {
    Some(match code {
        "recognition_citation" => Field::Citation,
        "recognition_period" => Field::Period,
        "recognition_value" | "unknown_value" => Field::Value,
        "recognition_person" | "no_such_person" | "recognition_not_in_unit" => Field::Person,
        "unknown_unit" | "no_such_unit" | "forbidden" => Field::Unit,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    const PERSON: &str = "0198a6f0-0000-7000-8000-000000000001";

    fn filled() -> NamingForm {
        NamingForm {
            unit_id: "bkn-kanreg-1".into(),
            account_id: PERSON.into(),
            value_id: "pelayanan".into(),
            period: "2026-12".into(),
            citation: "  Melayani warga lansia di rumahnya saat listrik kantor padam.  ".into(),
            competition_id: String::new(),
        }
    }

    #[wasm_bindgen_test]
    fn a_filled_form_names_the_person_with_the_citation_trimmed() {
        let r = filled().request(Lang::Id).unwrap();
        assert_eq!(r.account_id.to_string(), PERSON);
        assert_eq!(
            r.citation,
            "Melayani warga lansia di rumahnya saat listrik kantor padam."
        );
        assert_eq!(r.competition_id, None);
        let after = NamingForm {
            competition_id: PERSON.into(),
            ..filled()
        };
        assert!(after.request(Lang::Id).unwrap().competition_id.is_some());
    }

    #[wasm_bindgen_test]
    fn each_refusal_is_beside_its_field() {
        let cases = [
            (
                NamingForm {
                    unit_id: String::new(),
                    ..filled()
                },
                Field::Unit,
            ),
            (
                NamingForm {
                    account_id: String::new(),
                    ..filled()
                },
                Field::Person,
            ),
            (
                NamingForm {
                    value_id: String::new(),
                    ..filled()
                },
                Field::Value,
            ),
            (
                NamingForm {
                    period: "2026-13".into(),
                    ..filled()
                },
                Field::Period,
            ),
            (
                NamingForm {
                    citation: "Hebat".into(),
                    ..filled()
                },
                Field::Citation,
            ),
            (
                NamingForm {
                    citation: "x".repeat(401),
                    ..filled()
                },
                Field::Citation,
            ),
        ];
        for (form, field) in cases {
            assert_eq!(form.request(Lang::En).unwrap_err().field, field, "{form:?}");
        }
        assert!(citation_too_long(&"x".repeat(401)));
        assert!(!citation_too_long(&format!("  {}  ", "x".repeat(400))));
        assert_eq!(citation_chars(" abc "), 3);
    }
}
