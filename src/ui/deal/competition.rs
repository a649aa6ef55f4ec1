//! The Competition tab of a deal: its competitors, the golden triangle (金三角) they form with the
//! customer and us, and the deal's SWOT with the TWOS strategies.
use std::rc::Rc;

use yew::prelude::*;

use super::competitor_list::CompetitorList;
use super::golden_triangle::golden_triangle;
use super::swot_form::SwotForm;
use crate::domain::Deal;
use crate::i18n::Lang;

/// The tab's body.
pub fn competition(lang: Lang, deal: &Rc<Deal>) -> Html {
    html! {
        <div class="competition" data-testid="competition">
            <CompetitorList {lang} deal={deal.clone()} />
            { golden_triangle(lang, deal) }
            <SwotForm key={deal.id.as_str().to_string()} {lang} deal={deal.clone()} />
        </div>
    }
}
