//! The roster import: choose a CSV or XLSX file, see the server's preview (every row's
//! outcome with its line, the problems with their lines, a summary), and "Impor" only when
//! every row is valid. The server imports nothing while any row is wrong; the screen says so.

use crate::api::ApiError;
use crate::console::api;
use crate::console::i18n::{self, roster_status};
use crate::console::problem::Problem;
use crate::console::state::use_console;
use leptos::prelude::*;
use leptos::task::spawn_local;
use resapi_core::admin::{RosterReport, RosterRowStatus};
use wasm_bindgen::JsCast;

/// Where the import is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Waiting for the server's preview or import.
    Checking,
    Importing,
    Idle,
}

/// The content type for the server, by the file's extension (a spreadsheet program may
/// label a CSV `application/vnd.ms-excel`).
fn content_type(file: &web_sys::File) -> Option<&'static str> {
    let name = file.name().to_lowercase();
    if name.ends_with(".csv") || name.ends_with(".txt") {
        Some(api::CSV)
    } else if name.ends_with(".xlsx") {
        Some(api::XLSX)
    } else {
        None
    }
}

#[component]
pub fn RosterImportPage() -> impl IntoView {
    let console = use_console();
    // A browser `File` stays in this thread.
    let file = RwSignal::new_local(None::<web_sys::File>);
    let report = RwSignal::new(None::<RosterReport>);
    let imported = RwSignal::new(None::<RosterReport>);
    let step = RwSignal::new(Step::Idle);
    let error = RwSignal::new(None::<ApiError>);
    let wrong_type = RwSignal::new(false);
    let send = Callback::new(move |preview: bool| {
        let Some(token) = console.token() else { return };
        let Some(chosen) = file.get_untracked() else {
            return;
        };
        let Some(kind) = content_type(&chosen) else {
            wrong_type.set(true);
            return;
        };
        step.set(if preview {
            Step::Checking
        } else {
            Step::Importing
        });
        error.set(None);
        spawn_local(async move {
            match api::roster(&token, &chosen, kind, preview).await {
                Ok(answer) if answer.imported => {
                    report.set(None);
                    imported.set(Some(answer));
                }
                Ok(answer) => report.set(Some(answer)),
                Err(e) => {
                    console.failed(&e);
                    error.set(Some(e));
                }
            }
            step.set(Step::Idle);
        });
    });
    let on_file = move |ev: leptos::ev::Event| {
        let chosen = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        wrong_type.set(chosen.as_ref().is_some_and(|f| content_type(f).is_none()));
        report.set(None);
        imported.set(None);
        error.set(None);
        let any = chosen.is_some();
        file.set(chosen);
        // Every row's outcome at once: the preview changes nothing.
        if any && !wrong_type.get_untracked() {
            send.run(true);
        }
    };
    let all_valid = move || {
        report.with(|r| {
            r.as_ref()
                .is_some_and(|r| r.problems.is_empty() && !r.rows.is_empty())
        })
    };
    let busy = move || step.get() != Step::Idle;
    view! {
        <div class="page console-page">
            <h1>{move || console.tr().roster_title}</h1>
            <p>{move || console.tr().roster_intro}</p>
            <p class="banner banner-info roster-rule" data-testid="roster-rule">{move || console.tr().roster_rule}</p>
            <div class="field">
                <label for="roster-file">{move || console.tr().roster_file}</label>
                <p class="hint" id="roster-file-hint">{move || console.tr().roster_file_hint}</p>
                <input id="roster-file" type="file" aria-describedby="roster-file-hint"
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    on:change=on_file data-testid="roster-file" />
            </div>
            <Show when=move || wrong_type.get()>
                <p class="form-error" role="alert">{move || console.tr().roster_wrong_type}</p>
            </Show>
            <p role="status" class="console-loading" aria-busy=move || busy().to_string() data-testid="roster-progress">
                {move || match step.get() {
                    Step::Checking => Some(console.tr().roster_checking),
                    Step::Importing => Some(console.tr().roster_importing),
                    Step::Idle => None,
                }}
                {move || busy().then(|| view! { <progress class="roster-progress" aria-hidden="true"></progress> })}
            </p>
            <Problem error=error retry=Callback::new(move |_| send.run(true)) />
            {move || imported.get().map(|r| view! {
                <div class="banner banner-info roster-done" role="status" data-testid="roster-done">
                    <p><strong>{console.tr().roster_done}</strong></p>
                    <p>{i18n::roster_counts(console.lang.get(), &r)}</p>
                </div>
            })}
            {move || report.get().map(|r| view! { <Preview report=r /> })}
            <div class="form-actions">
                <button type="button" class="btn btn-secondary" disabled=move || busy() || file.with(Option::is_none)
                    on:click=move |_| send.run(true)>
                    {move || console.tr().roster_check_again}
                </button>
                <button type="button" class="btn btn-primary" data-testid="roster-import"
                    disabled=move || busy() || !all_valid()
                    aria-describedby="roster-import-why"
                    on:click=move |_| send.run(false)>
                    {move || console.tr().roster_import}
                </button>
            </div>
            <p id="roster-import-why" class="hint">
                {move || (!all_valid() && imported.with(Option::is_none)).then(|| console.tr().roster_import_disabled)}
            </p>
        </div>
    }
}

/// The preview: a summary, the problems by line, every row's outcome.
#[component]
fn Preview(report: RosterReport) -> impl IntoView {
    let console = use_console();
    let lang = console.lang.get_untracked();
    let t = i18n::tr(lang);
    let problems = report.problems.clone();
    let has_problems = !problems.is_empty();
    view! {
        <section class="roster-preview" aria-labelledby="roster-preview-title" data-testid="roster-preview">
            <h2 id="roster-preview-title">{t.roster_preview}</h2>
            <p data-testid="roster-summary">{i18n::roster_summary(lang, &report)}</p>
            {has_problems.then(|| view! {
                <div class="form-error" data-testid="roster-problems">
                    <h3>{i18n::roster_problem_count(lang, problems.len())}</h3>
                    <ul>
                        {problems.into_iter().map(|p| view! {
                            <li data-testid="roster-problem" data-line=p.line>{i18n::at_line(lang, p.line)} ": " {p.message}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <div class="table-scroll">
                <table class="roster-rows">
                    <caption>{t.roster_rows_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.roster_line}</th>
                            <th scope="col">{t.roster_status}</th>
                            <th scope="col">"NIP"</th>
                            <th scope="col">{t.roster_name}</th>
                            <th scope="col">{t.roster_unit}</th>
                            <th scope="col">{t.roster_note}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {report.rows.into_iter().map(|row| {
                            let wrong = row.status == RosterRowStatus::Error;
                            view! {
                                <tr class:row-error=wrong data-testid="roster-row" data-line=row.line>
                                    <td>{row.line}</td>
                                    <td>{roster_status(lang, row.status)}</td>
                                    <td>{row.nip.unwrap_or_default()}</td>
                                    <td>{row.name.unwrap_or_default()}</td>
                                    <td>{row.unit_id.unwrap_or_default()}</td>
                                    <td>{row.errors.join("; ")}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
