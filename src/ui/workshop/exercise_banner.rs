//! In a table's copy of a workshop case: which table this is and the exercise the trainer set.
use yew::prelude::*;

use crate::domain::workshop_header::WorkshopHeader;
use crate::i18n::Lang;

pub fn exercise_banner(lang: Lang, header: &WorkshopHeader) -> Html {
    html! {
        <p class="ws-exercise-banner" data-testid="ws-exercise-banner">
            <strong><bdi>{ header.table.clone() }</bdi></strong>
            if !header.exercise.is_empty() {
                { " · " }{ lang.texts().ws_exercise }{ lang.colon() }{ header.exercise.clone() }
            }
        </p>
    }
}
