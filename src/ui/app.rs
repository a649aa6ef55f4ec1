//! The root: owns the reducer, saves the plan after every change, and lays out the page.
use yew::prelude::*;

use crate::domain::storage::{encode, PLAN_KEY};
use crate::web::{clock, storage};

use super::banners::{CorruptBanner, StorageBanner};
use super::board::PipelineBoard;
use super::context::Dispatch;
use super::deal_dialog::DealDialog;
use super::deal_list::DealList;
use super::empty_state::EmptyState;
use super::forecast_view::ForecastView;
use super::header::Header;
use super::method_editor::MethodEditor;
use super::override_dialog::OverrideDialog;
use super::startup::{initial_state, save_prefs};
use super::state::{Action, Editing, Persistence, View};
use super::summary_line::SummaryLine;
use super::undo_toast::UndoToast;

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let dispatch: Dispatch = state.dispatcher();

    {
        let state = state.clone();
        let dispatch = dispatch.clone();
        use_effect_with(state.revision, move |revision| {
            if *revision > 0 && !state.is_blocked() {
                let result = storage::write(PLAN_KEY, &encode(&state.plan, clock::now()));
                dispatch.dispatch(Action::Saved(result));
            }
        });
    }
    use_effect_with((state.lang, state.view), |(lang, view)| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
        save_prefs(*lang, *view);
    });

    let lang = state.lang;
    let plan = state.plan.clone();
    let main = if let Persistence::Blocked {
        raw,
        why,
        backup_saved,
    } = &state.persistence
    {
        html! { <CorruptBanner {lang} raw={raw.clone()} why={why.clone()} backup_saved={*backup_saved} /> }
    } else if plan.deals.is_empty() {
        html! { <EmptyState {lang} /> }
    } else {
        match state.view {
            View::Board => html! { <PipelineBoard {lang} plan={plan.clone()} /> },
            View::List => html! { <DealList {lang} plan={plan.clone()} sort={state.sort} /> },
            View::Forecast => html! { <ForecastView {lang} plan={plan.clone()} /> },
            View::Method => html! {
                <MethodEditor {lang} plan={plan.clone()} error={state.method_error.as_ref().map(|e| lang.method_error(e))} />
            },
        }
    };
    let storage_banner = match &state.persistence {
        Persistence::Failed(error) => {
            html! { <StorageBanner {lang} plan={plan.clone()} error={error.clone()} /> }
        }
        _ => html! {},
    };
    let editor = match &state.editing {
        Some(Editing::New(id)) => {
            html! { <DealDialog key={id.as_str().to_string()} {lang} plan={plan.clone()} id={id.clone()} is_new=true /> }
        }
        Some(Editing::Existing(id)) => {
            html! { <DealDialog key={id.as_str().to_string()} {lang} plan={plan.clone()} id={id.clone()} is_new=false /> }
        }
        None => html! {},
    };
    let blocked = match &state.blocked_move {
        Some(blocked) => {
            html! { <OverrideDialog {lang} plan={plan.clone()} blocked={blocked.clone()} /> }
        }
        None => html! {},
    };
    let undo = match &state.undo {
        Some((seq, removed)) => {
            html! { <UndoToast {lang} seq={*seq} name={removed.deal.name.clone()} /> }
        }
        None => html! {},
    };

    html! {
        <ContextProvider<Dispatch> context={dispatch}>
            <Header {lang} view={state.view} plan={plan.clone()} blocked={state.is_blocked()} />
            { storage_banner }
            if !state.is_blocked() && !plan.deals.is_empty() {
                <SummaryLine {lang} plan={plan.clone()} />
            }
            <main id="main">{ main }</main>
            <footer class="privacy">{ lang.texts().privacy }</footer>
            { editor }
            { blocked }
            { undo }
        </ContextProvider<Dispatch>>
    }
}
