//! The footer: where the plan lives, and how much of the browser's storage it uses.
use yew::prelude::*;

use crate::i18n::Lang;
use crate::session::{usage_permille, Action, QUOTA_CHARS, WARN_PERMILLE};
use crate::ui::common::context::use_dispatch;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub lang: Lang,
    /// Characters in the browser's storage, when known.
    pub usage: Option<usize>,
}

#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    html! {
        <footer class="privacy">
            <span>{ t.privacy }</span>
            <button type="button" class="ghost small" data-testid="open-backups"
                onclick={move |_| dispatch.dispatch(Action::OpenBackups)}>{ t.backups_open }</button>
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
