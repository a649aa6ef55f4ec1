//! The root: owns the reducer, saves the plan after every change, and lays out the page.
use yew::prelude::*;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;

use crate::domain::storage::{usage_permille, STAMP_KEY, WARN_PERMILLE};
use crate::web::files::files_of;

use super::banners::{CorruptBanner, StaleBanner, StorageBanner};
use super::board::PipelineBoard;
use super::context::Dispatch;
use super::deal_dialog::DealDialog;
use super::deal_list::DealList;
use super::empty_state::EmptyState;
use super::export_dialog::ExportDialog;
use super::forecast_view::ForecastView;
use super::header::Header;
use super::import_dialog::{restore_before_import, start_import, ImportDialog};
use super::method_editor::MethodEditor;
use super::override_dialog::OverrideDialog;
use super::startup::{external_update, initial_state, save_plan, save_prefs};
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
                dispatch.dispatch(save_plan(&state.plan, state.stamp.as_deref()));
            }
        });
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let key = event
                        .dyn_ref::<web_sys::StorageEvent>()
                        .and_then(|e| e.key());
                    // a save writes the plan, then the stamp; `None` is a clear()
                    if key.is_none() || key.as_deref() == Some(STAMP_KEY) {
                        dispatch.dispatch(external_update(false));
                    }
                })
            });
            move || drop(listener)
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

    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        }
    };
    let ondragleave = {
        let dragging = dragging.clone();
        move |e: DragEvent| {
            if e.related_target().is_none() {
                dragging.set(false);
            }
        }
    };
    let ondrop = {
        let (dragging, dispatch) = (dragging.clone(), dispatch.clone());
        move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = e
                .data_transfer()
                .and_then(|d| d.files())
                .map(|list| files_of(&list))
                .unwrap_or_default();
            start_import(&dispatch, files);
        }
    };

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
        Persistence::Stale => html! { <StaleBanner {lang} plan={plan.clone()} /> },
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
    let import = match &state.import {
        Some(files) => html! { <ImportDialog {lang} plan={plan.clone()} files={files.clone()} /> },
        None => html! {},
    };
    let export = if state.exporting {
        html! { <ExportDialog {lang} plan={plan.clone()} /> }
    } else {
        html! {}
    };
    let restore = if state.restorable {
        let (restore, dismiss) = (dispatch.clone(), dispatch.clone());
        html! {
            <section class="banner info" role="status" data-testid="import-done">
                <p>{ lang.texts().imported_notice }</p>
                <div class="banner-actions">
                    <button type="button" data-testid="restore-import" onclick={move |_| restore_before_import(&restore)}>
                        { lang.texts().restore_before_import }
                    </button>
                    <button type="button" class="ghost" onclick={move |_| dismiss.dispatch(Action::DismissRestore)}>{ lang.texts().dismiss }</button>
                </div>
            </section>
        }
    } else {
        html! {}
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
            <div class={classes!("app", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <Header {lang} view={state.view} plan={plan.clone()} blocked={state.is_blocked()} />
            { storage_banner }
            { restore }
            if !state.is_blocked() && !plan.deals.is_empty() {
                <SummaryLine {lang} plan={plan.clone()} />
            }
            <main id="main">{ main }</main>
            <footer class="privacy">
                <span>{ lang.texts().privacy }</span>
                if let Some(chars) = state.usage {
                    <span class={classes!("usage", (usage_permille(chars) >= WARN_PERMILLE).then_some("high"))} data-testid="storage-usage">
                        { lang.storage_usage(chars) }
                    </span>
                }
            </footer>
            { editor }
            { blocked }
            { import }
            { export }
            { undo }
            if *dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ lang.texts().drop_here }</p></div>
            }
            </div>
        </ContextProvider<Dispatch>>
    }
}
