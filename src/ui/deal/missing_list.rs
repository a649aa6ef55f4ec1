//! The gate items a move or a win is missing, each with its stage and text.
use yew::prelude::*;

use crate::domain::gates::Missing;
use crate::domain::method::Method;
use crate::i18n::Lang;
use crate::ui::common::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct MissingListProps {
    pub lang: Lang,
    pub method: Shared<Method>,
    pub missing: Vec<Missing>,
}

#[component]
pub fn MissingList(props: &MissingListProps) -> Html {
    let lang = props.lang;
    html! {
        <ul class="missing">
            { for props.missing.iter().map(|m| {
                let text = props.method.find_item(&m.id)
                    .map(|(_, item)| lang.pick(&item.text).to_string())
                    .unwrap_or_default();
                html! {
                    <li data-testid="missing-item" data-item={m.id.as_str().to_string()}>
                        <span class="code">{ m.stage.code() }</span>{ " " }{ text }
                    </li>
                }
            }) }
        </ul>
    }
}
