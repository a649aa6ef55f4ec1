//! The backups kept in this browser: what each holds and when it was made; download, restore
//! (the plan shown is kept first) or delete each one.
use yew::prelude::*;

use crate::i18n::Lang;
use crate::session::backups::{Backup, BackupKind};
use crate::session::{Action, PlanRef, StorageError};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::modal::{on_escape, use_modal};
use crate::ui::common::store::use_store;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct BackupsDialogProps {
    pub lang: Lang,
    pub plan: PlanRef,
}

#[component]
pub fn BackupsDialog(props: &BackupsDialogProps) -> Html {
    let dispatch = use_dispatch();
    let store = use_store();
    let lang = props.lang;
    let t = lang.texts();
    let dialog = use_modal();
    let oncancel = on_escape(&dispatch, || Action::CloseDialog);
    // the list is read again after every change made here
    let generation = use_state(|| 0u32);
    let listed = {
        let store = store.clone();
        use_memo(*generation, move |_| store.backups())
    };
    let deleting = use_state(|| None::<String>);
    let failure = use_state(|| None::<StorageError>);
    // the fresh start asked for and awaiting its confirmation: the training case (true) or none
    let resetting = use_state(|| None::<bool>);
    let kind = |kind: BackupKind| match kind {
        BackupKind::Unreadable => t.backup_unreadable,
        BackupKind::BeforeImport => t.backup_before_import,
        BackupKind::BeforeRestore => t.backup_before_restore,
        BackupKind::BeforeReset => t.backup_before_reset,
    };
    let row = |backup: &Backup| {
        let when = backup
            .at
            .map(|at| {
                let local = clock::local_time(at);
                format!("{} {}", lang.date(local.date()), local.format("%H:%M"))
            })
            .unwrap_or_else(|| t.backup_when_unknown.to_string());
        let download = {
            let (store, backup) = (store.clone(), backup.clone());
            move |_| {
                store.download_backup(&backup);
            }
        };
        let restore = {
            let (store, key, plan, failure) = (
                store.clone(),
                backup.key.clone(),
                props.plan.clone(),
                failure.clone(),
            );
            move |_| failure.set(store.restore(&key, &plan).err())
        };
        let delete = {
            let (store, key, deleting, generation, failure) = (
                store.clone(),
                backup.key.clone(),
                deleting.clone(),
                generation.clone(),
                failure.clone(),
            );
            move |_| {
                if deleting.as_deref() == Some(key.as_str()) {
                    failure.set(store.delete_backup(&key).err());
                    deleting.set(None);
                    generation.set(*generation + 1);
                } else {
                    deleting.set(Some(key.clone()));
                }
            }
        };
        let confirming = deleting.as_deref() == Some(backup.key.as_str());
        html! {
            <li class="backup" data-testid="backup" data-kind={backup.kind.code()}>
                <div class="backup-what">
                    <strong>{ kind(backup.kind) }</strong>
                    <span class="when">{ when }</span>
                    <span class="size">{ lang.backup_size(backup.chars) }</span>
                </div>
                <div class="backup-actions">
                    <button type="button" data-testid="backup-download" onclick={download}>{ t.backup_download }</button>
                    if backup.kind != BackupKind::Unreadable {
                        <button type="button" data-testid="backup-restore" onclick={restore}>{ t.backup_restore }</button>
                    }
                    <button type="button" class={classes!(confirming.then_some("danger"))} data-testid="backup-delete" onclick={delete}>
                        { if confirming { t.backup_delete_confirm } else { t.backup_delete } }
                    </button>
                </div>
            </li>
        }
    };
    let reset = |label: &'static str, testid: &'static str, sample: Option<bool>| {
        let (store, plan, resetting, failure) = (
            store.clone(),
            props.plan.clone(),
            resetting.clone(),
            failure.clone(),
        );
        let onclick = move |_| match (sample, *resetting) {
            (Some(ask), _) => resetting.set(Some(ask)),
            (None, Some(sample)) => failure.set(store.reset(&plan, sample).err()),
            (None, None) => {}
        };
        html! { <button type="button" data-testid={testid} {onclick}>{ label }</button> }
    };
    let deals = props.plan.deals.len();
    let close = move |_| dispatch.dispatch(Action::CloseDialog);
    html! {
        <dialog ref={dialog} class="override backups" data-testid="backups-dialog" aria-labelledby="backups-title" {oncancel}>
            <header class="editor-head"><h2 id="backups-title">{ t.backups_title }</h2></header>
            <div class="override-body">
                <p>{ t.backups_intro }</p>
                { match &*listed {
                    Ok(list) if list.is_empty() => html! { <p class="note">{ t.backups_empty }</p> },
                    Ok(list) => html! { <ul class="backup-list">{ for list.iter().map(row) }</ul> },
                    Err(e) => html! { <p class="form-alert" role="alert">{ lang.storage_error(e) }</p> },
                } }
                if deals > 0 {
                    <section class="reset" data-testid="reset" aria-labelledby="reset-title">
                        <h3 id="reset-title">{ t.reset_title }</h3>
                        if let Some(sample) = *resetting {
                            <p class="form-alert" role="alert" data-testid="reset-warning">{ lang.reset_warning(deals, sample) }</p>
                            { reset(t.replace_confirm, "reset-confirm", None) }
                            <button type="button" data-testid="reset-cancel"
                                onclick={let resetting = resetting.clone(); move |_| resetting.set(None)}>{ t.cancel }</button>
                        } else {
                            { reset(t.reset_sample, "reset-sample", Some(true)) }
                            { reset(t.reset_clear, "reset-clear", Some(false)) }
                        }
                    </section>
                }
                if let Some(error) = &*failure {
                    <p class="form-alert" role="alert">{ lang.storage_error(error) }</p>
                }
            </div>
            <footer class="editor-actions">
                <span class="spacer"></span>
                <button type="button" data-testid="close-backups" onclick={close}>{ t.close }</button>
            </footer>
        </dialog>
    }
}
