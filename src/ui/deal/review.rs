//! The post-mortem (销售项目总结) of a closed deal, shown above its tabs: why it was won or
//! lost, against which competitor, what the team learned.
use yew::prelude::*;

use crate::domain::Deal;
use crate::i18n::Lang;

/// The post-mortem (a plain function, drawn with the dialog).
pub fn review_panel(lang: Lang, deal: &Deal) -> Html {
    let t = lang.texts();
    let review = &deal.people.review;
    let line = |label: &'static str, text: &String, testid: &'static str| {
        (!text.is_empty()).then(
            || html! { <><dt>{ label }</dt><dd data-testid={testid}>{ text.clone() }</dd></> },
        )
    };
    html! {
        <section class="review" data-testid="review" aria-label={t.review_title}>
            <h3>{ t.review_title }</h3>
            if review.is_empty() {
                <p class="muted">{ t.review_none }</p>
            } else {
                <dl>
                    { line(t.review_why, &review.why, "review-why") }
                    { line(t.review_competitor, &review.competitor, "review-competitor") }
                    { line(t.review_learned, &review.learned, "review-learned") }
                </dl>
            }
        </section>
    }
}
