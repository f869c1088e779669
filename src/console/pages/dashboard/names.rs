//! Display names for the ids the dashboard carries (values, indicators, components,
//! modules), from the content bundle; the id itself when the content does not know it.

use resapi_core::Lang;
use resapi_core::content::ContentBundle;
use std::sync::Arc;

#[derive(Clone, Default)]
pub struct Names(pub Option<Arc<ContentBundle>>);

impl Names {
    pub fn value(&self, id: &str, lang: Lang) -> String {
        self.0
            .as_ref()
            .and_then(|c| c.value(id))
            .map_or_else(|| id.to_owned(), |v| v.name.get(lang).to_owned())
    }

    pub fn indicator(&self, id: &str, lang: Lang) -> String {
        self.0
            .as_ref()
            .and_then(|c| {
                c.values
                    .iter()
                    .flat_map(|v| &v.indicators)
                    .find(|i| i.id == id)
            })
            .map_or_else(|| id.to_owned(), |i| i.text.get(lang).to_owned())
    }

    pub fn questionnaire(&self, id: &str, lang: Lang) -> String {
        self.0
            .as_ref()
            .and_then(|c| c.questionnaire(id))
            .map_or_else(|| id.to_owned(), |q| q.title.get(lang).to_owned())
    }

    pub fn component(&self, questionnaire: &str, id: &str, lang: Lang) -> String {
        self.0
            .as_ref()
            .and_then(|c| c.questionnaire(questionnaire))
            .and_then(|q| q.components.iter().find(|c| c.id == id))
            .map_or_else(|| id.to_owned(), |c| c.name.get(lang).to_owned())
    }

    pub fn module(&self, id: &str, lang: Lang) -> String {
        self.0
            .as_ref()
            .and_then(|c| c.modules.iter().find(|m| m.id == id))
            .map_or_else(|| id.to_owned(), |m| m.title.get(lang).to_owned())
    }

    pub fn bands(&self) -> Vec<crate::charts::ChartBand> {
        self.0
            .as_ref()
            .map(|c| crate::charts::ChartBand::from_scoring(&c.scoring))
            .unwrap_or_default()
    }
}
