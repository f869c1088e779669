//! Unit dashboards: group figures over respondents, the anonymity rule that decides which of
//! them may be shown, and the measurement-quality checks for the people who look after the
//! content. Pure functions: the server's dashboard API, its CSV/XLSX exports and the console
//! all read these, so a number means the same everywhere.
//!
//! - periods and selection: [`period`], [`latest`]
//! - group figures: [`questionnaire_group`], [`practice_group`], [`participation`],
//!   [`spread`] (with [`stats`])
//! - anonymity: [`threshold`], [`grid`] (with [`counts`]), [`suppression`], [`derivation`],
//!   [`running`] (questionnaire figures wait for the period's end)
//! - measurement quality: [`reliability`] (read by [`reliability_reading`]),
//!   [`item_analysis`], [`sample`]

pub mod counts;
pub mod derivation;
pub mod grid;
pub mod item_analysis;
pub mod latest;
pub mod participation;
pub mod period;
pub mod practice_group;
pub mod questionnaire_group;
pub mod reliability;
pub mod reliability_reading;
pub mod running;
pub mod sample;
pub mod spread;
pub mod stats;
pub mod suppression;
pub mod threshold;
