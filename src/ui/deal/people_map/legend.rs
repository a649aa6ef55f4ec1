//! The map's legend: the two kinds of line, the attitude glyphs, the relationship ladder and the
//! thick border of high influence, each drawn as on the map.
use yew::prelude::*;

use crate::chart::people_svg::{attitude_class, attitude_glyph, ladder, MapVocab, ARROW};
use crate::i18n::Lang;

/// One entry: a swatch (SVG shapes in a box `width` × 16) and its words.
fn key(width: u32, shapes: &str, label: &str) -> Html {
    let swatch = format!(
        r#"<svg class="swatch" viewBox="0 0 {width} 16" aria-hidden="true">{shapes}</svg>"#
    );
    html! {
        <span class="key">{ Html::from_html_unchecked(swatch.into()) }{ label.to_string() }</span>
    }
}

pub(super) fn legend(lang: Lang, v: &MapVocab, ids: &str) -> Html {
    let t = lang.texts();
    let attitude = |a: Option<u8>| {
        let shapes = format!(
            r#"<g class="{}"><circle class="attitude" cx="12" cy="8" r="7.5"/><text class="glyph" x="12" y="9" text-anchor="middle" dominant-baseline="middle">{}</text></g>"#,
            attitude_class(a),
            attitude_glyph(a)
        );
        key(24, &shapes, v.attitude(a))
    };
    let mut steps = String::new();
    ladder(&mut steps, 1, 2, 2);
    let degrees = format!(
        "{}{}{}",
        t.map_relationship,
        lang.colon(),
        v.degrees.join(" → ")
    );
    html! {
        <figcaption class="chart-legend people-legend">
            { key(28, r#"<path class="reports" d="M2 8H26"/>"#, t.map_reports_to) }
            { key(28, &format!(r#"<path class="influences" d="M2 8H24" marker-end="url(#{ARROW}{ids})"/>"#), t.map_influences) }
            <span class="key-group">
                { t.map_attitude }{ lang.colon() }
                { for (0..5u8).rev().map(|a| attitude(Some(a))) }
                { attitude(None) }
            </span>
            { key(40, &steps, &degrees) }
            { key(28, r#"<rect class="card" x="2" y="2" width="24" height="12" rx="2"/>"#, t.map_thick_border) }
        </figcaption>
    }
}
