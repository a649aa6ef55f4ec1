//! The root: owns the reducer, runs the store effects, and lays out the page around the one
//! main view and the one open dialog.
use std::rc::Rc;

use yew::prelude::*;

use super::banners::{CorruptBanner, RestoreBanner, StaleBanner, StorageBanner};
use super::empty_state::EmptyState;
use super::footer::Footer;
use super::header::Header;
use super::summary_line::SummaryLine;
use super::undo_toast::UndoToast;
use crate::domain::filter::Filter;
use crate::session::{Dialog, Persistence, View};
use crate::ui::board::deal_list::DealList;
use crate::ui::board::pipeline::PipelineBoard;
use crate::ui::common::context::Dispatch;
use crate::ui::common::shared::Shared;
use crate::ui::common::store::{initial_session, use_store, use_store_effects};
use crate::ui::deal::close_dialog::CloseDialog;
use crate::ui::deal::conflict_dialog::ConflictDialog;
use crate::ui::deal::dialog::DealDialog;
use crate::ui::deal::form::Suggestions;
use crate::ui::deal::override_dialog::OverrideDialog;
use crate::ui::forecast::view::ForecastView;
use crate::ui::method::editor::MethodEditor;
use crate::ui::transfer::backups_dialog::BackupsDialog;
use crate::ui::transfer::export_dialog::ExportDialog;
use crate::ui::transfer::import_dialog::ImportDialog;
use crate::ui::workshop::exercise_banner::exercise_banner;
use crate::ui::workshop::view::WorkshopView;
use crate::web::files::files_of;

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_session);
    use_store_effects(&state);
    crate::ui::projector::use_projector(&state);
    let dispatch: Dispatch = state.dispatcher();
    let lang = state.lang;
    let plan = state.plan.clone();
    // worked out over every deal only while a deal's form is open, not at every change (an
    // import of 10,000 deals, say)
    let editing = matches!(
        state.dialog,
        Some(Dialog::NewDeal(_) | Dialog::Deal { .. } | Dialog::Gone { .. })
    );
    let suggestions = use_memo((plan.clone(), editing), |(plan, editing)| {
        if *editing {
            Suggestions::of(plan)
        } else {
            Suggestions::default()
        }
    });

    let main = if let Persistence::Blocked {
        raw,
        why,
        backup_saved,
    } = &state.persistence
    {
        html! { <CorruptBanner {lang} raw={raw.clone()} why={why.clone()} backup_saved={*backup_saved} /> }
    } else if state.view == View::Workshop {
        html! { <WorkshopView {lang} plan={plan.clone()} workshop={state.workshop.clone()} /> }
    } else if plan.deals.is_empty() {
        html! { <EmptyState {lang} /> }
    } else {
        match state.view {
            View::Board => {
                html! { <PipelineBoard {lang} plan={plan.clone()} touched={state.touched.clone()} /> }
            }
            View::List => {
                html! { <DealList {lang} plan={plan.clone()} sort={state.sort} touched={state.touched.clone()} /> }
            }
            View::Forecast => {
                html! { <ForecastView {lang} plan={plan.clone()} filter={state.filter.clone()} /> }
            }
            View::Method => html! {
                <MethodEditor {lang} method={Shared(plan.method.clone())} error={state.method_error.clone()} />
            },
            View::Workshop => html! {},
        }
    };
    let banner = match &state.persistence {
        Persistence::Failed(error) => {
            html! { <StorageBanner {lang} plan={plan.clone()} error={error.clone()} /> }
        }
        Persistence::Stale => html! { <StaleBanner {lang} plan={plan.clone()} /> },
        _ => html! {},
    };
    let dialog = match &state.dialog {
        Some(Dialog::NewDeal(id)) => html! {
            <DealDialog key={id.as_str().to_string()} {lang} id={id.clone()} deal={None::<Rc<_>>}
                tab={crate::session::DealTab::Details} method={Shared(plan.method.clone())}
                currency={plan.currency.clone()} suggestions={Shared(suggestions.clone())} />
        },
        Some(Dialog::Deal { id, tab }) => match plan.deal_rc(id) {
            Some(deal) => html! {
                <DealDialog key={id.as_str().to_string()} {lang} id={id.clone()} deal={Some(deal.clone())}
                    tab={*tab} method={Shared(plan.method.clone())} currency={plan.currency.clone()}
                    suggestions={Shared(suggestions.clone())} />
            },
            None => html! {},
        },
        Some(Dialog::Blocked(blocked)) => {
            let name = plan
                .deal(&blocked.id)
                .map(|d| d.name.clone())
                .unwrap_or_default();
            html! { <OverrideDialog {lang} blocked={blocked.clone()} deal_name={name} method={Shared(plan.method.clone())} /> }
        }
        Some(Dialog::Close { id, outcome }) => match plan.deal_rc(id) {
            Some(deal) => html! {
                <CloseDialog key={id.as_str().to_string()} {lang} deal={deal.clone()} outcome={*outcome}
                    method={Shared(plan.method.clone())} currency={plan.currency.clone()} />
            },
            None => html! {},
        },
        Some(Dialog::Import(files)) => {
            html! { <ImportDialog {lang} plan={plan.clone()} files={Shared(files.clone())} /> }
        }
        Some(Dialog::ImportTable(table)) => {
            html! { <ImportDialog {lang} plan={plan.clone()} files={Shared(Rc::new(Vec::new()))} table={Some(Shared(table.clone()))} /> }
        }
        Some(Dialog::Export) => html! { <ExportDialog {lang} plan={plan.clone()} /> },
        Some(Dialog::Backups) => html! { <BackupsDialog {lang} plan={plan.clone()} /> },
        Some(Dialog::EditConflict { fields, theirs, .. }) => html! {
            <ConflictDialog {lang} fields={fields.clone()} theirs={theirs.clone()}
                method={Shared(plan.method.clone())} currency={plan.currency.clone()} />
        },
        Some(Dialog::Gone { id, last }) => html! {
            <DealDialog key={id.as_str().to_string()} {lang} id={id.clone()} deal={Some(last.clone())}
                tab={crate::session::DealTab::Details} method={Shared(plan.method.clone())}
                currency={plan.currency.clone()} suggestions={Shared(suggestions.clone())} gone=true />
        },
        None => html! {},
    };
    let summary_filter = if state.view == View::Forecast {
        state.filter.clone()
    } else {
        Filter::default()
    };

    // projector mode: one slide, and nothing of the page around it
    if let Some(slide) = state.projector.clone().filter(|_| !state.is_blocked()) {
        let workshop = state.workshop.as_deref();
        return crate::ui::projector::projector(lang, &plan, workshop, &slide, &dispatch);
    }

    html! {
        <ContextProvider<Dispatch> context={dispatch}>
            <DropZone {lang}>
                <Header {lang} view={state.view} title={plan.title.clone()} has_deals={!plan.deals.is_empty()}
                    blocked={state.is_blocked()} />
                { banner }
                if state.restorable && !state.is_blocked() {
                    <RestoreBanner {lang} plan={plan.clone()} />
                }
                if let (false, Some(header)) = (state.is_blocked(), &plan.workshop) {
                    { exercise_banner(lang, header) }
                }
                if !state.is_blocked() && !plan.deals.is_empty() {
                    <SummaryLine {lang} plan={plan.clone()} filter={summary_filter} />
                }
                <main id="main">{ main }</main>
                <Footer {lang} usage={state.usage} plan={plan.clone()} revision={state.revision}
                    dialog={state.dialog.is_some()} />
                { dialog }
                if let Some(undo) = &state.undo {
                    <UndoToast {lang} seq={undo.seq} name={undo.removed.deal.name.clone()} />
                }
            </DropZone>
        </ContextProvider<Dispatch>>
    }
}

#[derive(Properties, PartialEq)]
struct DropZoneProps {
    lang: crate::i18n::Lang,
    children: Html,
}

/// The page as a drop target for plan files.
#[component]
fn DropZone(props: &DropZoneProps) -> Html {
    let store = use_store();
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
        let dragging = dragging.clone();
        move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let dropped = e
                .data_transfer()
                .and_then(|d| d.files())
                .map(|list| files_of(&list))
                .unwrap_or_default();
            store.read_files(dropped);
        }
    };
    html! {
        <div class={classes!("app", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            { props.children.clone() }
            if *dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ props.lang.texts().drop_here }</p></div>
            }
        </div>
    }
}
