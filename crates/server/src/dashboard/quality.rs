//! Measurement quality: Cronbach's α per component over the respondents in a unit's scope,
//! and the item analysis of the practice questions (admin only). Formulas and "not enough"
//! reasons are core's (`reliability.rs`, `item_analysis.rs`, `sample.rs`).

use super::{PeriodData, Result, Tree, grids_for, guarded, visibility};
use crate::store::Store;
use crate::store::facts::AGENCY_OFFSET;
use resapi_core::aggregate::item_analysis::{analyse_items, first_attempts};
use resapi_core::aggregate::period::Period;
use resapi_core::aggregate::reliability::component_alpha;
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::content::ContentBundle;
use resapi_core::unit_dashboard::{
    AlphaCell, ComponentAlpha, ItemAnalysis, ItemCell, ItemRow, QuestionnaireQuality, UnitQuality,
};

/// `GET /units/{id}/quality?period=`.
pub async fn unit_quality(
    store: &Store,
    content: &ContentBundle,
    unit_id: &str,
    period: Period,
    k: MinRespondents,
    today: time::Date,
) -> Result<UnitQuality> {
    let tree = Tree::load(store).await?;
    let unit = tree.unit(unit_id)?;
    let grids = grids_for(store, &tree, content, &[period], k).await?;
    let data = PeriodData::load(store, content, period, None).await?;
    let scope = tree.subtree(unit_id);
    let mut questionnaires = Vec::new();
    for q in &content.questionnaires {
        let q = data.questionnaire(q);
        let facts = data.facts(q, &scope);
        let rs: Vec<_> = facts.iter().collect();
        let vis = visibility(&grids, &q.id, unit_id, &period, today);
        let components = guarded(vis, u32::try_from(rs.len()).unwrap_or(u32::MAX), || {
            Ok(q.components
                .iter()
                .map(|c| ComponentAlpha {
                    component: c.id.clone(),
                    alpha: match component_alpha(q, &c.id, &rs, k) {
                        Ok(reliability) => AlphaCell::Given { reliability },
                        Err(reason) => AlphaCell::NotGiven {
                            reason,
                            message: reason.message(),
                        },
                    },
                })
                .collect())
        })?;
        questionnaires.push(QuestionnaireQuality {
            questionnaire: q.id.clone(),
            components,
        });
    }
    Ok(UnitQuality {
        unit,
        period,
        k: k.get(),
        questionnaires,
    })
}

/// `GET /admin/item-analysis?period=`: every practice question over the whole agency.
pub async fn item_analysis(
    store: &Store,
    content: &ContentBundle,
    period: Period,
    k: MinRespondents,
) -> Result<ItemAnalysis> {
    let answers = store.practice_answers(&period, AGENCY_OFFSET).await?;
    let first = first_attempts(&answers);
    let items = analyse_items(&content.questions, &first, k)
        .into_iter()
        .zip(&content.questions)
        .map(|((question, result), q)| ItemRow {
            question,
            value: q.value.clone(),
            indicator: q.indicator.clone(),
            analysis: match result {
                Ok(stats) => ItemCell::Given { stats },
                Err(reason) => ItemCell::NotGiven {
                    reason,
                    message: reason.message(),
                },
            },
        })
        .collect();
    Ok(ItemAnalysis {
        period,
        k: k.get(),
        items,
    })
}
