//! The footer, one line: where the plan lives, when it was last exported (with a backup export
//! after a week of changes in no export), the backups, projector mode, and how much of the
//! storage it uses.
use yew::prelude::*;

use crate::i18n::Lang;
use crate::session::projector::Present;
use crate::session::{usage_permille, Action, PlanRef, TableFile, QUOTA_CHARS, WARN_PERMILLE};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::export_record::use_export_record;
use crate::ui::common::shared::Shared;
use crate::ui::common::store::use_store;
use crate::ui::print::handouts::Handouts;
use crate::web::clock;
use crate::web::place::plan_file_location;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub lang: Lang,
    /// Characters in the browser's storage, when known.
    pub usage: Option<usize>,
    /// The plan, for the backup export.
    pub plan: PlanRef,
    /// The session's revision: each new one is a change to the plan.
    pub revision: u64,
    /// A dialog is open. The plan is exported from dialogs, so the footer is drawn again (with
    /// the new last export) when one closes.
    pub dialog: bool,
}

#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let dispatch = use_dispatch();
    let store = use_store();
    let t = props.lang.texts();
    let (record, redraw) = use_export_record(props.revision);
    // a range copied from Excel, through the import's columns and preview
    let paste = {
        let dispatch = dispatch.clone();
        move |_| {
            dispatch.dispatch(Action::ImportTable(TableFile {
                pasted: true,
                ..TableFile::default()
            }))
        }
    };
    let backup = {
        let plan = props.plan.clone();
        move |_| {
            store.download_plan(&plan, None);
            redraw.force_update();
        }
    };
    let place = plan_file_location();
    html! {
        <footer class="privacy">
            <span>{ if place.is_some() { t.where_file } else { t.privacy } }
                if let Some(path) = place {
                    { " " }<code class="path" data-testid="plan-location" title={path.clone()}>{ path }</code>
                }
            </span>
            <span data-testid="last-export">{ props.lang.last_export(record.exported.map(clock::local_day)) }</span>
            if record.backup_due(clock::now()) {
                <button type="button" class="primary small" data-testid="backup-export" onclick={backup}>{ t.backup_export }</button>
            }
            <button type="button" class="ghost small" data-testid="import-paste" onclick={paste}>{ t.import_paste }</button>
            <button type="button" class="ghost small" data-testid="open-backups"
                onclick={let d = dispatch.clone(); move |_| d.dispatch(Action::OpenBackups)}>{ t.backups_open }</button>
            // projector mode (the header has no room left at 1366 px wide)
            <button type="button" class="ghost small" data-testid="projector-toggle" title="P"
                onclick={move |_| dispatch.dispatch(Action::Present(Present::Toggle))}>{ t.projector_on }</button>
            <Handouts lang={props.lang} method={Shared(props.plan.method.clone())} board={!props.plan.deals.is_empty()} />
            if let Some(chars) = props.usage {
                {{
                    let permille = usage_permille(chars);
                    let high = permille >= WARN_PERMILLE;
                    html! {
                        <span class={classes!("usage", high.then_some("high"))} data-testid="storage-usage">
                            { props.lang.storage_usage(permille, chars, QUOTA_CHARS, high) }
                        </span>
                    }
                }}
            }
        </footer>
    }
}
