//! The footer: where the plan lives, and how much of the browser's storage it uses.
use yew::prelude::*;

use crate::i18n::Lang;
use crate::session::{usage_permille, QUOTA_CHARS, WARN_PERMILLE};

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub lang: Lang,
    /// Characters in the browser's storage, when known.
    pub usage: Option<usize>,
}

#[component]
pub fn Footer(props: &FooterProps) -> Html {
    html! {
        <footer class="privacy">
            <span>{ props.lang.texts().privacy }</span>
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
