//! Exports: the analysis as JSON, the people and organisations as CSV, the outline as
//! Markdown, the document as a `.gangmu` file; and the two lists copied as text.

use yew::prelude::*;

use super::AppContext;
use crate::browser::{copy_text, download};
use crate::export::{
    analysis_json, file_stem, organizations_csv, organizations_text, outline_markdown, people_csv,
    people_text,
};
use crate::recent::title_of;
use crate::state::{Action, Panel};

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Json,
    PeopleCsv,
    OrgsCsv,
    Markdown,
    Gangmu,
}

#[function_component]
pub fn ExportPanel() -> Html {
    let state = use_context::<AppContext>().expect("AppContext");
    let t = state.ui.strings();
    let message = use_state_eq(String::new);

    let save = |kind: Kind| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let a = &state.doc.analysis;
            let title = title_of(&state.doc.text);
            let stem = file_stem(&title);
            let (name, mime, body) = match kind {
                Kind::Json => (format!("{stem}.json"), "application/json", analysis_json(a)),
                Kind::PeopleCsv => (
                    format!("{stem}-people.csv"),
                    "text/csv;charset=utf-8",
                    people_csv(a),
                ),
                Kind::OrgsCsv => (
                    format!("{stem}-organizations.csv"),
                    "text/csv;charset=utf-8",
                    organizations_csv(a),
                ),
                Kind::Markdown => (
                    format!("{stem}.md"),
                    "text/markdown;charset=utf-8",
                    outline_markdown(a, &title),
                ),
                Kind::Gangmu => (
                    format!("{}.gangmu", file_stem(&title_of(&state.input))),
                    "application/json",
                    state.shared().to_file(),
                ),
            };
            download(&name, mime, &body);
        })
    };
    let copy = |people: bool| {
        let state = state.clone();
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let a = &state.doc.analysis;
            let text = if people {
                people_text(a)
            } else {
                organizations_text(a)
            };
            let message = message.clone();
            let t = state.ui.strings();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = copy_text(&text).await;
                message.set(if ok { t.copied.into() } else { String::new() });
            });
        })
    };
    let close = state
        .dispatcher()
        .to_callback()
        .reform(|_: MouseEvent| Action::TogglePanel(Panel::Export));
    let button = |testid: &'static str, label: &'static str, onclick: Callback<MouseEvent>| {
        html! {
            <button type="button" class="btn" data-testid={testid} {onclick}>{ label }</button>
        }
    };

    html! {
        <section id="panel-export" class="panel" aria-labelledby="export-h">
            <div class="panel-head">
                <h2 id="export-h" class="panel-title">{ t.export }</h2>
                <button type="button" class="btn btn-small" onclick={close}
                    aria-label={t.close}>{ "×" }</button>
            </div>
            <div class="export-buttons">
                { button("export-json", t.export_json, save(Kind::Json)) }
                { button("export-people-csv", t.export_people_csv, save(Kind::PeopleCsv)) }
                { button("export-orgs-csv", t.export_orgs_csv, save(Kind::OrgsCsv)) }
                { button("export-markdown", t.export_markdown, save(Kind::Markdown)) }
                { button("export-gangmu", t.export_gangmu, save(Kind::Gangmu)) }
            </div>
            <div class="export-buttons">
                { button("copy-people", t.copy_people, copy(true)) }
                { button("copy-orgs", t.copy_orgs, copy(false)) }
                <span class="copy-status" role="status" aria-live="polite">{ (*message).clone() }</span>
            </div>
            <p class="panel-hint">{ t.export_hint }</p>
        </section>
    }
}
