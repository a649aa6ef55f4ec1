//! The deal's people on the printed page. Every dialog is hidden in print, so while the People
//! tab is open the deal's map, table and flags are also drawn outside the dialog, straight in the
//! page's body, where the print style shows them alone.
use yew::prelude::*;

use super::people_cards::{cards, vocab};
use super::people_map::{people_map, people_table, PeopleProps};
use crate::domain::coverage::Flag;
use crate::domain::method::Method;
use crate::domain::Deal;
use crate::i18n::Lang;

/// The print view of `deal`'s people, drawn into the page's body.
pub fn people_print(lang: Lang, deal: &Deal, method: &Method, flags: &[Flag]) -> Html {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return html! {};
    };
    let (people, links) = cards(lang, &deal.people);
    let map = PeopleProps {
        lang,
        people,
        links,
        vocab: vocab(lang),
    };
    let page = html! {
        <section class="people-print" data-testid="people-print">
            <h1>{ format!("{} · {}", deal.name, deal.customer) }</h1>
            { people_map(&map) }
            { people_table(&map) }
            <ul class="flag-list">
                { for flags.iter().map(|f| html! {
                    <li>{ format!("{} — {}", lang.flag(f), lang.serves(f.serves(), method)) }</li>
                }) }
            </ul>
        </section>
    };
    create_portal(page, body.into())
}
