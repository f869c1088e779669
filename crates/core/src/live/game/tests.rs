//! The game's rules played through, with hand-worked numbers.

use super::*;
use crate::live::Coded;
use crate::live::code::JoinCode;
use crate::live::config::{GameConfig, Source, tests::content};
use crate::live::protocol::{ClientMsg, ServerMsg};
use crate::live::scoring::ScoringMode;
use crate::live::view::PlayerView;
use crate::rng::Rng;
use crate::sync::{LiveAnswer, RecordKind, check_record};
use time::OffsetDateTime;
use uuid::Uuid;

/// 2026-12-01 07:00:00 UTC in Unix ms: the moment every test game starts.
const T0: u64 = 1_796_108_400_000;
const Q_MS: u64 = 20_000;

fn unit(id: &str) -> UnitRef {
    UnitRef {
        id: id.into(),
        name: format!("Biro {id}"),
    }
}

/// Three loyal questions (explicit list, so their order is known), 20 s each; every
/// question's correct option is "b".
fn game_with(scoring: ScoringMode, f: impl Fn(&mut GameConfig)) -> Game {
    let mut config = GameConfig::for_value("loyal");
    config.source = Source::Questions {
        question_ids: vec!["loyal-001".into(), "loyal-002".into(), "loyal-003".into()],
    };
    config.scoring = scoring;
    config.seconds_per_question = 20;
    f(&mut config);
    Game::prepare(
        Uuid::now_v7(),
        JoinCode::parse("482913").unwrap(),
        config,
        &content(),
        &mut Rng::new(1),
    )
    .unwrap()
}

fn game(scoring: ScoringMode) -> Game {
    game_with(scoring, |_| {})
}

fn account(game: &mut Game, name: &str, unit_id: &str) -> (PlayerId, Uuid) {
    let account_id = Uuid::now_v7();
    let joined = game
        .join(
            Joiner::Account {
                account_id,
                name: name.into(),
                unit: unit(unit_id),
            },
            format!("secret-{name}"),
        )
        .unwrap();
    (joined.player, account_id)
}

fn guest(game: &mut Game, name: &str) -> Result<Joined, GameError> {
    game.join(
        Joiner::Guest {
            name: name.into(),
            unit: unit("umum"),
        },
        format!("secret-guest-{name}"),
    )
}

fn answer(question: u32, option: &str) -> Answer {
    Answer {
        answer_id: Uuid::now_v7(),
        question,
        option_id: option.into(),
    }
}

fn open_at(game: &Game) -> u64 {
    match game.phase() {
        Phase::Question(q) => q.opened_at,
        other => panic!("no open question: {other:?}"),
    }
}

fn total(game: &Game, p: PlayerId) -> u32 {
    game.player_status(p, T0).unwrap().total
}

#[test]
fn a_game_runs_from_lobby_to_podium_and_the_last_answer_closes_a_question() {
    let mut g = game(ScoringMode::AccuracyOnly);
    assert_eq!(g.command(HostCommand::Start, T0), Err(GameError::NoPlayers));
    assert_eq!(g.value_id(), Some("loyal"));
    let (ani, ani_account) = account(&mut g, "Ani", "keu");
    let (budi, _) = account(&mut g, "Budi", "keu");
    g.command(HostCommand::Start, T0).unwrap();
    assert_eq!(open_at(&g), T0);
    g.answer(ani, &answer(0, "b"), T0 + 3_000).unwrap();
    assert!(
        matches!(g.phase(), Phase::Question(_)),
        "one player still to answer"
    );
    g.answer(budi, &answer(0, "c"), T0 + 4_000).unwrap();
    assert_eq!(g.phase(), &Phase::Reveal { index: 0 });
    let PlayerView::Reveal { reveal } = g.player_view(T0 + 4_000) else {
        panic!("reveal expected");
    };
    assert_eq!(reveal.correct_option, "b");
    let counts: u32 = reveal.distribution.iter().map(|c| c.count).sum();
    assert_eq!((counts, reveal.no_answer), (2, 0));
    let on = |id: &str| {
        reveal
            .distribution
            .iter()
            .find(|c| c.option_id == id)
            .unwrap()
            .count
    };
    assert_eq!((on("b"), on("c"), on("a")), (1, 1, 0));
    assert_eq!((total(&g, ani), total(&g, budi)), (1000, 0));

    g.command(HostCommand::Next, T0 + 5_000).unwrap();
    assert_eq!(g.phase(), &Phase::Leaderboard { index: 0 });
    let PlayerView::Leaderboard { top, units, .. } = g.player_view(T0 + 5_000) else {
        panic!("leaderboard expected");
    };
    assert_eq!(top[0].name, "Ani");
    assert_eq!((top[0].rank, top[1].rank), (1, 2));
    assert!(units.is_some(), "team mode shows the unit board");

    for i in 1..3 {
        g.command(HostCommand::Next, T0 + 10_000 * u64::from(i))
            .unwrap();
        assert!(matches!(g.phase(), Phase::Question(q) if q.index == i));
        g.command(HostCommand::Next, T0 + 10_000 * u64::from(i) + 1)
            .unwrap(); // close
        g.command(HostCommand::Next, T0 + 10_000 * u64::from(i) + 2)
            .unwrap(); // board
    }
    g.command(HostCommand::Next, T0 + 40_000).unwrap();
    assert_eq!(g.phase(), &Phase::Podium);
    g.command(HostCommand::Next, T0 + 41_000).unwrap();
    assert_eq!(g.phase(), &Phase::Ended);
    assert_eq!(
        g.command(HostCommand::Next, T0 + 42_000),
        Err(GameError::WrongPhase)
    );
    assert_eq!(guest(&mut g, "Late").unwrap_err(), GameError::GameOver);
    let stranger = g.join(
        Joiner::Account {
            account_id: Uuid::now_v7(),
            name: "Eko".into(),
            unit: unit("keu"),
        },
        "eko".into(),
    );
    assert_eq!(stranger, Err(GameError::GameOver));
    // Ani comes back after the end (by secret, or signed in): to see her final rank.
    assert_eq!(g.rejoin("secret-Ani"), Ok(ani));
    let back = g.join(
        Joiner::Account {
            account_id: ani_account,
            name: "Ani".into(),
            unit: unit("keu"),
        },
        "new".into(),
    );
    assert_eq!(back.map(|j| (j.player, j.rejoined)), Ok((ani, true)));
    assert_eq!(g.player_status(ani, T0).unwrap().rank, Some(1));
}

#[test]
fn the_deadline_allows_500_ms_of_latency_and_a_later_answer_is_refused_with_a_reason() {
    let mut g = game(ScoringMode::SpeedPoints);
    let (ani, _) = account(&mut g, "Ani", "keu");
    let (budi, _) = account(&mut g, "Budi", "keu");
    let (citra, _) = account(&mut g, "Citra", "keu");
    g.command(HostCommand::Start, T0).unwrap();
    assert_eq!(g.closes_at(), Some(T0 + Q_MS + LATENCY_ALLOWANCE_MS));
    g.answer(ani, &answer(0, "b"), T0 + Q_MS + 500).unwrap();
    let late = g
        .answer(budi, &answer(0, "b"), T0 + Q_MS + 501)
        .unwrap_err();
    assert_eq!(late, GameError::TooLate);
    assert_eq!(late.code(), "live_too_late");
    assert_eq!(late.to_string(), "Waktu menjawab soal ini sudah habis.");
    assert!(!g.tick(T0 + Q_MS + 499));
    assert!(g.tick(T0 + Q_MS + 500));
    assert_eq!(g.phase(), &Phase::Reveal { index: 0 });
    // Inside the allowance the answer counts as given at the last moment: 500 points.
    assert_eq!(total(&g, ani), 500);
    assert_eq!(total(&g, budi), 0);
    let status = g.player_status(citra, T0).unwrap();
    let last = status.last.unwrap();
    assert_eq!(
        (last.option_id, last.correct, last.points),
        (None, false, 0)
    );
    // An answer to a closed question is too late, one to a future question not open yet.
    assert_eq!(
        g.answer(citra, &answer(0, "b"), T0 + Q_MS + 600),
        Err(GameError::TooLate)
    );
    assert_eq!(
        g.answer(citra, &answer(2, "b"), T0 + Q_MS + 600),
        Err(GameError::NotOpen)
    );
}

#[test]
fn the_same_answer_id_gets_the_same_ack_and_a_second_answer_is_refused() {
    let mut g = game(ScoringMode::AccuracyOnly);
    let (ani, _) = account(&mut g, "Ani", "keu");
    let (budi, _) = account(&mut g, "Budi", "keu");
    g.command(HostCommand::Start, T0).unwrap();
    let first = answer(0, "b");
    let ack = g.answer(ani, &first, T0 + 1_000).unwrap();
    assert_eq!(
        ack,
        AnswerAck {
            answer_id: first.answer_id,
            question: 0
        }
    );
    // The phone retries after a dropped connection: same ack, nothing counted twice.
    assert_eq!(g.answer(ani, &first, T0 + 2_000), Ok(ack.clone()));
    let changed = Answer {
        option_id: "c".into(),
        ..first.clone()
    };
    assert_eq!(g.answer(ani, &changed, T0 + 2_500), Ok(ack.clone()));
    assert_eq!(
        g.answer(ani, &answer(0, "c"), T0 + 3_000),
        Err(GameError::AlreadyAnswered)
    );
    assert_eq!(
        g.answer(budi, &first, T0 + 3_000),
        Err(GameError::AnswerIdTaken)
    );
    assert_eq!(
        g.answer(budi, &answer(0, "z"), T0 + 3_000),
        Err(GameError::UnknownOption)
    );
    assert_eq!(g.projector_view(T0 + 3_000).answered, 1);
    g.command(HostCommand::Next, T0 + 4_000).unwrap();
    // Even after the close (and past the deadline), a retry gets its ack back.
    assert_eq!(g.answer(ani, &first, T0 + 60_000), Ok(ack));
    assert_eq!(total(&g, ani), 1000);
    assert_eq!(g.take_records().len(), 1);
}

#[test]
fn rejoining_keeps_score_and_answers_and_a_kicked_player_cannot_come_back() {
    let mut g = game(ScoringMode::AccuracyOnly);
    let (ani, ani_account) = account(&mut g, "Ani", "keu");
    let (budi, _) = account(&mut g, "Budi", "keu");
    let citra = guest(&mut g, "Citra").unwrap();
    g.command(HostCommand::Start, T0).unwrap();
    g.answer(ani, &answer(0, "b"), T0 + 1_000).unwrap();
    // Ani's phone reloads: by secret, or by signing in again as the same account.
    assert_eq!(g.rejoin("secret-Ani"), Ok(ani));
    let again = g
        .join(
            Joiner::Account {
                account_id: ani_account,
                name: "Ani".into(),
                unit: unit("keu"),
            },
            "another-secret".into(),
        )
        .unwrap();
    assert_eq!(
        (again.player, again.rejoined, again.secret.as_str()),
        (ani, true, "secret-Ani")
    );
    assert_eq!(g.player_count(), 3);
    let status = g.player_status(ani, T0 + 2_000).unwrap();
    assert_eq!(
        status.locked_in.as_deref(),
        Some("b"),
        "the phone shows 'Jawaban terkirim'"
    );
    g.command(HostCommand::Next, T0 + 3_000).unwrap();
    assert_eq!(total(&g, ani), 1000);
    assert_eq!(g.rejoin("secret-Ani").map(|p| total(&g, p)), Ok(1000));

    g.command(
        HostCommand::Kick {
            player: citra.player,
        },
        T0 + 4_000,
    )
    .unwrap();
    assert_eq!(g.rejoin(&citra.secret), Err(GameError::Kicked));
    assert_eq!(g.player_status(citra.player, T0), Err(GameError::Kicked));
    assert_eq!(g.player_count(), 2);
    assert!(g.leaderboard().row_of(citra.player).is_none());
    assert_eq!(g.rejoin("never-issued"), Err(GameError::UnknownPlayer));
    let _ = budi;
}

#[test]
fn a_kicked_account_cannot_join_again() {
    let mut g = game(ScoringMode::AccuracyOnly);
    let (budi, budi_account) = account(&mut g, "Budi", "keu");
    g.command(HostCommand::Kick { player: budi }, T0).unwrap();
    let back = g.join(
        Joiner::Account {
            account_id: budi_account,
            name: "Budi".into(),
            unit: unit("keu"),
        },
        "fresh".into(),
    );
    assert_eq!(back, Err(GameError::Kicked));
}

#[test]
fn extra_time_gives_fifty_percent_more_and_speed_points_use_the_players_own_time() {
    let mut g = game_with(ScoringMode::SpeedPoints, |_| {});
    let (ani, _) = account(&mut g, "Ani", "keu");
    let (budi, _) = account(&mut g, "Budi", "keu");
    g.set_extra_time(budi, true).unwrap();
    assert_eq!(g.allowed_ms(budi), 30_000);
    g.command(HostCommand::Start, T0).unwrap();
    assert_eq!(g.closes_at(), Some(T0 + 30_500));
    assert_eq!(
        g.player_status(budi, T0 + 10_000).unwrap().remaining_ms,
        Some(20_000)
    );
    g.answer(ani, &answer(0, "b"), T0 + 10_000).unwrap();
    g.answer(budi, &answer(0, "b"), T0 + 25_000).unwrap();
    // Ani: 1000 − 500×10/20 = 750. Budi: 1000 − round(500×25/30 = 416.7) = 583.
    assert_eq!((total(&g, ani), total(&g, budi)), (750, 583));

    let mut strict = game_with(ScoringMode::SpeedPoints, |c| c.extra_time_allowed = false);
    let (citra, _) = account(&mut strict, "Citra", "keu");
    let refused = strict.set_extra_time(citra, true).unwrap_err();
    assert_eq!(refused.code(), "live_extra_time_not_allowed");
    assert!(refused.english().contains("extra time"));
}

#[test]
fn a_pause_stops_the_clock_and_answers_wait_for_the_resume() {
    let mut g = game(ScoringMode::SpeedPoints);
    let (ani, _) = account(&mut g, "Ani", "keu");
    let (_budi, _) = account(&mut g, "Budi", "keu");
    g.command(HostCommand::Start, T0).unwrap();
    g.command(HostCommand::Pause, T0 + 5_000).unwrap();
    assert_eq!(g.closes_at(), None);
    assert!(
        !g.tick(T0 + 60_000),
        "a paused question never closes by itself"
    );
    assert_eq!(
        g.answer(ani, &answer(0, "b"), T0 + 8_000),
        Err(GameError::Paused)
    );
    let PlayerView::Question {
        remaining_ms,
        paused,
        ..
    } = g.player_view(T0 + 50_000)
    else {
        panic!("question expected");
    };
    assert_eq!((remaining_ms, paused), (15_000, true));
    assert_eq!(
        g.command(HostCommand::Pause, T0 + 59_000),
        Err(GameError::WrongPhase)
    );
    g.command(HostCommand::Resume, T0 + 60_000).unwrap();
    assert_eq!(
        g.command(HostCommand::Resume, T0 + 60_001),
        Err(GameError::WrongPhase)
    );
    // 5 s before the pause + 5 s after it = 10 s of answering time: 750 points.
    g.answer(ani, &answer(0, "b"), T0 + 65_000).unwrap();
    assert_eq!(
        g.closes_at(),
        Some(T0 + 55_000 + Q_MS + LATENCY_ALLOWANCE_MS)
    );
    g.command(HostCommand::Next, T0 + 66_000).unwrap();
    assert_eq!(total(&g, ani), 750);
}

#[test]
fn streak_bonus_through_a_game_and_a_skipped_question_counts_for_nobody() {
    let mut g = game_with(ScoringMode::StreakBonus, |c| {
        c.source = Source::Questions {
            question_ids: (1..=6).map(|i| format!("loyal-{i:03}")).collect(),
        }
    });
    let (ani, _) = account(&mut g, "Ani", "keu");
    let (_budi, _) = account(&mut g, "Budi", "keu");
    g.command(HostCommand::Start, T0).unwrap();
    let mut now = T0;
    let mut totals = Vec::new();
    // Ani: right, right, (skipped), right, wrong, right.
    for (i, option) in [
        (0, "b"),
        (1, "b"),
        (2, "skip"),
        (3, "b"),
        (4, "a"),
        (5, "b"),
    ] {
        now += 1_000;
        if option == "skip" {
            g.answer(ani, &answer(i, "b"), now).unwrap();
            g.command(HostCommand::Skip, now).unwrap();
            totals.push(total(&g, ani));
            continue;
        }
        g.answer(ani, &answer(i, option), now).unwrap();
        g.command(HostCommand::Next, now).unwrap(); // close
        totals.push(total(&g, ani));
        g.command(HostCommand::Next, now).unwrap(); // leaderboard
        g.command(HostCommand::Next, now).unwrap(); // next question or podium
    }
    // 500, +600, skipped (+0, streak kept at 2), +700, wrong (+0, streak back to 0), +500.
    assert_eq!(totals, [500, 1100, 1100, 1800, 1800, 2300]);
    assert_eq!(g.phase(), &Phase::Podium);
    let records = g.take_records();
    assert_eq!(records.len(), 5, "the skipped question made no record");
    let summary = g.summary();
    let shown: Vec<(u32, u32, u32)> = summary
        .questions
        .iter()
        .map(|q| (q.index, q.answered, q.correct))
        .collect();
    // Budi never answered; question 2 was skipped; Ani missed question 4.
    assert_eq!(
        shown,
        [(0, 1, 1), (1, 1, 1), (3, 1, 1), (4, 1, 0), (5, 1, 1)]
    );
    assert_eq!(summary.hardest().map(|q| q.index), Some(4));
    let unit = &summary.units[0];
    assert_eq!((unit.joined, unit.answered, unit.percent), (2, 1, 50));
}

#[test]
fn the_player_cap_guests_and_names_are_enforced_with_codes() {
    let mut g = game_with(ScoringMode::AccuracyOnly, |c| c.max_players = 2);
    guest(&mut g, "  Dewi \u{202E} ").unwrap();
    assert_eq!(g.player_view(T0), PlayerView::Lobby { players: 1 });
    assert_eq!(g.projector_view(T0).recent_names, ["Dewi"]);
    assert_eq!(
        guest(&mut g, "\u{200B}X").unwrap_err().code(),
        "name_too_short"
    );
    guest(&mut g, "Eko").unwrap();
    let full = guest(&mut g, "Fajar").unwrap_err();
    assert_eq!(full, GameError::Full(2));
    assert_eq!(full.text().en, "The quiz is full (2 players).");
    let mut closed = game_with(ScoringMode::AccuracyOnly, |c| c.guests_allowed = false);
    assert_eq!(
        guest(&mut closed, "Gita").unwrap_err(),
        GameError::GuestsNotAllowed
    );
    account(&mut closed, "Gita", "keu");
    assert_eq!(closed.player_count(), 1);
}

#[test]
fn account_answers_become_records_once_and_guests_leave_none() {
    let mut g = game(ScoringMode::SpeedPoints);
    let (ani, ani_account) = account(&mut g, "Ani", "keu");
    let dewi = guest(&mut g, "Dewi").unwrap();
    // Who joined as which account (a report keeps it for erasure); a guest is nobody's.
    assert_eq!(g.account_of(ani), Some(ani_account));
    assert_eq!(g.account_of(dewi.player), None);
    assert_eq!(g.account_of(PlayerId(99)), None);
    g.command(HostCommand::Start, T0).unwrap();
    let given = answer(0, "b");
    g.answer(ani, &given, T0 + 4_200).unwrap();
    assert!(g.take_records().is_empty(), "nothing before the close");
    g.answer(dewi.player, &answer(0, "b"), T0 + 5_000).unwrap();
    let records = g.take_records();
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record.id, given.answer_id);
    assert_eq!(record.kind, RecordKind::LiveAnswer);
    assert_eq!(record.account_id, ani_account);
    assert_eq!(
        record.created_at,
        OffsetDateTime::from_unix_timestamp(1_796_108_404).unwrap()
            + time::Duration::milliseconds(200)
    );
    let payload: LiveAnswer = serde_json::from_value(record.payload.clone()).unwrap();
    assert_eq!(
        (
            payload.game_id,
            payload.position,
            payload.points,
            payload.time_ms,
            payload.correct
        ),
        (g.id(), 0, 895, 4_200, true)
    );
    assert_eq!(payload.content_version, "v1");
    assert!(g.take_records().is_empty(), "taken once");
    assert_eq!(
        g.records_of(ani),
        records,
        "the phone gets the very same record"
    );
    assert!(g.records_of(dewi.player).is_empty());
    let now = OffsetDateTime::from_unix_timestamp(1_796_108_500).unwrap();
    assert_eq!(
        check_record(record, ani_account, &content(), now),
        Ok(Some(true))
    );
}

#[test]
fn the_unit_board_ranks_units_by_the_mean_of_members_who_answered() {
    let mut g = game(ScoringMode::AccuracyOnly);
    let keu: Vec<PlayerId> = ["A1", "A2", "A3"]
        .iter()
        .map(|n| account(&mut g, n, "keu").0)
        .collect();
    let hkm: Vec<PlayerId> = ["B1", "B2"]
        .iter()
        .map(|n| account(&mut g, n, "hkm").0)
        .collect();
    let (idle, _) = account(&mut g, "A4", "keu");
    g.command(HostCommand::Start, T0).unwrap();
    for (p, option) in keu.iter().zip(["b", "b", "c"]) {
        g.answer(*p, &answer(0, option), T0 + 1_000).unwrap();
    }
    for p in &hkm {
        g.answer(*p, &answer(0, "b"), T0 + 1_000).unwrap();
    }
    g.command(HostCommand::Next, T0 + 2_000).unwrap();
    let board = g.unit_board();
    // Keuangan: (1000 + 1000 + 0) / 3 = 667 (A4 never answered, so not counted);
    // Hukum has only 2 players who answered: listed, not ranked.
    assert_eq!(board.ranked.len(), 1);
    assert_eq!(
        (board.ranked[0].unit_id.as_str(), board.ranked[0].mean),
        ("keu", 667)
    );
    assert_eq!(board.too_few[0].unit_id, "hkm");
    assert_eq!(g.player_status(idle, T0).unwrap().unit_rank, Some(1));
    assert_eq!(g.player_status(hkm[0], T0).unwrap().unit_rank, None);
}

#[test]
fn ending_during_a_question_scores_it_and_ends_the_game() {
    let mut g = game(ScoringMode::AccuracyOnly);
    let (ani, _) = account(&mut g, "Ani", "keu");
    let (_budi, _) = account(&mut g, "Budi", "keu");
    g.command(HostCommand::Start, T0).unwrap();
    g.answer(ani, &answer(0, "b"), T0 + 1_000).unwrap();
    g.command(HostCommand::End, T0 + 2_000).unwrap();
    assert_eq!(g.phase(), &Phase::Ended);
    assert_eq!(total(&g, ani), 1000);
    assert_eq!(g.take_records().len(), 1);
    assert_eq!(
        g.command(HostCommand::End, T0 + 3_000),
        Err(GameError::WrongPhase)
    );
}

/// Every object key in a JSON value, at any depth.
fn keys(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn no_player_facing_message_of_an_open_question_carries_the_key() {
    let mut g = game(ScoringMode::SpeedPoints);
    let (ani, _) = account(&mut g, "Ani", "keu");
    let (budi, _) = account(&mut g, "Budi", "keu");
    g.command(HostCommand::Start, T0).unwrap();
    let ack = g.answer(ani, &answer(0, "b"), T0 + 1_000).unwrap();
    let welcome = |p: PlayerId| ServerMsg::Welcome {
        player: p,
        secret: "s".into(),
        question_count: 3,
        extra_time_allowed: true,
        value_id: g.value_id().map(String::from),
        records: g.records_of(p),
    };
    let messages = vec![
        ServerMsg::State {
            view: g.player_view(T0 + 1_000),
        },
        ServerMsg::You {
            status: g.player_status(ani, T0 + 1_000).unwrap(),
        },
        ServerMsg::You {
            status: g.player_status(budi, T0 + 1_000).unwrap(),
        },
        ServerMsg::Ack(ack),
        welcome(ani),
        ServerMsg::Projector {
            view: g.projector_view(T0 + 1_000),
        },
    ];
    for msg in &messages {
        let json = serde_json::to_value(msg).unwrap();
        let mut found = Vec::new();
        keys(&json, &mut found);
        for forbidden in [
            "correct_option",
            "answer_key",
            "correct",
            "points",
            "explanation",
            "record",
        ] {
            assert!(
                !found.iter().any(|k| k == forbidden),
                "{forbidden} in {json}"
            );
        }
        let text = json.to_string();
        assert!(!text.contains("Karena b."), "explanation leaked: {text}");
    }
    // The presenter's own view has the key; it is never sent to a phone.
    let host = ServerMsg::Host {
        view: g.host_view(T0 + 1_000),
    };
    assert!(!host.for_players());
    assert_eq!(g.host_view(T0 + 1_000).answer_key.as_deref(), Some("b"));
    // After the close the key is in the shared view.
    g.command(HostCommand::Next, T0 + 2_000).unwrap();
    let after = serde_json::to_value(ServerMsg::State {
        view: g.player_view(T0 + 2_000),
    })
    .unwrap();
    assert_eq!(after["view"]["reveal"]["correct_option"], "b");
}

#[test]
fn messages_travel_as_json_tagged_by_type() {
    let answer_id = Uuid::parse_str("0193a1b2-0000-7000-8000-000000000001").unwrap();
    let msg: ClientMsg = serde_json::from_value(serde_json::json!({
        "type": "answer", "answer_id": answer_id, "question": 2, "option_id": "c"
    }))
    .unwrap();
    assert_eq!(
        msg,
        ClientMsg::Answer(Answer {
            answer_id,
            question: 2,
            option_id: "c".into()
        })
    );
    let kick: ClientMsg = serde_json::from_value(serde_json::json!({
        "type": "host", "command": "kick", "player": 7
    }))
    .unwrap();
    assert_eq!(
        kick,
        ClientMsg::Host(HostCommand::Kick {
            player: PlayerId(7)
        })
    );
    let join: ClientMsg = serde_json::from_str(r#"{"type":"join"}"#).unwrap();
    assert_eq!(
        join,
        ClientMsg::Join {
            name: String::new(),
            unit_id: String::new()
        }
    );
    assert!(serde_json::from_str::<ClientMsg>(r#"{"type":"cheat"}"#).is_err());
    let refused = ServerMsg::refused(&GameError::TooLate, Some(answer_id));
    assert_eq!(
        serde_json::to_value(&refused).unwrap(),
        serde_json::json!({
            "type": "refused", "code": "live_too_late",
            "message": {"id": "Waktu menjawab soal ini sudah habis.", "en": "Time for this question is up."},
            "answer_id": answer_id
        })
    );
}

#[test]
fn the_podium_shows_the_top_three_and_the_best_unit_and_a_late_joiner_waits_for_a_rank() {
    let mut g = game_with(ScoringMode::SpeedPoints, |c| {
        c.source = Source::Questions {
            question_ids: vec!["loyal-001".into()],
        }
    });
    let mut players = Vec::new();
    for (name, unit_id) in [
        ("A1", "keu"),
        ("A2", "keu"),
        ("A3", "keu"),
        ("B1", "hkm"),
        ("B2", "hkm"),
        ("B3", "hkm"),
    ] {
        players.push(account(&mut g, name, unit_id).0);
    }
    g.command(HostCommand::Start, T0).unwrap();
    let late = guest(&mut g, "Telat").unwrap().player;
    assert_eq!(g.player_status(late, T0).unwrap().rank, None);
    // Keuangan answers at 0, 2 and 4 s: 1000, 950, 900 (mean 950). Hukum at 1, 3 s and
    // wrong: 975, 925, 0 (mean 633.3).
    for (p, (at, option)) in players.iter().zip([
        (0, "b"),
        (2_000, "b"),
        (4_000, "b"),
        (1_000, "b"),
        (3_000, "b"),
        (5_000, "a"),
    ]) {
        g.answer(*p, &answer(0, option), T0 + at).unwrap();
    }
    g.command(HostCommand::Next, T0 + 6_000).unwrap();
    // 0 points, tied with B3's wrong answer: both sixth.
    assert_eq!(g.player_status(late, T0).unwrap().rank, Some(6));
    assert_eq!(g.player_status(players[5], T0).unwrap().rank, Some(6));
    assert_eq!(g.player_status(players[4], T0).unwrap().rank, Some(4));
    g.command(HostCommand::Next, T0 + 7_000).unwrap();
    g.command(HostCommand::Next, T0 + 8_000).unwrap();
    let PlayerView::Podium {
        top,
        best_unit,
        units,
    } = g.player_view(T0 + 8_000)
    else {
        panic!("podium expected, got {:?}", g.phase());
    };
    let podium: Vec<(u32, &str, u32)> = top
        .iter()
        .map(|r| (r.rank, r.name.as_str(), r.points))
        .collect();
    assert_eq!(podium, [(1, "A1", 1000), (2, "B1", 975), (3, "A2", 950)]);
    let best = best_unit.unwrap();
    assert_eq!((best.unit_id.as_str(), best.mean), ("keu", 950));
    let units = units.unwrap();
    assert_eq!(units.ranked[1].mean, 633);
    // The late guest never answered: the unit "umum" is not on the board at all.
    assert!(units.too_few.is_empty());
}

#[test]
fn a_game_of_one_value_names_it_for_the_end_screen_and_a_mixed_one_does_not() {
    let mixed = game_with(ScoringMode::AccuracyOnly, |c| {
        c.source = Source::Questions {
            question_ids: vec!["loyal-001".into(), "adaptif-001".into()],
        }
    });
    assert_eq!(mixed.value_id(), None);
    assert_eq!(game(ScoringMode::AccuracyOnly).value_id(), Some("loyal"));
}

/// The presenter offers a command exactly when the game takes it: `host_allows` agrees with
/// `Game::command` in every phase, paused or not, with and without players.
#[test]
fn the_host_controls_rule_is_the_games_own() {
    use crate::live::host_controls::host_allows;
    let commands = [
        HostCommand::Start,
        HostCommand::Next,
        HostCommand::Pause,
        HostCommand::Resume,
        HostCommand::Skip,
        HostCommand::End,
    ];
    let check = |g: &Game, what: &str| {
        for c in commands {
            let taken = g.clone().command(c, 1_000).is_ok();
            assert_eq!(
                host_allows(&c, g.control_phase(), g.player_count()),
                taken,
                "{c:?} in {what}"
            );
        }
    };
    let mut g = game(ScoringMode::AccuracyOnly);
    check(&g, "an empty lobby");
    let (p, _) = account(&mut g, "Ani", "a");
    check(&g, "a lobby with a player");
    g.command(HostCommand::Start, 0).unwrap();
    check(&g, "a question");
    g.command(HostCommand::Pause, 10).unwrap();
    check(&g, "a paused question");
    g.command(HostCommand::Resume, 20).unwrap();
    g.command(HostCommand::Next, 30).unwrap();
    check(&g, "a reveal");
    g.command(HostCommand::Next, 40).unwrap();
    check(&g, "a leaderboard");
    g.command(HostCommand::Next, 50).unwrap();
    g.command(HostCommand::Skip, 60).unwrap();
    check(&g, "the question after a skip");
    while g.control_phase() != crate::live::host_controls::ControlPhase::Podium {
        g.command(HostCommand::Next, 60).unwrap();
    }
    check(&g, "the podium");
    assert!(host_allows(
        &HostCommand::Kick { player: p },
        g.control_phase(),
        1
    ));
    g.command(HostCommand::Next, 70).unwrap();
    check(&g, "the end");
}
