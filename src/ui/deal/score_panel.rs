//! The deal's score (量化评测): the total, each part's points out of its maximum and why, and
//! the step that would raise it most.
use yew::prelude::*;

use crate::domain::method::Method;
use crate::domain::score::Score;
use crate::i18n::Lang;

/// The score panel (a function rather than a component, as [`super::coverage_flags`]).
pub fn score_panel(lang: Lang, score: &Score, method: &Method) -> Html {
    let t = lang.texts();
    html! {
        <section class="score-panel" data-testid="deal-score" aria-labelledby="score-title">
            <h3 id="score-title">
                { t.score_title }
                <span class="score-total" data-testid="score-total">{ score.total }</span>
                <span class="score-of">{ "/100" }</span>
            </h3>
            <ul class="score-parts">
                { for score.parts.iter().map(|p| html! {
                    <li data-testid="score-part" data-part={(p.part as u8).to_string()}>
                        <span class="part-name">{ lang.score_part(p.part) }</span>
                        <span class="part-points">{ format!("{}/{}", p.points, p.max) }</span>
                        <span class="part-why">{ lang.score_why(&p.why) }</span>
                    </li>
                }) }
            </ul>
            if let Some(raise) = score.raise_most() {
                <p class="raise" data-testid="score-raise">
                    <strong>{ format!("{}{}", t.score_raise_most, lang.colon()) }</strong>
                    { lang.raise(raise, method) }
                </p>
            }
        </section>
    }
}
