//! A deal's standing against the method: claimed and verified stage, an override that stays
//! visible, and the stale warning. Short on cards, long in the deal dialog.
use yew::prelude::*;

use crate::domain::gates::Standing;
use crate::domain::method::content;
use crate::domain::Stage;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct DealFlagsProps {
    pub lang: Lang,
    /// The claimed stage.
    pub stage: Stage,
    pub standing: Standing,
    #[prop_or_default]
    pub long: bool,
}

#[component]
pub fn DealFlags(props: &DealFlagsProps) -> Html {
    let t = props.lang.texts();
    let s = &props.standing;
    let verified_text = format!("{} {}", t.verified_stage, s.verified.code());
    html! {
        <div class={classes!("flags", props.long.then_some("long"))}>
            if props.long {
                <span class="flag stage" data-testid="claimed-stage">
                    { format!("{} {} {}", t.claimed_stage, props.stage.code(), props.lang.stage_name(props.stage)) }
                </span>
            }
            if props.long || s.ahead {
                <span class={classes!("flag", if s.ahead { "ahead" } else { "verified" })} data-testid="verified-stage"
                    data-verified={s.verified.code()} title={if s.ahead { t.ahead_of_evidence } else { t.verified_hint }}>
                    { if s.ahead { format!("⚠ {verified_text}") } else { format!("✓ {verified_text}") } }
                    if s.ahead && props.long { <span class="explain">{ format!(" · {}", t.ahead_of_evidence) }</span> }
                </span>
            }
            if let Some(change) = &s.standing_override {
                <span class="flag override" data-testid="override-flag" title={change.reason.clone()}>
                    { format!("⚑ {}", t.override_flag) }
                    if props.long { <span class="explain">{ props.lang.colon() }<bdi>{ change.reason.clone() }</bdi></span> }
                </span>
            }
            if let Some(days) = s.stale_days {
                <span class="flag stale" data-testid="stale-flag"
                    title={format!("{} — “{}”", props.lang.stale_note(days), props.lang.pick(&content().principles[2]))}>
                    { props.lang.stale_note(days) }
                </span>
            }
        </div>
    }
}
