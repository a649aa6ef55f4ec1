//! The three aligned cycles (customer decision, sales activity, project stages) as concentric
//! rings, with the deal's claimed and verified stage marked on them.
use yew::prelude::*;

use crate::chart::rings::{Point, Rings};
use crate::domain::method::content;
use crate::domain::Stage;
use crate::i18n::Lang;

const SIZE: f64 = 360.0;
/// (inner, outer) radius of the project, sales and customer rings, inside out.
const RINGS: [(f64, f64); 3] = [(52.0, 92.0), (94.0, 130.0), (132.0, 164.0)];
/// Radii of the stage markers just outside the rings.
const MARK: (f64, f64) = (167.0, 179.0);

#[derive(Properties, PartialEq)]
pub struct CyclesDiagramProps {
    pub lang: Lang,
    pub claimed: Stage,
    pub verified: Stage,
    /// The method's probability for the claimed stage.
    pub probability: u8,
    /// The rings alone, with no deal marked on them (projector mode's slide).
    #[prop_or_default]
    pub bare: bool,
}

#[component]
pub fn CyclesDiagram(props: &CyclesDiagramProps) -> Html {
    let t = props.lang.texts();
    let rings = Rings {
        centre: Point {
            x: SIZE / 2.0,
            y: SIZE / 2.0,
        },
        segments: 8,
    };
    let c = content();
    let label = |ring: usize, stage: Stage| -> String {
        let row = c.row(stage);
        match ring {
            0 => stage.code().to_string(),
            1 => props.lang.pick(&row.sales.name).to_string(),
            _ => props.lang.pick(&row.customer.name).to_string(),
        }
    };
    let marker = |stage: Stage, class: &'static str, nudge: f64| {
        let angle = rings.mid_angle(stage.index()) + nudge;
        let tip = rings.at(MARK.0, angle);
        let (left, right) = (
            rings.at(MARK.1, angle - 0.06),
            rings.at(MARK.1, angle + 0.06),
        );
        html! {
            <polygon class={class} points={format!("{},{} {},{} {},{}", fmt(tip.x), fmt(tip.y), fmt(left.x), fmt(left.y), fmt(right.x), fmt(right.y))} />
        }
    };
    let apart = if props.claimed == props.verified {
        0.07
    } else {
        0.0
    };
    let description = props.lang.cycles_alt(props.claimed, props.verified);
    html! {
        <figure class="cycles">
            <svg viewBox={format!("0 0 {} {}", fmt(SIZE), fmt(SIZE))} role="img" aria-labelledby="cycles-title cycles-desc" data-testid="cycles-diagram">
                <title id="cycles-title">{ t.cycles_title }</title>
                <desc id="cycles-desc">{ description.clone() }</desc>
                { for RINGS.iter().enumerate().map(|(ring, &(inner, outer))| html! {
                    <g class={format!("ring ring-{ring}")}>
                        { for Stage::ALL.iter().map(|&stage| {
                            let p = rings.label(stage.index(), inner, outer);
                            let here = stage == props.claimed && !props.bare;
                            let turn = if ring == 0 { 0.0 } else { rings.label_rotation(stage.index()) };
                            let transform = format!("rotate({} {} {})", crate::chart::svg_number(turn, 1), fmt(p.x), fmt(p.y));
                            html! {
                                <g class={classes!("segment", here.then_some("here"), (stage <= props.verified && !props.bare).then_some("proven"))}>
                                    <path d={rings.segment_path(stage.index(), inner, outer, 0.012)} />
                                    <text x={fmt(p.x)} y={fmt(p.y)} {transform} dominant-baseline="middle" text-anchor="middle">{ label(ring, stage) }</text>
                                </g>
                            }
                        }) }
                    </g>
                }) }
                <circle class="hub" cx={fmt(rings.centre.x)} cy={fmt(rings.centre.y)} r="48" />
                if !props.bare {
                    { marker(props.verified, "marker verified", apart) }
                    { marker(props.claimed, "marker claimed", -apart) }
                    <text class="hub-text" x={fmt(rings.centre.x)} y={fmt(rings.centre.y - 8.0)} text-anchor="middle">
                        { props.claimed.code() }
                    </text>
                    <text class="hub-sub" x={fmt(rings.centre.x)} y={fmt(rings.centre.y + 14.0)} text-anchor="middle">
                        { format!("{}%", props.probability) }
                    </text>
                }
            </svg>
            <figcaption>
                if !props.bare {
                    <span class="key claimed">{ t.claimed_stage }</span>
                    <span class="key verified">{ t.verified_stage }</span>
                }
                <span class="key rings">{ t.cycles_key }</span>
            </figcaption>
        </figure>
    }
}

fn fmt(v: f64) -> String {
    crate::chart::svg_number(v, 2)
}
