//! Warnings that stay until resolved: unreadable stored data, and saves the browser refused.
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::storage::{export_file_name, Unreadable, STAMP_KEY};
use crate::i18n::Lang;
use crate::web::storage::StorageError;
use crate::web::{clock, download};

use super::context::use_dispatch;
use super::startup::external_update;
use super::state::{Action, PlanRef};

#[derive(Properties, PartialEq)]
pub struct CorruptBannerProps {
    pub lang: Lang,
    pub raw: Rc<str>,
    pub why: Unreadable,
    pub backup_saved: bool,
}

#[component]
pub fn CorruptBanner(props: &CorruptBannerProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let download_raw = {
        let raw = props.raw.clone();
        Callback::from(move |_: MouseEvent| {
            let name = export_file_name(Some("keyplan-unreadable"), clock::today(), "txt");
            let _ = download::download_text(&name, "text/plain;charset=utf-8", &raw);
        })
    };
    let start_fresh = {
        let (download_raw, backup_saved) = (download_raw.clone(), props.backup_saved);
        move |e: MouseEvent| {
            if !backup_saved {
                download_raw.emit(e);
            }
            dispatch.dispatch(Action::StartFresh);
        }
    };
    html! {
        <section class="banner error" role="alert" data-testid="corrupt-banner">
            <h1>{ t.corrupt_title }</h1>
            <p class="reason">{ props.lang.unreadable(&props.why) }</p>
            <p>{ if props.backup_saved { t.corrupt_kept } else { t.corrupt_backup_failed } }</p>
            <p>{ t.corrupt_paused }</p>
            <div class="banner-actions">
                <button type="button" class="primary" data-testid="download-corrupt" onclick={download_raw}>{ t.download_raw }</button>
                <button type="button" data-testid="start-fresh" onclick={start_fresh}>{ t.start_fresh }</button>
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
    let t = props.lang.texts();
    let message = match &props.error {
        StorageError::Unavailable => t.storage_unavailable.to_string(),
        StorageError::Full => t.storage_full.to_string(),
        StorageError::Other(detail) => format!("{} ({detail})", t.storage_failed),
    };
    let download = {
        let plan = props.plan.clone();
        move |_| {
            let _ = download::download_plan(&plan, None);
        }
    };
    html! {
        <section class="banner warning" role="alert" data-testid="storage-banner">
            <p>{ message }</p>
            <div class="banner-actions">
                <button type="button" class="primary" data-testid="download-plan" onclick={download}>{ t.download_plan }</button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct StaleBannerProps {
    pub lang: Lang,
    pub plan: PlanRef,
}

/// Another tab or window saved a different plan: load it, or keep this one (overwriting), or
/// download this one first. Nothing is overwritten without the choice.
#[component]
pub fn StaleBanner(props: &StaleBannerProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let load = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(external_update(true))
    };
    let keep = {
        let dispatch = dispatch.clone();
        move |_| {
            let stamp = crate::web::storage::read(STAMP_KEY).ok().flatten();
            dispatch.dispatch(Action::KeepMine { stamp })
        }
    };
    let download = {
        let plan = props.plan.clone();
        move |_| {
            let _ = download::download_plan(&plan, None);
        }
    };
    html! {
        <section class="banner warning" role="alert" data-testid="stale-banner">
            <p>{ t.stale_plan }</p>
            <div class="banner-actions">
                <button type="button" class="primary" data-testid="load-latest" onclick={load}>{ t.load_latest }</button>
                <button type="button" data-testid="keep-mine" onclick={keep}>{ t.keep_mine }</button>
                <button type="button" data-testid="download-plan" onclick={download}>{ t.download_plan }</button>
            </div>
        </section>
    }
}
