//! The coverage flags of a deal's decision chain, each with the gate item or principle its rule
//! serves.
use yew::prelude::*;

use crate::domain::coverage::Flag;
use crate::domain::method::Method;
use crate::domain::Deal;
use crate::i18n::Lang;

/// The flags of `deal` (drawn as part of the People tab, not as a component of its own: every
/// component costs the download its share of Yew's machinery).
pub fn coverage_flags(lang: Lang, deal: &Deal, method: &Method, flags: &[Flag]) -> Html {
    let t = lang.texts();
    let from = method.people.chain_from;
    html! {
        <section class="coverage" data-testid="coverage-flags" aria-labelledby="coverage-title">
            <h3 id="coverage-title">{ t.flags_title }</h3>
            if flags.is_empty() {
                <p class="note" data-testid="no-flags">
                    { if deal.is_open() && deal.stage < from {
                        format!("{}{}{}", t.flags_from, lang.colon(), from.code())
                    } else {
                        t.flags_none.to_string()
                    } }
                </p>
            } else {
                <ul class="flag-list">
                    { for flags.iter().map(|flag| html! {
                        <li data-testid="coverage-flag" data-rule={flag.rule()}>
                            <strong>{ lang.flag(flag) }</strong>
                            <span class="serves">{ format!(" — {}{}{}", t.flag_serves, lang.colon(), lang.serves(flag.serves(), method)) }</span>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
