//! The map itself (markup from `crate::chart::people_svg`) and its legend.
use yew::prelude::*;

use crate::chart::people_map::LinkKind;
use crate::chart::people_svg::{people_svg, MapWords};

use super::legend::legend;
use super::PeopleProps;

/// The map (a function rather than a component: each component costs the download its share of
/// Yew's machinery).
pub fn people_map(props: &PeopleProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let map = props.layout();
    let count = |kind| map.links.iter().filter(|l| l.kind == kind).count();
    let desc = lang.map_desc(
        props.people.len(),
        count(LinkKind::ReportsTo),
        count(LinkKind::Influences),
    );
    let words = MapWords {
        title: t.map_title,
        desc: &desc,
        colon: lang.colon(),
        influence: t.map_influence,
        attitude: t.map_attitude,
        relationship: t.map_relationship,
        owner: t.map_owner,
        no_value: t.no_value,
        ids: props.ids,
    };
    // every text in it is escaped (`people_svg`)
    let svg =
        Html::from_html_unchecked(people_svg(&props.people, &map, &props.vocab, &words).into());
    html! {
        <figure class="chart people-map" data-testid="people-map">
            { svg }
            { legend(lang, &props.vocab, props.ids) }
        </figure>
    }
}
