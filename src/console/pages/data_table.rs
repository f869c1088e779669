//! A table of figures as the console's screens show them: scrolling sideways in its own
//! box on a narrow screen, a caption for screen readers, column headers with their scope.

use leptos::prelude::*;

pub struct DataTable {
    pub testid: &'static str,
    /// Extra classes beside `dash-table`.
    pub class: &'static str,
    pub caption: Option<String>,
    pub headers: Vec<&'static str>,
}

impl DataTable {
    pub fn new(testid: &'static str, headers: Vec<&'static str>) -> DataTable {
        DataTable {
            testid,
            class: "",
            caption: None,
            headers,
        }
    }

    pub fn caption(self, caption: impl Into<String>) -> DataTable {
        DataTable {
            caption: Some(caption.into()),
            ..self
        }
    }

    pub fn class(self, class: &'static str) -> DataTable {
        DataTable { class, ..self }
    }

    /// The table with `rows` (its `<tr>`s) and an optional `<tfoot>` row.
    pub fn view(self, rows: impl IntoView, foot: Option<AnyView>) -> AnyView {
        let headers = self
            .headers
            .into_iter()
            .map(|h| view! { <th scope="col">{h}</th> })
            .collect_view();
        let class = format!("dash-table {}", self.class);
        view! {
            <div class="dash-table-wrap">
                <table class=class.trim().to_owned() data-testid=self.testid>
                    {self.caption.map(|c| view! { <caption>{c}</caption> })}
                    <thead><tr>{headers}</tr></thead>
                    <tbody>{rows}</tbody>
                    {foot.map(|f| view! { <tfoot>{f}</tfoot> })}
                </table>
            </div>
        }
        .into_any()
    }
}
