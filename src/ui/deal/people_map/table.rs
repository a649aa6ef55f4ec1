//! The map as a table, for reading aloud and for those who prefer rows: one row per person, by
//! level and in the map's order, with whom they report to and whom they influence.
use yew::prelude::*;

use crate::chart::people_map::LinkKind;
use crate::chart::people_svg::{attitude_class, attitude_glyph};

use super::PeopleProps;

/// The table (a function, as [`super::people_map`]).
pub fn people_table(props: &PeopleProps) -> Html {
    let (lang, v) = (props.lang, &props.vocab);
    let t = lang.texts();
    let people = &props.people;
    let map = props.layout();
    let names = |i: usize, kind: LinkKind| {
        let list: Vec<&str> = map
            .links
            .iter()
            .filter(|l| l.kind == kind && l.from == i)
            .map(|l| people[l.to].name.as_str())
            .collect();
        list.join(" · ")
    };
    let row = |i: usize| {
        let p = &people[i];
        html! {
            <tr class={attitude_class(p.attitude)}>
                <td>{ v.level(p.level) }</td>
                <th scope="row">{ p.name.clone() }</th>
                <td>{ p.title.clone() }</td>
                <td>{ p.roles.join(" · ") }</td>
                <td>{ v.influence(p.influence) }</td>
                <td>{ format!("{} {}", attitude_glyph(p.attitude), v.attitude(p.attitude)) }</td>
                <td>{ format!("{}/5 {}", p.degree.min(4) + 1, v.degree(p.degree)) }</td>
                <td>{ p.owner.clone() }</td>
                <td>{ names(i, LinkKind::ReportsTo) }</td>
                <td>{ names(i, LinkKind::Influences) }</td>
            </tr>
        }
    };
    html! {
        <div class="table-wrap">
            <table class="forecast-table people-table" data-testid="people-table">
                <caption>{ t.map_title }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.map_level }</th>
                        <th scope="col">{ t.map_name }</th>
                        <th scope="col">{ t.map_job_title }</th>
                        <th scope="col">{ t.map_roles }</th>
                        <th scope="col">{ t.map_influence }</th>
                        <th scope="col">{ t.map_attitude }</th>
                        <th scope="col">{ t.map_relationship }</th>
                        <th scope="col">{ t.map_owner }</th>
                        <th scope="col">{ t.map_reports_to }</th>
                        <th scope="col">{ t.map_influences }</th>
                    </tr>
                </thead>
                <tbody>{ for map.order.iter().map(|&i| row(i)) }</tbody>
            </table>
        </div>
    }
}
