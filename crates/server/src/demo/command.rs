//! The `demo` command line: options, progress and the summary with the sign-in accounts.

use super::{DEFAULT_SEED, DEMO_PASSWORD, Options, SIGN_IN};
use crate::cli::{ContentArg, DbArg};
use crate::content;
use crate::store::Store;
use clap::Args;
use resapi_core::nip::Nip;
use std::io::Write;

#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub content: ContentArg,
    /// The same seed (and --until) makes the same agency.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// People in the agency (default 3000, or records/100 when --records is given).
    #[arg(long)]
    pub accounts: Option<u32>,
    /// About this many records in all (default 60 per person); e.g. 1000000 for benchmarks.
    #[arg(long)]
    pub records: Option<u64>,
    /// The last day of data, YYYY-MM-DD (default today, WIB); the year before it is filled.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<time::Date>,
}

fn parse_date(s: &str) -> Result<time::Date, String> {
    time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| format!("`{s}` is not a date YYYY-MM-DD"))
}

pub async fn run(args: DemoArgs) -> Result<(), String> {
    let source = content::load(&args.content.content)
        .map_err(|errors| format!("content has problems:\n  {}", errors.join("\n  ")))?;
    let database = Store::open(&args.db.db).await.map_err(|e| e.to_string())?;
    let mut options = Options::sized(args.seed, args.accounts, args.records);
    options.until = args.until;
    println!(
        "Filling {} with a demo agency: {} people, about {} records (seed {})…",
        args.db.db.display(),
        options.accounts,
        options.records,
        options.seed
    );
    let mut last_shown = 0;
    let report = super::fill(
        &database,
        &source.bundle,
        &source.units,
        &options,
        |done, planned| {
            if done >= last_shown + 100_000 || done == planned {
                last_shown = done;
                print!("\r  {done} records written…");
                let _ = std::io::stdout().flush();
            }
        },
    )
    .await
    .map_err(|e| e.to_string())?;
    let pool = resapi_core::content::ContentBundle {
        questions: source.pool.clone(),
        ..source.bundle.clone()
    };
    let competitions = super::competitions::seed(
        &database,
        &pool,
        time::OffsetDateTime::now_utc(),
        options.seed,
    )
    .await?;
    database.close().await;
    let bytes = std::fs::metadata(&args.db.db).map(|m| m.len()).unwrap_or(0);
    println!();
    let kinds: Vec<String> = report
        .by_kind
        .iter()
        .map(|(kind, n)| format!("{kind} {n}"))
        .collect();
    println!(
        "Demo agency ready: {} units, {} accounts, {} records ({}) from {} to {}.",
        report.units,
        report.accounts,
        report.records,
        kinds.join(", "),
        report.first_day,
        report.last_day
    );
    println!(
        "Took {:.1} s ({:.0} records/s); database file {:.1} MiB.",
        report.seconds,
        report.records as f64 / report.seconds.max(0.001),
        bytes as f64 / (1024.0 * 1024.0)
    );
    println!(
        "Strong units: {}. Weak units: {}. Units under 5 people: {}.",
        report.strong_units.join(", "),
        report.weak_units.join(", "),
        report.small_units.join(", ")
    );
    println!("Competitions: {competitions}.");
    println!("Sign in with password `{DEMO_PASSWORD}` as:");
    for s in SIGN_IN {
        let nip = Nip::parse(s.nip)
            .map(|n| n.display_grouped())
            .unwrap_or_default();
        println!(
            "  {:<10} {nip}  {} ({})",
            s.role.as_str(),
            s.name,
            s.unit_id
        );
    }
    println!("This database is marked as demo data; the server says so when it starts.");
    Ok(())
}
