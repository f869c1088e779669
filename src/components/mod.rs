//! Components: those of the phone app's screens and those both entries use (language
//! switch, NIP and password fields, charts' captions).

pub mod checkin_card;
pub mod erase_local;
pub mod lang_switch;
pub mod layout;
pub mod nip_field;
pub mod not_found;
pub mod part_missing;
pub mod password_field;
pub mod recognition_card;
pub mod restoring_banner;
pub mod review_card;
pub mod route_loading;
pub mod streak;
pub mod sync_indicator;
pub mod top_bar;
pub mod unit_picker;
pub mod update_banner;
