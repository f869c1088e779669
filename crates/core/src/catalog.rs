//! The seven BerAKHLAK core values and their 21 behavioural indicators (SE MenPAN-RB
//! 20/2021). Their ids are fixed here, in code, so that content can be checked against them;
//! their names and texts live in `content/values.toml`.

/// Value ids in the order of the acronym: Ber-A-K-H-L-A-K.
pub const VALUE_IDS: [&str; 7] = [
    "pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
];

/// Every value has exactly three behavioural indicators.
pub const INDICATORS_PER_VALUE: usize = 3;

pub fn is_value(id: &str) -> bool {
    VALUE_IDS.contains(&id)
}

/// The indicator ids of a value: `<value>-1`, `<value>-2`, `<value>-3`.
pub fn indicator_ids(value: &str) -> Vec<String> {
    (1..=INDICATORS_PER_VALUE)
        .map(|n| format!("{value}-{n}"))
        .collect()
}

/// The value an indicator id belongs to, if the id is a known indicator.
pub fn value_of_indicator(indicator: &str) -> Option<&'static str> {
    let (value, n) = indicator.rsplit_once('-')?;
    let n: usize = n.parse().ok()?;
    let value = VALUE_IDS.iter().find(|v| **v == value)?;
    (1..=INDICATORS_PER_VALUE).contains(&n).then_some(*value)
}

/// All 21 indicator ids.
pub fn all_indicator_ids() -> Vec<String> {
    VALUE_IDS.iter().flat_map(|v| indicator_ids(v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_seven_values_and_twenty_one_indicators() {
        assert_eq!(VALUE_IDS.len(), 7);
        assert_eq!(all_indicator_ids().len(), 21);
    }

    #[test]
    fn indicator_ids_map_back_to_their_value() {
        assert_eq!(value_of_indicator("adaptif-2"), Some("adaptif"));
        assert_eq!(value_of_indicator("adaptif-4"), None);
        assert_eq!(value_of_indicator("jujur-1"), None);
        assert_eq!(value_of_indicator("adaptif"), None);
    }
}
