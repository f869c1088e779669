//! Points for one answer in a live game, in each scoring mode the trainer can choose
//! (docs/live-quiz.md "Scoring" gives the formulas with worked examples).

use serde::{Deserialize, Serialize};

/// How a game scores its answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoringMode {
    /// Every correct answer is worth the same: speed never matters.
    #[default]
    AccuracyOnly,
    /// Faster correct answers earn more, down to half at the last moment.
    SpeedPoints,
    /// Correct answers in a row earn a growing bonus; speed never matters.
    StreakBonus,
}

/// Most points one answer can earn, in every mode.
pub const MAX_POINTS: u32 = 1000;
/// A correct answer in streak mode before any bonus.
pub const STREAK_BASE: u32 = 500;
/// Bonus per correct answer already in the streak.
pub const STREAK_STEP: u32 = 100;
/// The bonus stops growing after this many correct answers in a row.
pub const STREAK_CAP: u32 = 5;

/// One answer as scoring sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    pub correct: bool,
    /// From the question opening (pauses excluded) to the server accepting the answer.
    pub taken_ms: u64,
    /// The player's own time: the question's time, or more with extra time.
    pub allowed_ms: u64,
    /// Correct answers in a row just before this question (a wrong or missing answer
    /// resets it to 0).
    pub streak_before: u32,
}

/// Points for one answer. A wrong answer earns 0 in every mode.
///
/// - accuracy only: 1000.
/// - speed points: 1000 − round(500 × t / T), t = taken (capped at T), T = the player's
///   allowed time; so 1000 at once, 750 at half time, 500 at the end. Rounding is half up.
/// - streak bonus: 500 + 100 × min(streak before, 5); the sixth correct answer in a row
///   and every one after earns 1000.
pub fn points(mode: ScoringMode, answer: Scored) -> u32 {
    if !answer.correct {
        return 0;
    }
    match mode {
        ScoringMode::AccuracyOnly => MAX_POINTS,
        ScoringMode::SpeedPoints => {
            let allowed = answer.allowed_ms.max(1);
            let taken = answer.taken_ms.min(allowed);
            // round(500 t / T) half up = floor((1000 t + T) / 2T), in integers.
            let lost = (1000 * taken + allowed) / (2 * allowed);
            MAX_POINTS - lost as u32
        }
        ScoringMode::StreakBonus => {
            STREAK_BASE + STREAK_STEP * answer.streak_before.min(STREAK_CAP)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(correct: bool, taken_ms: u64, allowed_ms: u64, streak_before: u32) -> Scored {
        Scored {
            correct,
            taken_ms,
            allowed_ms,
            streak_before,
        }
    }

    #[test]
    fn accuracy_only_ignores_speed_and_streak() {
        let mode = ScoringMode::AccuracyOnly;
        assert_eq!(points(mode, answer(true, 0, 20_000, 0)), 1000);
        assert_eq!(points(mode, answer(true, 19_999, 20_000, 7)), 1000);
        assert_eq!(points(mode, answer(false, 100, 20_000, 3)), 0);
    }

    #[test]
    fn speed_points_by_hand() {
        let mode = ScoringMode::SpeedPoints;
        // 20 s question.
        assert_eq!(points(mode, answer(true, 0, 20_000, 0)), 1000);
        assert_eq!(points(mode, answer(true, 10_000, 20_000, 0)), 750);
        assert_eq!(points(mode, answer(true, 20_000, 20_000, 0)), 500);
        // 500 × 1.5 / 20 = 37.5 → 38 (half up) → 962.
        assert_eq!(points(mode, answer(true, 1_500, 20_000, 0)), 962);
        // 500 × 4.2 / 20 = 105 → 895.
        assert_eq!(points(mode, answer(true, 4_200, 20_000, 0)), 895);
        // An answer inside the latency allowance counts as answered at the end.
        assert_eq!(points(mode, answer(true, 20_400, 20_000, 0)), 500);
        assert_eq!(points(mode, answer(false, 0, 20_000, 0)), 0);
    }

    #[test]
    fn extra_time_scales_the_speed_formula_to_the_players_own_time() {
        let mode = ScoringMode::SpeedPoints;
        // 20 s question with +50 %: T = 30 s. Answering at 15 s is half of the player's
        // own time, worth what a player without extra time gets at 10 s.
        assert_eq!(points(mode, answer(true, 15_000, 30_000, 0)), 750);
        assert_eq!(points(mode, answer(true, 25_000, 30_000, 0)), 583);
    }

    #[test]
    fn streak_bonus_grows_to_a_cap_and_ignores_speed() {
        let mode = ScoringMode::StreakBonus;
        let earned: Vec<u32> = (0..8)
            .map(|streak| points(mode, answer(true, 19_000, 20_000, streak)))
            .collect();
        assert_eq!(earned, [500, 600, 700, 800, 900, 1000, 1000, 1000]);
        assert_eq!(points(mode, answer(false, 0, 20_000, 4)), 0);
    }
}
