//! A deal's standing against the method: claimed and verified stage, an override that stays
//! visible, and the stale warning. Short on cards, long in the deal dialog.
use yew::prelude::*;

use crate::domain::gates::{claim_ahead, stale_days, standing_override, verified_stage};
use crate::domain::method::content;
use crate::domain::DealId;
use crate::i18n::Lang;
use crate::web::clock;

use super::state::PlanRef;

#[derive(Properties, PartialEq)]
pub struct DealFlagsProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub id: DealId,
    #[prop_or_default]
    pub long: bool,
}

#[component]
pub fn DealFlags(props: &DealFlagsProps) -> Html {
    let t = props.lang.texts();
    let Some(deal) = props.plan.deal(&props.id) else {
        return html! {};
    };
    let method = &props.plan.method;
    let verified = verified_stage(method, deal);
    let ahead = deal.is_open() && claim_ahead(method, deal);
    let flag = deal
        .is_open()
        .then(|| standing_override(method, deal))
        .flatten();
    let stale = stale_days(method, deal, clock::today());

    let verified_text = format!("{} {}", t.verified_stage, verified.code());
    html! {
        <div class={classes!("flags", props.long.then_some("long"))}>
            if props.long {
                <span class="flag stage" data-testid="claimed-stage">
                    { format!("{} {} {}", t.claimed_stage, deal.stage.code(), props.lang.stage_name(deal.stage)) }
                </span>
            }
            if props.long || ahead {
                <span class={classes!("flag", if ahead { "ahead" } else { "verified" })} data-testid="verified-stage"
                    data-verified={verified.code()} title={if ahead { t.ahead_of_evidence } else { t.verified_hint }}>
                    { if ahead { format!("⚠ {verified_text}") } else { format!("✓ {verified_text}") } }
                    if ahead && props.long { <span class="explain">{ format!(" · {}", t.ahead_of_evidence) }</span> }
                </span>
            }
            if let Some(change) = flag {
                <span class="flag override" data-testid="override-flag" title={change.reason.clone()}>
                    { format!("⚑ {}", t.override_flag) }
                    if props.long { <span class="explain">{ format!("{}{}", props.lang.colon(), change.reason) }</span> }
                </span>
            }
            if let Some(days) = stale {
                <span class="flag stale" data-testid="stale-flag"
                    title={format!("{} — “{}”", props.lang.stale_note(days), props.lang.pick(&content().principles[2]))}>
                    { props.lang.stale_note(days) }
                </span>
            }
        </div>
    }
}
