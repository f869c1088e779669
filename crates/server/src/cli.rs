//! Command line: `serve` (the default) and the admin commands. There is no e-mail or SMS,
//! so the first admin, roles and password resets are done here, on the server.

use crate::client_addr::{IpNet, TrustedProxies};
use crate::content;
use crate::http;
use crate::passwords::Passwords;
use crate::roster_file::{self, RosterFileError};
use crate::state::{self, AppState};
use crate::store::{AccountRow, NewAccount, Store, StoreError};
use clap::{Args, Parser, Subcommand};
use resapi_core::aggregate::threshold::MinRespondents;
use resapi_core::api::{RegisterRequest, Role, check_registration};
use resapi_core::nip::Nip;
use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(
    name = "resapi-server",
    version,
    about = "Resapi sync server and admin commands",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of `serve`, the default command.
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the default).
    Serve(ServeArgs),
    /// Create an admin account (password from RESAPI_PASSWORD or one line on stdin).
    CreateAdmin(CreateAdminArgs),
    /// Give an account a role.
    GrantRole(GrantRoleArgs),
    /// Set a new password and end the account's sessions (password as for create-admin).
    ResetPassword(ResetPasswordArgs),
    /// Validate the content folder and print a coverage report; fails on errors.
    CheckContent(CheckContentArgs),
    // Roster, account release and backup (issue 8, accounts and the database file).
    /// Load the agency roster (CSV or XLSX: NIP, name, unit): then only NIPs on it can register.
    ImportRoster(ImportRosterArgs),
    /// Release a NIP someone else registered, so its owner can register it.
    ResetAccount(ResetAccountArgs),
    /// Write a consistent copy of the database to a new file, also while the server runs.
    Backup(BackupArgs),
    // -- personal data (erasure) --
    /// Remove an account, its records and sessions (a person's request under UU 27/2022).
    /// Without --yes, only shows what would be removed.
    EraseAccount(EraseAccountArgs),
    /// Move a SQLite installation (every account, session and record) into a new, empty
    /// PostgreSQL database, and check the copy.
    MigrateToPostgres(MigrateToPostgresArgs),
    /// Fill a new, empty database with a made-up demo agency (units, people, a year of
    /// records). Refuses a database that holds anything.
    Demo(crate::demo::command::DemoArgs),
}

impl Command {
    /// The database of an admin command that changes real data (they warn on demo data).
    fn admin_db(&self) -> Option<&Path> {
        match self {
            Command::CreateAdmin(a) => Some(&a.db.db),
            Command::GrantRole(a) => Some(&a.db.db),
            Command::ResetPassword(a) => Some(&a.db.db),
            Command::ImportRoster(a) => Some(&a.db.db),
            Command::ResetAccount(a) => Some(&a.db.db),
            Command::EraseAccount(a) => Some(&a.db.db),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct DbArg {
    /// SQLite database file (created with its folder if missing).
    #[arg(long, env = "RESAPI_DB", default_value = "./data/resapi.db")]
    pub db: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct ContentArg {
    /// Content folder (values, questions, units).
    #[arg(long, env = "RESAPI_CONTENT", default_value = "./content")]
    pub content: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on.
    #[arg(long, env = "RESAPI_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The built web app (trunk's dist folder).
    #[arg(long, env = "RESAPI_DIST", default_value = "./dist")]
    pub dist: PathBuf,
    #[command(flatten)]
    pub content: ContentArg,
    #[command(flatten)]
    pub limits: LimitArgs,
    /// A reverse proxy (IP or CIDR block) whose X-Forwarded-For names the client; repeat
    /// the flag, or comma-separate in the env var. Without it the header is ignored.
    #[arg(
        long = "trusted-proxy",
        env = "RESAPI_TRUSTED_PROXIES",
        value_name = "IP or CIDR",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<IpNet>,
    /// The anonymity threshold k of unit figures: a questionnaire figure is shown only where
    /// at least k people answered. It can be raised, never set below 5 (docs/anonymity.md).
    #[arg(
        long = "min-respondents",
        env = "RESAPI_MIN_RESPONDENTS",
        value_name = "K",
        default_value_t = MinRespondents::DEFAULT.get(),
        value_parser = parse_k
    )]
    pub min_respondents: u32,
    /// End-to-end tests only: the server's clock runs this file's number of milliseconds
    /// ahead, read at each use, so a browser test can play a competition's week in
    /// seconds. Never set in production.
    #[arg(long, env = "RESAPI_CLOCK_OFFSET_FILE", hide = true)]
    pub clock_offset_file: Option<PathBuf>,
}

/// k as a number the core accepts (≥ 5), else the core's own words for why not.
fn parse_k(text: &str) -> Result<u32, String> {
    let k: u32 = text
        .parse()
        .map_err(|_| format!("'{text}' is not a whole number"))?;
    MinRespondents::new(k)
        .map(MinRespondents::get)
        .map_err(|e| e.to_string())
}

/// Timeouts, load limits and HSTS of `serve` (kept together: one block of flags).
#[derive(Debug, Clone, Args)]
pub struct LimitArgs {
    /// Answer an API request that takes longer than this with 503 `timeout` (seconds).
    #[arg(long, env = "RESAPI_REQUEST_TIMEOUT", default_value_t = 30)]
    pub request_timeout_secs: u64,
    /// API requests handled at once; more get 503 `busy` with Retry-After at once.
    #[arg(long, env = "RESAPI_MAX_IN_FLIGHT", default_value_t = 1024)]
    pub max_in_flight: usize,
    /// How long a write waits for the database lock before answering 503 `busy` (ms).
    #[arg(long, env = "RESAPI_BUSY_TIMEOUT_MS", default_value_t = 10_000)]
    pub busy_timeout_ms: u64,
    /// On SIGTERM or Ctrl-C: stop accepting, let requests in flight finish for at most this
    /// long, then exit anyway (seconds).
    #[arg(long, env = "RESAPI_SHUTDOWN_GRACE", default_value_t = 20)]
    pub shutdown_grace_secs: u64,
    /// Send Strict-Transport-Security: only when the site is reached over HTTPS (a TLS
    /// reverse proxy in front).
    #[arg(long, env = "RESAPI_HSTS")]
    pub hsts: bool,
    /// Most players in all running live quizzes together (each game also has its own cap).
    #[arg(long, env = "RESAPI_LIVE_MAX_PLAYERS", default_value_t = 20_000)]
    pub live_max_players: u32,
    /// New live quiz players per client address per minute (a hall behind one NAT
    /// address reaching a cloud server may need more).
    #[arg(long, env = "RESAPI_LIVE_JOINS_PER_MINUTE", default_value_t = 600)]
    pub live_joins_per_minute: usize,
    /// Behind a load balancer: the last digits of this process's live quiz codes (e.g.
    /// 01234 here, 56789 on the other), by which the balancer routes a game's requests to
    /// the process that holds it (docs/deploy.md). Default: all ten (one process).
    #[arg(
        long,
        env = "RESAPI_LIVE_CODE_ENDINGS",
        value_name = "DIGITS",
        default_value = "0123456789",
        value_parser = parse_code_endings
    )]
    pub live_code_endings: crate::live::CodeEndings,
}

fn parse_code_endings(text: &str) -> Result<crate::live::CodeEndings, String> {
    crate::live::CodeEndings::parse(text).map_err(|e| e.to_string())
}

#[derive(Debug, Clone, Args)]
pub struct CreateAdminArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Units are read from here so the admin's unit exists before the first `serve`.
    #[command(flatten)]
    pub content: ContentArg,
    #[arg(long)]
    pub nip: String,
    #[arg(long)]
    pub name: String,
    /// Unit id from units.toml.
    #[arg(long)]
    pub unit: String,
}

#[derive(Debug, Clone, Args)]
pub struct GrantRoleArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub nip: String,
    /// employee, trainer, unit_admin or admin.
    #[arg(long, value_parser = parse_role)]
    pub role: Role,
}

#[derive(Debug, Clone, Args)]
pub struct ResetPasswordArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub nip: String,
}

#[derive(Debug, Clone, Args)]
pub struct CheckContentArgs {
    #[command(flatten)]
    pub content: ContentArg,
    /// Also require a complete release (30 questions per value, all questionnaires,
    /// modules and mappings), not only what the server needs to start.
    #[arg(long)]
    pub release: bool,
    /// Report answer cues (a cue far more common in keys than in wrong options, or keys an
    /// option-only model can pick) as warnings instead of errors, while a bank is being
    /// rewritten.
    #[arg(long)]
    pub allow_cues: bool,
}

#[derive(Debug, Clone, Args)]
#[group(required = true, multiple = false)]
pub struct RosterSource {
    /// The roster file (CSV, or the first sheet of an XLSX, with a header row: NIP, name,
    /// unit). Replaces the whole roster.
    pub file: Option<PathBuf>,
    /// Remove the roster: registration is open to any valid NIP again.
    #[arg(long)]
    pub clear: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ImportRosterArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Units are read from here to check the roster's unit column.
    #[command(flatten)]
    pub content: ContentArg,
    #[command(flatten)]
    pub source: RosterSource,
}

#[derive(Debug, Clone, Args)]
pub struct ResetAccountArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub nip: String,
}

#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// The new file to write (refused if it exists).
    #[arg(long)]
    pub to: PathBuf,
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s)
        .ok_or_else(|| format!("unknown role `{s}`: use employee, trainer, unit_admin or admin"))
}

/// A failed command: the message is printed and the process exits with 1.
type CmdResult = Result<(), String>;

/// Runs the parsed command line; returns the process exit code.
pub async fn run(cli: Cli) -> ExitCode {
    init_tracing();
    if let Some(path) = cli.command.as_ref().and_then(Command::admin_db)
        && crate::demo::file_is_demo(path).await
    {
        eprintln!("{}", crate::demo::admin_warning(path));
    }
    let result = match cli.command {
        None => serve(cli.serve).await,
        Some(Command::Serve(args)) => serve(args).await,
        Some(Command::CreateAdmin(args)) => create_admin(args).await,
        Some(Command::GrantRole(args)) => grant_role(args).await,
        Some(Command::ResetPassword(args)) => reset_password(args).await,
        Some(Command::CheckContent(args)) => {
            check_content(&args.content.content, args.release, args.allow_cues)
        }
        Some(Command::ImportRoster(args)) => import_roster(args).await,
        Some(Command::ResetAccount(args)) => reset_account(args).await,
        Some(Command::Backup(args)) => backup(args).await,
        Some(Command::EraseAccount(args)) => erase_account(args).await,
        Some(Command::Demo(args)) => crate::demo::command::run(args).await,
        Some(Command::MigrateToPostgres(args)) => migrate_to_postgres(args).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // try_: a second init (tests) must not panic.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only on a terminal: a log file or journald gets plain lines.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

async fn serve(args: ServeArgs) -> CmdResult {
    let limits = &args.limits;
    let mut state = AppState::open_with(
        &args.db.db,
        &args.content.content,
        &args.dist,
        Duration::from_millis(limits.busy_timeout_ms),
    )
    .await
    .map_err(|e| e.to_string())?;
    crate::demo::announce(&state.store).await;
    let config = http::ServeConfig {
        request_timeout: Duration::from_secs(limits.request_timeout_secs.max(1)),
        max_in_flight: limits.max_in_flight.max(1),
        hsts: limits.hsts,
    };
    let grace = Duration::from_secs(limits.shutdown_grace_secs);
    state.trusted_proxies = Arc::new(TrustedProxies::new(args.trusted_proxies.clone()));
    state.k = MinRespondents::new(args.min_respondents).map_err(|e| e.to_string())?;
    if let Some(file) = &args.clock_offset_file {
        tracing::warn!(file = %file.display(), "the clock follows a test offset file");
        state.clock = state.clock.with_offset_file(file.clone());
    }
    state.live = Arc::new(crate::live::Live::new(crate::live::LiveSettings {
        max_players_total: limits.live_max_players.max(1),
        joins_per_minute: limits.live_joins_per_minute.max(1),
        code_endings: limits.live_code_endings,
        ..crate::live::LiveSettings::default()
    }));
    let sweeper = state::spawn_sweeper(&state, state::SWEEP_EVERY);
    let passwords = state.passwords.clone();
    // Compress the content bundle now, so the first phone to ask does not wait for it.
    let content = state.content.clone();
    tokio::spawn(async move { content.compressed().await.is_some() });
    if !args.dist.join("index.html").is_file() {
        tracing::warn!(dist = %args.dist.display(), "the web app is not built; serving the API only");
    }
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?;
    // No Nagle delay: a live quiz's small messages (an ack, then the player's status) go
    // out at once instead of waiting for the phone's delayed ACK (about 40 ms).
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "cannot set TCP_NODELAY");
        }
    });
    println!("Resapi listening on http://{addr}");
    tracing::info!(%addr, content_version = %state.content.bundle.version, "started");
    // The signal starts both the graceful shutdown and the clock of its deadline.
    let (stopping, stop) = tokio::sync::watch::channel(false);
    // With the peer address: the login limits count per client address.
    let app = http::app_with(state, &config).into_make_service_with_connect_info::<SocketAddr>();
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        shutdown_signal().await;
        let _ = stopping.send(true);
    });
    let deadline = async move {
        let mut stop = stop;
        if stop.wait_for(|s| *s).await.is_err() {
            std::future::pending::<()>().await;
        }
        tokio::time::sleep(grace).await;
    };
    tokio::select! {
        served = server => served.map_err(|e| format!("server error: {e}"))?,
        () = deadline => {
            // Requests still running are cut; their transactions roll back, and the
            // phones keep their records and resend them.
            tracing::warn!(grace_secs = grace.as_secs(), "requests still in flight at the shutdown deadline; stopping anyway");
        }
    }
    sweeper.abort();
    let hashing = passwords.stats();
    tracing::info!(
        password_hashes = hashing.runs,
        password_checks = hashing.verifications,
        password_hashes_at_once = hashing.peak_running,
        password_hashes_skipped = hashing.skipped,
        "stopped"
    );
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM; in-flight requests then finish before exit.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

async fn open_db(path: &Path) -> Result<Store, String> {
    Store::open(path).await.map_err(|e| e.to_string())
}

/// The password from RESAPI_PASSWORD, else one line from stdin (prompted on stderr).
fn read_password() -> Result<String, String> {
    if let Ok(p) = std::env::var("RESAPI_PASSWORD") {
        return Ok(p);
    }
    eprint!("Kata sandi (password): ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password: {e}"))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

fn parse_nip(input: &str) -> Result<Nip, String> {
    Nip::parse(input).map_err(|e| format!("{e} ({})", e.code()))
}

async fn find_account(db: &Store, nip: &Nip) -> Result<AccountRow, String> {
    db.account_by_nip(nip.as_str())
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no account with NIP {}", nip.display_grouped()))
}

async fn create_admin(args: CreateAdminArgs) -> CmdResult {
    let password = read_password()?;
    let form = RegisterRequest {
        nip: args.nip.clone(),
        name: args.name.clone(),
        password: password.clone(),
        unit_id: args.unit.clone(),
    };
    check_registration(&form)
        .map_err(|(field, code, message)| format!("{field}: {message} ({code})"))?;
    let nip = parse_nip(&args.nip)?;
    let db = open_db(&args.db.db).await?;
    let units = content::read_units(&args.content.content)?;
    db.sync_units(&units)
        .await
        .map_err(|e| format!("cannot store the units: {e}"))?;
    let unit = args.unit.trim();
    if !db.unit_is_active(unit).await.map_err(|e| e.to_string())? {
        return Err(format!("unknown unit `{unit}`: use an id from units.toml"));
    }
    let hash = Passwords::new(1)
        .hash(password)
        .await
        .map_err(|e| e.to_string())?;
    let row = db
        .create_account(NewAccount {
            nip: nip.as_str(),
            name: args.name.trim(),
            unit_id: unit,
            password_hash: &hash,
            roles: &[Role::Employee, Role::Admin],
        })
        .await
        .map_err(|e| match e {
            StoreError::NipTaken => format!(
                "NIP {} is already registered; use `grant-role --role admin`",
                nip.display_grouped()
            ),
            other => other.to_string(),
        })?;
    println!(
        "Admin created: {} ({}), id {}",
        row.name,
        nip.display_grouped(),
        row.id
    );
    Ok(())
}

async fn grant_role(args: GrantRoleArgs) -> CmdResult {
    let nip = parse_nip(&args.nip)?;
    let db = open_db(&args.db.db).await?;
    let row = find_account(&db, &nip).await?;
    let id = row.uuid().map_err(|e| e.to_string())?;
    db.grant_role(id, args.role)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "Role {} granted to {} ({})",
        args.role.as_str(),
        row.name,
        nip.display_grouped()
    );
    Ok(())
}

async fn reset_password(args: ResetPasswordArgs) -> CmdResult {
    let nip = parse_nip(&args.nip)?;
    let password = read_password()?;
    if password.chars().count() < resapi_core::api::MIN_PASSWORD_CHARS {
        return Err(format!(
            "Kata sandi minimal {} karakter.",
            resapi_core::api::MIN_PASSWORD_CHARS
        ));
    }
    let db = open_db(&args.db.db).await?;
    let row = find_account(&db, &nip).await?;
    let id = row.uuid().map_err(|e| e.to_string())?;
    let hash = Passwords::new(1)
        .hash(password)
        .await
        .map_err(|e| e.to_string())?;
    db.set_password(id, &hash)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "Password reset for {} ({}); their sessions have ended",
        row.name,
        nip.display_grouped()
    );
    Ok(())
}

fn check_content(dir: &Path, release: bool, allow_cues: bool) -> CmdResult {
    use resapi_core::validate::Requirements;
    let source = content::read(dir)
        .map_err(|errors| format!("content cannot be read:\n  {}", errors.join("\n  ")))?;
    print!(
        "{}",
        content::coverage_report(&source, Requirements::release())
    );
    let req = if release {
        Requirements::release()
    } else {
        Requirements::default()
    };
    let mut lines: Vec<String> = match resapi_core::validate::validate(&source.files, req) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    };
    // Answer cues fail the check (docs/question-bank.md) unless allowed while rewriting.
    let pool_problems = content::pool_cues(&source).problems();
    let cues: Vec<String> = content::answer_cues(&source)
        .problems()
        .iter()
        .map(ToString::to_string)
        .chain(
            pool_problems
                .iter()
                .map(|p| format!("competition pool: {p}")),
        )
        .collect();
    if allow_cues {
        for cue in &cues {
            eprintln!("warning: {cue}");
        }
    } else {
        lines.extend(cues);
    }
    if lines.is_empty() {
        let bundle = resapi_core::validate::assemble(&source.files, source.scoring.clone());
        println!("\nContent OK, version {}", bundle.version);
        Ok(())
    } else {
        Err(format!(
            "content has {} problem(s):\n  {}",
            lines.len(),
            lines.join("\n  ")
        ))
    }
}

// Roster, account release and backup (issue 8, accounts and the database file).

async fn import_roster(args: ImportRosterArgs) -> CmdResult {
    let db = open_db(&args.db.db).await?;
    let Some(file) = args.source.file else {
        let removed = db.clear_roster().await.map_err(|e| e.to_string())?;
        println!("Roster removed ({removed} people); registration is open to any valid NIP");
        return Ok(());
    };
    let bytes = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let units = content::read_units(&args.content.content)?;
    db.sync_units(&units)
        .await
        .map_err(|e| format!("cannot store the units: {e}"))?;
    let known = units.iter().map(|u| u.id.clone()).collect();
    let file_name = file.file_name().unwrap_or_default().to_string_lossy();
    let entries = roster_file::parse_file(&bytes, &file_name, &known).map_err(|e| {
        let errors = match e {
            RosterFileError::Unreadable(why) => return format!("{}: {why}", file.display()),
            RosterFileError::Rows(errors) => errors,
        };
        const SHOWN: usize = 100;
        let mut report = format!(
            "{} has {} row(s) in error; nothing was imported:",
            file.display(),
            errors.len()
        );
        for e in errors.iter().take(SHOWN) {
            report.push_str(&format!("\n  {e}"));
        }
        if errors.len() > SHOWN {
            report.push_str(&format!("\n  … and {} more", errors.len() - SHOWN));
        }
        report
    })?;
    let before = db
        .replace_roster(&entries)
        .await
        .map_err(|e| e.to_string())?;
    let unit_count = entries
        .iter()
        .map(|e| e.unit_id.as_str())
        .collect::<std::collections::HashSet<_>>()
        .len();
    println!(
        "Roster imported: {} people in {unit_count} unit(s) (it held {before}); \
         only NIPs on it can register now",
        entries.len()
    );
    Ok(())
}

async fn reset_account(args: ResetAccountArgs) -> CmdResult {
    let nip = parse_nip(&args.nip)?;
    let db = open_db(&args.db.db).await?;
    let released = db.release_nip(nip.as_str()).await.map_err(|e| match e {
        StoreError::NoSuchAccount => {
            format!("no account with NIP {}", nip.display_grouped())
        }
        other => other.to_string(),
    })?;
    println!(
        "NIP {} released: its owner can register it now. The account of {} (id {}) can no \
         longer log in; {} session(s) ended; its {} record(s) are kept with it.",
        nip.display_grouped(),
        released.name,
        released.account_id,
        released.sessions_ended,
        released.records_kept
    );
    Ok(())
}

async fn backup(args: BackupArgs) -> CmdResult {
    let db = Store::open_existing(&args.db.db)
        .await
        .map_err(|e| e.to_string())?;
    let summary = db.backup(&args.to).await.map_err(|e| e.to_string())?;
    db.close().await;
    println!(
        "Backup written to {}: {} account(s), {} record(s), {} KiB; checked",
        args.to.display(),
        summary.accounts,
        summary.records,
        summary.bytes.div_ceil(1024)
    );
    Ok(())
}

#[derive(Debug, Clone, Args)]
pub struct MigrateToPostgresArgs {
    /// The SQLite file to move (stop the server first: records synced meanwhile stay behind).
    #[arg(long)]
    pub from: PathBuf,
    /// The new, empty PostgreSQL database (postgres://user@host/name).
    #[arg(long)]
    pub to: String,
}

async fn migrate_to_postgres(args: MigrateToPostgresArgs) -> CmdResult {
    if !args.to.starts_with("postgres://") && !args.to.starts_with("postgresql://") {
        return Err(format!("--to must be a postgres:// URL, not {}", args.to));
    }
    if !args.from.is_file() {
        return Err(format!("no SQLite database at {}", args.from.display()));
    }
    let from = open_db(&args.from).await?;
    let to = open_db(Path::new(&args.to)).await?;
    let moved = from
        .copy_into_postgres(&to)
        .await
        .map_err(|e| e.to_string());
    from.close().await;
    to.close().await;
    let moved = moved?;
    println!(
        "Moved to PostgreSQL and checked: {}",
        crate::store::transfer::summary(&moved)
    );
    Ok(())
}

// -- personal data (erasure) --

#[derive(Debug, Clone, Args)]
pub struct EraseAccountArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub nip: String,
    /// Really erase (it cannot be undone); without it the command only reports.
    #[arg(long)]
    pub yes: bool,
}

/// Erases an account on a person's request. The count of records is shown first and
/// nothing happens without `--yes`: an erasure cannot be undone.
async fn erase_account(args: EraseAccountArgs) -> CmdResult {
    let nip = parse_nip(&args.nip)?;
    let db = open_db(&args.db.db).await?;
    let row = find_account(&db, &nip).await?;
    let id = row.uuid().map_err(|e| e.to_string())?;
    if !args.yes {
        let records = db.record_count(id).await.map_err(|e| e.to_string())?;
        return Err(format!(
            "this would erase {} ({}) with {records} record(s); nothing was changed. \
             Run again with --yes to erase (it cannot be undone)",
            row.name,
            nip.display_grouped()
        ));
    }
    let erased = db.erase_account(id).await.map_err(|e| e.to_string())?;
    println!(
        "Erased {} ({}): {} record(s), {} session(s). Aggregates already published are not affected.",
        row.name,
        nip.display_grouped(),
        erased.records,
        erased.sessions
    );
    Ok(())
}
