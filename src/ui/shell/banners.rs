//! Warnings that stay until resolved: unreadable stored data, saves the browser refused, a save
//! of another tab, and the offer to undo an import.
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::plan_file::packed::plain;
use crate::domain::plan_file::Unreadable;
use crate::i18n::Lang;
use crate::session::{Action, PlanRef, StorageError};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::store::use_store;

#[derive(Properties, PartialEq)]
pub struct CorruptBannerProps {
    pub lang: Lang,
    pub raw: Rc<str>,
    pub why: Unreadable,
    pub backup_saved: bool,
}

/// How far starting afresh has gone when the text could not be backed up.
#[derive(Clone, Copy, PartialEq)]
enum Fresh {
    /// Not asked.
    Idle,
    /// The text was offered as a download; the person confirms they have it.
    Downloaded,
    /// The browser refused the download.
    DownloadFailed,
}

#[component]
pub fn CorruptBanner(props: &CorruptBannerProps) -> Html {
    let dispatch = use_dispatch();
    let store = use_store();
    let t = props.lang.texts();
    let fresh = use_state(|| Fresh::Idle);
    let download_raw = {
        let (store, raw) = (store.clone(), props.raw.clone());
        move || {
            // packed text that unpacks is offered as its JSON, which a person can read
            store.download_text(
                Some("keyplan-unreadable"),
                "txt",
                "text/plain;charset=utf-8",
                &plain(raw.to_string()),
            )
        }
    };
    let on_download = {
        let download_raw = download_raw.clone();
        move |_: MouseEvent| {
            download_raw();
        }
    };
    let start_fresh = {
        let (dispatch, fresh, backup_saved) = (dispatch.clone(), fresh.clone(), props.backup_saved);
        move |_: MouseEvent| {
            if backup_saved {
                dispatch.dispatch(Action::StartFresh);
                return;
            }
            // the only copy is this text: it is downloaded first, and the person confirms
            fresh.set(if download_raw() {
                Fresh::Downloaded
            } else {
                Fresh::DownloadFailed
            });
        }
    };
    let confirm = move |_: MouseEvent| dispatch.dispatch(Action::StartFresh);
    html! {
        <section class="banner error" role="alert" data-testid="corrupt-banner">
            <h1>{ t.corrupt_title }</h1>
            <p class="reason">{ props.lang.unreadable(&props.why) }</p>
            <p>{ if props.backup_saved { t.corrupt_kept } else { t.corrupt_backup_failed } }</p>
            <p>{ t.corrupt_paused }</p>
            <div class="banner-actions">
                <button type="button" class="primary" data-testid="download-corrupt" onclick={on_download}>{ t.download_raw }</button>
                if *fresh == Fresh::Downloaded {
                    <p class="confirm" data-testid="fresh-confirm">{ t.fresh_confirm }</p>
                    <button type="button" class="danger" data-testid="confirm-fresh" onclick={confirm}>{ t.fresh_confirmed }</button>
                } else {
                    <button type="button" data-testid="start-fresh" onclick={start_fresh}>{ t.start_fresh }</button>
                }
                if *fresh == Fresh::DownloadFailed {
                    <p class="form-alert" role="alert" data-testid="download-failed">{ t.download_failed }</p>
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct StorageBannerProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub error: StorageError,
}

#[component]
pub fn StorageBanner(props: &StorageBannerProps) -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let download = {
        let plan = props.plan.clone();
        move |_| {
            store.download_plan(&plan, None);
        }
    };
    html! {
        <section class="banner warning" role="alert" data-testid="storage-banner">
            <p>{ props.lang.storage_error(&props.error) }</p>
            <div class="banner-actions">
                <button type="button" class="primary" data-testid="download-plan" onclick={download}>{ t.download_plan }</button>
                <button type="button" data-testid="retry-save" onclick={move |_| dispatch.dispatch(Action::RetrySave)}>{ t.retry_save }</button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct StaleBannerProps {
    pub lang: Lang,
    pub plan: PlanRef,
}

/// Another tab or window saved a different plan: merge both, load it, or keep this one
/// (replacing it), or download this one first. Nothing is overwritten without the choice.
#[component]
pub fn StaleBanner(props: &StaleBannerProps) -> Html {
    let store = use_store();
    let t = props.lang.texts();
    let merge = {
        let (store, plan) = (store.clone(), props.plan.clone());
        move |_| store.merge_latest(&plan)
    };
    let load = {
        let store = store.clone();
        move |_| store.load_latest()
    };
    let keep = {
        let store = store.clone();
        move |_| store.keep_mine()
    };
    let download = {
        let plan = props.plan.clone();
        move |_| {
            store.download_plan(&plan, None);
        }
    };
    html! {
        <section class="banner warning" role="alert" data-testid="stale-banner">
            <p>{ t.stale_plan }</p>
            <div class="banner-actions">
                <button type="button" class="primary" data-testid="merge-latest" onclick={merge}>{ t.merge_latest }</button>
                <button type="button" data-testid="load-latest" onclick={load}>{ t.load_latest }</button>
                <button type="button" data-testid="keep-mine" onclick={keep}>{ t.keep_mine }</button>
                <button type="button" data-testid="download-plan" onclick={download}>{ t.download_plan }</button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct RestoreBannerProps {
    pub lang: Lang,
    pub plan: PlanRef,
}

/// After an import: the plan from before it is kept and can be put back in one step.
#[component]
pub fn RestoreBanner(props: &RestoreBannerProps) -> Html {
    let store = use_store();
    let t = props.lang.texts();
    let failure = use_state(|| None::<StorageError>);
    let restore = {
        let (store, plan, failure) = (store.clone(), props.plan.clone(), failure.clone());
        move |_| failure.set(store.restore_before_import(&plan).err())
    };
    html! {
        <section class="banner info" role="status" data-testid="import-done">
            <p>{ t.imported_notice }</p>
            <div class="banner-actions">
                <button type="button" data-testid="restore-import" onclick={restore}>
                    { t.restore_before_import }
                </button>
                <button type="button" class="ghost" data-testid="dismiss-restore" onclick={move |_| store.dismiss_restore()}>{ t.dismiss }</button>
            </div>
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ props.lang.storage_error(error) }</p>
            }
        </section>
    }
}
