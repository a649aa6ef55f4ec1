//! The workshop view: prepare the tables' copies, open their plans into a comparison.
use std::rc::Rc;

use yew::prelude::*;

use super::comparison::comparison_view;
use super::prepare::PreparePanel;
use crate::domain::plan_file::Unreadable;
use crate::domain::workshop::compare::{compare, TableFile};
use crate::i18n::Lang;
use crate::session::{Action, PlanRef, Workshop, WorkshopEdit};
use crate::ui::common::context::{use_dispatch, Dispatch};
use crate::ui::common::store::use_store;
use crate::web::{bench, clock, files};

#[derive(Properties, PartialEq)]
pub struct WorkshopViewProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub workshop: Option<Rc<Workshop>>,
}

/// Reads the picked files one by one and opens them as a comparison: a file that cannot be read
/// is listed with why and stops none of the others.
fn compare_files(dispatch: Dispatch, picked: Vec<web_sys::File>) {
    if picked.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut tables = Vec::with_capacity(picked.len());
        let mut unreadable: Vec<(String, Unreadable)> = Vec::new();
        for file in &picked {
            match files::read_plan_file(file).await {
                (file, Ok(parsed)) => tables.push(TableFile {
                    file,
                    plan: parsed.plan,
                }),
                (file, Err(why)) => unreadable.push((file, why)),
            }
        }
        bench::mark("keyplan-compare-read");
        let comparison = compare(&tables, clock::today(), &chrono::Local);
        bench::mark("keyplan-compare-done");
        dispatch.dispatch(Action::Workshop(WorkshopEdit::Compared {
            comparison,
            unreadable,
        }));
    });
}

#[component]
pub fn WorkshopView(props: &WorkshopViewProps) -> Html {
    let dispatch = use_dispatch();
    let store = use_store();
    let t = props.lang.texts();
    let picker = use_node_ref();
    let pick = {
        let picker = picker.clone();
        move |_| {
            if let Some(input) = picker.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        }
    };
    let picked = {
        let dispatch = dispatch.clone();
        move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let chosen = input
                .files()
                .map(|list| files::files_of(&list))
                .unwrap_or_default();
            compare_files(dispatch.clone(), chosen);
            input.set_value("");
        }
    };
    html! {
        <section class="workshop" data-testid="workshop-view">
            <PreparePanel lang={props.lang} plan={props.plan.clone()} />
            <section class="ws-panel ws-open" aria-labelledby="ws-compare-title">
                <h2 id="ws-compare-title">{ t.ws_compare_title }</h2>
                <p class="hint">{ t.ws_compare_intro }</p>
                <button type="button" class="primary" data-testid="ws-open" onclick={pick}>{ t.ws_open_files }</button>
                <input type="file" ref={picker} class="sr-only" tabindex="-1" aria-hidden="true" data-testid="ws-input"
                    multiple=true accept=".json,application/json" onchange={picked} />
            </section>
            if let Some(workshop) = &props.workshop {
                { comparison_view(props.lang, workshop, &dispatch, &store) }
            }
        </section>
    }
}
