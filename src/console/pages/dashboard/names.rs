//! Display names for the ids the dashboard carries (values, indicators, components,
//! modules), from the content bundle; the id itself when the content does not know it.

use leptos::prelude::*;
use resapi_core::Lang;
use resapi_core::content::ContentBundle;
use std::sync::Arc;

#[derive(Clone, Default)]
pub struct Names(pub Option<Arc<ContentBundle>>);

impl Names {
    /// Names to be: ids until the content arrives (then the screen redraws with names).
    pub fn load() -> RwSignal<Names> {
        let names = RwSignal::new(Names::default());
        leptos::task::spawn_local(async move {
            if let Ok(Some(content)) = crate::api::content(None).await {
                names.set(Names(Some(Arc::new(content))));
            }
        });
        names
    }

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

    /// A questionnaire item's text (the statement a person rated).
    pub fn item(&self, questionnaire: &str, id: &str, lang: Lang) -> String {
        self.0
            .as_ref()
            .and_then(|c| c.questionnaire(questionnaire))
            .and_then(|q| q.items.iter().find(|i| i.id == id))
            .map_or_else(|| id.to_owned(), |i| i.text.get(lang).to_owned())
    }

    /// A practice question: its stem, and each option's text by option id.
    pub fn question(&self, id: &str) -> Option<&resapi_core::content::Question> {
        self.0.as_ref()?.questions.iter().find(|q| q.id == id)
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
