//! The button under a list shown a page at a time (board columns, the deal list, the import
//! preview): how many more a click shows, and how many are not shown.
use yew::prelude::*;

use crate::i18n::Lang;

/// "Show 20 more (45 not shown)" while `hidden` items are not shown, each click showing up to
/// `page` more; nothing once all are shown.
pub fn show_more(lang: Lang, hidden: usize, page: usize, onclick: Callback<MouseEvent>) -> Html {
    html! {
        if hidden > 0 {
            <button type="button" class="show-more" data-testid="show-more" {onclick}>
                { lang.show_more(hidden.min(page), hidden) }
            </button>
        }
    }
}
