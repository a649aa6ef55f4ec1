//! Forecast accuracy: per ended month the forecast a snapshot made some months before (claimed
//! and verified) against what was won, the headline over the last six months, and per owner.
use yew::prelude::*;

use super::super::charts::accuracy_chart;
use super::figures_table;
use crate::domain::filter::Dimension;
use crate::domain::month_close::{accuracy, by_owner, Accuracy};
use crate::domain::Money;
use crate::i18n::Lang;
use crate::session::PlanRef;
use crate::web::clock;

/// The months the headline covers.
const MONTHS: u32 = 6;

fn percent(p: Option<i128>) -> String {
    p.map(|p| format!("{p} %"))
        .unwrap_or_else(|| "—".to_string())
}

/// The accuracy of the forecasts made `lead` months ahead.
pub fn accuracy_panel(lang: Lang, plan: &PlanRef, lead: &UseStateHandle<u32>) -> Html {
    let t = lang.texts();
    let currency = &plan.currency;
    let today = clock::today();
    let team: Accuracy = accuracy(plan, today, **lead, MONTHS, None);
    let owners = by_owner(plan, today, **lead, MONTHS);
    let onchange = {
        let lead = lead.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            lead.set(value.parse().unwrap_or(1));
        })
    };
    let won = |a: &Accuracy| a.rows.iter().map(|r| r.won).sum::<Money>().format(currency);
    let signed = |m: Money| {
        let text = m.format(currency);
        if m > Money::ZERO {
            format!("+{text}")
        } else {
            text
        }
    };
    html! {
        <div class="accuracy" data-testid="accuracy">
            <div class="controls" role="group" aria-label={t.accuracy_title}>
                <label class="control" for="accuracy-lead"><span>{ t.accuracy_lead }</span>
                    <select id="accuracy-lead" data-testid="accuracy-lead" {onchange}>
                        { for (1..=3u32).map(|n| html! { <option value={n.to_string()} selected={**lead == n}>{ n }</option> }) }
                    </select>
                </label>
            </div>
            if team.rows.is_empty() {
                <p class="note" data-testid="accuracy-none">{ t.accuracy_none }</p>
            } else {
                <p class="headline" data-testid="accuracy-headline">{ lang.accuracy_headline(MONTHS, team.verified_off, team.claimed_off) }</p>
                <p class="note">{ t.accuracy_rule }</p>
                { accuracy_chart(lang, currency, &team.rows) }
                { figures_table("accuracy-table", format!("{} · {} {}", t.accuracy_title, t.accuracy_lead, **lead),
                    &[t.col_period, t.accuracy_claimed, t.accuracy_verified, t.accuracy_won, t.accuracy_error_claimed, t.accuracy_error_verified],
                    team.rows.iter().map(|r| (lang.period(r.month), vec![r.claimed.format(currency), r.verified.format(currency),
                        r.won.format(currency), signed(r.error(false)), signed(r.error(true))])).collect(), None) }
                { figures_table("accuracy-owners", t.accuracy_by_owner.to_string(),
                    &[lang.dimension(Dimension::Owner), t.accuracy_won, t.accuracy_error_claimed, t.accuracy_error_verified],
                    owners.iter().map(|(owner, a)| {
                        let name = if owner.is_empty() { t.no_value.to_string() } else { owner.clone() };
                        (name, vec![won(a), percent(a.claimed_off), percent(a.verified_off)])
                    }).collect(),
                    Some((t.team.to_string(), vec![won(&team), percent(team.claimed_off), percent(team.verified_off)]))) }
            }
        </div>
    }
}
