//! A deal's score (量化评测) as a small badge: the total in a band's colour, and in its title
//! each part's points out of its maximum and why.
use yew::prelude::*;

use crate::domain::score::Score;
use crate::i18n::Lang;

/// The badge's title: `评分 62/100` and one line per part, `决策链 10/20 · …`.
pub fn score_title(lang: Lang, score: &Score) -> String {
    let mut title = format!("{} {}/100", lang.texts().score, score.total);
    for part in &score.parts {
        title.push_str(&format!(
            "\n{} {}/{} · {}",
            lang.score_part(part.part),
            part.points,
            part.max,
            lang.score_why(&part.why)
        ));
    }
    title
}

/// The badge (a plain function: a card draws it with itself).
pub fn score_badge(lang: Lang, score: &Score) -> Html {
    let total = score.total;
    let band = match total {
        75.. => "high",
        50.. => "mid",
        _ => "low",
    };
    let title = score_title(lang, score);
    html! {
        <span class={classes!("score-badge", band)} data-testid="score-badge" data-score={total.to_string()}
            title={title.clone()} aria-label={title}>
            <span class="score-label">{ lang.texts().score }</span>{ " " }<strong>{ total }</strong>
        </span>
    }
}
